// Issue 11 part 4: driver lines for the support levels of seed 000 in a child of the baseline,
// and a second, SYNTHETIC samenwerkingsverband (scenarios/voorbeeld-swv/) with its own model
// that runs through every command. Expected figures by hand from the files' own drivers.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "begroting/model.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {
Cents at(const Result& r, const std::string& id, int year) {
  const int l = r.m().find(id);
  REQUIRE(l >= 0);
  return r.c(static_cast<Line>(l), r.horizon.index(year));
}
const std::string kSwv = "scenarios/voorbeeld-swv/voorbeeld-swv.yaml";
}  // namespace

TEST_CASE("seed 000: niveau 1 and 3 are paid by the swv and niveau 2 is shown but not summed") {
  const Result base = run(testutil::baseline());
  const Result r = run(load_scenario(testutil::source("scenarios/ondersteuning-so-sbo.yaml")));
  // 2026: niveau 1 = 90 requests x 6 h x EUR 99 = 53,460; niveau 3 = 25 x 12 h x 99 = 29,700
  CHECK(at(r, "lasten.ondersteuning_so_sbo.niveau_1", 2026) == 5'346'000);
  CHECK(at(r, "lasten.ondersteuning_so_sbo.niveau_3", 2026) == 2'970'000);
  // niveau 2 (paid by the schools): 40 x 30 h x 99 = 118,800, shown, not in the total
  CHECK(at(r, "lasten.ondersteuning_so_sbo.niveau_2_door_scholen", 2026) == 11'880'000);
  CHECK(at(r, "lasten.ondersteuning_so_sbo.totaal", 2026) == 5'346'000 + 2'970'000);
  CHECK(testutil::cents(r, Line::lasten_totaal, 2026) - testutil::cents(base, Line::lasten_totaal, 2026) == 8'316'000);
  CHECK(testutil::cents(r, Line::lasten_totaal, 2024) == testutil::cents(base, Line::lasten_totaal, 2024));
}

TEST_CASE("voorbeeld-swv: its own structure computed from its drivers and the shared national tarieven") {
  const Scenario s = load_scenario(testutil::source(kSwv));
  const Result r = run(s);
  CHECK(s.name.find("synthetisch") != std::string::npos);
  // I aanvullende basisondersteuning: 48 schools x 40 h x EUR 82 = 157,440 (2024)
  CHECK(at(r, "lasten.aanvullend.sparren", 2024) == 15'744'000);
  // advies: 320 requests x min(16, 24) h x EUR 86 = 440,320 (2026)
  CHECK(at(r, "lasten.aanvullend.advies", 2026) == 44'032'000);
  // II arrangementen: 125 x max(60, 24) h x EUR 84 = 630,000 (2025); vouchers 90 x 2,500 (2028)
  CHECK(at(r, "lasten.extra.arrangementen", 2025) == 63'000'000);
  CHECK(at(r, "lasten.extra.vouchers", 2028) == 22'500'000);
  // III voorzieningen: 26 places x EUR 15,400 = 400,400 (2027)
  CHECK(at(r, "lasten.voorzieningen.opdc", 2027) == 40'040'000);
  // national rule, shared tarief: 14,200 bo pupils (1-2-2023) x EUR 356.36 = 5,060,312.00
  CHECK(at(r, "baten.rijksbijdragen.lichte_ondersteuning", 2024) == 506'031'200);
  // 310 sbo pupils x 6,634.52 = 2,056,701.20
  CHECK(testutil::cents(r, Line::sbo_inhouding, 2024) == 205'670'120);
  // resultaat = totaal baten - totaal lasten; eigen vermogen from 1,400,000
  CHECK(testutil::cents(r, Line::resultaat, 2024) ==
        testutil::cents(r, Line::baten_totaal, 2024) - testutil::cents(r, Line::lasten_totaal, 2024));
  CHECK(testutil::cents(r, Line::eigen_vermogen, 2024) == 140'000'000 + testutil::cents(r, Line::resultaat, 2024));
  // the TOP lines of Zuid-Kennemerland are not in this model: not shown, not summed
  for (const auto& row : r.m().layout()) CHECK(row.line != static_cast<int>(Line::ondersteuningsbedrag_bao));
}

TEST_CASE("voorbeeld-swv: the national file holds the same tarieven as the Zuid-Kennemerland baseline") {
  const Scenario zk = testutil::baseline();
  const Scenario swv = load_scenario(testutil::source(kSwv));
  for (const char* p : {"tarieven.lichte_ondersteuning", "tarieven.zware_ondersteuning", "tarieven.sbo", "tarieven.so_cat1",
                        "tarieven.so_cat2", "tarieven.so_cat3", "tarieven.ikc_aandeel_sbo", "tarieven.ikc_aandeel_so_cat1"})
    for (int y = 2024; y <= 2028; ++y) {
      INFO(p, " ", y);
      CHECK(zk.value(p, y) == swv.value(p, y));
    }
}

TEST_CASE("voorbeeld-swv: runs through run compare solve explain report and risk") {
  const std::string sc = testutil::source(kSwv);
  const std::string dir = testutil::temp_dir();
  for (const std::string f : {"table", "json", "csv"}) {
    const auto c = testutil::run_cli("run " + sc + " --format " + f);
    CHECK(c.exit_code == 0);
    CHECK(c.out.find(f == "csv" ? "lasten.extra.vouchers" : "Vouchers") != std::string::npos);
  }
  const auto cmp = testutil::run_cli("compare " + sc + " " + testutil::source("scenarios/voorbeeld-swv/minder-arrangementen.yaml"));
  CHECK(cmp.exit_code == 0);
  CHECK(cmp.out.find("Arrangementen (meer dan 24 uur)") != std::string::npos);
  const auto ex = testutil::run_cli("explain lasten.extra.arrangementen 2025 " + sc);
  CHECK(ex.exit_code == 0);
  CHECK(ex.out.find("swv.arrangementen * max(swv.uren_per_arrangement, 24) * swv.uurtarief") != std::string::npos);
  CHECK(ex.out.find("= 630.000,00") != std::string::npos);
  // the highest number of arrangementen in 2026-2028 with eigen vermogen 31-12-2028 at least the niveau
  const auto so = testutil::run_cli("solve " + sc + " --param swv.arrangementen --years 2026-2028 --target eigen_vermogen_31_december"
                                    " --target-year 2028 --at-least-line weerstandsvermogen_niveau --min 0 --max 1000");
  CHECK(so.exit_code == 0);
  CHECK(so.out.find("Antwoord:") != std::string::npos);
  for (const std::string f : {"md", "html", "csv"}) {
    const auto c = testutil::run_cli("report " + sc + " --format " + f + " --date 2026-11-30");
    CHECK(c.exit_code == 0);
    CHECK(c.out.find(f == "csv" ? "lasten.voorzieningen.opdc" : "Tussenvoorziening (OPDC)") != std::string::npos);
  }
  const auto x = testutil::run_cli("report " + sc + " --format xlsx --date 2026-11-30 --output " + dir + "/swv.xlsx");
  CHECK(x.exit_code == 0);
  const auto risk = testutil::run_cli("risk " + testutil::source("scenarios/voorbeeld-swv/voorbeeld-swv-risico.yaml") +
                                      " --paths 400 --seed 7 --format json");
  CHECK(risk.exit_code == 0);
  const auto sens = testutil::run_cli("sensitivity " + testutil::source("scenarios/voorbeeld-swv/voorbeeld-swv-risico.yaml"));
  CHECK(sens.exit_code == 0);
  CHECK(sens.out.find("arrangementen") != std::string::npos);
}

TEST_CASE("voorbeeld-swv: a model's own parameters print with their declared unit in explain and solve") {
  const std::string sc = testutil::source(kSwv);
  // model.yaml: swv.advies_aanvragen [300, 310, ...] "aanvragen"; swv.advies_uren_per_aanvraag 16
  // "uren per aanvraag"; swv.uurtarief [82, 84, 86, ...] "EUR per uur". Advies 2025 = 310 x min(16, 24)
  // x 84 = 416,640.00 EUR. Before, all three printed as "leerlingen".
  const auto ex = testutil::run_cli("explain lasten.aanvullend.advies 2025 " + sc);
  REQUIRE(ex.exit_code == 0);
  CHECK(ex.out.find("= 416.640,00 EUR") != std::string::npos);
  CHECK(ex.out.find("swv.advies_aanvragen = 310 aanvragen") != std::string::npos);
  CHECK(ex.out.find("swv.advies_uren_per_aanvraag = 16 uren per aanvraag") != std::string::npos);
  CHECK(ex.out.find("swv.uurtarief = 84,00 EUR per uur") != std::string::npos);
  CHECK(ex.out.find("leerlingen") == std::string::npos);
  const auto exj = testutil::run_cli("explain lasten.aanvullend.advies 2025 " + sc + " --format json");
  REQUIRE(exj.exit_code == 0);
  CHECK(exj.out.find("\"unit\": \"EUR per uur\"") != std::string::npos);
  CHECK(exj.out.find("\"unit\": \"aanvragen\"") != std::string::npos);

  // One aanvraag more in 2026 costs min(16, 24) x 86 = 1,376.00 EUR, so the resultaat 2026 of the
  // answer and of its neighbour (one aanvraag more) differ by exactly that; the answer is in
  // aanvragen, not in euros.
  const auto so = testutil::run_cli("solve " + sc + " --param swv.advies_aanvragen --year 2026 --target resultaat"
                                    " --target-year 2026 --at-least 0 --min 0 --max 5000 --format json");
  REQUIRE(so.exit_code == 0);
  const auto j = nlohmann::json::parse(so.out);
  CHECK(j["unit"] == "aanvragen");
  CHECK(j["neighbour"]["value"].get<double>() - j["answer"]["value"].get<double>() == doctest::Approx(1.0));
  CHECK(j["answer"]["figure"].get<double>() - j["neighbour"]["figure"].get<double>() == doctest::Approx(1376.0).epsilon(1e-9));
  CHECK(j["answer"]["figure"].get<double>() >= 0.0);
  CHECK(j["neighbour"]["figure"].get<double>() < 0.0);
  const auto st = testutil::run_cli("solve " + sc + " --param swv.advies_aanvragen --year 2026 --target resultaat"
                                    " --target-year 2026 --at-least 0 --min 0 --max 5000");
  REQUIRE(st.exit_code == 0);
  CHECK(st.out.find(" aanvragen (de hoogste waarde") != std::string::npos);
  CHECK(st.out.find(",00 EUR (de hoogste") == std::string::npos);
}
