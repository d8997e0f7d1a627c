// Risk analysis: binding parameters to Inputs, Monte Carlo statistics against hand-derived
// mean and standard deviation, determinism over thread counts, quantile edges, sensitivity
// ordering, and the loader's messages for `onzekerheden:`.
#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>
#include <string>

#include "begroting/bind.hpp"
#include "begroting/engine.hpp"
#include "begroting/loader.hpp"
#include "begroting/risk.hpp"
#include "begroting/risk_reports.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
/// A scenario extending the baseline, with `extra` appended (an onzekerheden: section).
Scenario with(const std::string& extra) {
  const std::string text = "extends: zuid-kennemerland-2024.yaml\nnaam: test\n" + extra;
  return load_scenario_text(text, testutil::source("scenarios/test-risico.yaml"));
}
std::string load_error(const std::string& extra) {
  try {
    with(extra);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
// Hand calculation: bo pupils per begrotingsjaar 2024..2028 = 21,747 x 0.993^k:
// 21,747; 21,594.771; 21,443.607603; 21,293.502349779; 21,144.447833331.
const double kBo[] = {21747.0, 21594.771, 21443.607603, 21293.502349779, 21144.44783333055};
}  // namespace

TEST_CASE("bind: setting a parameter through its binding equals --set and a fresh compile") {
  const Scenario base = testutil::baseline();
  struct Case { const char* path; int year; double value; const char* set; };
  const Case cases[] = {
      {"tarieven.sbo", 2026, 7000.00, "tarieven.sbo.2026=7000"},
      {"leerlingen.so_cat1.groei", 0, 0.06, "leerlingen.so_cat1.groei=0.06"},
      {"leerlingen.bo.teldatum", 2023, 22000, "leerlingen.bo.teldatum.2023=22000"},
      {"bedragen.lasten.uitvoeringsorganisatie.projecten", 2025, 1000, "bedragen.lasten.uitvoeringsorganisatie.projecten.2025=1000"},
      {"personeel.groei", 2027, 0.05, "personeel.groei.2027=0.05"},
      {"reserves.eigen_vermogen_begin", 0, 2000000, "reserves.eigen_vermogen_begin=2000000"},
      {"reserves.bestemmingsreserve_laatste_jaar", 0, 2026, "reserves.bestemmingsreserve_laatste_jaar=2026"},
  };
  for (const auto& c : cases) {
    INFO(c.set);
    Inputs in = compile(base);
    for (const auto& t : bind_parameter(in, c.path, c.year)) resolve(in, t).set(c.value);
    Result via_bind;
    compute(in, via_bind);
    const Result via_set = run(testutil::baseline({{c.set}}));
    CHECK(via_bind.cents == via_set.cents);
    CHECK(via_bind.real == via_set.real);
  }
  // growth over all years: 4 transition years 2024..2027 (teldatum); a single value: 1 target
  const Inputs in = compile(base);
  CHECK(bind_parameter(in, "leerlingen.so_cat1.groei").size() == 4);
  CHECK(bind_parameter(in, "tarieven.sbo").size() == 5);
  CHECK(bind_parameter(in, "reserves.eigen_vermogen_begin").size() == 1);
  // counts: "every year" = every teldatum the scenario gives (ikc_ander_swv gives 2023 and 2024)
  CHECK(bind_parameter(in, "leerlingen.ikc_ander_swv.teldatum").size() == 2);
  CHECK_THROWS_AS(bind_parameter(in, "tarieven.sbo", 2031), std::invalid_argument);
  CHECK_THROWS_AS(bind_parameter(in, "tarieven.bestaat_niet"), std::invalid_argument);
}

TEST_CASE("bind: a drawn value is clamped to the parameter's range and rounded to the cent") {
  Inputs in = compile(testutil::baseline());
  const auto g = bind_parameter(in, "leerlingen.bo.groei", 2025);
  REQUIRE(g.size() == 1);
  resolve(in, g[0]).set(-3.0);  // growth -300%: impossible; clamped just above -100%
  CHECK(resolve(in, g[0]).get() > -1.0);
  CHECK(resolve(in, g[0]).get() < -0.999999);
  const auto t = bind_parameter(in, "tarieven.sbo", 2024);
  resolve(in, t[0]).set(6634.525);  // half a cent: away from zero
  CHECK(in.t_sbo[0] == 663453);
  resolve(in, t[0]).set(-5);  // a tarief is 0 or more
  CHECK(in.t_sbo[0] == 0);
}

TEST_CASE("quantiles at the edges: one value - ties - interpolation - p = 0 and 1") {
  Cents one[] = {12345};
  for (double p : {0.0, 0.05, 0.5, 0.95, 1.0}) CHECK(quantile_cents(one, 1, p) == 12345);
  Cents ties[] = {7, 7, 7, 7, 7};
  for (double p : {0.05, 0.25, 0.5, 0.75, 0.95}) CHECK(quantile_cents(ties, 5, p) == 7);
  // type 7 on {1, 2, 3, 4} (shuffled): h = 3p; p = 0.5 -> h = 1.5 -> 2 + 0.5 x (3 - 2) = 2.5 -> 3 (half away from 0)
  Cents v[] = {4, 1, 3, 2};
  CHECK(quantile_cents(v, 4, 0.5) == 3);
  Cents w[] = {4, 1, 3, 2};
  CHECK(quantile_cents(w, 4, 0.0) == 1);
  Cents x[] = {4, 1, 3, 2};
  CHECK(quantile_cents(x, 4, 1.0) == 4);
  // p = 0.25 -> h = 0.75 -> 1 + 0.75 x 1 = 1.75 -> 2; on {-4,-3,-2,-1}: -3.25 -> -3
  Cents y[] = {3, 4, 1, 2};
  CHECK(quantile_cents(y, 4, 0.25) == 2);
  Cents z[] = {-1, -4, -2, -3};
  CHECK(quantile_cents(z, 4, 0.25) == -3);  // -4 + 0.75 x 1 = -3.25 -> -3
  Cents half[] = {-3, -4};
  CHECK(quantile_cents(half, 2, 0.5) == -4);  // -3.5 -> -4: half away from zero, also below zero
  Cents cross[] = {1, -2};
  CHECK(quantile_cents(cross, 2, 0.5) == -1);  // -0.5 -> -1
  // A level is the decimal it is written as: n = 10, p = 0.1 -> h = 0.9 exactly, and
  // 0.9 x 701,955 = 631,759.5 cents exactly -> -119,470,340 + 631,759.5 = -118,838,580.5 -> -118,838,581
  // (9 x 0.1 in binary is a hair above 0.9 and would round the half up to ...580).
  Cents tenth[] = {-118768385, -119470340, 5, 6, 7, 8, 9, 10, 11, 12};
  CHECK(quantile_cents(tenth, 10, 0.1) == -118838581);
  // levels outside [0, 1], not a number, or finer than 0.0001 are refused
  Cents some[] = {1, 2, 3};
  CHECK_THROWS_AS(quantile_cents(some, 3, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(quantile_cents(some, 3, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(quantile_cents(some, 3, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(quantile_cents(some, 3, 0.00005), std::invalid_argument);
  // ties across the interpolation: {0, 10, 10, 10, 20}, p = 0.2: h = 0.8 -> 0 + 0.8 x 10 = 8
  Cents t[] = {10, 20, 10, 0, 10};
  CHECK(quantile_cents(t, 5, 0.2) == 8);
}

TEST_CASE("quantiles equal the type-7 definition on the fully sorted values for many shapes of data") {
  // The definition, computed independently in exact rational arithmetic (Boost.Multiprecision):
  // sort everything, h = (n - 1) p, x[lo] + (h - lo) (x[lo + 1] - x[lo]), round half away from 0.
  auto by_definition = [](std::vector<Cents> v, double p) {
    using boost::multiprecision::cpp_rational;
    using boost::multiprecision::cpp_int;
    std::sort(v.begin(), v.end());
    // p as the decimal the caller means (0.05 = 5/100), not the binary double nearest to it
    const cpp_rational h = cpp_rational(static_cast<long long>(v.size() - 1)) * cpp_rational(std::llround(p * 10000), 10000);
    const cpp_int whole_h = boost::multiprecision::numerator(h) / boost::multiprecision::denominator(h);
    const auto lo = static_cast<std::size_t>(whole_h);
    if (lo + 1 >= v.size()) return v[lo];
    const cpp_rational frac = h - cpp_rational(whole_h);
    const cpp_rational x = cpp_rational(v[lo]) + frac * (cpp_rational(v[lo + 1]) - cpp_rational(v[lo]));
    // half away from zero: floor(x + 1/2) for x >= 0, -floor(-x + 1/2) for x < 0
    const cpp_rational a = x >= 0 ? x : -x;
    const cpp_rational shifted = a + cpp_rational(1, 2);
    cpp_int whole = boost::multiprecision::numerator(shifted) / boost::multiprecision::denominator(shifted);
    if (x < 0) whole = -whole;
    return static_cast<Cents>(whole);
  };
  SplitMix64 g(7, 0);
  auto draw = [&](std::uint64_t m) { return static_cast<Cents>(g.next() % m); };
  std::vector<std::vector<Cents>> sets;
  for (std::size_t n : {1u, 2u, 3u, 10u, 1000u, 100000u}) {
    std::vector<Cents> spread, clustered, few, wide;
    for (std::size_t i = 0; i < n; ++i) {
      spread.push_back(draw(2000000000) - 1000000000);                         // +-10 million euros
      clustered.push_back(i % 97 == 0 ? draw(4000000000000) : 5000000 + draw(3));  // one bucket holds almost all
      few.push_back(draw(5) * 100 - 200);                                       // ties: 5 distinct values
      wide.push_back(static_cast<Cents>(g.next() >> 2) - (Cents{1} << 61));       // most of the int64 range
    }
    sets.insert(sets.end(), {spread, clustered, few, wide});
  }
  int checked = 0;
  // The whole int64 range: the bucket width needs the unsigned difference and the
  // interpolation the 128-bit step.
  const std::vector<Cents> extreme{std::numeric_limits<Cents>::max(), 0, std::numeric_limits<Cents>::min()};
  for (double p : {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0}) {
    std::vector<Cents> work = extreme;
    CHECK(quantile_cents(work.data(), 3, p) == by_definition(extreme, p));
    ++checked;
  }
  for (const auto& set : sets)
    for (double p : {0.0, 0.05, 0.10, 0.20, 0.25, 0.5, 0.75, 0.95, 1.0}) {
      std::vector<Cents> work = set;
      const Cents got = quantile_cents(work.data(), work.size(), p);
      const Cents want = by_definition(set, p);
      if (got != want) FAIL_CHECK("n = " << set.size() << ", p = " << p << ": " << got << " != " << want);
      ++checked;
    }
  CHECK(checked == 7 + 24 * 9);
}

TEST_CASE("risk with one path: every percentile is that path - sd 0") {
  const Scenario s = with(
      "onzekerheden:\n"
      "  tarief:\n"
      "    parameter: tarieven.lichte_ondersteuning\n"
      "    verdeling: vast\n"
      "    waarde: 356.36\n");
  const RiskModel m(s);
  RiskOptions o;
  o.paths = 1;
  const RiskResult r = run_risk(m, o);
  REQUIRE(r.years.size() == 5);
  for (const auto& y : r.years) {
    // vast at the scenario's own value: the one path is the plan
    for (auto q : y.ev_q) CHECK(q == y.ev_plan);
    for (auto q : y.resultaat_q) CHECK(q == y.resultaat_plan);
    CHECK(y.ev_sd == 0.0);
    for (auto b : y.benodigd) CHECK(b == 0);
  }
  // plan EV 2028 is 613,292 (hfst 12); one path above zero: P(below 0) = 0
  CHECK(r.years[4].p_onder_nul == 0.0);
}

TEST_CASE("Monte Carlo mean and sd match the hand derivation within 4 standard errors") {
  // One normal driver: tarief lichte ondersteuning ~ N(356.36, 10), one draw for all years.
  // resultaat(t) = plan(t) + bo(t) x (X - 356.36): mean plan(t), sd 10 x bo(t).
  // EV(t) = plan EV(t) + (X - 356.36) x sum_{s<=t} bo(s): sd 10 x sum bo.
  // sum bo 2024..2028 = 21,747 x (1 - 0.993^5) / 0.007 = 107,223.33 -> sd EV 2028 = 1,072,233.29.
  // (Each line rounds once to the cent: at most 0.5 cent a year, far below the bounds.)
  const Scenario s = with(
      "onzekerheden:\n"
      "  tarief_lichte:\n"
      "    parameter: tarieven.lichte_ondersteuning\n"
      "    verdeling: normaal\n"
      "    gemiddelde: 356.36\n"
      "    sd: 10\n");
  const RiskModel m(s);
  RiskOptions o;
  o.paths = 20000;
  o.seed = 11;
  o.threads = 2;
  const RiskResult r = run_risk(m, o);
  const double N = 20000;
  double cum = 0;
  for (int i = 0; i < 5; ++i) {
    INFO("year " << 2024 + i);
    cum += kBo[i];
    const RiskYear& y = r.years[static_cast<size_t>(i)];
    const double sd_res = 10 * kBo[i], sd_ev = 10 * cum;
    // standard errors: mean sd/sqrt(N); sd sd/sqrt(2(N-1))
    CHECK(std::fabs(y.resultaat_mean - cents_to_euros(y.resultaat_plan)) < 4 * sd_res / std::sqrt(N));
    CHECK(std::fabs(y.resultaat_sd - sd_res) < 4 * sd_res / std::sqrt(2 * (N - 1)));
    CHECK(std::fabs(y.ev_mean - cents_to_euros(y.ev_plan)) < 4 * sd_ev / std::sqrt(N));
    CHECK(std::fabs(y.ev_sd - sd_ev) < 4 * sd_ev / std::sqrt(2 * (N - 1)));
    // P5 = mean - 1.644854 sd; SE of a p-quantile: sqrt(p(1-p)/N) / phi(z_p) x sd,
    // phi(1.644854) = 0.103136: SE = 0.014942 sd. Median: SE = 1.253314 sd / sqrt(N).
    const double se_p5 = std::sqrt(0.05 * 0.95 / N) / 0.103136 * sd_ev;
    CHECK(std::fabs(cents_to_euros(y.ev_q[0]) - (cents_to_euros(y.ev_plan) - 1.644854 * sd_ev)) < 4 * se_p5);
    CHECK(std::fabs(cents_to_euros(y.ev_q[4]) - (cents_to_euros(y.ev_plan) + 1.644854 * sd_ev)) < 4 * se_p5);
    CHECK(std::fabs(cents_to_euros(y.ev_q[2]) - cents_to_euros(y.ev_plan)) < 4 * 1.253314 * sd_ev / std::sqrt(N));
    // benodigd at 95% = EV plan - Q5 = 1.644854 sd
    CHECK(std::fabs(cents_to_euros(y.benodigd[2]) - 1.644854 * sd_ev) < 4 * se_p5);
  }
  CHECK(cum == doctest::Approx(107223.33).epsilon(1e-7));
  // P(EV 2028 < 0) = Phi(-613,292 / 1,072,233) = Phi(-0.57198) = 0.28367; SE sqrt(p(1-p)/N) = 0.00319
  const double p0 = 0.5 * std::erfc(613292.0 / 1072233.29 / std::sqrt(2.0));
  CHECK(p0 == doctest::Approx(0.28367).epsilon(1e-3));
  CHECK(std::fabs(r.years[4].p_onder_nul - p0) < 4 * std::sqrt(p0 * (1 - p0) / N));
}

TEST_CASE("risk: the same seed gives identical output for 1 and 2 threads - another seed differs") {
  const Scenario s = load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml"));
  const RiskModel m(s);
  RiskOptions o;
  o.paths = 5000;
  o.seed = 99;
  o.threads = 1;
  const std::string one = render_risk_json(run_risk(m, o));
  o.threads = 2;
  const std::string two = render_risk_json(run_risk(m, o));
  o.threads = 7;  // more threads than cores: still the same
  const std::string seven = render_risk_json(run_risk(m, o));
  CHECK(one == two);
  CHECK(one == seven);
  o.seed = 100;
  CHECK(render_risk_json(run_risk(m, o)) != one);
  // and through the CLI
  const auto a = testutil::run_cli("risk scenarios/zuid-kennemerland-2024-risico.yaml --paths 3000 --seed 5 --threads 1 --format json");
  const auto b = testutil::run_cli("risk scenarios/zuid-kennemerland-2024-risico.yaml --paths 3000 --seed 5 --threads 2 --format json");
  REQUIRE(a.exit_code == 0);
  CHECK(a.out == b.out);
  CHECK(a.out.find("\"benodigd_weerstandsvermogen\"") != std::string::npos);
}

TEST_CASE("events: probability 1 from a year on - blijvend or only in that year") {
  // kans 1 vanaf 2026, blijvend: zware tarief -13.50 in 2026, 2027, 2028 on every path.
  // Effect on resultaat(t) = -13.50 x (bo + sbo)(t); 2026: (21,443.607603 + 585 x 1.02^2 = 608.634)
  // = 22,052.241603 x 13.50 = 297,705.26
  const Scenario s = with(
      "onzekerheden:\n"
      "  korting:\n"
      "    parameter: tarieven.zware_ondersteuning\n"
      "    kans: 1\n"
      "    vanaf: 2026\n"
      "    blijvend: ja\n"
      "    verdeling: vast\n"
      "    waarde: -13.50\n");
  const RiskModel m(s);
  RiskOptions o;
  o.paths = 10;
  const RiskResult r = run_risk(m, o);
  CHECK(r.years[0].resultaat_q[2] == r.years[0].resultaat_plan);
  CHECK(r.years[1].resultaat_q[2] == r.years[1].resultaat_plan);
  CHECK(std::llabs(r.years[2].resultaat_plan - r.years[2].resultaat_q[2] - 29770526) <= 1);
  CHECK(r.years[4].resultaat_q[2] < r.years[4].resultaat_plan);
  const Scenario once = with(
      "onzekerheden:\n"
      "  korting:\n"
      "    parameter: tarieven.zware_ondersteuning\n"
      "    kans: 1\n"
      "    vanaf: 2026\n"
      "    tot_en_met: 2026\n"
      "    verdeling: vast\n"
      "    waarde: -13.50\n");
  const RiskModel m2(once);
  const RiskResult r2 = run_risk(m2, o);
  CHECK(std::llabs(r2.years[2].resultaat_plan - r2.years[2].resultaat_q[2] - 29770526) <= 1);
  CHECK(r2.years[3].resultaat_q[2] == r2.years[3].resultaat_plan);  // not blijvend: 2027 untouched
}

TEST_CASE("sensitivity: ordering and effects derived by hand") {
  // projecten: verschil uniform(-10,000, 10,000) in every year: P5 -9,000, P95 +9,000;
  //   EV 2028 moves by -5 x x: low +45,000.00, high -45,000.00 (range 90,000).
  // eigen vermogen begin: normaal(2,560,000, 20,000): P5 = 2,560,000 - 1.6448536 x 20,000
  //   = 2,527,102.93 -> effect -32,897.07; P95 +32,897.07 (range 65,794.14).
  // korting: kans 0.1 vanaf 2025 blijvend, -13.50: high = 2025-2028 at -13.50 x (bo + sbo):
  //   (21,594.771 + 596.7) + (21,443.607603 + 608.634) + (21,293.502349779 + 620.80668)
  //   + (21,144.447833331 + 633.2228136) = 87,935.69 pupils x 13.50 = 1,187,131.85.
  const Scenario s = with(
      "onzekerheden:\n"
      "  projecten:\n"
      "    parameter: bedragen.lasten.uitvoeringsorganisatie.projecten\n"
      "    verdeling: uniform\n"
      "    min: -10000\n"
      "    max: 10000\n"
      "    toepassing: verschil\n"
      "  begin:\n"
      "    parameter: reserves.eigen_vermogen_begin\n"
      "    verdeling: normaal\n"
      "    gemiddelde: 2560000\n"
      "    sd: 20000\n"
      "  korting:\n"
      "    parameter: tarieven.zware_ondersteuning\n"
      "    kans: 0.1\n"
      "    vanaf: 2025\n"
      "    blijvend: ja\n"
      "    verdeling: vast\n"
      "    waarde: -13.50\n");
  const RiskModel m(s);
  const SensitivityResult r = run_sensitivity(m);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.horizon_year == 2028);
  CHECK(r.rows[0].name == "korting");
  CHECK(r.rows[1].name == "projecten");
  CHECK(r.rows[2].name == "begin");
  CHECK(r.rows[0].effect_low == 0);
  CHECK(std::llabs(r.rows[0].effect_high - (-118713185)) <= 4);  // one rounding per year
  CHECK(r.rows[1].effect_low == 4500000);
  CHECK(r.rows[1].effect_high == -4500000);
  CHECK(r.rows[2].effect_low == -3289707);
  CHECK(r.rows[2].effect_high == 3289707);
  const auto cli = testutil::run_cli("sensitivity scenarios/zuid-kennemerland-2024-risico.yaml");
  CHECK(cli.exit_code == 0);
  // The onzekerheid's Dutch description (its `omschrijving`), not its key (issue 14.2).
  CHECK(cli.out.find("golf van extra SO-groei in een jaar") != std::string::npos);
}

TEST_CASE("onzekerheden: bad input gives FILE:LINE:COLUMN and what was expected") {
  const std::string f = testutil::source("scenarios/test-risico.yaml");
  // line 3 is "onzekerheden:", line 4 the name, line 5 its first key
  CHECK(load_error("onzekerheden:\n  a:\n    parametr: tarieven.sbo\n") ==
        f + ":5:5: onbekende sleutel 'parametr' onder onzekerheden.a; bedoelt u 'parameter'?");
  CHECK(load_error("onzekerheden:\n  a:\n    parameter: tarieven.sbbo\n    verdeling: vast\n    waarde: 1\n") ==
        f + ":5:16: onbekende parameter 'tarieven.sbbo'; bedoelt u 'tarieven.sbo'?");
  CHECK(load_error("onzekerheden:\n  a:\n    parameter: tarieven.sbo\n    kans: 1.5\n    verdeling: vast\n    waarde: 1\n") ==
        f + ":6:11: onzekerheden.a.kans = 1.5: verwacht een kans per jaar groter dan 0 en hooguit 1 (0.15 voor 15%)");
  CHECK(load_error("onzekerheden:\n  a:\n    parameter: tarieven.sbo\n    verdeling: normaal\n    gemiddelde: 6000\n    sd: -1\n") ==
        f + ":8:9: onzekerheden.a.sd = -1: een standaardafwijking is 0 of meer");
  CHECK(load_error("onzekerheden:\n  a:\n    parameter: leerlingen.so_cat1.groei\n    verdeling: normaal\n    gemiddelde: 4\n    sd: 1\n") ==
        f + ":7:17: onzekerheden.a.gemiddelde = 4 valt buiten het bereik van leerlingen.so_cat1.groei (-1 tot 1, fractie (0,04 = 4%)); "
            "lijkt een percentage: schrijf 0.04 voor 4%");
  CHECK(load_error("onzekerheden:\n  a:\n    parameter: tarieven.sbo\n    verdeling: poisson\n") ==
        f + ":6:16: 'poisson' is geen geldige verdeling; verwacht een van: normaal, driehoek, uniform, vast");
  CHECK(load_error("onzekerheden:\n  a:\n    parameter: reserves.eigen_vermogen_begin\n    kans: 0.5\n    verdeling: vast\n    waarde: 1\n") ==
        f + ":5:16: reserves.eigen_vermogen_begin is een enkele waarde zonder jaar; een gebeurtenis werkt op een parameter per jaar");
  CHECK(load_error("onzekerheden:\n  a:\n    parameter: tarieven.sbo\n    jaar: 2035\n    verdeling: vast\n    waarde: 1\n") ==
        f + ":6:11: onzekerheden.a.jaar 2035 valt buiten de jaren van tarieven.sbo (2024-2028)");
  // risk without onzekerheden: exit 2 with a clear message
  const auto r = testutil::run_cli("risk scenarios/zuid-kennemerland-2024.yaml --paths 10");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("declareert geen onzekerheden") != std::string::npos);
  CHECK(testutil::run_cli("risk scenarios/zuid-kennemerland-2024-risico.yaml --paths 0").exit_code == 2);
}

TEST_CASE("onzekerheden in an extends child replace the parent's of the same name") {
  const std::string dir = testutil::temp_dir();
  const std::string base = testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml");
  const Scenario parent = load_scenario(base);
  const Scenario child = load_scenario_text(
      "extends: zuid-kennemerland-2024-risico.yaml\nonzekerheden:\n  korting_ocw:\n    parameter: tarieven.zware_ondersteuning\n"
      "    kans: 0.5\n    verdeling: vast\n    waarde: -20\n  nieuw:\n    parameter: tarieven.sbo\n    verdeling: vast\n    waarde: 7000\n",
      testutil::source("scenarios/kind.yaml"));
  REQUIRE(child.onzekerheden.size() == parent.onzekerheden.size() + 1);
  for (size_t i = 0; i < parent.onzekerheden.size(); ++i) CHECK(child.onzekerheden[i].name == parent.onzekerheden[i].name);
  bool found = false;
  for (const auto& u : child.onzekerheden)
    if (u.name == "korting_ocw") {
      found = true;
      CHECK(u.kans == 0.5);
      CHECK(u.dist.a == -20);
    }
  CHECK(found);
  CHECK(child.onzekerheden.back().name == "nieuw");
}

TEST_CASE("compute() writes every line of every year: a reused Result full of garbage gives the same figures") {
  // compute() skips zeroing a Result that is already sized (the Monte Carlo hot path); this
  // holds only if every rule writes all its lines in every year.
  const Inputs in = compile(testutil::baseline());
  Result fresh;
  compute(in, fresh);
  Result reused;
  compute(in, reused);
  std::fill(reused.cents.begin(), reused.cents.end(), Cents{123456789});
  std::fill(reused.real.begin(), reused.real.end(), 98765.4321);
  compute(in, reused);
  // money lines live in cents, count and ratio lines in real (Result::value reads only those)
  for (int l = 0; l < kLineCount; ++l)
    for (int i = 0; i < fresh.n(); ++i) {
      const auto line = static_cast<Line>(l);
      INFO(def(line).id << " " << 2024 + i);
      if (is_money(line)) CHECK(reused.c(line, i) == fresh.c(line, i));
      else CHECK((reused.r(line, i) == fresh.r(line, i) || (std::isnan(reused.r(line, i)) && std::isnan(fresh.r(line, i)))));
    }
  CHECK(reused.findings.size() == fresh.findings.size());
  CHECK(reused.verdeling.ikc.size() == fresh.verdeling.ikc.size());
  CHECK(reused.verdeling.vangnet.size() == fresh.verdeling.vangnet.size());
}

TEST_CASE("compute() with Findings::Skip fills the same lines without findings or detail records") {
  // The IKC settlement beyond the band and a vangnet overrun raise findings in Collect mode;
  // Skip gives the same lines (the risk hot path reads only lines) and no findings.
  const Inputs in = compile(testutil::baseline());
  Result collect, skip;
  compute(in, collect);
  compute(in, skip, nullptr, Findings::Skip);
  CHECK(skip.cents == collect.cents);
  CHECK(skip.findings.empty());
  CHECK(skip.verdeling.ikc.empty());
  CHECK(!collect.findings.empty());  // the baseline is above the signaleringswaarde in 2024
  // reusing a Result: the detail records do not pile up
  compute(in, collect);
  Result once;
  compute(in, once);
  CHECK(collect.verdeling.ikc.size() == once.verdeling.ikc.size());
  CHECK(collect.findings.size() == once.findings.size());
}

TEST_CASE("compute() with Findings::Skip and a schools file: the same lines - sums without per-school records") {
  const Inputs in = compile(load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml")));
  Result collect, skip;
  compute(in, collect);
  compute(in, skip, nullptr, Findings::Skip);
  CHECK(skip.cents == collect.cents);
  CHECK(skip.verdeling.scholen.empty());
  CHECK(skip.verdeling.besturen.empty());
  REQUIRE(collect.verdeling.scholen.size() == 86);
  CHECK(collect.verdeling.besturen.size() == 16);
  // the per-year sums kept in both modes are the schools' totals added up (the subtotaal
  // regulier onderwijs: basis - afdracht + TLV op bao + instroom + terugplaatsing)
  for (int i = 0; i < 5; ++i) {
    Cents som = 0;
    for (const auto& sr : collect.verdeling.scholen) som += sr.jaren[static_cast<size_t>(i)].totaal;
    CHECK(skip.verdeling.scholen_som[static_cast<size_t>(i)] == som);
    CHECK(som == collect.c(Line::regulier_subtotaal, i));
  }
}

TEST_CASE("html report of a scenario with onzekerheden shows the fan chart and the tornado") {
  // risk_view only reshapes: percentiles per year from RiskResult, bars from SensitivityResult.
  const Scenario s = load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml"));
  const RiskModel m(s);
  RiskOptions o;
  o.paths = 500;
  const RiskResult rr = run_risk(m, o);
  const SensitivityResult sr = run_sensitivity(m);
  const RiskView v = risk_view(rr, sr);
  REQUIRE(v.eigen_vermogen.size() == 5);
  CHECK(v.eigen_vermogen[0].p == 0.05);
  CHECK(v.eigen_vermogen[4].p == 0.95);
  for (size_t i = 0; i < 5; ++i) {
    CHECK(v.eigen_vermogen[0].values[i] == rr.years[i].ev_q[0]);
    CHECK(v.eigen_vermogen[2].values[i] == rr.years[i].ev_q[2]);
  }
  REQUIRE(v.tornado.size() == sr.rows.size());
  CHECK(v.tornado[0].label == sr.rows[0].name);
  CHECK(v.tornado[0].low == sr.rows[0].ev_low);
  CHECK(v.tornado[0].high == sr.rows[0].ev_high);
  CHECK(v.tornado_base == sr.ev_plan);
  const auto html = testutil::run_cli("report scenarios/zuid-kennemerland-2024-risico.yaml --format html --paths 500 --date 2026-11-22");
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("data-chart=\"waaier\"") != std::string::npos);
  CHECK(html.out.find("data-chart=\"tornado\"") != std::string::npos);
  CHECK(html.out.find("golf van extra SO-groei in een jaar") != std::string::npos);
  // the baseline declares no onzekerheden: no risk charts
  const auto plain = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format html --date 2026-11-22");
  CHECK(plain.out.find("data-chart=\"waaier\"") == std::string::npos);
}
