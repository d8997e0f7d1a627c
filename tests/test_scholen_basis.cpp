// The basis per school per Monte Carlo path (rules::scholen_basis, engine/src/rules/scholen.cpp;
// issue 15): blocks of schools year by year, the exact shortcut for whole pupil counts, and the
// Internationale Taalklas, which gets no ondersteuningsbedrag on a path either (8.1.2).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "begroting/reports.hpp"
#include "begroting/risk.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

Scenario text(const std::string& extends, const std::string& extra) {
  return load_scenario_text("extends: " + extends + "\nnaam: test\n" + extra, testutil::source("scenarios/test-scholen-basis.yaml"));
}

/// Kernel and whole compute() on `paths` paths: the lines the schools rule writes, every year.
void same_as_compute(const RiskModel& m, std::uint64_t paths) {
  PathEvaluator fast(m), slow(m, true);
  for (std::uint64_t p = 0; p < paths; ++p) {
    fast.draw(7, p);
    slow.draw(7, p);
    const Result& a = fast.evaluate();
    const Result& b = slow.evaluate();
    for (int i = 0; i < m.base().horizon.size(); ++i)
      for (Line l : {Line::ondersteuningsbedrag_bruto, Line::ondersteuningsbedrag_bao, Line::regulier_subtotaal, Line::eigen_vermogen}) {
        CAPTURE(p);
        CAPTURE(i);
        CAPTURE(static_cast<int>(l));
        REQUIRE(a.c(l, i) == b.c(l, i));
      }
  }
}

}  // namespace

TEST_CASE("scholen basis per path: whole pupil counts sum exactly to bedrag x the pupil sum") {
  // The 86 synthetic schools have 21,747 pupils on 1-2-2023 together, each a whole number
  // (scripts/genereer-scholen-synthetisch.py; check_scholen requires the sum to equal
  // leerlingen.bo.teldatum 2023). With the ondersteuningsbedrag per leerling fixed at EUR 500.00
  // = 50,000 cents on every path, each school's basis in 2024 is exactly 50,000 x its pupils (no
  // rounding: the product is a whole number of cents), so the sum is 50,000 x 21,747 =
  // 1,087,350,000 cents. Later years are projected (fractional) counts: per school rounded,
  // checked against compute().
  const Scenario s = text("zuid-kennemerland-2024-scholen.yaml",
                          "onzekerheden:\n  ob: {parameter: regulier_onderwijs.ondersteuningsbedrag_per_leerling, verdeling: vast,"
                          " waarde: 500}\n  bo: {parameter: leerlingen.bo.groei, verdeling: normaal, gemiddelde: -0.007, sd: 0.01,"
                          " trekking: per_jaar}\n");
  const RiskModel m(s);
  const auto steps = m.kernel_steps();
  REQUIRE(std::find(steps.begin(), steps.end(), "scholen (basis)") != steps.end());
  PathEvaluator pe(m);
  for (std::uint64_t p = 0; p < 5; ++p) {
    pe.draw(11, p);
    CHECK(pe.evaluate().c(Line::ondersteuningsbedrag_bruto, 0) == 1087350000);
  }
  same_as_compute(m, 100);
}

TEST_CASE("scholen basis per path: an Internationale Taalklas gets no ondersteuningsbedrag on any path") {
  // Two schools: S1 (200 pupils) and the ITK S2 (100 pupils), 300 together. The plan run gives
  // the ITK basis 0 (8.1.2: "geen aanvullende ondersteuningsmiddelen"); a path with a drawn bo
  // growth must too: with the ondersteuningsbedrag fixed at EUR 450.00 the 2024 basis is
  // 45,000 x 200 = 9,000,000 cents, not 45,000 x 300.
  const std::string dir = testutil::temp_dir();
  std::ofstream(dir + "/scholen.yaml") << "scholen:\n"
                                          "  - {id: S1, naam: School een, bestuur: B, leerlingen: {2023: 200}}\n"
                                          "  - {id: S2, naam: Taalklas, bestuur: B, itk: ja, leerlingen: {2023: 100}}\n";
  std::ofstream(dir + "/s.yaml") << "extends: " << testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml") << "\n"
                                 << "naam: itk\nscholen: scholen.yaml\nleerlingen:\n  bo:\n    teldatum: {2023: 300}\n"
                                    "onzekerheden:\n  ob: {parameter: regulier_onderwijs.ondersteuningsbedrag_per_leerling, verdeling: vast,"
                                    " waarde: 450}\n  bo: {parameter: leerlingen.bo.groei, verdeling: normaal, gemiddelde: -0.007, sd: 0.01,"
                                    " trekking: per_jaar}\n";
  const RiskModel m(load_scenario(dir + "/s.yaml"));
  PathEvaluator pe(m);
  pe.draw(3, 1);
  CHECK(pe.evaluate().c(Line::ondersteuningsbedrag_bruto, 0) == 9000000);
  CHECK(m.plan().c(Line::ondersteuningsbedrag_bruto, 0) == 9000000);
  same_as_compute(m, 50);
}

TEST_CASE("scholen basis per path: more schools than one block and fractional given counts") {
  // 1,300 schools (three blocks of at most 512, the last one not a multiple of four) with
  // fractional counts in some years: every path equals compute(), which rounds per school.
  const std::string dir = testutil::temp_dir();
  std::ofstream f(dir + "/scholen.yaml");
  f << "scholen:\n";
  double som = 0;
  for (int k = 0; k < 1300; ++k) {
    const int n = 50 + (k * 37) % 400;
    som += n;
    f << "  - {id: S" << k << ", naam: School " << k << ", bestuur: B" << k % 7 << ", leerlingen: {2023: " << n;
    if (k % 3 == 0) f << ", 2025: " << n + 1;
    f << "}}\n";
  }
  f.close();
  std::ofstream(dir + "/s.yaml") << "extends: " << testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml") << "\n"
                                 << "naam: blokken\nscholen: scholen.yaml\nleerlingen:\n  bo:\n    teldatum: {2023: " << som << "}\n"
                                 << "onzekerheden:\n  ob: {parameter: regulier_onderwijs.ondersteuningsbedrag_per_leerling, verdeling: uniform,"
                                    " min: 300, max: 500, trekking: per_jaar}\n  bo: {parameter: leerlingen.bo.groei, verdeling: normaal,"
                                    " gemiddelde: -0.007, sd: 0.01, trekking: per_jaar}\n";
  const RiskModel m(load_scenario(dir + "/s.yaml"));
  same_as_compute(m, 60);
}

TEST_CASE("scholen view json: the schools written as text are exactly nlohmann's dump of the document") {
  // render_scholen writes the schools and besturen arrays as text (without building 43,000 JSON
  // values); the document must stay byte for byte what nlohmann::ordered_json::dump(2) prints:
  // parsing it and dumping it again gives the same text (numbers round-trip: shortest form). An
  // ITK school (itk: true, no per_leerling when it has no pupils) and a bestuur of it are included.
  const std::string dir = testutil::temp_dir();
  std::ofstream(dir + "/scholen.yaml") << "scholen:\n"
                                          "  - {id: S1, naam: \"School \\\"een\\\" é\", bestuur: B, leerlingen: {2023: 200},"
                                          " plaatsingen: {2024: {sbo_ikc: 1, dws: 1}}}\n"
                                          "  - {id: S2, naam: Taalklas, bestuur: C, itk: ja, leerlingen: {2023: 100}}\n";
  std::ofstream(dir + "/s.yaml") << "extends: " << testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml") << "\n"
                                 << "naam: json\nscholen: scholen.yaml\nleerlingen:\n  bo:\n    teldatum: {2023: 300}\n";
  for (const std::string& file : {dir + "/s.yaml", testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml")}) {
    const Scenario s = load_scenario(file);
    const std::string out = render_view(s, run(s), "scholen", "json");
    const auto doc = nlohmann::ordered_json::parse(out);
    CHECK(doc.dump(2) + "\n" == out);
    CHECK(doc["scholen"].size() == s.verdeling.scholen->scholen.size());
    CHECK(!doc["besturen"].empty());
  }
}
