// Opmaat klas SO Molenduin (plan 8.1.8): a placement between 1 February and the summer holiday
// is paid by the referring school per week, weekbedrag = TLV SO-tarief / opmaat.weken_per_jaar
// (an assumption, default 40). Amounts derived by hand from the plan's tarieven (8.1.2 tabel):
//   SO cat. I   12,938.34 / 40 = 323.4585  -> weekbedrag 323.46
//   SO cat. II  21,053.23 / 40 = 526.33075 -> weekbedrag 526.33
//   SO cat. III 31,419.53 / 40 = 785.48825 -> weekbedrag 785.49
//   SO cat. I   12,938.34 / 52 = 248.8142  -> weekbedrag 248.81
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
std::string scenario_with(const std::string& extra) {
  const std::string dir = testutil::temp_dir();
  const std::string path = dir + "/scenario.yaml";
  std::ofstream(path) << "extends: " << testutil::baseline_path() << "\n" << extra;
  return path;
}
}  // namespace

TEST_CASE("opmaat klas: the baseline budgets no Opmaat weeks and keeps every line") {
  const Result r = run(testutil::baseline());
  for (int y = 2024; y <= 2028; ++y) {
    CHECK(cents(r, Line::opmaat_molenduin, y) == 0);
    CHECK(cents(r, Line::opmaat_afdracht, y) == 0);
  }
}

TEST_CASE("opmaat klas: SWV pupil-weeks times the weekbedrag per SO category are passed from the schools to SO Molenduin") {
  const Result base = run(testutil::baseline());
  const Result r = run(load_scenario(scenario_with("opmaat:\n  leerlingweken_so_cat1: [0, 10, 0, 0, 0]\n  leerlingweken_so_cat3: [0, 4, 0, 0, 0]\n")));
  // 10 x 323.46 + 4 x 785.49 = 3,234.60 + 3,141.96 = 6,376.56
  CHECK(cents(r, Line::opmaat_molenduin, 2025) == 637656);
  CHECK(cents(r, Line::opmaat_afdracht, 2025) == -637656);
  CHECK(cents(r, Line::opmaat_molenduin, 2024) == 0);
  // pass-through: the SO subtotal rises and the regular schools' subtotal falls by the same amount
  CHECK(cents(r, Line::so_subtotaal, 2025) - cents(base, Line::so_subtotaal, 2025) == 637656);
  CHECK(cents(r, Line::regulier_subtotaal, 2025) - cents(base, Line::regulier_subtotaal, 2025) == -637656);
  CHECK(cents(r, Line::resultaat, 2025) == cents(base, Line::resultaat, 2025));
}

TEST_CASE("opmaat klas: the divisor is a parameter - 52 weeks gives weekbedrag 248.81") {
  const Result r = run(load_scenario(scenario_with("opmaat:\n  leerlingweken_so_cat1: [0, 0, 10, 0, 0]\n"),
                           {Override{"opmaat.weken_per_jaar=52"}}));
  CHECK(cents(r, Line::opmaat_molenduin, 2026) == 248810);  // 10 x 248.81
}

TEST_CASE("opmaat klas per school: the referring school pays its weeks and the SWV lines are the sums") {
  const std::string dir = testutil::temp_dir();
  std::ofstream(dir + "/scholen.yaml") << "scholen:\n"
                                          "  - {id: S1, naam: School een, bestuur: X, leerlingen: {2023: 200},\n"
                                          "     opmaat: {2024: {so_cat2: 3}, 2025: {so_cat1: 10, so_cat3: 4}}}\n"
                                          "  - {id: S2, naam: School twee, bestuur: Y, leerlingen: {2023: 100}, opmaat: {2024: {so_cat1: 1}}}\n";
  std::ofstream(dir + "/scenario.yaml") << "extends: " << testutil::baseline_path() << "\n"
                                        << "scholen: scholen.yaml\nleerlingen:\n  bo:\n    teldatum: {2023: 300}\n"
                                           "top:\n  dws_prijs: 1350\n  tlv_op_bao_per_leerling: 12600\n"
                                           // the SWV-level weeks are replaced by the schools' own
                                           "opmaat:\n  leerlingweken_so_cat1: 99\n";
  const Result r = run(load_scenario(dir + "/scenario.yaml"));
  const auto& s1 = r.verdeling.scholen.at(0).jaren;
  const auto& s2 = r.verdeling.scholen.at(1).jaren;
  CHECK(s1.at(0).opmaat == 157899);  // 3 x 526.33 = 1,578.99
  CHECK(s1.at(0).opmaat_weken == 3);
  CHECK(s1.at(0).totaal == 200 * 45000 - 157899);  // 200 x 450 - 1,578.99 = 88,421.01
  CHECK(s1.at(1).opmaat == 637656);  // as the SWV-level case: 6,376.56
  CHECK(s2.at(0).opmaat == 32346);   // 1 x 323.46
  CHECK(cents(r, Line::opmaat_molenduin, 2024) == 157899 + 32346);
  CHECK(cents(r, Line::opmaat_afdracht, 2024) == -(157899 + 32346));
  CHECK(cents(r, Line::opmaat_molenduin, 2025) == 637656);
  // per bestuur
  CHECK(r.verdeling.besturen.at(0).jaren.at(0).opmaat == 157899);
}

TEST_CASE("opmaat klas: both lines appear in run json and csv and in the report") {
  const std::string sc = scenario_with("opmaat:\n  leerlingweken_so_cat1: [0, 10, 0, 0, 0]\n");
  const auto j = testutil::run_cli("run " + sc + " --format json");
  REQUIRE(j.exit_code == 0);
  const auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["lines"]["lasten.overdrachten.speciaal_onderwijs.opmaat_klas_so_molenduin"][1].get<double>() == doctest::Approx(3234.60));
  CHECK(doc["lines"]["lasten.overdrachten.regulier_onderwijs.afdracht_opmaat_klas"][1].get<double>() == doctest::Approx(-3234.60));
  const auto t = testutil::run_cli("run " + sc);
  CHECK(t.out.find("Opmaat klas SO Molenduin") != std::string::npos);
  CHECK(t.out.find("3.235") != std::string::npos);  // 3,234.60 in whole euros
  const auto c = testutil::run_cli("run " + sc + " --format csv");
  CHECK(c.out.find("lasten.overdrachten.speciaal_onderwijs.opmaat_klas_so_molenduin,0.00,3234.60") != std::string::npos);
  const auto md = testutil::run_cli("report " + sc + " --format md --output /dev/stdout");
  CHECK(md.out.find("Opmaat klas SO Molenduin") != std::string::npos);
}

TEST_CASE("scenario opmaat-klas: 160 pupil-weeks a year from 2025 move 59868.40 from the schools to SO Molenduin") {
  const Result base = run(testutil::baseline());
  const Result r = run(load_scenario(testutil::source("scenarios/opmaat-klas.yaml")));
  CHECK(cents(r, Line::opmaat_molenduin, 2024) == 0);
  for (int y = 2025; y <= 2028; ++y) {
    // 120 x 323.46 + 40 x 526.33 = 38,815.20 + 21,053.20 = 59,868.40
    CHECK(cents(r, Line::opmaat_molenduin, y) == 5986840);
    CHECK(cents(r, Line::opmaat_afdracht, y) == -5986840);
    CHECK(cents(r, Line::eigen_vermogen, y) == cents(base, Line::eigen_vermogen, y));
  }
}
