// TOP-initiatief per school (plan 8.1.2-8.1.5): per-school budgets with hand-derived amounts at
// the edges (entering on 15 March; leaving early; a bao-bao placement just within and exactly
// at two years), totals per bestuur, spread per pupil, and the sum over schools = SWV lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
const char* kScholen =
    "# test: twee scholen\n"
    "scholen:\n"
    "  - id: S1\n"
    "    naam: School een\n"
    "    bestuur: Bestuur X\n"
    "    leerlingen: {2023: 200}\n"
    "    plaatsingen: {2024: {sbo_ikc: 1, so_cat3: 1, dws: 1}}\n"
    "    tlv_op_bao: {2024: 1}\n"
    "    stromen:\n"
    "      - {soort: instroom, inschrijving: 2024-03-15}\n"
    "      - {soort: terugplaatsing, inschrijving: 2024-03-15, vertrek: 2024-06-15}\n"
    "  - id: S2\n"
    "    naam: School twee\n"
    "    bestuur: Bestuur Y\n"
    "    leerlingen: {2023: 100}\n"
    "    plaatsingen: {2025: {so_cat1: 1}, 2026: {so_cat1: 1}}\n"
    "bao_bao:\n"
    "  - {van: S1, naar: S2, overstap: 2023-06-01, verwijzing: 2025-05-31}\n"
    "  - {van: S1, naar: S2, overstap: 2024-06-01, verwijzing: 2026-06-01}\n";

struct Files {
  std::string dir, scenario;
};
Files write(const std::string& scholen, const std::string& extra = "") {
  Files f{testutil::temp_dir(), ""};
  std::ofstream(f.dir + "/scholen.yaml") << scholen;
  f.scenario = f.dir + "/scenario.yaml";
  std::ofstream(f.scenario) << "extends: " << testutil::baseline_path() << "\n"
                            << "scholen: scholen.yaml\n"
                               "leerlingen:\n  bo:\n    teldatum: {2023: 300}\n"
                               "top:\n  dws_prijs: 1350\n  tlv_op_bao_per_leerling: 12600\n"
                            << extra;
  return f;
}
const SchoolJaar& jaar(const Result& r, size_t school, int y) { return r.verdeling.scholen.at(school).jaren.at(static_cast<size_t>(y - 2024)); }
}  // namespace

TEST_CASE("TOP per school: 2024 budgets by hand with instroom from 15 March and a pupil leaving in June") {
  const Files f = write(kScholen);
  const Result r = run(load_scenario(f.scenario));
  REQUIRE(r.verdeling.scholen.size() == 2);
  // S1 2024: 200 x 450 = 90,000; 2 placements x 6,635 = 13,270; 1 DWS 1,350; 1 TLV op bao 12,600;
  // instroom from 1 April: 9 months x 8,000 / 12 = 6,000.00; terugplaatsing April-June: 3 months = 2,000.00
  const auto& s1 = jaar(r, 0, 2024);
  CHECK(s1.basis == 9000000);
  CHECK(s1.afdracht_plaatsingen == 1327000);
  CHECK(s1.afdracht_dws == 135000);
  CHECK(s1.tlv_op_bao == 1260000);
  CHECK(s1.instroom == 600000);
  CHECK(s1.terugplaatsing == 200000);
  CHECK(s1.totaal == 9598000);  // 90,000 - 13,270 - 1,350 + 12,600 + 6,000 + 2,000 = 95,980
  CHECK(jaar(r, 1, 2024).totaal == 4500000);  // S2: 100 x 450
  // the SWV lines are the sums over the schools
  CHECK(cents(r, Line::ondersteuningsbedrag_bruto, 2024) == 13500000);
  CHECK(cents(r, Line::afdracht_verwijzingen_dws, 2024) == 1462000);
  CHECK(cents(r, Line::ondersteuningsbedrag_bao, 2024) == 12038000);
  CHECK(cents(r, Line::tlv_op_bao, 2024) == 1260000);
  CHECK(cents(r, Line::instroombudget, 2024) == 600000);
  CHECK(cents(r, Line::terugplaatsing, 2024) == 200000);
  CHECK(cents(r, Line::regulier_subtotaal, 2024) == 9598000 + 4500000);
  // the instroom pupil: 12 months in 2025 (8,000), January-March 2026 (2,000), nothing in 2027
  CHECK(jaar(r, 0, 2025).instroom == 800000);
  CHECK(jaar(r, 0, 2026).instroom == 200000);
  CHECK(jaar(r, 0, 2027).instroom == 0);
  CHECK(jaar(r, 0, 2025).terugplaatsing == 0);  // left on 15 June 2024
}

TEST_CASE("TOP bao-bao: a placement one day before the second anniversary is paid by the referring school") {
  const Files f = write(kScholen);
  const Result r = run(load_scenario(f.scenario));
  // 2025 (430 per pupil): S1 198.6 pupils (200 x 0.993) = 85,398.00; S2 99.3 = 42,699.00.
  // S2's placement of 31 May 2025 follows a transfer of 1 June 2023: within two years, S1 pays.
  CHECK(jaar(r, 0, 2025).plaatsingen == 1.0);
  CHECK(jaar(r, 1, 2025).plaatsingen == 0.0);
  CHECK(jaar(r, 0, 2025).totaal == 8539800 - 663500 + 800000);  // 85,398 - 6,635 + 8,000 = 86,763.00
  CHECK(jaar(r, 1, 2025).totaal == 4269900);
  // 2026 (420): the placement of 1 June 2026 is exactly two years after the transfer: S2 pays.
  // S1 197.2098 pupils x 420 = 82,828.116 -> 82,828.12; + instroom 2,000 = 84,828.12
  // S2 98.6049 x 420 = 41,414.058 -> 41,414.06; - 6,635 = 34,779.06
  CHECK(jaar(r, 0, 2026).totaal == 8482812);
  CHECK(jaar(r, 1, 2026).plaatsingen == 1.0);
  CHECK(jaar(r, 1, 2026).totaal == 3477906);
}

TEST_CASE("TOP per bestuur and spread of budget per pupil") {
  const Files f = write(kScholen);
  const Result r = run(load_scenario(f.scenario));
  REQUIRE(r.verdeling.besturen.size() == 2);
  CHECK(r.verdeling.besturen[0].id == "Bestuur X");
  CHECK(r.verdeling.besturen[0].jaren[0].totaal == 9598000);
  // per pupil 2024: S1 95,980 / 200 = 479.90; S2 45,000 / 100 = 450.00: spread 29.90
  const auto& sp = r.verdeling.spreiding_scholen.at(0);
  CHECK(sp.min == doctest::Approx(450.0));
  CHECK(sp.min_wie == "S2");
  CHECK(sp.max == doctest::Approx(479.90));
  CHECK(sp.max_wie == "S1");
  CHECK(sp.spreiding == doctest::Approx(29.90));
  CHECK(r.verdeling.spreiding_besturen.at(0).max_wie == "Bestuur X");
}

TEST_CASE("TOP loader: pupils that do not sum to leerlingen bo and a bad date point at file line and column") {
  const Files bad = write(std::string(kScholen).replace(std::string(kScholen).find("{2023: 100}"), 11, "{2023: 101}"));
  try {
    (void)load_scenario(bad.scenario);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).rfind(bad.scenario + ":2:10: de scholen in " + bad.dir + "/scholen.yaml hebben samen 301 leerlingen", 0) == 0);
  }
  const Files datum = write(std::string(kScholen).replace(std::string(kScholen).find("2024-06-15"), 10, "2024-06-31"));
  // line 11 of the schools file; column 68 is where the value of vertrek starts
  try {
    (void)load_scenario(datum.scenario);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == datum.dir + "/scholen.yaml:11:68: scholen[1].stromen[2].vertrek '2024-06-31' is geen datum; verwacht JJJJ-MM-DD, bijvoorbeeld 2024-03-15");
  }
}

TEST_CASE("synthetic Zuid-Kennemerland schools: 86 schools of 16 besturen and 21747 pupils match the SWV lines") {
  const auto c = testutil::run_cli("run scenarios/zuid-kennemerland-2024-scholen.yaml --view scholen --format json");
  REQUIRE(c.exit_code == 0);
  const auto j = nlohmann::json::parse(c.out);
  CHECK(j["scholen"].size() == 86);
  CHECK(j["besturen"].size() == 16);
  double pupils = 0, totaal = 0;
  for (const auto& s : j["scholen"]) {
    pupils += s["jaren"][0]["leerlingen"].get<double>();
    totaal += s["jaren"][0]["totaal"].get<double>();
  }
  CHECK(pupils == 21747.0);
  CHECK(totaal == doctest::Approx(j["swv_regels"]["lasten.overdrachten.regulier_onderwijs.subtotaal"][0].get<double>()));
  // placements consistent with the plan: afdracht 2024 within one placement of 1,808,337 (hfst 12)
  CHECK(std::fabs(j["swv_regels"]["lasten.overdrachten.regulier_onderwijs.afdracht_verwijzingen_dws"][0].get<double>() - 1808337.0) < 6635.0);
  std::ifstream data(testutil::source("scenarios/gegevens/scholen-zuid-kennemerland.yaml"));
  std::string first;
  std::getline(data, first);
  CHECK(first.find("SYNTHETISCH") != std::string::npos);
  // without a schools file: the view says so and the run succeeds
  const auto none = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --view scholen");
  CHECK(none.exit_code == 0);
  CHECK(none.out.find("Geen scholenbestand") != std::string::npos);
  const auto t = testutil::run_cli("run scenarios/zuid-kennemerland-2024-scholen.yaml --view scholen");
  CHECK(t.out.find("Bestuur P") != std::string::npos);
}

TEST_CASE("views: every 8.1 view fits 100 columns and the scholen csv has one row per school and bestuur") {
  for (const char* v : {"waterbed", "ikc", "vangnet", "scholen"}) {
    INFO(v);
    const auto t = testutil::run_cli(std::string("run scenarios/zuid-kennemerland-2024-scholen.yaml --view ") + v);
    REQUIRE(t.exit_code == 0);
    size_t widest = 0, start = 0;
    for (size_t p = t.out.find('\n'); p != std::string::npos; start = p + 1, p = t.out.find('\n', start)) {
      size_t w = 0;  // display width: count UTF-8 lead bytes
      for (size_t k = start; k < p; ++k) w += (static_cast<unsigned char>(t.out[k]) & 0xC0) != 0x80;
      widest = std::max(widest, w);
    }
    CHECK(widest <= 100);
  }
  const auto c = testutil::run_cli("run scenarios/zuid-kennemerland-2024-scholen.yaml --view scholen --format csv");
  REQUIRE(c.exit_code == 0);
  CHECK(c.out.rfind("id,naam,bestuur,2024,2025,2026,2027,2028\n", 0) == 0);
  // header, the four herkomst rows (issue 12.2), a row per school and per bestuur
  CHECK(std::count(c.out.begin(), c.out.end(), '\n') == 1 + 4 + 86 + 16);
}

TEST_CASE("views: a school name in the scholen csv is quoted by RFC 4180 and never becomes a formula") {
  std::string scholen = kScholen;
  scholen.replace(scholen.find("naam: School een"), 16, "naam: \"=HYPERLINK(\\\"x\\\")\"");
  scholen.replace(scholen.find("bestuur: Bestuur Y"), 18, "bestuur: \"@Bestuur, Y\"");
  const Files f = write(scholen);
  const auto c = testutil::run_cli("run " + f.scenario + " --view scholen --format csv");
  REQUIRE(c.exit_code == 0);
  // =HYPERLINK("x"): an apostrophe in front, the field quoted, its quotes doubled
  CHECK(c.out.find("\nS1,\"'=HYPERLINK(\"\"x\"\")\",Bestuur X,") != std::string::npos);
  CHECK(c.out.find("\nS2,School twee,\"'@Bestuur, Y\",") != std::string::npos);
  CHECK(c.out.find(",=HYPERLINK") == std::string::npos);
}

TEST_CASE("TOP per school: schools without a later count follow the SWV's later bo count proportionally") {
  // The scenario gives bo on teldatum 1-2-2024 (21,500 instead of 21,747 x 0.993 projected);
  // the schools file gives only 1-2-2023. Each school's 2024 count is its 2023 count x
  // 21,500 / 21,747, so the schools still sum to the SWV's count and no finding is raised.
  // ZK001: 261 x 21,500 / 21,747 = 258.0355911...; x EUR 430 (2025) = 110,955.3042 -> 110,955.30
  const Scenario s = load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml"),
                                   {{"leerlingen.bo.teldatum.2024=21500"}});
  const Result r = run(s);
  REQUIRE(r.verdeling.scholen.at(0).id == "ZK001");
  CHECK(r.verdeling.scholen[0].jaren[1].leerlingen == doctest::Approx(261.0 * 21500.0 / 21747.0).epsilon(1e-12));
  CHECK(r.verdeling.scholen[0].jaren[1].basis == 11095530);
  double som = 0;
  for (const auto& sr : r.verdeling.scholen) som += sr.jaren[1].leerlingen;
  CHECK(som == doctest::Approx(21500.0).epsilon(1e-12));
  for (const auto& f : r.findings) CHECK(f.message.find("de scholen hebben samen") == std::string::npos);
  // and the year after follows the SWV's growth from that count: x 0.993
  CHECK(r.verdeling.scholen[0].jaren[2].leerlingen == doctest::Approx(261.0 * 21500.0 / 21747.0 * 0.993).epsilon(1e-12));
}
