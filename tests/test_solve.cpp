// begroting solve: answers derived on paper (the target is linear in the parameter up to the one
// rounding per year), exact to the cent: the answer meets the target and one cent further does not.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "begroting/solve.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
const std::string kOb = "regulier_onderwijs.ondersteuningsbedrag_per_leerling";
const std::string kBase = "scenarios/zuid-kennemerland-2024.yaml";
Result with_ob(const std::string& years_value_sets) {
  std::vector<Override> o;
  size_t start = 0;
  while (start < years_value_sets.size()) {
    const auto end = years_value_sets.find(' ', start);
    o.push_back({kOb + "." + years_value_sets.substr(start, end - start)});
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return run(testutil::baseline(o));
}
}  // namespace

TEST_CASE("solve: the ondersteuningsbedrag for 2027 that makes the resultaat of 2027 zero") {
  // Derivation. resultaat 2027 depends on the amount x (EUR per bo-pupil) only through the
  // bruto line round(x x bo_2027) (8.1.2), bo_2027 = 21,747 x 0.993^3 = 21,293.502349779.
  // Plan: resultaat 2027 = -89,615 (printed); the engine's exact base is -89,614.03 at x = 385,
  // with bruto round(385 x 21,293.502349779) = 8,197,998.40 (8,197,998.4046...).
  // Estimate from the plan: x = 385 - 89,615 / 21,293.50 = 385 - 4.2086 = 380.79.
  // Exact: resultaat(x) = -89,614.03 + 8,197,998.40 - round(x x 21,293.502349779)
  //                     = 8,108,384.37 - round(x x 21,293.502349779) >= 0
  //   x = 380.79: 380.79 x 21,293.502349779 = 8,108,352.7598 -> 8,108,352.76: resultaat +31.61
  //   x = 380.80: 8,108,565.69 (8,108,565.6948): resultaat -181.32
  // So 380.79 is the highest cent with resultaat >= 0.
  SolveSpec spec;
  spec.param = kOb;
  spec.years = {2027};
  spec.min = 0;
  spec.max = 100000;
  spec.step = 0.01;
  spec.target = {Line::resultaat, 2027, SolveTarget::Op::Equals, 0.0, std::nullopt};
  const SolveOutcome o = solve(testutil::baseline(), spec);
  CHECK(o.answer.value == doctest::Approx(380.79).epsilon(1e-12));
  CHECK(o.answer.figure == doctest::Approx(31.61).epsilon(1e-12));
  CHECK(o.answer.meets);
  CHECK(o.highest);
  REQUIRE(o.neighbour);
  CHECK(o.neighbour->value == doctest::Approx(380.80).epsilon(1e-12));
  CHECK(o.neighbour->figure == doctest::Approx(-181.32).epsilon(1e-12));
  // Independently of the solver: run the scenario at both cents.
  CHECK(cents(with_ob("2027=380.79"), Line::resultaat, 2027) == 3161);
  CHECK(cents(with_ob("2027=380.80"), Line::resultaat, 2027) == -18132);
}

TEST_CASE("solve: the highest flat ondersteuningsbedrag 2025-2028 keeping eigen vermogen 2028 at the signaleringswaarde") {
  // Derivation. Baten do not depend on x, so the signaleringswaarde 2028 stays 649,317.25
  // (plan 649,317). Eigen vermogen 2028 = 613,292.13 (plan 613,292) + sum over 2025-2028 of
  // (plan bruto_t - round(x x bo_t)), bo_t = 21,747 x 0.993^(t-2024):
  //   plan bruto: 430 x 21,594.771 = 9,285,751.53; 420 x 21,443.607603 = 9,006,315.19;
  //   385 x 21,293.502349779 = 8,197,998.40; 365 x 21,144.447833331 = 7,717,723.46; sum 34,207,788.58
  // Condition: sum round(x x bo_t) <= 613,292.13 - 649,317.25 + 34,207,788.58 = 34,171,763.46.
  // sum bo_t = 85,476.328786110; 34,171,763.46 / 85,476.328786110 = 399.7804...:
  //   x = 399.78: 8,633,157.55 + 8,572,725.45 + 8,512,716.37 + 8,453,127.35 = 34,171,726.72
  //     -> eigen vermogen 2028 = 613,292.13 + 34,207,788.58 - 34,171,726.72 = 649,353.99 (>= 649,317.25)
  //   x = 399.79: 8,633,373.50 + 8,572,939.88 + 8,512,929.30 + 8,453,338.80 = 34,172,581.48
  //     -> eigen vermogen 2028 = 648,499.23 (< 649,317.25)
  SolveSpec spec;
  spec.param = kOb;
  spec.years = {2025, 2026, 2027, 2028};
  spec.min = 0;
  spec.max = 100000;
  spec.step = 0.01;
  spec.target = {Line::eigen_vermogen, 2028, SolveTarget::Op::AtLeast, 0.0, Line::signaleringswaarde};
  const SolveOutcome o = solve(testutil::baseline(), spec);
  CHECK(o.answer.value == doctest::Approx(399.78).epsilon(1e-12));
  CHECK(o.answer.figure == doctest::Approx(649353.99).epsilon(1e-12));
  CHECK(o.answer.reference == doctest::Approx(649317.25).epsilon(1e-12));
  REQUIRE(o.neighbour);
  CHECK(o.neighbour->value == doctest::Approx(399.79).epsilon(1e-12));
  CHECK_FALSE(o.neighbour->meets);
  const Result at = with_ob("2025=399.78 2026=399.78 2027=399.78 2028=399.78");
  const Result above = with_ob("2025=399.79 2026=399.79 2027=399.79 2028=399.79");
  CHECK(cents(at, Line::eigen_vermogen, 2028) == 64935399);
  CHECK(cents(at, Line::signaleringswaarde, 2028) == 64931725);
  CHECK(cents(above, Line::eigen_vermogen, 2028) == 64849923);
}

TEST_CASE("solve: the lowest opening eigen vermogen keeping 2028 at the niveau weerstandsvermogen") {
  // Eigen vermogen 2028 = begin + sum of resultaten; with begin 2,560,000 it is 613,292.13, so
  // begin >= 2,560,000 - 13,292.13 = 2,546,707.87 keeps it at 600,000 (niveau 2028). A higher
  // begin only helps: the answer is the lowest value; one cent less gives 599,999.99.
  const auto r = testutil::run_cli("solve " + kBase +
                                   " --param reserves.eigen_vermogen_begin --target eigen_vermogen_31_december"
                                   " --target-year 2028 --at-least-line weerstandsvermogen_niveau --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["answer"]["value"].get<double>() == doctest::Approx(2546707.87).epsilon(1e-14));
  CHECK(j["answer"]["figure"].get<double>() == doctest::Approx(600000.0).epsilon(1e-14));
  CHECK(j["direction"] == "laagste");
  CHECK(j["neighbour"]["figure"].get<double>() == doctest::Approx(599999.99).epsilon(1e-14));
}

TEST_CASE("solve cli: both example questions to the cent in table and json") {
  const auto q1 = testutil::run_cli("solve " + kBase + " --param " + kOb +
                                    " --years 2025-2028 --target eigen_vermogen_31_december --target-year 2028"
                                    " --at-least-line signaleringswaarde_inspectie");
  REQUIRE(q1.exit_code == 0);
  CHECK(q1.out.find("Antwoord:  399,78 EUR per leerling (de hoogste waarde") != std::string::npos);
  CHECK(q1.out.find("649.353,99") != std::string::npos);
  const auto q2 = testutil::run_cli("solve " + kBase + " --param " + kOb +
                                    " --year 2027 --target resultaat --year-target 2027 --equals 0 --format json");
  REQUIRE(q2.exit_code == 0);
  const auto j = nlohmann::json::parse(q2.out);
  CHECK(j["answer"]["value"].get<double>() == doctest::Approx(380.79).epsilon(1e-12));
  CHECK(j["answer"]["figure"].get<double>() == doctest::Approx(31.61).epsilon(1e-12));
  CHECK(j["target"]["op"] == "=");
}

TEST_CASE("solve refuses with exit 2 when no value in the range meets the target") {
  // Eigen vermogen 2028 is at most 613,292.13 + 34,207,788.58 = 34,821,080.71 (amount 0 in
  // 2025-2028, the plan's bruto lines of the test above all gone): 50,000,000 cannot be reached.
  const auto r = testutil::run_cli("solve " + kBase + " --param " + kOb +
                                   " --years 2025-2028 --target eigen_vermogen_31_december --at-least 50000000");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("geen enkele waarde in het bereik haalt het doel") != std::string::npos);
  CHECK(r.err.find("34.821.080,71") != std::string::npos);
  CHECK(r.out.empty());
  // The 2027 amount cannot move the 2024 resultaat.
  const auto flat = testutil::run_cli("solve " + kBase + " --param " + kOb + " --year 2027 --target resultaat --target-year 2024 --equals 0");
  CHECK(flat.exit_code == 2);
  CHECK(flat.err.find("hangt niet af van deze parameter") != std::string::npos);
  // Range narrower than the answer 380.79: no crossing in [300, 380] for equals.
  const auto narrow = testutil::run_cli("solve " + kBase + " --param " + kOb +
                                        " --year 2027 --target resultaat --equals 0 --min 300 --max 380");
  CHECK(narrow.exit_code == 2);
}

TEST_CASE("solve: bad calls exit 2 with a clear message") {
  const auto base = "solve " + kBase + " --param " + kOb;
  CHECK(testutil::run_cli(base + " --target resultaat").exit_code == 2);  // no condition
  CHECK(testutil::run_cli(base + " --target resultaat --equals 0 --at-least 0").exit_code == 2);
  const auto typo = testutil::run_cli(base + " --target resultat --equals 0");
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("bedoelt u 'resultaat'?") != std::string::npos);
  const auto year = testutil::run_cli(base + " --year 2031 --target resultaat --equals 0");
  CHECK(year.exit_code == 2);
  CHECK(year.err.find("2031") != std::string::npos);
  CHECK(testutil::run_cli(base + " --target resultaat --equals nul").exit_code == 2);
  const auto param = testutil::run_cli("solve " + kBase + " --param regulier_onderwijs.ondersteuningsbedrag --target resultaat --equals 0");
  CHECK(param.exit_code == 2);
  CHECK(param.err.find("onbekende parameter") != std::string::npos);
}

TEST_CASE("solve on a pupil count moves in whole pupils") {
  // SO cat. III pupils on teldatum 1-2-2023 fund 2024 at 31,419.53 each (8.1.1, inhouding DUO);
  // the schools pay 0.21 new placements per pupil of the stock x 6,635 = 1,393.35 (8.1.2; first
  // year: uitstroom only). resultaat 2024 = -762,957.63 at 30 pupils; per pupil -30,026.18.
  // resultaat >= -800,000 needs (n - 30) x 30,026.18 <= 37,042.37: n - 30 <= 1.23, so n = 31
  // (resultaat -792,983.81); 32 pupils give -762,957.63 - 62,839.06 + 2,786.70 = -823,009.99.
  const auto r = testutil::run_cli("solve " + kBase +
                                   " --param leerlingen.so_cat3.teldatum --year 2023 --target resultaat --at-least=-800000"
                                   " --max 1000 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["target"]["year"] == 2024);  // a teldatum funds the next begrotingsjaar
  CHECK(j["answer"]["value"].get<double>() == 31.0);
  CHECK(j["answer"]["figure"].get<double>() == doctest::Approx(-792983.81).epsilon(1e-14));
  CHECK(j["neighbour"]["value"].get<double>() == 32.0);
  CHECK(j["neighbour"]["figure"].get<double>() == doctest::Approx(-823009.99).epsilon(1e-14));
}

TEST_CASE("solve every year: the highest flat ondersteuningsbedrag 2025-2028 keeping eigen vermogen at the niveau in every year") {
  // The directeur's question (issue 12.7; plan: "minimaal EUR 400 per leerling", the niveau
  // weerstandsvermogen as floor). Derivation as in the test above: eigen vermogen in year t =
  // plan EV_t + sum over 2025..t of (plan bruto_s - round(x x bo_s)); plan EV 2025-2028
  // 1,211,707.38; 703,695.07; 614,081.04; 613,292.13; niveau 655,000; 650,000; 600,000; 600,000;
  // 2024 (1,797,043 >= 655,000) does not depend on x. Per year x <= (EV_t - niveau_t + sum bruto) /
  // sum bo: 2025 9,842,458.91 / 21,594.771 = 455.78; 2026 18,345,761.79 / 43,038.378603 = 426.26;
  // 2027 26,504,146.16 / 64,331.880952779 = 411.99; 2028 34,221,080.71 / 85,476.328786110 = 400.36:
  // 2028 decides. x = 400.35: round(x bo_t) = 8,645,466.57; 8,584,948.30; 8,524,853.67; 8,465,179.69,
  // EV 2028 = 613,292.13 + 34,207,788.58 - 34,220,448.23 = 600,632.48 >= 600,000;
  // x = 400.36: 8,645,682.52; 8,585,162.74; 8,525,066.60; 8,465,391.13 -> EV 2028 599,777.72 < 600,000.
  SolveSpec spec;
  spec.param = kOb;
  spec.years = {2025, 2026, 2027, 2028};
  spec.min = 0;
  spec.max = 100000;
  spec.step = 0.01;
  spec.target = {Line::eigen_vermogen, 2028, SolveTarget::Op::AtLeast, 0.0, Line::weerstandsvermogen_niveau, true, 2024};
  const SolveOutcome o = solve(testutil::baseline(), spec);
  CHECK(o.answer.value == doctest::Approx(400.35).epsilon(1e-12));
  CHECK(o.answer.year == 2028);
  CHECK(o.answer.figure == doctest::Approx(600632.48).epsilon(1e-12));
  CHECK(o.answer.reference == doctest::Approx(600000.0).epsilon(1e-12));
  REQUIRE(o.neighbour);
  CHECK(o.neighbour->value == doctest::Approx(400.36).epsilon(1e-12));
  CHECK(o.neighbour->figure == doctest::Approx(599777.72).epsilon(1e-12));
  CHECK_FALSE(o.neighbour->meets);
  // Independently of the solver: run the scenario at both cents.
  const Result at = with_ob("2025=400.35 2026=400.35 2027=400.35 2028=400.35");
  CHECK(cents(at, Line::eigen_vermogen, 2028) == 60063248);
  CHECK(cents(at, Line::eigen_vermogen, 2027) == 134887762);  // 614,081.04 + 734,796.58
}

TEST_CASE("solve every year: an earlier year decides when its niveau is higher") {
  // Only 2025 set; niveau 2026 raised to 700,000. A change of the bedrag 2025 moves every later
  // eigen vermogen by the same amount d = 9,285,751.53 - round(x x 21,594.771); margins at the
  // plan: 2025 556,707.38; 2026 3,695.07; 2027 14,081.04; 2028 13,292.13: 2026 decides.
  // x <= (9,285,751.53 + 3,695.07) / 21,594.771 = 430.1711...: x = 430.17: round = 9,289,422.64,
  // EV 2026 = 703,695.07 - 3,671.11 = 700,023.96; x = 430.18: 9,289,638.59 -> 699,808.01 < 700,000.
  // With the target in 2025 only the answer would be 455.78 (2025's own margin).
  const auto r = testutil::run_cli("solve " + kBase + " --param " + kOb +
                                   " --year 2025 --target eigen_vermogen_31_december --every-year --at-least-line weerstandsvermogen_niveau"
                                   " --set reserves.weerstandsvermogen_niveau.2026=700000 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["answer"]["value"].get<double>() == doctest::Approx(430.17).epsilon(1e-12));
  CHECK(j["answer"]["year"] == 2026);
  CHECK(j["answer"]["figure"].get<double>() == doctest::Approx(700023.96).epsilon(1e-12));
  CHECK(j["neighbour"]["figure"].get<double>() == doctest::Approx(699808.01).epsilon(1e-12));
  CHECK(j["target"]["every_year"] == true);
  CHECK(j["target"]["first_year"] == 2024);
  const auto t = testutil::run_cli("solve " + kBase + " --param " + kOb +
                                   " --year 2025 --target eigen_vermogen_31_december --every-year --at-least-line weerstandsvermogen_niveau"
                                   " --set reserves.weerstandsvermogen_niveau.2026=700000");
  REQUIRE(t.exit_code == 0);
  CHECK(t.out.find("Antwoord:  430,17") != std::string::npos);
  CHECK(t.out.find("in elk jaar 2024-2028") != std::string::npos);
  CHECK(t.out.find("2026 is het jaar dat beslist") != std::string::npos);
}

TEST_CASE("solve every year: bad combinations exit 2") {
  const auto base = "solve " + kBase + " --param " + kOb + " --years 2025-2028 --target eigen_vermogen_31_december --every-year";
  const auto eq = testutil::run_cli(base + " --equals 600000");
  CHECK(eq.exit_code == 2);
  CHECK(eq.err.find("--every-year gaat niet samen met --equals") != std::string::npos);
  const auto ty = testutil::run_cli(base + " --target-year 2028 --at-least-line weerstandsvermogen_niveau");
  CHECK(ty.exit_code == 2);
  CHECK(ty.err.find("laat --target-year weg") != std::string::npos);
}
