// IKC volumebekostiging (plan 8.1.6): the 3% bandbreedte at its edges; each settlement choice;
// the split over the boards; loader errors. Hand calculations in the comments.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
// The baseline with 600 IKC pupils on 1-2-2023 (funded in 2024) and the given ikc section.
Result ikc_run(const std::string& ikc_section, const std::vector<Override>& o = {}) {
  const std::string text = "extends: ../scenarios/zuid-kennemerland-2024.yaml\n"
                           "leerlingen:\n  ikc:\n    teldatum: {2023: 600}\n" + ikc_section;
  return run(load_scenario_text(text, testutil::source("tests/ikc-test.yaml"), o));
}
bool overleg(const Result& r, int year) {
  for (const auto& f : r.findings)
    if (f.kind == Finding::Kind::IkcBandbreedte && f.year == year) return true;
  return false;
}
// IKC tarief 2024 = 0.7 x 6,634.52 + 0.3 x 12,938.34 = 8,525.666; aanvulling per pupil
// = 8,525.666 - 6,634.52 = 1,891.146. Base aanvulling 2024 = 600 x 1,891.146 = 1,134,687.60.
constexpr Cents kBasis = 113468760;
}  // namespace

TEST_CASE("IKC bandbreedte: exactly 3% growth and exactly 3% shrinkage are inside the band") {
  for (const char* later : {"618", "582"}) {  // 600 x 1.03 = 618; 600 x 0.97 = 582
    INFO("later count " << later);
    const Result r = ikc_run(std::string("ikc:\n  verrekening: volledig\n  teldatum_later: {2024: ") + later + "}\n");
    CHECK(cents(r, Line::ikc_aanvulling_teldatum, 2024) == kBasis);
    CHECK(cents(r, Line::ikc_verrekening, 2024) == 0);
    CHECK(cents(r, Line::ikc_aanvulling, 2024) == kBasis);
    CHECK_FALSE(overleg(r, 2024));
    CHECK(r.value(Line::ikc_afwijking, 2024) == doctest::Approx(std::string(later) == "618" ? 0.03 : -0.03));
  }
}

TEST_CASE("IKC bandbreedte: one pupil above 3% flags overleg and applies each settlement choice") {
  // 619 = 600 + 19: 3.17% > 3%.
  const Result geen = ikc_run("ikc:\n  teldatum_later: {2024: 619}\n");  // default: geen
  CHECK(overleg(geen, 2024));
  CHECK(cents(geen, Line::ikc_verrekening, 2024) == 0);
  CHECK(cents(geen, Line::ikc_aanvulling, 2024) == kBasis);
  // deel_buiten_band: (619 - 618) x 1,891.146 = 1,891.146 -> 1,891.15
  const Result deel = ikc_run("ikc:\n  verrekening: deel_buiten_band\n  teldatum_later: {2024: 619}\n");
  CHECK(overleg(deel, 2024));
  CHECK(cents(deel, Line::ikc_verrekening, 2024) == 189115);
  CHECK(cents(deel, Line::ikc_aanvulling, 2024) == kBasis + 189115);
  // volledig: 19 x 1,891.146 = 35,931.774 -> 35,931.77
  const Result vol = ikc_run("ikc:\n  verrekening: volledig\n  teldatum_later: {2024: 619}\n");
  CHECK(cents(vol, Line::ikc_verrekening, 2024) == 3593177);
  // the settlement reaches the budget: lasten +35,931.77, resultaat -35,931.77, 2025 untouched
  CHECK(cents(vol, Line::lasten_totaal, 2024) - cents(geen, Line::lasten_totaal, 2024) == 3593177);
  CHECK(cents(vol, Line::resultaat, 2024) - cents(geen, Line::resultaat, 2024) == -3593177);
  CHECK(cents(vol, Line::ikc_aanvulling, 2025) == cents(geen, Line::ikc_aanvulling, 2025));
  CHECK_FALSE(overleg(vol, 2025));
}

TEST_CASE("IKC bandbreedte: shrinkage beyond the band settles negative amounts") {
  // 570 = 600 - 30 (-5%): band edge 582.
  // deel_buiten_band: (570 - 582) x 1,891.146 = -22,693.752 -> -22,693.75
  const Result deel = ikc_run("ikc:\n  verrekening: deel_buiten_band\n  teldatum_later: {2024: 570}\n");
  CHECK(overleg(deel, 2024));
  CHECK(cents(deel, Line::ikc_verrekening, 2024) == -2269375);
  // volledig: -30 x 1,891.146 = -56,734.38
  const Result vol = ikc_run("ikc:\n  verrekening: volledig\n  teldatum_later: {2024: 570}\n");
  CHECK(cents(vol, Line::ikc_verrekening, 2024) == -5673438);
  CHECK(cents(vol, Line::ikc_aanvulling, 2024) == kBasis - 5673438);
  // --set reaches the later count: 2026 funded 600 x 1.02^2 = 624.24; 650 is +4.1%: overleg
  const Result s = ikc_run("", {{"ikc.teldatum_later.2026=650"}});
  CHECK(overleg(s, 2026));
  CHECK_FALSE(overleg(s, 2024));
}

TEST_CASE("IKC verdeelsleutel: the aanvulling split over three boards sums to the cent") {
  // volledig with 619: 1,134,687.60 + 35,931.77 = 1,170,619.37 = 117,061,937 cents
  //   Bestuur A 0.5:  58,530,968.5  -> 58,530,969 (half away from zero)
  //   Bestuur B 0.25: 29,265,484.25 -> 29,265,484
  //   Bestuur C (last) = 117,061,937 - 58,530,969 - 29,265,484 = 29,265,484
  const Result r = ikc_run(
      "ikc:\n  verrekening: volledig\n  teldatum_later: {2024: 619}\n"
      "  verdeelsleutel: {Bestuur A: 0.5, Bestuur B: 0.25, Bestuur C: 0.25}\n");
  REQUIRE(r.verdeling.ikc.size() == 5);
  const auto& b = r.verdeling.ikc[0].per_bestuur;
  REQUIRE(b.size() == 3);
  CHECK(b[0].first == "Bestuur A");
  CHECK(b[0].second == 58530969);
  CHECK(b[1].second == 29265484);
  CHECK(b[2].second == 29265484);
  CHECK(b[0].second + b[1].second + b[2].second == cents(r, Line::ikc_aanvulling, 2024));
}

TEST_CASE("IKC loader: a key that does not sum to 1 and an unknown settlement are refused with file:line:column") {
  const std::string name = testutil::source("tests/ikc-test.yaml");
  const std::string head = "extends: ../scenarios/zuid-kennemerland-2024.yaml\nikc:\n";
  try {
    (void)load_scenario_text(head + "  verdeelsleutel: {A: 0.5, B: 0.4}\n", name);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == name + ":3:19: ikc.verdeelsleutel telt op tot 0.9; verwacht aandelen die samen precies 1 zijn");
  }
  try {
    (void)load_scenario_text(head + "  verrekening: half\n", name);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == name + ":3:16: ikc.verrekening 'half' is onbekend; verwacht geen, deel_buiten_band of volledig");
  }
  try {
    (void)load_scenario_text(head + "  verreking: geen\n", name);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find(":3:3: onbekende sleutel 'verreking' onder ikc; bedoelt u 'verrekening'?") != std::string::npos);
  }
}

TEST_CASE("begroting run --view ikc shows the band check per year in json") {
  // 2025 funded: 620 x 1.02 = 632.4; 660 is +4.36%: beyond 3%
  const auto c = testutil::run_cli(
      "run scenarios/zuid-kennemerland-2024.yaml --view ikc --format json --set ikc.teldatum_later.2025=660");
  REQUIRE(c.exit_code == 0);
  const auto j = nlohmann::json::parse(c.out);
  CHECK(j["ikc_per_jaar"][1]["jaar"] == 2025);
  CHECK(j["ikc_per_jaar"][1]["binnen_bandbreedte"] == false);
  CHECK(j["ikc_per_jaar"][1]["afwijking"].get<double>() == doctest::Approx(660.0 / 632.4 - 1.0));
  // 2024 without a later count: the projection's own count on 1-2-2024, 620 x 1.02 = 632.4
  CHECK(j["ikc_per_jaar"][0]["leerlingen_later"].get<double>() == doctest::Approx(632.4));
  CHECK(j["ikc_per_jaar"][0]["later_volgens_prognose"] == true);
  CHECK(j["ikc_per_jaar"][1]["later_volgens_prognose"] == false);
  CHECK(j["findings"].size() == 1);
  CHECK(j["lines"]["ikc.aanvulling_volgens_teldatum"][0].get<double>() == doctest::Approx(1172510.52));
}
