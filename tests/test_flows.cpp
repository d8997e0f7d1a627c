// The pupil-flow model: one step by hand, conservation, given counts, the calibration to the
// plan's growth, loader messages for `stromen:`, and uncertainties on flows.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "begroting/engine.hpp"
#include "begroting/flows.hpp"
#include "begroting/loader.hpp"
#include "begroting/risk.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {
FlowInput rates(int n, double v) {
  FlowInput f;
  f.active = true;
  for (auto& r : f.rate) r.assign(static_cast<size_t>(n), v);
  return f;
}
void set(FlowInput& f, Flow fl, double v) { std::fill(f.rate[static_cast<size_t>(fl)].begin(), f.rate[static_cast<size_t>(fl)].end(), v); }
std::string load_error(const std::string& stromen) {
  try {
    load_scenario_text("extends: zuid-kennemerland-2024.yaml\n" + stromen, testutil::source("scenarios/test-stromen.yaml"));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("flows: one year by hand and pupils conserved") {
  // bo 1000, sbo 100, so I 10; uitstroom bo 10%, verwijzing sbo 1%, so I 0.2%; sbo: uitstroom 20%,
  // terug 5%; so: uitstroom 10%, terug 0; instroom 120.
  // bo'  = 1000 x (1 - 0.1 - 0.01 - 0.002) + 0.05 x 100 + 0 x 10 + 120 = 888 + 5 + 120 = 1013
  // sbo' = 0.01 x 1000 + 100 x (1 - 0.2 - 0.05) = 10 + 75 = 85
  // so1' = 0.002 x 1000 + 10 x (1 - 0.1 - 0) = 2 + 9 = 11
  // buiten' = 0 + 0.1 x 1000 + 0.2 x 100 + 0.1 x 10 = 121; total 1013 + 85 + 11 + 121 = 1230 = 1110 + 120
  FlowInput f = rates(3, 0.0);
  set(f, Flow::uitstroom_groep_8, 0.1);
  set(f, Flow::verwijzing_sbo, 0.01);
  set(f, Flow::verwijzing_so_cat1, 0.002);
  set(f, Flow::uitstroom_sbo, 0.2);
  set(f, Flow::terugplaatsing_sbo, 0.05);
  set(f, Flow::uitstroom_so, 0.1);
  set(f, Flow::instroom_4_jarigen, 120);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double bo_g[] = {1000, nan, nan}, sbo_g[] = {100, nan, nan}, so1_g[] = {10, nan, nan}, zero[] = {0, nan, nan};
  double bo[3], sbo[3], so1[3], so2[3], so3[3], buiten[3];
  project_flows(f, {bo_g, sbo_g, so1_g, zero, zero, nullptr}, 3, {bo, sbo, so1, so2, so3, buiten});
  CHECK(bo[1] == doctest::Approx(1013).epsilon(1e-12));
  CHECK(sbo[1] == doctest::Approx(85).epsilon(1e-12));
  CHECK(so1[1] == doctest::Approx(11).epsilon(1e-12));
  CHECK(buiten[1] == doctest::Approx(121).epsilon(1e-12));
  CHECK(so2[1] == 0.0);
  // every year: the states sum to the first total plus the instroom so far
  for (int i = 0; i < 3; ++i)
    CHECK(bo[i] + sbo[i] + so1[i] + so2[i] + so3[i] + buiten[i] == doctest::Approx(1110 + 120.0 * i).epsilon(1e-12));
  // a count the scenario gives for a later teldatum wins
  const double sbo_given[] = {100, 90, nan};
  project_flows(f, {bo_g, sbo_given, so1_g, zero, zero, nullptr}, 3, {bo, sbo, so1, so2, so3, buiten});
  CHECK(sbo[1] == 90.0);
  CHECK(sbo[2] == doctest::Approx(0.01 * bo[1] + 90 * 0.75).epsilon(1e-12));
}

TEST_CASE("flows calibrated to the plan reproduce its growth within 0.01 percentage point a year") {
  // scenarios/zuid-kennemerland-2024-stromen.yaml: rates derived in engine/src/flow.cpp, rounded
  // to 7-8 decimals and 0.1 pupil. Tolerance: each year's growth within 0.0001 (0.01 pp) of
  // bo -0.7%, SBO and IKC +2%, SO +4% (the rounding moves it by at most 0.003 pp).
  const Result flows = run(load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-stromen.yaml")));
  const Result plan = run(testutil::baseline());
  struct Target { Line l; double g; };
  for (auto [l, g] : {Target{Line::leerlingen_bo, -0.007}, Target{Line::leerlingen_sbo, 0.02}, Target{Line::leerlingen_ikc, 0.02},
                      Target{Line::leerlingen_so_cat1, 0.04}, Target{Line::leerlingen_so_cat2, 0.04},
                      Target{Line::leerlingen_so_cat3, 0.04}}) {
    for (int y = 2025; y <= 2028; ++y) {
      INFO(def(l).id << " " << y);
      CHECK(std::fabs(flows.value(l, y) / flows.value(l, y - 1) - 1 - g) < 1e-4);
    }
  }
  // bo 2028 = 21,747 x 0.993^4 = 21,144.4478 (plan); flows within 0.01% of it
  CHECK(std::fabs(flows.value(Line::leerlingen_bo, 2028) / 21144.4478 - 1) < 1e-4);
  // the budget follows: eigen vermogen 2028 within EUR 50 of the plan's 613,292
  CHECK(std::fabs(flows.value(Line::eigen_vermogen, 2028) - plan.value(Line::eigen_vermogen, 2028)) < 50);
  CHECK(std::fabs(plan.value(Line::eigen_vermogen, 2028) - 613292) < 2);
}

TEST_CASE("stromen: bad input gives FILE:LINE:COLUMN and what was expected") {
  const std::string f = testutil::source("scenarios/test-stromen.yaml");
  CHECK(load_error("stromen:\n  verwijzing_sbbo: 0.01\n") == f + ":3:3: onbekende sleutel 'verwijzing_sbbo' onder stromen; bedoelt u 'verwijzing_sbo'?");
  CHECK(load_error("stromen:\n  verwijzing_sbo: 2\n") ==
        f + ":3:19: stromen.verwijzing_sbo = 2 valt buiten 0 tot 1 (fractie (0,04 = 4%)); lijkt een percentage: schrijf 0.02");
  CHECK(load_error("stromen:\n  verwijzing_sbo: [0.01, 0.01]\n") ==
        f + ":3:19: stromen.verwijzing_sbo heeft 2 waarden; verwacht er 4, voor de overgangen naar teldatum 2024-2027");
  const std::string missing = load_error("stromen:\n  verwijzing_sbo: 0.01\n");
  CHECK(missing.rfind(f + ":3:19: stromen mist instroom_4_jarigen", 0) == 0);
  // outflows of bo above 1
  const std::string all =
      "stromen:\n  instroom_4_jarigen: 2700\n  uitstroom_groep_8: 0.9\n  uitstroom_sbo: 0.2\n  uitstroom_so: 0.15\n"
      "  verwijzing_sbo: 0.2\n  verwijzing_so_cat1: 0.001\n  verwijzing_so_cat2: 0.001\n  verwijzing_so_cat3: 0.001\n"
      "  terugplaatsing_sbo: 0.02\n  terugplaatsing_so: 0.01\n";
  CHECK(load_error(all).find("stromen 2024: uitstroom en verwijzingen uit het bo samen 1.103; verwacht hooguit 1") != std::string::npos);
}

TEST_CASE("an uncertainty on a flow moves the SO line - and needs a stromen section") {
  // verwijzing naar SO cat. I x 1.5 in every year: more SO pupils, lower eigen vermogen.
  const std::string u =
      "onzekerheden:\n  verwijzing_so:\n    parameter: stromen.verwijzing_so_cat1\n    verdeling: vast\n    waarde: 1.5\n"
      "    toepassing: factor\n";
  const Scenario s = load_scenario_text("extends: zuid-kennemerland-2024-stromen.yaml\n" + u, testutil::source("scenarios/t.yaml"));
  const RiskModel m(s);
  RiskOptions o;
  o.paths = 3;
  const RiskResult r = run_risk(m, o);
  // 2025 (teldatum 2024): d = 0.00105762 x 0.5 x 21,747 = 11.4996 pupils more in SO cat. I and
  // as many fewer in bo. Resultaat 2025 falls by d x (12,938.34 SO tarief + 356.36 lichte +
  // 490.70 zware rijksbijdrage lost - 430 ondersteuningsbedrag 2025 no longer paid - 6,635 TLV SBO
  // tarief the referring schools pay per new placement, 8.1.2)
  // = 11.4996 x 6,720.40 = 77,282 (each line rounds once: within EUR 1).
  CHECK(std::fabs(cents_to_euros(r.years[1].resultaat_plan - r.years[1].resultaat_q[2]) -
                  0.00105762 * 0.5 * 21747 * (12938.34 + 356.36 + 490.70 - 430.00 - 6635.00)) < 1);
  const Scenario growth = load_scenario_text("extends: zuid-kennemerland-2024.yaml\n" + u, testutil::source("scenarios/t.yaml"));
  CHECK_THROWS_WITH_AS(RiskModel{growth}, doctest::Contains("niet met stromen"), std::invalid_argument);
}
