// Afdracht verwijzingen en DWS as a driver (plan 8.1.1, 8.1.2; rules/afdracht_verwijzingen.cpp):
// the waterbed reaches the schools. Every number derived by hand from the rule's definition.
#include <doctest/doctest.h>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

TEST_CASE("afdracht 8.1.2: the baseline driver plus its calibration gives the plan's afdracht") {
  const Result r = run(testutil::baseline());
  // own pupils in SBO/IKC and SO on teldatum 1-2-2023: 585 + 115 + 38 + 30 = 768; first year
  // without a growth term: nieuw = 0.21 x 768 = 161.28 placements x 6,635 = 1,070,092.80;
  // + kalibratie 738,244.20 = 1,808,337.00 = 450 x 21,747 - 7,977,813 (hfst 12 I.1)
  CHECK(r.r(Line::plaatsingen_nieuw, 0) == doctest::Approx(161.28).epsilon(1e-12));
  CHECK(r.r(Line::plaatsingen_betaald, 0) == doctest::Approx(161.28).epsilon(1e-12));
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2024) == 180833700);
  // 2025: S = 585 x 1.02 + (115 + 38 + 30) x 1.04 = 596.7 + 190.32 = 787.02;
  // nieuw = 787.02 - 768 + 0.21 x 768 = 19.02 + 161.28 = 180.30
  CHECK(r.r(Line::plaatsingen_nieuw, 1) == doctest::Approx(180.30).epsilon(1e-12));
  // afdracht 2025 = plan: 430 x 21,594.771 - 7,485,295 = 9,285,751.53 - 7,485,295 = 1,800,456.53
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2025) == 180045653);
}

TEST_CASE("afdracht 8.1.2: moving 10 pupils from bo to SBO on 1-2-2025 costs the schools 10 placements") {
  // Two scenarios with whole counts on teldatum 1-2-2025 that differ by 10 pupils moved from bo
  // to SBO: A = bo 21,595 and sbo 597; B = bo 21,585 and sbo 607. Funding year 2026.
  const Result a = run(testutil::baseline({{"leerlingen.bo.teldatum.2025=21595"}, {"leerlingen.sbo.teldatum.2025=597"}}));
  const Result b = run(testutil::baseline({{"leerlingen.bo.teldatum.2025=21585"}, {"leerlingen.sbo.teldatum.2025=607"}}));
  auto d = [&](Line l, int y) { return cents(b, l, y) - cents(a, l, y); };
  // 2025 (teldatum 1-2-2024) does not move
  CHECK(d(Line::resultaat, 2025) == 0);
  // 2026: the schools: -10 x 420 = -4,200.00 bruto; S(2026) + 10 and S(2025) unchanged: 10 new
  // placements x 6,635 = 66,350.00 afdracht; ondersteuningsbedrag bao -70,550.00
  CHECK(d(Line::ondersteuningsbedrag_bruto, 2026) == -420000);
  CHECK(d(Line::afdracht_verwijzingen_dws, 2026) == 6635000);
  CHECK(d(Line::ondersteuningsbedrag_bao, 2026) == -7055000);
  // the SWV: inhouding SBO + 10 x 6,634.52 = 66,345.20; lichte ondersteuning -10 x 356.36 =
  // -3,563.60; zware unchanged (bo + sbo the same).
  CHECK(d(Line::sbo_inhouding, 2026) == 6634520);
  CHECK(d(Line::lichte_ondersteuning, 2026) == -356360);
  CHECK(d(Line::zware_ondersteuning, 2026) == 0);
  // resultaat: -3,563.60 - (66,345.20 - 70,550.00) = +641.20 (before this rule: -65,708.80)
  CHECK(d(Line::resultaat, 2026) == 64120);
  // 2027: the 10 pupils stay: S(2027) + 10 x 1.02 = 10.2 (SBO growth 2%), S(2026) + 10:
  // nieuw = 10.2 - 0.79 x 10 = 2.3 placements x 6,635 = 15,260.50
  CHECK(d(Line::afdracht_verwijzingen_dws, 2027) == 1526050);
}

TEST_CASE("afdracht 8.1.2: an explicit amount overrides the driver in its year") {
  // older scenarios set regulier_onderwijs.afdracht_verwijzingen_dws directly: that amount wins
  const Result a = run(testutil::baseline({{"regulier_onderwijs.afdracht_verwijzingen_dws.2026=1000000"}}));
  CHECK(cents(a, Line::afdracht_verwijzingen_dws, 2026) == 100000000);
  CHECK(cents(a, Line::afdracht_verwijzingen_dws, 2025) == 180045653);  // driver elsewhere
  // with the explicit amount the 10 moved pupils cost the schools only the bruto 4,200: the SWV's
  // resultaat 2026 falls by 3,563.60 + 66,345.20 - 4,200.00 = 65,708.80 (the 65,709)
  const Result b = run(testutil::baseline({{"regulier_onderwijs.afdracht_verwijzingen_dws.2026=1000000"},
                                          {"leerlingen.bo.teldatum.2025=21585"}, {"leerlingen.sbo.teldatum.2025=607"}}));
  const Result c = run(testutil::baseline({{"regulier_onderwijs.afdracht_verwijzingen_dws.2026=1000000"},
                                          {"leerlingen.bo.teldatum.2025=21595"}, {"leerlingen.sbo.teldatum.2025=597"}}));
  CHECK(cents(b, Line::resultaat, 2026) - cents(c, Line::resultaat, 2026) == -6570880);
}

TEST_CASE("afdracht 8.1.2: a placement paid for two years") {
  const Result r = run(testutil::baseline({{"top.plaatsing_jaren=2"}}));
  // 2024: nieuw 161.28, before the horizon as the first year: 2 x 161.28 = 322.56 x 6,635 =
  // 2,140,185.60 + kalibratie 738,244.20 = 2,878,429.80
  CHECK(r.r(Line::plaatsingen_betaald, 0) == doctest::Approx(322.56).epsilon(1e-12));
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2024) == 287842980);
  // 2025: 180.30 + 161.28 = 341.58 x 6,635 = 2,266,383.30 + 604,166.03 = 2,870,549.33
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2025) == 287054933);
  // one and a half years: 2025 = 180.30 + 0.5 x 161.28 = 260.94 x 6,635 = 1,731,336.90 + 604,166.03
  const Result h = run(testutil::baseline({{"top.plaatsing_jaren=1.5"}}));
  CHECK(cents(h, Line::afdracht_verwijzingen_dws, 2025) == 233550293);
}

TEST_CASE("afdracht 8.1.2: DWS places at the DWS price") {
  const Result a = run(testutil::baseline());
  const Result r = run(testutil::baseline({{"top.dws_plaatsen=0"}, {"top.dws_plaatsen.2027=40"}, {"top.dws_prijs=1350"}}));
  // 40 x 1,350 = 54,000.00 more afdracht in 2027, nothing in other years
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2027) - cents(a, Line::afdracht_verwijzingen_dws, 2027) == 5400000);
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2026) == cents(a, Line::afdracht_verwijzingen_dws, 2026));
}
