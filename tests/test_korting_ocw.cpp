// OCW korting tot de signaleringswaarde (plan chapter 12; rules/korting_ocw.cpp). Hand derivations
// from the baseline's printed figures: baten 2025 19,245,937.53, 2026 18,793,798.95; eigen
// vermogen 31-12 2025 1,211,707.38, 2026 703,695.07, 2027 614,081.04, 2028 613,292.13;
// signaleringswaarde 2026 657,782.96, 2027 653,538.71, 2028 649,317.25 (3.5% of baten).
#include <doctest/doctest.h>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

TEST_CASE("korting tot signaleringswaarde: the scenario cuts 2025 in full and later years not at all") {
  const Result base = run(testutil::baseline());
  const Result k = run(load_scenario(testutil::source("scenarios/ocw-korting-tot-signaleringswaarde.yaml")));
  // 2025: bruto 13.50 x (21,594.771 + 596.7) = 13.50 x 22,191.471 = 299,584.8585 -> 299,584.86.
  // Eigen vermogen after it 1,211,707.38 - 299,584.86 = 912,122.52; signaleringswaarde on the
  // lower baten 0.035 x 18,946,352.67 = 663,122.34: still above, so the korting applies in full.
  CHECK(cents(k, Line::ocw_korting_bruto, 2025) == 29958486);
  CHECK(cents(k, Line::ocw_korting_opgelegd, 2025) == 29958486);
  CHECK(cents(base, Line::zware_ondersteuning, 2025) - cents(k, Line::zware_ondersteuning, 2025) == 29958486);
  CHECK(cents(k, Line::signaleringswaarde, 2025) == 66312234);
  // 2026: before the korting 912,122.52 - 508,012.31 = 404,110.21, already below 657,782.96:
  // fully compensated, nothing cut. 2027 (314,496.18 < 653,538.71) and 2028 the same.
  CHECK(cents(k, Line::ocw_korting_bruto, 2026) == 29770526);  // 13.50 x 22,052.241603
  for (int y = 2026; y <= 2028; ++y) CHECK(cents(k, Line::ocw_korting_opgelegd, y) == 0);
  // eigen vermogen 2028: 613,292.13 - 299,584.86 = 313,707.27 (unconditional: 1,187,131.85 less)
  CHECK(cents(k, Line::eigen_vermogen, 2028) == 31370727);
}

TEST_CASE("korting tot signaleringswaarde: a cut that would cross it stops exactly at it") {
  const Result k = run(testutil::baseline({{"ocw_korting.per_leerling=0"}, {"ocw_korting.per_leerling.2026=13.50"}}));
  // 2026: bruto 297,705.26; before the korting eigen vermogen 703,695.07, baten 18,793,798.95.
  // Largest x with 703,695.07 - x >= round(0.035 x (18,793,798.95 - x)):
  // x = (703,695.07 - 657,782.96325) / 0.965 = 47,577.3127...; at x = 47,577.31 the eigen
  // vermogen 656,117.76 equals the signaleringswaarde 0.035 x 18,746,221.64 = 656,117.757 ->
  // 656,117.76; one cent more gives 656,117.75 against 656,117.76.
  CHECK(cents(k, Line::ocw_korting_bruto, 2026) == 29770526);
  CHECK(cents(k, Line::ocw_korting_opgelegd, 2026) == 4757731);
  CHECK(cents(k, Line::eigen_vermogen, 2026) == 65611776);
  CHECK(cents(k, Line::signaleringswaarde, 2026) == 65611776);
  CHECK(cents(k, Line::ocw_korting_opgelegd, 2025) == 0);
}
