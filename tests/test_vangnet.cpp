// Vangnetbepaling (plan 8.1.7): equal growth gives no claim; shrinkage gives no claim;
// growth above gives net instroom x tarief x fraction, paid the year after the school year;
// claims above the maximale ruimte are an overrun in the lasten and a finding, never capped.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
const std::string kName = testutil::source("tests/vangnet-test.yaml");
Result vangnet_run(const std::string& fractie, const std::string& tellingen) {
  const std::string text = "extends: ../scenarios/zuid-kennemerland-2024.yaml\nvangnet:\n  fractie_jaar: " + fractie +
                           "\n  tellingen:\n" + tellingen;
  return run(load_scenario_text(text, kName));
}
// School A 2023-2024: 58 on 1-9 (40/12/6), 60 on 1-2 (42/12/6), 65 on 1-6 (46/13/6):
// groei sep-feb 2 < groei feb-jun 5 -> claim on net instroom 4 x cat. I + 1 x cat. II.
const std::string kA =
    "    - {school: SO A, schooljaar: 2023-2024, september: {cat1: 40, cat2: 12, cat3: 6},\n"
    "       februari: {cat1: 42, cat2: 12, cat3: 6}, juni: {cat1: 46, cat2: 13, cat3: 6}}\n";
// School B 2023-2024: 15, 15, 17 (two more in cat. III): groei 0 < 2.
const std::string kB =
    "    - {school: SO B, schooljaar: 2023-2024, september: {cat1: 10, cat3: 5},\n"
    "       februari: {cat1: 10, cat3: 5}, juni: {cat1: 10, cat3: 7}}\n";
bool overrun(const Result& r, int y) {
  for (const auto& f : r.findings)
    if (f.kind == Finding::Kind::VangnetOverschrijding && f.year == y) return true;
  return false;
}
}  // namespace

TEST_CASE("vangnet: growth feb-jun above growth sep-feb is paid in the next calendar year") {
  const Result r = vangnet_run("0.25", kA);
  // (4 x 12,938.34 + 1 x 21,053.23) x 0.25 = 72,806.59 x 0.25 = 18,201.6475 -> 18,201.65
  REQUIRE(r.verdeling.vangnet.size() == 1);
  CHECK(r.verdeling.vangnet[0].recht);
  CHECK(r.verdeling.vangnet[0].betaaljaar == 2025);
  CHECK(r.verdeling.vangnet[0].bedrag == 1820165);
  CHECK(cents(r, Line::vangnet_claims, 2024) == 0);
  CHECK(cents(r, Line::vangnet_claims, 2025) == 1820165);
  // within the 40,000 ruimte: no overrun, the budget line stays 40,000, lasten unchanged
  CHECK(cents(r, Line::vangnet_ruimte, 2025) == 4000000);
  CHECK(cents(r, Line::vangnet_overschrijding, 2025) == 0);
  CHECK_FALSE(overrun(r, 2025));
  const Result base = run(testutil::baseline());
  CHECK(cents(r, Line::lasten_totaal, 2025) == cents(base, Line::lasten_totaal, 2025));
  // a school year 2024-2025 lands in 2026
  const Result later = vangnet_run("0.25",
      "    - {school: SO A, schooljaar: 2024-2025, september: {cat1: 40}, februari: {cat1: 40}, juni: {cat1: 41}}\n");
  // 1 x 12,938.34 x 0.25 = 3,234.585 -> 3,234.59
  CHECK(cents(later, Line::vangnet_claims, 2025) == 0);
  CHECK(cents(later, Line::vangnet_claims, 2026) == 323459);
}

TEST_CASE("vangnet: equal growth in both periods gives no claim") {
  // 58 -> 60 -> 62: groei 2 and 2
  const Result r = vangnet_run("0.25",
      "    - {school: SO A, schooljaar: 2023-2024, september: {cat1: 40, cat2: 12, cat3: 6},\n"
      "       februari: {cat1: 42, cat2: 12, cat3: 6}, juni: {cat1: 44, cat2: 12, cat3: 6}}\n");
  CHECK_FALSE(r.verdeling.vangnet[0].recht);
  CHECK(r.verdeling.vangnet[0].bedrag == 0);
  CHECK(cents(r, Line::vangnet_claims, 2025) == 0);
}

TEST_CASE("vangnet: shrinkage that slows down gives a right but no money back") {
  // 60 -> 58 -> 57: groei -2 then -1 (> -2), but net instroom -1: claim max(0; -12,938.34 x 0.25) = 0
  const Result r = vangnet_run("0.25",
      "    - {school: SO A, schooljaar: 2023-2024, september: {cat1: 60}, februari: {cat1: 58}, juni: {cat1: 57}}\n");
  CHECK(r.verdeling.vangnet[0].recht);
  CHECK(r.verdeling.vangnet[0].bedrag == 0);
  CHECK(cents(r, Line::vangnet_claims, 2025) == 0);
  CHECK(cents(r, Line::vangnet_overschrijding, 2025) == 0);
}

TEST_CASE("vangnet: claims above the maximale ruimte are an overrun in the lasten and a finding") {
  // fraction 0.5: A = 72,806.59 x 0.5 = 36,403.295 -> 36,403.30; B = 2 x 31,419.53 x 0.5 = 31,419.53
  // total 67,822.83; ruimte 40,000: overrun 27,822.83
  const Result r = vangnet_run("0.5", kA + kB);
  CHECK(cents(r, Line::vangnet_claims, 2025) == 3640330 + 3141953);
  CHECK(cents(r, Line::vangnet_overschrijding, 2025) == 2782283);
  CHECK(cents(r, Line::vangnet_ruimte, 2025) == 4000000);
  CHECK(overrun(r, 2025));
  CHECK_FALSE(overrun(r, 2024));
  const Result base = run(testutil::baseline());
  CHECK(cents(r, Line::uo_totaal, 2025) - cents(base, Line::uo_totaal, 2025) == 2782283);
  CHECK(cents(r, Line::resultaat, 2025) - cents(base, Line::resultaat, 2025) == -2782283);
  CHECK(cents(r, Line::eigen_vermogen, 2028) - cents(base, Line::eigen_vermogen, 2028) == -2782283);
}

TEST_CASE("vangnet loader: tellingen without fractie_jaar and a bad school year are refused") {
  const std::string head = "extends: ../scenarios/zuid-kennemerland-2024.yaml\nvangnet:\n";
  try {
    (void)load_scenario_text(head + "  tellingen:\n" + kA, kName);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).rfind(kName + ":4:5: vangnet.tellingen zonder vangnet.fractie_jaar", 0) == 0);
  }
  try {
    (void)load_scenario_text(head + "  fractie_jaar: 0.25\n  tellingen:\n"
                                    "    - {school: X, schooljaar: 2023-2025, september: {}, februari: {}, juni: {}}\n", kName);  // column 31: the value
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == kName + ":5:31: vangnet.tellingen[1].schooljaar '2023-2025' is geen schooljaar; verwacht bijvoorbeeld 2023-2024");
  }
}

TEST_CASE("begroting run --view vangnet lists the claims in json") {
  const auto c = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --view vangnet --format json");
  REQUIRE(c.exit_code == 0);
  const auto j = nlohmann::json::parse(c.out);
  CHECK(j["claims"].empty());
  CHECK(j["lines"]["lasten.uitvoeringsorganisatie.maximale_ruimte_vangnetconstructie"][0].get<double>() == 40000.0);
  CHECK(j["lines"]["lasten.uitvoeringsorganisatie.overschrijding_vangnetconstructie"][0].get<double>() == 0.0);
}
