// A changed driver moves its line and everything downstream by the amount derived by hand.
#include <doctest/doctest.h>

#include <cstdlib>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

TEST_CASE("SO growth 6% instead of 4% moves the SO line and everything downstream") {
  const Result base = run(testutil::baseline());
  const Result so6 = run(testutil::baseline({{"leerlingen.so_cat1.groei=0.06"},
                                            {"leerlingen.so_cat2.groei=0.06"},
                                            {"leerlingen.so_cat3.groei=0.06"}}));
  // SO 2024 = 3,230,517.74 (teldatum 1-2-2023: unchanged, funding follows the teldatum of t-1)
  // 2025: 1.06 x 3,230,517.74 = 3,424,348.8044 -> 3,424,348.80; 4%: 3,359,738.45; delta 64,610.35
  // 2026: 1.1236 x 3,230,517.74 = 3,629,809.73; 4%: 1.0816 x = 3,494,127.99; delta 135,681.74
  // 2027: 1.191016 x = 3,847,598.32; 4%: 1.124864 x = 3,633,893.11; delta 213,705.21
  // 2028: 1.26247696 x = 4,078,454.22; 4%: 1.16985856 x = 3,779,248.83; delta 299,205.39
  const Cents delta[] = {0, 6461035, 13568174, 21370521, 29920539};
  // The schools pay the TLV SBO tarief for each extra placement (8.1.2; rules/afdracht_verwijzingen.cpp):
  // SO stock delta dS = 183 x (1.06^k - 1.04^k) = 0, 3.66, 7.686, 12.105816, 16.9491672; new
  // placements dS(t) - 0.79 dS(t-1) = 3.66, 4.7946, 6.033876, 7.38557256; x 6,635 = 24,284.10,
  // 31,812.17, 40,034.77, 49,003.27 (each side rounds once to the cent: the difference may be a
  // cent off, hence the tolerance of one cent below).
  const Cents afdracht[] = {0, 2428410, 3181217, 4003477, 4900327};
  Cents cum = 0;
  for (int y = 2024; y <= 2028; ++y) {
    const Cents d = delta[y - 2024];
    const Cents a = afdracht[y - 2024];
    cum += d - a;
    INFO("year " << y);
    CHECK(cents(so6, Line::so_inhouding, y) - cents(base, Line::so_inhouding, y) == d);
    CHECK(cents(so6, Line::so_subtotaal, y) - cents(base, Line::so_subtotaal, y) == d);
    CHECK(std::llabs(cents(so6, Line::afdracht_verwijzingen_dws, y) - cents(base, Line::afdracht_verwijzingen_dws, y) - a) <= 1);
    CHECK(std::llabs(cents(so6, Line::overdrachten_totaal, y) - cents(base, Line::overdrachten_totaal, y) - (d - a)) <= 1);
    CHECK(std::llabs(cents(so6, Line::lasten_totaal, y) - cents(base, Line::lasten_totaal, y) - (d - a)) <= 1);
    CHECK(std::llabs(cents(so6, Line::resultaat, y) - cents(base, Line::resultaat, y) + (d - a)) <= 1);
    CHECK(std::llabs(cents(so6, Line::eigen_vermogen, y) - cents(base, Line::eigen_vermogen, y) + cum) <= 2);
    // baten and everything upstream of the SO line stay put
    CHECK(cents(so6, Line::baten_totaal, y) == cents(base, Line::baten_totaal, y));
    CHECK(cents(so6, Line::signaleringswaarde, y) == cents(base, Line::signaleringswaarde, y));
    CHECK(cents(so6, Line::sbo_inhouding, y) == cents(base, Line::sbo_inhouding, y));
  }
  // 2025: the bestemmingsreserve (556,707.xx in the baseline) absorbs the 64,610.35 - 24,284.10
  CHECK(cents(so6, Line::bestemmingsreserve, 2025) - cents(base, Line::bestemmingsreserve, 2025) == -4032625);
  CHECK(cents(so6, Line::weerstandsvermogen, 2025) == 65500000);
  // 2026: cumulative 144,195.81 exceeds the 53,695 bestemmingsreserve: it is 0, never negative,
  // and the weerstandsvermogen falls below its 650,000 level.
  CHECK(cents(so6, Line::bestemmingsreserve, 2026) == 0);
  CHECK(cents(so6, Line::weerstandsvermogen, 2026) == cents(so6, Line::eigen_vermogen, 2026));
  CHECK(cents(so6, Line::weerstandsvermogen, 2026) < 65000000);
}
