// Issue 12 part 1: a risk run never reports the baseline's distribution for a variant. An
// onzekerheid with toepassing waarde shifts with an override of its parameter (--set or a
// child file); every field of an onzekerheid can be set; sensitivity follows the same rule.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "begroting/engine.hpp"
#include "begroting/loader.hpp"
#include "begroting/risk.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

// SO growth as the only onzekerheid: normal around the plan's 4%, sd 2 points, per year.
const char* kGroeiSo =
    "onzekerheden:\n"
    "  groei_so:\n"
    "    parameter: [leerlingen.so_cat1.groei, leerlingen.so_cat2.groei, leerlingen.so_cat3.groei]\n"
    "    verdeling: normaal\n"
    "    gemiddelde: 0.04\n"
    "    sd: 0.02\n"
    "    trekking: per_jaar\n";

Scenario risky(const std::string& extra, const std::vector<Override>& o = {}) {
  return load_scenario_text("extends: zuid-kennemerland-2024.yaml\nnaam: test\n" + extra,
                            testutil::source("scenarios/test-risico.yaml"), o);
}

std::string load_error(const std::string& extra, const std::vector<Override>& o) {
  try {
    (void)risky(extra, o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const std::vector<Override> kSo6{{"leerlingen.so_cat1.groei=0.06"}, {"leerlingen.so_cat2.groei=0.06"}, {"leerlingen.so_cat3.groei=0.06"}};

/// Every percentile of eigen vermogen and resultaat equals the deterministic run `det`.
void check_degenerate(const RiskResult& r, const Result& det) {
  for (size_t i = 0; i < r.years.size(); ++i) {
    INFO(r.years[i].year);
    for (size_t q = 0; q < r.years[i].ev_q.size(); ++q) {
      CHECK(r.years[i].ev_q[q] == det.c(Line::eigen_vermogen, static_cast<int>(i)));
      CHECK(r.years[i].resultaat_q[q] == det.c(Line::resultaat, static_cast<int>(i)));
    }
  }
}

}  // namespace

TEST_CASE("risk override: no spread left and SO growth forced to 6 percent gives the deterministic run") {
  RiskOptions o;
  o.paths = 200;
  o.seed = 1;
  // The deterministic variant, computed without any onzekerheid.
  const Result det = run(testutil::baseline(kSo6));
  // a) --set on the parameters; sd 0 keeps the shift: x = 0.04 + (0.06 - 0.04) = 0.06 exactly
  std::vector<Override> a = kSo6;
  a.push_back({"onzekerheden.groei_so.sd=0"});
  check_degenerate(run_risk(RiskModel(risky(kGroeiSo, a)), o), det);
  // b) the onzekerheid itself moved: gemiddelde 0.06, sd 0 (the plan's own parameter stays 4%)
  check_degenerate(run_risk(RiskModel(risky(kGroeiSo, {{"onzekerheden.groei_so.gemiddelde=0.06"}, {"onzekerheden.groei_so.sd=0"}})), o),
                   det);
  // c) both: the onzekerheid set after the parameters is written for 6%: no double shift
  std::vector<Override> c = kSo6;
  c.push_back({"onzekerheden.groei_so.gemiddelde=0.06"});
  c.push_back({"onzekerheden.groei_so.sd=0"});
  check_degenerate(run_risk(RiskModel(risky(kGroeiSo, c)), o), det);
  // d) the baseline's own degenerate run is not the variant's (the bug of issue 12)
  const RiskResult base = run_risk(RiskModel(risky(kGroeiSo, {{"onzekerheden.groei_so.sd=0"}})), o);
  CHECK(base.years.back().ev_q[2] == run(testutil::baseline()).c(Line::eigen_vermogen, 4));
  CHECK(base.years.back().ev_q[2] != det.c(Line::eigen_vermogen, 4));
}

TEST_CASE("risk override: a shifted distribution moves every path by the hand-derived amount") {
  // projecten EUR 50,000 a year with an onzekerheid normal(50,000; 5,000) per year, toepassing
  // waarde. Override projecten to 60,000: each drawn x shifts by +10,000 (whole euros, so the
  // cent rounding of x + 10,000 is that of x plus 10,000). Lasten +10,000 a year lowers the
  // resultaat by 10,000 and the eigen vermogen on 31-12 of year k (k = 1..5) by 10,000 k:
  // 2028: -50,000.00 in every path, so in every percentile and in the mean.
  const std::string text =
      "bedragen:\n  lasten:\n    uitvoeringsorganisatie:\n      projecten: 50000\n"
      "onzekerheden:\n  projecten:\n    parameter: bedragen.lasten.uitvoeringsorganisatie.projecten\n"
      "    verdeling: normaal\n    gemiddelde: 50000\n    sd: 5000\n    trekking: per_jaar\n";
  RiskOptions o;
  o.paths = 500;
  o.seed = 7;
  const RiskResult a = run_risk(RiskModel(risky(text)), o);
  const RiskResult b = run_risk(RiskModel(risky(text, {{"bedragen.lasten.uitvoeringsorganisatie.projecten=60000"}})), o);
  REQUIRE(a.years.size() == 5);
  for (size_t i = 0; i < 5; ++i) {
    INFO(a.years[i].year);
    const Cents shift = -1000000 * static_cast<Cents>(i + 1);  // -10,000.00 x k, in cents
    for (size_t q = 0; q < 5; ++q) CHECK(b.years[i].ev_q[q] - a.years[i].ev_q[q] == shift);
    CHECK(b.years[i].ev_mean - a.years[i].ev_mean == doctest::Approx(shift / 100.0).epsilon(1e-12));
    for (size_t q = 0; q < 5; ++q) CHECK(b.years[i].resultaat_q[q] - a.years[i].resultaat_q[q] == -1000000);
  }
  // A child file of the risk scenario with its own value gives the same run as --set.
  const std::string dir = testutil::temp_dir();
  std::ofstream(dir + "/ouder.yaml") << "extends: " << testutil::baseline_path() << "\n" << text;
  std::ofstream(dir + "/kind.yaml") << "extends: ouder.yaml\nbedragen:\n  lasten:\n    uitvoeringsorganisatie:\n      projecten: 60000\n";
  const RiskResult k = run_risk(RiskModel(load_scenario(dir + "/kind.yaml")), o);
  for (size_t i = 0; i < 5; ++i) CHECK(k.years[i].ev_q == b.years[i].ev_q);
  // Sensitivity follows the same rule: P5 and P95 of N(60,000; 5,000) in every year against
  // the scenario at 60,000: effects equal those around 50,000 (the shape did not change).
  const SensitivityResult sa = run_sensitivity(RiskModel(risky(text)));
  const SensitivityResult sb = run_sensitivity(RiskModel(risky(text, {{"bedragen.lasten.uitvoeringsorganisatie.projecten=60000"}})));
  REQUIRE(sa.rows.size() == 1);
  REQUIRE(sb.rows.size() == 1);
  CHECK(sb.rows[0].effect_low == sa.rows[0].effect_low);
  CHECK(sb.rows[0].effect_high == sa.rows[0].effect_high);
  CHECK(sb.ev_plan - sa.ev_plan == -5000000);
}

TEST_CASE("risk override: every field of an onzekerheid can be set and is checked like the file") {
  // verdeling switches kind and drops the old keys; parameter takes a comma-separated list
  const Scenario s = risky(kGroeiSo, {{"onzekerheden.groei_so.verdeling=uniform"}, {"onzekerheden.groei_so.min=0.01"},
                                      {"onzekerheden.groei_so.max=0.03"}, {"onzekerheden.groei_so.trekking=eenmalig"},
                                      {"onzekerheden.groei_so.parameter=leerlingen.so_cat1.groei, leerlingen.so_cat2.groei"}});
  REQUIRE(s.onzekerheden.size() == 1);
  const Uncertainty& u = s.onzekerheden[0];
  CHECK(u.dist.kind == Distribution::Kind::Uniform);
  CHECK(u.dist.a == 0.01);
  CHECK(u.dist.b == 0.03);
  CHECK(u.draw == Uncertainty::Draw::Eenmalig);
  CHECK(u.params == std::vector<std::string>{"leerlingen.so_cat1.groei", "leerlingen.so_cat2.groei"});
  CHECK(load_error(kGroeiSo, {{"onzekerheden.groei_s.sd=0"}}) ==
        "--set onzekerheden.groei_s.sd=0: onbekende onzekerheid 'groei_s'; bedoelt u 'groei_so'?");
  CHECK(load_error(kGroeiSo, {{"onzekerheden.groei_so.gemidelde=0.05"}}) ==
        "--set onzekerheden.groei_so.gemidelde=0.05: onbekend veld 'gemidelde' van onzekerheid groei_so; bedoelt u 'gemiddelde'?");
  CHECK(load_error(kGroeiSo, {{"onzekerheden.groei_so.sd=-1"}}) ==
        "--set onzekerheden.groei_so.sd=-1: onzekerheden.groei_so.sd = -1: een standaardafwijking is 0 of meer");
  CHECK(load_error(kGroeiSo, {{"onzekerheden.groei_so.gemiddelde=6%"}}) ==
        "--set onzekerheden.groei_so.gemiddelde=6%: '6%' is geen getal; schrijf een fractie (0.04 voor 4%) bij onzekerheden.groei_so.gemiddelde");
  CHECK(load_error(kGroeiSo, {{"onzekerheden.groei_so"}}).rfind("--set onzekerheden.groei_so: verwacht", 0) == 0);
}

TEST_CASE("risk override: the CLI risk of a variant differs from the baseline's distribution") {
  const std::string f = testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml");
  const auto a = testutil::run_cli("risk " + f + " --paths 2000 --seed 1 --format json");
  const auto b = testutil::run_cli("risk " + f + " --paths 2000 --seed 1 --format json --set leerlingen.so_cat1.groei=0.06 "
                                   "--set leerlingen.so_cat2.groei=0.06 --set leerlingen.so_cat3.groei=0.06");
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(a.out != b.out);
}

TEST_CASE("risk override: sensitivity and the risk part of report run the variant - and a bad --set exits 2") {
  const std::string f = testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml");
  const std::string so6 = " --set leerlingen.so_cat1.groei=0.06 --set leerlingen.so_cat2.groei=0.06 --set leerlingen.so_cat3.groei=0.06";
  const auto a = testutil::run_cli("sensitivity " + f + " --format json");
  const auto b = testutil::run_cli("sensitivity " + f + " --format json" + so6);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(a.out != b.out);
  const auto ra = testutil::run_cli("report " + f + " --format html --paths 300 --seed 1");
  const auto rb = testutil::run_cli("report " + f + " --format html --paths 300 --seed 1 --set onzekerheden.groei_so.sd=0");
  REQUIRE(ra.exit_code == 0);
  REQUIRE(rb.exit_code == 0);
  CHECK(ra.out != rb.out);
  const auto bad = testutil::run_cli("risk " + f + " --paths 10 --set onzekerheden.groei_so.sdd=0");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--set onzekerheden.groei_so.sdd=0: onbekend veld 'sdd' van onzekerheid groei_so; bedoelt u 'sd'?") !=
        std::string::npos);
}

TEST_CASE("stromen: --set is checked with the whole section - outflows of a state at most 1") {
  // calibrated uitstroom_sbo 0.20 + terugplaatsing_sbo 0.02; --set uitstroom_sbo 0.99 gives 1.01
  try {
    (void)load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-stromen.yaml"), {{"stromen.uitstroom_sbo=0.99"}});
    FAIL("geen fout");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("uitstroom_sbo + terugplaatsing_sbo = 1.01; verwacht hooguit 1") != std::string::npos);
  }
}
