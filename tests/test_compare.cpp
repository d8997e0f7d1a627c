// begroting compare: golden CSV (every number derived by hand), JSON deltas, only differing
// lines by default, --all, --set on every scenario, errors.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "begroting/lines.hpp"
#include "helpers.hpp"

namespace {
const std::string kBase = "scenarios/zuid-kennemerland-2024.yaml";
const std::string kSo6 = "scenarios/so-groei-6.yaml";
const std::string kSoLine = "lasten.overdrachten.speciaal_onderwijs.ondersteuningsbekostiging_inhouding_duo";
}  // namespace

TEST_CASE("compare csv golden: baseline vs SO 6% on the SO line with the eigen vermogen signals") {
  // tests/data/compare-so6-so-lijn.csv, derived by hand:
  // SO 2024 = 115 x 12,938.34 + 38 x 21,053.23 + 30 x 31,419.53 = 3,230,517.74 (teldatum 1-2-2023)
  // A (4%): x 1.04^k: 3,359,738.45; 3,494,127.99; 3,633,893.11; 3,779,248.83 (rounded once)
  // B (6%): x 1.06^k: 3,424,348.80; 3,629,809.73; 3,847,598.32; 4,078,454.22
  // delta: 64,610.35; 135,681.74; 213,705.21; 299,205.39 (the brief: 0.02 x 3,230,517.74 = 64,610.35)
  // Signals from the plan's printed eigen vermogen (hfst 12) 1,797,043; 1,211,708; 703,696;
  // 614,081; 613,292 against signaleringswaarde 679,448; 673,608; 657,783; 653,539; 649,317 and
  // niveau 655,000; 655,000; 650,000; 600,000; 600,000: A below the signaleringswaarde in 2027
  // and 2028 only, never below the niveau. B: the SO costs the delta above more, but the schools
  // pay the TLV SBO tarief 6,635 for each extra placement (8.1.2; test below): lasten +40,326.25;
  // +103,869.57; +173,670.44; +250,202.12, cumulative 40,326.25; 144,195.82; 317,866.26;
  // 568,068.38. B = A - cumulative: 2025 1,211,707 - 40,326 = 1,171,381 (above both); 2026
  // 703,695 - 144,196 = 559,499: below 657,783 and below 650,000; 2027 614,081 - 317,866 =
  // 296,215 and 2028 613,292 - 568,068 = 45,224: below the niveau, above zero.
  // The signal rows are the engine's own signals (issue 12.3), most serious first (no row for a
  // kind neither scenario has: no negatief): onder_weerstandsvermogen (B 2026-2028),
  // boven_signaleringswaarde (A 2024-2026: above 679,448 / 673,608 / 657,783; B 2024-2025). Before the figures, each
  // scenario's provenance (issue 12.2): its title, its file chain and "geen" --set.
  const auto r = testutil::run_cli("compare " + kBase + " " + kSo6 + " --line " + kSoLine + " --format csv");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == testutil::slurp_file(testutil::source("tests/data/compare-so6-so-lijn.csv")));
}

TEST_CASE("compare json: deltas against A - eigen vermogen path and first years below the yardsticks") {
  const auto r = testutil::run_cli("compare " + kBase + " " + kSo6 + " --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["scenarios"].size() == 2);
  CHECK(j["scenarios"][1]["key"] == "B");
  nlohmann::json so, ev, bestemming;
  for (const auto& l : j["lines"]) {
    if (l["id"] == kSoLine) so = l;
    if (l["id"] == "eigen_vermogen_31_december") ev = l;
    if (l["id"] == "baten.totaal") FAIL("baten.totaal does not differ and must not be listed without --all");
  }
  REQUIRE(!so.is_null());
  REQUIRE(!ev.is_null());
  CHECK(so["deltas_vs_A"]["B"][1].get<double>() == doctest::Approx(64610.35).epsilon(1e-12));
  // Eigen vermogen 2028: SO costs 64,610.35 + 135,681.74 + 213,705.21 + 299,205.39 = 713,202.69 more;
  // the schools pay the TLV SBO tarief (6,635) for the extra placements (8.1.2): nieuw = dS(t) -
  // 0.79 dS(t-1), dS = 183 x (1.06^k - 1.04^k) = 3.66, 7.686, 12.105816, 16.9491672:
  // 3.66, 4.7946, 6.033876, 7.38557256 placements x 6,635 = 24,284.10 + 31,812.17 + 40,034.77 +
  // 49,003.27 = 145,134.31 back: 713,202.69 - 145,134.31 = 568,068.38 less
  CHECK(ev["deltas_vs_A"]["B"][4].get<double>() == doctest::Approx(-568068.38).epsilon(1e-12));
  const auto& a = j["eigen_vermogen"][0];
  const auto& b = j["eigen_vermogen"][1];
  CHECK(a["eerste_jaar_onder_signaleringswaarde"] == 2027);
  CHECK(a["eerste_jaar_onder_niveau_weerstandsvermogen"].is_null());
  CHECK(b["eerste_jaar_onder_signaleringswaarde"] == 2026);
  CHECK(b["eerste_jaar_onder_niveau_weerstandsvermogen"] == 2026);
}

TEST_CASE("compare table: differences with a sign and 'nooit' for a yardstick never crossed") {
  const auto r = testutil::run_cli("compare " + kBase + " " + kSo6);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("B - A") != std::string::npos);
  CHECK(r.out.find("+64.610") != std::string::npos);   // SO line 2025, whole euros
  CHECK(r.out.find("-568.068") != std::string::npos);  // eigen vermogen 2028 (568,068.38)
  CHECK(r.out.find("nooit") != std::string::npos);
  CHECK(r.out.find("[baten.totaal]") == std::string::npos);
}

TEST_CASE("compare: identical scenarios show no lines - --all shows every line") {
  const auto same = testutil::run_cli("compare " + kBase + " " + kBase + " --format json");
  REQUIRE(same.exit_code == 0);
  CHECK(nlohmann::json::parse(same.out)["lines"].empty());
  const auto all = testutil::run_cli("compare " + kBase + " " + kBase + " --all --format json");
  REQUIRE(all.exit_code == 0);
  CHECK(nlohmann::json::parse(all.out)["lines"].size() == static_cast<size_t>(begroting::kLineCount));
}

TEST_CASE("compare: --set applies to every scenario") {
  // Both get SO cat. I growth 6%: SO 2025 exact = 1.04 x 3,230,517.74 + 0.02 x 115 x 12,938.34
  // = 3,359,738.4496 + 29,758.182 = 3,389,496.6316 -> 3,389,496.63 in A and in B, delta 0.
  const auto r = testutil::run_cli("compare " + kBase + " " + kBase +
                                   " --set leerlingen.so_cat1.groei=0.06 --all --line " + kSoLine + " --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["lines"].size() == 1);
  CHECK(j["lines"][0]["values"]["A"][1].get<double>() == doctest::Approx(3389496.63).epsilon(1e-12));
  CHECK(j["lines"][0]["values"]["B"][1].get<double>() == doctest::Approx(3389496.63).epsilon(1e-12));
}

TEST_CASE("compare: bad calls exit 2 with a clear message - --output is written") {
  CHECK(testutil::run_cli("compare " + kBase).exit_code == 2);
  const auto bad = testutil::run_cli("compare " + kBase + " " + kSo6 + " --line resultat");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bedoelt u 'resultaat'?") != std::string::npos);
  CHECK(testutil::run_cli("compare " + kBase + " bestaat-niet.yaml").exit_code == 2);
  const std::string dir = testutil::temp_dir();
  const auto ok = testutil::run_cli("compare " + kBase + " " + kSo6 + " --line " + kSoLine + " --format csv --output " + dir + "/v.csv");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
  CHECK(testutil::slurp_file(dir + "/v.csv") == testutil::slurp_file(testutil::source("tests/data/compare-so6-so-lijn.csv")));
  std::system(("rm -rf '" + dir + "'").c_str());
}
