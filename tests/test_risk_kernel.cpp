// The per-path kernel of the Monte Carlo (issue 15, item 1; engine/src/risk.cpp): it runs only
// the rules the draws touch and re-sums only the subtotals above them. Its reference is the whole
// compute() (verified against the plan by the golden test): on many paths, for scenarios that bind
// different kinds of parameters, every line the kernel keeps must equal compute()'s to the cent.
#include <doctest/doctest.h>

#include <algorithm>

#include "begroting/risk.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

Scenario text(const std::string& extends, const std::string& extra) {
  return load_scenario_text("extends: " + extends + "\nnaam: test\n" + extra, testutil::source("scenarios/test-kernel.yaml"));
}

/// Compare the kernel with compute() on `paths` paths; returns the number of (line, year) cells
/// compared. The waterbed view and the kengetallen are the plan run's (not evaluated per path).
long compare(const Scenario& s, std::uint64_t paths) {
  const RiskModel m(s);
  REQUIRE(m.kernel_steps() != std::vector<std::string>{"compute()"});
  PathEvaluator fast(m), slow(m, true);
  const int n = m.base().horizon.size();
  long cells = 0;
  for (std::uint64_t p = 0; p < paths; ++p) {
    fast.draw(99, p);
    slow.draw(99, p);
    const Result& a = fast.evaluate();
    const Result& b = slow.evaluate();
    const Model& model = b.m();  // every line of the model, also those a model file or scenario declares
    for (int l = 0; l < model.size(); ++l) {
      const ModelLine& d = model.line(l);
      if (d.id.rfind("waterbed", 0) == 0 || l == static_cast<int>(Line::rentabiliteit) || l == static_cast<int>(Line::weerstandsvermogen_pct))
        continue;
      const auto line = static_cast<Line>(l);
      for (int i = 0; i < n; ++i) {
        CAPTURE(d.id);
        CAPTURE(i);
        CAPTURE(p);
        if (d.money()) REQUIRE(a.c(line, i) == b.c(line, i));
        else REQUIRE((a.r(line, i) == b.r(line, i) || (std::isnan(a.r(line, i)) && std::isnan(b.r(line, i)))));
        ++cells;
      }
    }
  }
  return cells;
}

bool runs(const RiskModel& m, const std::string& step) {
  const auto s = m.kernel_steps();
  return std::find(s.begin(), s.end(), step) != s.end();
}

}  // namespace

TEST_CASE("risk kernel equals compute() on 300 paths of the plan's onzekerheden") {
  CHECK(compare(load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml")), 300) > 0);
}

TEST_CASE("risk kernel equals compute() with a schools file and with the flow model") {
  CHECK(compare(load_scenario(testutil::source("tests/data/risico-scholen.yaml")), 200) > 0);
  CHECK(compare(load_scenario(testutil::source("tests/data/risico-stromen.yaml")), 200) > 0);
}

TEST_CASE("risk kernel runs only the rules a bound parameter reaches") {
  // personeel.groei reaches personeelskosten only: the personnel rule, the sums above it and the
  // reserves; no population, no rijksbijdrage, no schools.
  const Scenario s = text("zuid-kennemerland-2024.yaml",
                          "onzekerheden:\n  loon: {parameter: personeel.groei, verdeling: uniform, min: 0.01, max: 0.05, trekking: per_jaar}\n");
  const RiskModel m(s);
  CHECK(m.kernel_steps() == std::vector<std::string>{"personeel", "som lasten.management_en_organisatie.totaal", "som lasten.totaal",
                                                     "reserves", "signaleringswaarde"});
  CHECK(compare(s, 100) > 0);
}

TEST_CASE("risk kernel: bo growth alone reaches the rijksbijdrage and the ondersteuningsbedrag but not the personnel") {
  const Scenario s = text("zuid-kennemerland-2024.yaml",
                          "onzekerheden:\n  bo: {parameter: leerlingen.bo.groei, verdeling: normaal, gemiddelde: -0.007, sd: 0.01, trekking: per_jaar}\n");
  const RiskModel m(s);
  CHECK(runs(m, "population"));
  CHECK(runs(m, "rijksbijdrage"));
  CHECK(runs(m, "ondersteuningsbedrag_bao"));
  CHECK_FALSE(runs(m, "personeel"));  // the population rule writes every pupil line: the SO rules run too
  CHECK_FALSE(runs(m, "instroom_terugplaatsing"));
  CHECK_FALSE(runs(m, "som lasten.management_en_organisatie.totaal"));
  CHECK(compare(s, 100) > 0);
}

TEST_CASE("risk kernel: a bound amount line that the schools rule overwrites is overwritten on every path") {
  // With a schools file, scholen replaces the amount line tlv_op_bao by the sum over the schools
  // (8.1.4): drawing the amount must not change the budget, and the kernel must run scholen again.
  const Scenario s = text("zuid-kennemerland-2024-scholen.yaml",
                          "onzekerheden:\n  tlv: {parameter: bedragen.lasten.overdrachten.regulier_onderwijs.tlv_op_bao, verdeling: uniform,"
                          " min: 0, max: 2000000, trekking: per_jaar}\n");
  const RiskModel m(s);
  CHECK((runs(m, "scholen") || runs(m, "scholen (basis)")));  // basis: the plan's TLV sum, not the drawn amount
  CHECK(compare(s, 50) > 0);
  PathEvaluator pe(m);
  pe.draw(5, 3);
  CHECK(pe.evaluate().c(Line::eigen_vermogen, 4) == m.plan().c(Line::eigen_vermogen, 4));
}

TEST_CASE("risk kernel: the IKC bandbreedte reads the aanvulling the volumebekostiging wrote on the same path") {
  // ikc_bandbreedte adds its settlement to ikc_aanvulling: with the IKC count drawn both rules run,
  // in order, so the settlement is never added twice.
  const Scenario s = text("zuid-kennemerland-2024.yaml",
                          "ikc: {verrekening: volledig, teldatum_later: {2025: 330, 2027: 300}}\n"
                          "onzekerheden:\n  ikc: {parameter: leerlingen.ikc.groei, verdeling: uniform, min: -0.1, max: 0.2, trekking: per_jaar}\n");
  const RiskModel m(s);
  CHECK(runs(m, "ikc_volumebekostiging"));
  CHECK(runs(m, "ikc_bandbreedte"));
  CHECK(compare(s, 100) > 0);
}

TEST_CASE("risk kernel from the model's graph: the second SWV's own lines and a declared new line") {
  // voorbeeld-swv has its own model file (model.yaml): its onzekerheden bind amount lines that
  // only that model has. The kernel takes its dependencies from the graph, so it runs those
  // lines and the sums above them, not the whole compute().
  const Scenario swv = load_scenario(testutil::source("scenarios/voorbeeld-swv/voorbeeld-swv-risico.yaml"));
  const RiskModel m(swv);
  CHECK_FALSE(runs(m, "population"));
  CHECK(runs(m, "reserves"));
  CHECK(compare(swv, 200) > 0);
  // A line declared in a scenario (regels: nieuw, as scenarios/nieuwe-regel.yaml) with an
  // uncertain amount: the kernel copies that line, re-sums its section and the totals.
  const Scenario nieuw = text("nieuwe-regel.yaml",
                              "onzekerheden:\n  taalklas: {parameter: bedragen.lasten.uitvoeringsorganisatie.project_taalklas,"
                              " verdeling: uniform, min: 50000, max: 150000, trekking: per_jaar}\n");
  const RiskModel mn(nieuw);
  CHECK(runs(mn, "lasten.uitvoeringsorganisatie.project_taalklas"));
  CHECK(runs(mn, "som lasten.uitvoeringsorganisatie.totaal"));
  CHECK_FALSE(runs(mn, "population"));
  CHECK(compare(nieuw, 100) > 0);
}

TEST_CASE("risk kernel with a schools file: only the per-school basis per path unless a TOP parameter is drawn") {
  // risico-scholen draws the pupils (bo growth): the afdracht, TLV op bao and instroom sums over
  // the schools do not depend on it, so per path only the basis (pupils x ondersteuningsbedrag
  // per leerling, rounded per school) is recomputed. Drawing the TLV SBO tarief (top.*) changes the
  // afdracht of every school: then the whole schools rule runs.
  const RiskModel m(load_scenario(testutil::source("tests/data/risico-scholen.yaml")));
  CHECK(runs(m, "scholen (basis)"));
  CHECK_FALSE(runs(m, "scholen"));
  const Scenario top = text("zuid-kennemerland-2024-scholen.yaml",
                            "onzekerheden:\n  tlv: {parameter: top.tlv_sbo_tarief, verdeling: uniform, min: 6000, max: 7500, trekking: per_jaar}\n"
                            "  bo: {parameter: leerlingen.bo.groei, verdeling: normaal, gemiddelde: -0.007, sd: 0.01, trekking: per_jaar}\n");
  const RiskModel mt(top);
  CHECK(runs(mt, "scholen"));
  CHECK_FALSE(runs(mt, "scholen (basis)"));
  CHECK(compare(top, 50) > 0);
}
