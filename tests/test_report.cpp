// begroting report: Markdown and CSV (html and xlsx have their own files), from the baseline and
// from a comparison with tests/data/so-golf.yaml (the baseline with SO cat. I growing 10% a year
// instead of 4%). Expected figures come from the plan (shared/reference, chapter 12) or by hand.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "begroting/reports.hpp"
#include "report_helpers.hpp"

using testutil::run_cli;

namespace {
const std::string kBase = "scenarios/zuid-kennemerland-2024.yaml";
const std::string kGolf = "tests/data/so-golf.yaml";
// Plan, chapter 12: eigen vermogen 31-12-2024..2028.
const std::vector<double> kPlanEv{1797043, 1211709, 703696, 614081, 613292};
}  // namespace

TEST_CASE("report md: heading and plan layout and kengetallen with signals from the baseline") {
  const auto r = run_cli("report " + kBase + " --format md --date 2026-03-01");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("# Meerjarenbegroting 2024-2028: Zuid-Kennemerland 2024-2028 (ondersteuningsplan)\n", 0) == 0);
  CHECK(r.out.find("Scenariobestanden: `scenarios/zuid-kennemerland-2024.yaml`") != std::string::npos);
  CHECK(r.out.find("Overschreven met --set: geen") != std::string::npos);
  CHECK(r.out.find("Datum van de run: 2026-03-01") != std::string::npos);
  // Plan: totaal baten 2024 19.412.806 ... 2028 18.551.921; eigen vermogen per year within EUR 2.
  testutil::check_close(testutil::md_row(r.out, "| **Totaal baten** |"),
                        {19412806, 19245938, 18793799, 18672534, 18551921}, 2);
  testutil::check_close(testutil::md_row(r.out, "| **Eigen vermogen op 31-12** |"), kPlanEv, 2);
  // Kengetallen 2024: eigen vermogen 1.797.043 > signaleringswaarde 679.448 -> mogelijk bovenmatig;
  // rentabiliteit -762.957 / 19.412.806 = -3,93% -> "-3,9%", below its goal of 0%.
  const auto k2024 = testutil::line_starting(r.out, "| 2024 |");
  CHECK(k2024.find("mogelijk bovenmatig") != std::string::npos);
  CHECK(k2024.find("-3,9%") != std::string::npos);
  // One set of signals (issue 12.3): the reports add no rentabiliteit signal of their own.
  CHECK(r.out.find("rentabiliteit onder doel") == std::string::npos);
  // 2028: 613.292 is below the signaleringswaarde 649.317 and above the niveau 600.000: no
  // bovenmatig, no "onder niveau".
  const auto k2028 = testutil::line_starting(r.out, "| 2028 |");
  CHECK(k2028.find("mogelijk bovenmatig") == std::string::npos);
  CHECK(k2028.find("onder niveau") == std::string::npos);
}

TEST_CASE("report md: two scenarios give both sections and a comparison with differences") {
  const auto r = run_cli("report " + kBase + " " + kGolf + " --format md --date 2026-03-01");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("## Zuid-Kennemerland 2024-2028 (ondersteuningsplan)") != std::string::npos);
  CHECK(r.out.find("## SO-golf (SO cat. I +10% per jaar)") != std::string::npos);
  CHECK(r.out.find("## Vergelijking met Zuid-Kennemerland") != std::string::npos);
  // SO cat. I teldatum 2024 = 115 x 1,10 = 126,5 instead of 115 x 1,04 = 119,6: 6,9 pupils x
  // 12.938,34 = 89.274,55 more SO inhouding in 2025 (none in 2024, which uses teldatum 2023).
  // 2026: 115 x (1,10^2 - 1,04^2) = 14,766 x 12.938,34 = 191.048,5; eigen vermogen 2026 falls by
  // 89.274,55 + 191.048,5 = 280.323. The schools pay the TLV SBO tarief (6.635) per extra placement
  // (8.1.2): 6,9 in 2025 (45.781,50) and 14,766 - 0,79 x 6,9 = 9,315 in 2026 (61.805,03), so the
  // eigen vermogen falls by 89.274,55 - 45.781,50 = 43.493,05 in 2025 and by
  // 280.323,05 - 45.781,50 - 61.805,03 = 172.736,52 by 2026.
  const auto cmp = r.out.substr(r.out.find("## Vergelijking"));
  const auto diff_ev = testutil::md_row_after(cmp, "| **Eigen vermogen op 31-12** |", "| &nbsp;&nbsp;verschil SO-golf");
  testutil::check_close(std::vector<double>(diff_ev.begin(), diff_ev.begin() + 3), {0, -43493.05, -172736.52}, 2);
}

TEST_CASE("report csv: same rows as run --format csv and --dutch uses semicolons and decimal comma") {
  const auto run = run_cli("run " + kBase + " --format csv");
  const auto rep = run_cli("report " + kBase + " --format csv");
  REQUIRE(rep.exit_code == 0);
  CHECK(rep.out == run.out);
  const auto nl = run_cli("report " + kBase + " --format csv --dutch");
  REQUIRE(nl.exit_code == 0);
  // Dutch Excel: a UTF-8 byte order mark, then the header with a label column.
  CHECK(nl.out.rfind("\xEF\xBB\xBFid;omschrijving;2024;2025;2026;2027;2028\n", 0) == 0);
  // 21.747 x 356,36 = 7.749.760,92
  CHECK(nl.out.find("\nbaten.rijksbijdragen.lichte_ondersteuning;Lichte ondersteuning;7749760,92;") != std::string::npos);
  // Six fields (id and five years): the decimal comma does not split a field.
  CHECK(testutil::csv_numbers(testutil::line_starting(nl.out, "baten.rijksbijdragen.lichte_ondersteuning;"), ';', ',').size() == 5);
}

TEST_CASE("report csv: two scenarios get a scenario column - also with --dutch") {
  const auto r = run_cli("report " + kBase + " " + kGolf + " --format csv --dutch");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("\xEF\xBB\xBFscenario;id;omschrijving;2024;2025;2026;2027;2028\n", 0) == 0);
  const auto base_row = testutil::line_starting(r.out, "Zuid-Kennemerland 2024-2028 (ondersteuningsplan);lasten.overdrachten.speciaal_onderwijs.ondersteuningsbekostiging_inhouding_duo;");
  const auto golf_row = testutil::line_starting(r.out, "SO-golf (SO cat. I +10% per jaar);lasten.overdrachten.speciaal_onderwijs.ondersteuningsbekostiging_inhouding_duo;");
  REQUIRE(!base_row.empty());
  REQUIRE(!golf_row.empty());
  const auto b = testutil::csv_numbers(base_row, ';', ',');
  const auto g = testutil::csv_numbers(golf_row, ';', ',');
  REQUIRE(b.size() == 5);
  REQUIRE(g.size() == 5);
  // Plan: SO inhouding 2024 3.230.518 in both (teldatum 2023 unchanged); 2025 +89.274,55 (above).
  CHECK(std::abs(b[0] - 3230518) <= 2);
  CHECK(std::abs(g[0] - 3230518) <= 2);
  CHECK(std::abs((g[1] - b[1]) - 89274.55) <= 0.02);
  // One header plus one row per line id per scenario: equal numbers of rows for both.
  size_t rows_base = 0, rows_golf = 0;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Zuid-Kennemerland", 0) == 0) ++rows_base;
    if (line.rfind("SO-golf", 0) == 0) ++rows_golf;
  }
  CHECK(rows_base > 50);
  CHECK(rows_base == rows_golf);
}

TEST_CASE("report: usage errors exit 2") {
  CHECK(run_cli("report").exit_code == 2);
  CHECK(run_cli("report " + kBase).exit_code == 2);                       // no --format
  CHECK(run_cli("report " + kBase + " --format pdf").exit_code == 2);
  CHECK(run_cli("report " + kBase + " --format md --dutch").exit_code == 2);
  CHECK(run_cli("report " + kBase + " --format md --date 22-11-2026").exit_code == 2);
  CHECK(run_cli("report " + kBase + " does-not-exist.yaml --format md").exit_code == 2);
}

TEST_CASE("report: a failed run leaves an existing report untouched") {
  const std::string dir = testutil::temp_dir();
  for (const std::string fmt : {"md", "csv", "html"}) {
    const std::string out = dir + "/rapport." + fmt;
    { std::ofstream(out) << "oude inhoud\n"; }
    // A bad --set and a missing second scenario both fail before anything is written.
    CHECK(run_cli("report " + kBase + " --format " + fmt + " --set tarieven.sbo=abc --output " + out).exit_code == 2);
    CHECK(testutil::slurp(out) == "oude inhoud\n");
    CHECK(run_cli("report " + kBase + " missing.yaml --format " + fmt + " --output " + out).exit_code == 2);
    CHECK(testutil::slurp(out) == "oude inhoud\n");
    CHECK(run_cli("report " + kBase + " --format " + fmt + " --output " + out).exit_code == 0);
    CHECK(testutil::slurp(out).find("oude inhoud") == std::string::npos);
  }
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_CASE("table widths: the plan's layout, a wider column only where a figure needs it") {
  using begroting::table_widths;
  using V = std::vector<size_t>;
  // five years: 44 + 5 x 11 = 99 while a figure has at most 10 characters ("-1.234.567")
  CHECK(table_widths(V{10, 10, 10, 10, 10}).label == 44);
  CHECK(table_widths(V{10, 10, 10, 10, 10}).cols == V{11, 11, 11, 11, 11});
  // "-12.311.192" (11) in the last year only: that column 12, the label 99 - 56 = 43
  CHECK(table_widths(V{9, 10, 10, 10, 11}).cols == V{11, 11, 11, 11, 12});
  CHECK(table_widths(V{9, 10, 10, 10, 11}).label == 43);
  // "1.186.274.988" (13) in every year: columns of 14, the label 99 - 5 x 14 = 29
  CHECK(table_widths(V{13, 13, 13, 13, 13}).label == 29);
  CHECK(table_widths(V{14, 14, 14, 14, 14}).label == 24);  // 99 - 75
  CHECK(table_widths(V{16, 16, 16, 16, 16}).label == 24);  // never narrower than 24
  CHECK(table_widths(V{16, 16, 16, 16, 16}).total() == 24 + 5 * 17);
  // eight years were 44 + 88 = 132 wide already: that stays the limit
  CHECK(table_widths(V(8, 10)).label == 44);
  CHECK(table_widths(V(8, 12)).label == 28);  // 132 - 8 x 13
}

TEST_CASE("run and risk tables: national amounts keep a space before every figure, within 99 columns") {
  // 9 million pupils: budget lines in the billions ("7.623.930.988", 13 characters) used to run
  // into each other in columns of 11
  const auto check_table = [](const std::string& out, const std::string& label) {
    size_t head_end = 0;  // where the year header's "2028" ends
    std::istringstream in(out);
    bool seen = false;
    for (std::string line; std::getline(in, line);) {
      CHECK_MESSAGE(begroting::display_width(line) <= 99, line);
      if (line.find("2024") != std::string::npos && line.rfind("2028") == line.size() - 4 && head_end == 0) head_end = line.size();
      if (line.rfind(label, 0) != 0) continue;
      seen = true;
      // five figures, each after at least one space, right-aligned under the years
      std::istringstream words(line.substr(label.size()));
      std::vector<std::string> figures;
      for (std::string w; words >> w;) figures.push_back(w);
      REQUIRE(figures.size() == 5);
      for (const auto& f : figures) CHECK(f.find_first_not_of("0123456789.-") == std::string::npos);
      CHECK(figures[0].size() >= 13);
      CHECK(line.size() == head_end);
    }
    CHECK(seen);
    CHECK(head_end > 0);
  };
  const auto run = run_cli("run " + kBase + " --set leerlingen.bo.teldatum.2023=9000000");
  REQUIRE(run.exit_code == 0);
  check_table(run.out, "  Totaal rijksbijdragen");
  const auto risk = run_cli("risk scenarios/zuid-kennemerland-2024-risico.yaml --paths 200 --set leerlingen.bo.teldatum.2023=9000000");
  REQUIRE(risk.exit_code == 0);
  check_table(risk.out, "  P50 (mediaan)");
  // the plan's own table is as it always was: 44 + 5 x 11
  const auto plan = run_cli("run " + kBase);
  CHECK(plan.out.find("\n                                                   2024       2025       2026       2027       2028\n") !=
        std::string::npos);
}
