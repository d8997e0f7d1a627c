// The waterbed (plan 8.1.1): parts sum to the rijksbijdrage to the cent; moving pupils between
// bo, SBO and SO moves every part by hand-derived amounts, one year after their teldatum.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

TEST_CASE("waterbed: baseline parts are the budget's own lines and sum to the rijksbijdrage") {
  const Result r = run(testutil::baseline());
  for (int y = 2024; y <= 2028; ++y) {
    INFO("year " << y);
    Cents som = 0;
    for (Line l : {Line::waterbed_inhouding_sbo, Line::waterbed_inhouding_so_cat1, Line::waterbed_inhouding_so_cat2,
                   Line::waterbed_inhouding_so_cat3, Line::waterbed_aanvulling_ikc, Line::waterbed_overig_gespecialiseerd,
                   Line::waterbed_eigen_kosten, Line::waterbed_regulier, Line::waterbed_af_overige_baten,
                   Line::waterbed_naar_eigen_vermogen})
      som += cents(r, l, y);
    CHECK(som == cents(r, Line::rijksbijdragen_totaal, y));
    CHECK(cents(r, Line::waterbed_inhouding_so_cat1, y) + cents(r, Line::waterbed_inhouding_so_cat2, y) +
              cents(r, Line::waterbed_inhouding_so_cat3, y) ==
          cents(r, Line::so_inhouding, y));
  }
  // 2024 by hand (teldatum 1-2-2023): SO I 115 x 12,938.34 = 1,487,909.10; II 38 x 21,053.23 =
  // 800,022.74; III 30 x 31,419.53 = 942,585.90; Gentiaan 65,000 + SO3 groepen 50,000 = 115,000
  CHECK(cents(r, Line::waterbed_inhouding_so_cat1, 2024) == 148790910);
  CHECK(cents(r, Line::waterbed_inhouding_so_cat2, 2024) == 80002274);
  CHECK(cents(r, Line::waterbed_inhouding_so_cat3, 2024) == 94258590);
  CHECK(cents(r, Line::waterbed_overig_gespecialiseerd, 2024) == 11500000);
  // 2025 SO I: 119.6 x 12,938.34 = 1,547,425.464 -> 1,547,425.46
  CHECK(cents(r, Line::waterbed_inhouding_so_cat1, 2025) == 154742546);
  // ruimte 2024 = 18,812,002.00 - 3,881,194.20 - 3,230,517.74 - 1,172,510.52 - 115,000 - eigen kosten
  const Cents eigen = cents(r, Line::mo_totaal, 2024) + cents(r, Line::uo_totaal, 2024);
  CHECK(cents(r, Line::waterbed_ruimte_regulier, 2024) ==
        cents(r, Line::rijksbijdragen_totaal, 2024) - 388119420 - 323051774 - 117251052 - 11500000 - eigen);
}

TEST_CASE("waterbed: the identity check fails on a part one cent off - naming the year and the difference") {
  Result r = run(testutil::baseline());
  CHECK_NOTHROW(check_waterbed(r));
  // One cent more to the regular schools in 2026 than the budget's lines allow: the parts now
  // sum to one cent above the rijksbijdragen.
  r.c(Line::waterbed_regulier, 2) += 1;
  std::string message;
  try {
    check_waterbed(r);
  } catch (const IdentityError& e) {
    message = e.what();
  }
  CHECK(message.find("waterbed 2026:") == 0);
  CHECK(message.find("(verschil 1)") != std::string::npos);
  r.c(Line::waterbed_regulier, 2) -= 1;
  r.c(Line::waterbed_rijksbijdragen, 4) -= 250;  // the whole 2028 2.50 short
  CHECK_THROWS_WITH_AS(check_waterbed(r), doctest::Contains("(verschil 250)"), IdentityError);
}

TEST_CASE("waterbed: 110 pupils leave bo on teldatum 1-2-2024 (100 to SBO and 10 to SO cat. II) and funding year 2025 moves") {
  // Baseline projections for teldatum 1-2-2024: bo 21,747 x 0.993 = 21,594.771; sbo 585 x 1.02 =
  // 596.7; SO II 38 x 1.04 = 39.52. The scenario moves 100 to SBO and 10 to SO cat. II.
  const Result base = run(testutil::baseline());
  const Result moved = run(testutil::baseline({{"leerlingen.bo.teldatum.2024=21484.771"},
                                               {"leerlingen.sbo.teldatum.2024=696.7"},
                                               {"leerlingen.so_cat2.teldatum.2024=49.52"}}));
  auto d = [&](Line l, int y) { return cents(moved, l, y) - cents(base, l, y); };
  // 2024 is funded on teldatum 1-2-2023: nothing changes.
  for (const auto& ld : line_table()) {
    if (!is_money(ld.line)) continue;
    INFO("line " << ld.id);
    CHECK(d(ld.line, 2024) == 0);
  }
  // 2025 (teldatum 1-2-2024):
  CHECK(d(Line::lichte_ondersteuning, 2025) == -3919960);   // -110 x 356.36 = -39,199.60
  CHECK(d(Line::zware_ondersteuning, 2025) == -490700);     // (-110 + 100) x 490.70 = -4,907.00
  CHECK(d(Line::waterbed_rijksbijdragen, 2025) == -4410660);  // -44,106.60
  CHECK(d(Line::waterbed_inhouding_sbo, 2025) == 66345200);   // 100 x 6,634.52 = 663,452.00
  CHECK(d(Line::waterbed_inhouding_so_cat1, 2025) == 0);
  CHECK(d(Line::waterbed_inhouding_so_cat2, 2025) == 21053230);  // 10 x 21,053.23 = 210,532.30
  CHECK(d(Line::waterbed_inhouding_so_cat3, 2025) == 0);
  CHECK(d(Line::waterbed_aanvulling_ikc, 2025) == 0);
  CHECK(d(Line::waterbed_eigen_kosten, 2025) == 0);
  // the schools: -110 x 430 = -47,300.00 bruto, and they pay the TLV SBO tarief for the 110 new
  // placements (8.1.2; rules/afdracht_verwijzingen.cpp): S(2025) + 110, S(2024) unchanged, so
  // nieuw + 110 and the afdracht + 110 x 6,635 = 729,850.00: -47,300 - 729,850 = -777,150.00
  CHECK(d(Line::afdracht_verwijzingen_dws, 2025) == 72985000);
  CHECK(d(Line::waterbed_regulier, 2025) == -77715000);
  CHECK(d(Line::waterbed_af_overige_baten, 2025) == 0);
  // resultaat: -44,106.60 - (663,452.00 + 210,532.30 - 777,150.00) = -140,940.90
  CHECK(d(Line::waterbed_naar_eigen_vermogen, 2025) == -14094090);
  // ruimte: -44,106.60 - 663,452.00 - 210,532.30 = -918,090.90 (= -777,150 - 140,940.90)
  CHECK(d(Line::waterbed_ruimte_regulier, 2025) == -91809090);
  // 2026 (teldatum 1-2-2025, projected from the moved counts):
  //   bo 21,334.377603 vs 21,443.607603: lichte 7,602,718.80 - 7,641,644.01 = -38,925.21
  //   zware (bo + sbo) 22,045.011603 vs 22,052.241603: 10,817,487.19 - 10,821,034.95 = -3,547.76 (+ same kalibratie)
  //   sbo 710.634 vs 608.634: 4,714,715.49 - 4,037,994.45 = 676,721.04
  //   SO II 51.5008 vs 41.1008: 1,084,258.19 - 865,304.60 = 218,953.59
  //   bruto TOP at 420: 8,960,438.59 - 9,006,315.19 = -45,876.60
  //   placements: S(2026) + 102 (sbo) + 10.4 (SO II) = +112.4, S(2025) + 110:
  //   nieuw = 112.4 - 0.79 x 110 = +25.5; afdracht + 25.5 x 6,635 = 169,192.50
  CHECK(d(Line::lichte_ondersteuning, 2026) == -3892521);
  CHECK(d(Line::zware_ondersteuning, 2026) == -354776);
  CHECK(d(Line::waterbed_inhouding_sbo, 2026) == 67672104);
  CHECK(d(Line::waterbed_inhouding_so_cat2, 2026) == 21895359);
  CHECK(d(Line::so_inhouding, 2026) == 21895359);
  CHECK(d(Line::afdracht_verwijzingen_dws, 2026) == 16919250);
  CHECK(d(Line::waterbed_regulier, 2026) == -21506910);  // -45,876.60 - 169,192.50
  // resultaat: (-38,925.21 - 3,547.76) - (676,721.04 + 218,953.59 - 215,069.10) = -723,078.50
  CHECK(d(Line::waterbed_naar_eigen_vermogen, 2026) == -72307850);
  // eigen vermogen 31-12-2026 carries both years: -140,940.90 - 723,078.50 = -864,019.40
  CHECK(d(Line::eigen_vermogen, 2026) == -86401940);
}

TEST_CASE("begroting run --view waterbed: table and json with waterbed ids and an unknown view exits 2") {
  const auto t = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --view waterbed");
  REQUIRE(t.exit_code == 0);
  CHECK(t.out.find("Inhouding DUO SO cat. II") != std::string::npos);
  CHECK(t.out.find("800.023") != std::string::npos);  // 800,022.74 rounded to whole euros
  const auto j = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --view waterbed --format json");
  REQUIRE(j.exit_code == 0);
  const auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["lines"]["waterbed.inhouding_duo_so_cat3"][0].get<double>() == doctest::Approx(942585.90));
  CHECK(doc["lines"]["waterbed.rijksbijdragen"][0].get<double>() == doctest::Approx(18812002.00));
  CHECK_FALSE(doc["lines"].contains("lasten.totaal"));
  CHECK(testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --view nergens").exit_code == 2);
}
