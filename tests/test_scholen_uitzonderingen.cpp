// The exceptions of the TOP rule per school (plan 6.1.3, 6.3, 8.1.2) and the settlement of the
// TLV op de bao (8.1.4), with amounts derived by hand:
//   - TLV D: a placement of a pupil with a voorschoolse TLV costs the regular school nothing;
//   - the Internationale Taalklas gets no ondersteuningsbedrag and pays no referrals;
//   - the terugplaatsingsbudget only when the pupil does not return to the school it came from;
//   - a TLV-op-bao pupil leaving during the school year gives back the unused months.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"
#include "report_helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
const char* kScholen =
    "scholen:\n"
    "  - id: S1\n"
    "    naam: School een\n"
    "    bestuur: Bestuur X\n"
    "    leerlingen: {2023: 200}\n"
    "    plaatsingen: {2024: {sbo_ikc: 2, so_cat1: 1, tlv_d: 1}}\n"
    "    tlv_op_bao: {2024: 2, 2025: 1}\n"
    "    stromen:\n"
    "      - {soort: tlv_op_bao, vertrek: 2025-03-15}\n"
    "      - {soort: tlv_op_bao, vertrek: 2025-10-01}\n"
    "      - {soort: terugplaatsing, inschrijving: 2024-03-15, vorige_school: S1}\n"
    "      - {soort: terugplaatsing, inschrijving: 2024-03-15, vorige_school: S2}\n"
    "  - id: S2\n"
    "    naam: Internationale Taalklas\n"
    "    bestuur: Bestuur Y\n"
    "    itk: ja\n"
    "    leerlingen: {2023: 100}\n"
    "    plaatsingen: {2024: {so_cat2: 1, dws: 1}}\n";

Result run_with(const std::string& scholen) {
  const std::string dir = testutil::temp_dir();
  std::ofstream(dir + "/scholen.yaml") << scholen;
  std::ofstream(dir + "/scenario.yaml") << "extends: " << testutil::baseline_path() << "\n"
                                        << "scholen: scholen.yaml\nleerlingen:\n  bo:\n    teldatum: {2023: 300}\n"
                                           "top:\n  dws_prijs: 1350\n  tlv_op_bao_per_leerling: [12000, 13200, 13200, 13200, 13200]\n";
  return run(load_scenario(dir + "/scenario.yaml"));
}
const SchoolJaar& jaar(const Result& r, size_t school, int y) { return r.verdeling.scholen.at(school).jaren.at(static_cast<size_t>(y - 2024)); }
}  // namespace

TEST_CASE("TOP exceptions 2024: TLV D placement not charged - ITK gets and pays nothing - no budget back to the own school") {
  const Result r = run_with(kScholen);
  const auto& s1 = jaar(r, 0, 2024);
  CHECK(s1.basis == 9000000);                // 200 x 450
  CHECK(s1.plaatsingen == 2);                // 3 placements, 1 of them with a TLV D
  CHECK(s1.afdracht_plaatsingen == 1327000); // 2 x 6,635 = 13,270
  CHECK(s1.tlv_op_bao == 2400000);           // 2 x 12,000 (tarief 2024)
  CHECK(s1.terugplaatsing == 600000);        // only the pupil from S2: April-December 2024 = 9 x 8,000 / 12
  CHECK(s1.totaal == 10673000);              // 90,000 - 13,270 + 24,000 + 6,000 = 106,730
  const auto& itk = jaar(r, 1, 2024);
  CHECK(itk.basis == 0);
  CHECK(itk.afdracht_plaatsingen == 0);
  CHECK(itk.afdracht_dws == 135000);         // a DWS place it buys is still paid
  CHECK(itk.totaal == -135000);
  // the SWV lines are the sums
  CHECK(cents(r, Line::ondersteuningsbedrag_bruto, 2024) == 9000000);
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2024) == 1327000 + 135000);
  CHECK(cents(r, Line::terugplaatsing, 2024) == 600000);
  CHECK(cents(r, Line::tlv_op_bao, 2024) == 2400000);
  // the ITK is left out of the spread per pupil: S1 is both minimum and maximum
  CHECK(r.verdeling.spreiding_scholen.at(0).min_wie == "S1");
  CHECK(r.verdeling.spreiding_scholen.at(0).max_wie == "S1");
  // and out of its bestuur's figure: Bestuur Y has only the ITK, so no figure; Bestuur X is S1:
  // 106,730 / 200 = 533.65 per pupil, minimum and maximum, spread 0
  const auto& sb = r.verdeling.spreiding_besturen.at(0);
  CHECK(sb.min_wie == "Bestuur X");
  CHECK(sb.max_wie == "Bestuur X");
  CHECK(sb.min == doctest::Approx(533.65));
  CHECK(sb.spreiding == 0.0);
}

TEST_CASE("TOP exceptions: a bestuur's budget per pupil leaves out its ITK school") {
  // Bestuur X holds S1 and an ITK school S3 (50 pupils, buys a DWS place: -1,350). Without the
  // ITK: S1's 106,730 / 200 = 533.65; with it the figure would be (106,730 - 1,350) / 250 = 421.52.
  std::string scholen = kScholen;
  scholen += "  - id: S3\n    naam: Tweede taalklas\n    bestuur: Bestuur X\n    itk: ja\n"
             "    leerlingen: {2023: 50}\n    plaatsingen: {2024: {dws: 1}}\n";
  scholen.replace(scholen.find("leerlingen: {2023: 100}"), 23, "leerlingen: {2023: 50}");  // S2: the sum stays 300
  const Result r = run_with(scholen);
  REQUIRE(r.verdeling.besturen.size() == 2);
  CHECK(r.verdeling.besturen.at(0).jaren.at(0).leerlingen == 250);  // the bestuur's sum keeps every pupil
  const auto& sb = r.verdeling.spreiding_besturen.at(0);
  CHECK(sb.min_wie == "Bestuur X");
  CHECK(sb.min == doctest::Approx(533.65));
}

TEST_CASE("TLV op bao 8.1.4: leavers give back their unused months at the tarief of the August they were paid") {
  const Result r = run_with(kScholen);
  const auto& s1 = jaar(r, 0, 2025);
  // leaving 15 March 2025 (paid August 2024 at 12,000): April-July = 4 months = 4,000.00
  // leaving 1 October 2025 (paid August 2025 at 13,200): August-October used, November-July = 9 months = 9,900.00
  CHECK(s1.tlv_verrekening == 1390000);
  CHECK(s1.tlv_op_bao == 1320000 - 1390000);  // 1 x 13,200 paid in August 2025 - 13,900 = -700
  CHECK(cents(r, Line::tlv_op_bao, 2025) == -70000);
  CHECK(s1.terugplaatsing == 800000);         // the pupil from S2: 12 months of 2025
  CHECK(jaar(r, 0, 2024).tlv_verrekening == 0);
}

TEST_CASE("TLV op bao 8.1.4: a pupil leaving in July gives nothing back and one leaving on 1 August gives back 11 months") {
  const char* s =
      "scholen:\n"
      "  - {id: S1, naam: A, bestuur: X, leerlingen: {2023: 300}, tlv_op_bao: {2024: 1, 2025: 1},\n"
      "     stromen: [{soort: tlv_op_bao, vertrek: 2025-07-31}, {soort: tlv_op_bao, vertrek: 2025-08-01}]}\n";
  const Result r = run_with(s);
  // 2025-07-31: the last month of school year 2024-2025, nothing unused;
  // 2025-08-01: August used, September-July = 11 months x 13,200 / 12 = 12,100.00
  CHECK(jaar(r, 0, 2025).tlv_verrekening == 1210000);
}

TEST_CASE("TOP exceptions as CSV tables: itk and tlv_d columns and vorige_school in the stromen give the YAML results") {
  const std::string dir = testutil::temp_dir();
  std::ofstream(dir + "/scholen.csv") << "id;naam;bestuur;itk;leerlingen 2023;sbo_ikc 2024;so_cat1 2024;so_cat2 2024;dws 2024;tlv_d 2024;tlv_op_bao 2024;tlv_op_bao 2025\n"
                                         "S1;School een;Bestuur X;;200;2;1;;;1;2;1\n"
                                         "S2;Internationale Taalklas;Bestuur Y;ja;100;;;1;1;;;\n";
  std::ofstream(dir + "/stromen.csv") << "school;soort;inschrijving;vertrek;vorige_school\n"
                                         "S1;tlv_op_bao;;2025-03-15;\n"
                                         "S1;tlv_op_bao;;2025-10-01;\n"
                                         "S1;terugplaatsing;2024-03-15;;S1\n"
                                         "S1;terugplaatsing;2024-03-15;;S2\n";
  std::ofstream(dir + "/scenario.yaml") << "extends: " << testutil::baseline_path() << "\n"
                                        << "scholen: {bestand: scholen.csv, stromen: stromen.csv}\nleerlingen:\n  bo:\n    teldatum: {2023: 300}\n"
                                           "top:\n  dws_prijs: 1350\n  tlv_op_bao_per_leerling: [12000, 13200, 13200, 13200, 13200]\n";
  const Result csv = run(load_scenario(dir + "/scenario.yaml"));
  const Result yaml = run_with(kScholen);
  for (int y = 2024; y <= 2028; ++y)
    for (size_t s = 0; s < 2; ++s) {
      INFO("school " << s << " year " << y);
      CHECK(jaar(csv, s, y).totaal == jaar(yaml, s, y).totaal);
      CHECK(jaar(csv, s, y).tlv_verrekening == jaar(yaml, s, y).tlv_verrekening);
    }
  CHECK(jaar(csv, 0, 2024).totaal == 10673000);
}

TEST_CASE("run --view scholen --school: one school's budget built up per year in table csv and json") {
  const std::string dir = testutil::temp_dir();
  std::ofstream(dir + "/scholen.yaml") << kScholen;
  std::ofstream(dir + "/scenario.yaml") << "extends: " << testutil::baseline_path() << "\n"
                                        << "scholen: scholen.yaml\nleerlingen:\n  bo:\n    teldatum: {2023: 300}\n"
                                           "top:\n  dws_prijs: 1350\n  tlv_op_bao_per_leerling: [12000, 13200, 13200, 13200, 13200]\n";
  const std::string cmd = "run " + dir + "/scenario.yaml --view scholen --school S1";
  const auto t = testutil::run_cli(cmd);
  REQUIRE(t.exit_code == 0);
  // S1 2024 (derived in the first test case): basis 200 x 450 = 90,000; afdracht 2 x 6,635 =
  // 13,270; TLV op bao 2 x 12,000 = 24,000; terugplaatsing 6,000; total 106,730; / 200 = 533,65.
  // 2025: TLV op bao 13,200 paid - 13,900 given back = -700.
  CHECK(testutil::line_starting(t.out, "Basis: leerlingen x ondersteuningsbedrag").find(" 90.000") != std::string::npos);
  CHECK(testutil::line_starting(t.out, "- Afdracht plaatsingen").find(" 13.270") != std::string::npos);
  CHECK(testutil::line_starting(t.out, "+ TLV op de bao (netto)").find(" 24.000       -700") != std::string::npos);
  CHECK(testutil::line_starting(t.out, "  waarvan terug bij vertrek").find("          0    -13.900") != std::string::npos);
  CHECK(testutil::line_starting(t.out, "Totaal budget school").find(" 106.730") != std::string::npos);
  CHECK(testutil::line_starting(t.out, "Budget per leerling").find(" 533,65") != std::string::npos);
  for (size_t a = 0, b = t.out.find('\n'); b != std::string::npos; a = b + 1, b = t.out.find('\n', a)) CHECK(b - a <= 100);
  const auto c = testutil::run_cli(cmd + " --format csv").out;
  CHECK(testutil::line_starting(c, "totaal,").rfind("totaal,106730.00,", 0) == 0);
  CHECK(testutil::line_starting(c, "tlv_op_bao_verrekend,").rfind("tlv_op_bao_verrekend,0.00,-13900.00,", 0) == 0);
  CHECK(c.find("\nherkomst.variant,nee\n") != std::string::npos);
  const auto j = nlohmann::json::parse(testutil::run_cli(cmd + " --format json").out);
  CHECK(j["school"]["id"] == "S1");
  CHECK(j["school"]["jaren"][0]["totaal"].get<double>() == 106730.0);
  // the ITK school is marked in the overview
  CHECK(testutil::run_cli("run " + dir + "/scenario.yaml --view scholen").out.find("S2 Internationale Taalklas (ITK)") != std::string::npos);
  // an unknown id and --school without --view scholen: exit 2 in Dutch
  const auto bad = testutil::run_cli("run " + dir + "/scenario.yaml --view scholen --school S9");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("school S9 staat niet in het scholenbestand") != std::string::npos);
  CHECK(testutil::run_cli("run " + dir + "/scenario.yaml --school S1").exit_code == 2);
}
