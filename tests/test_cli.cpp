// The CLI: help with examples, exit codes, formats, atomic --output.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "helpers.hpp"

TEST_CASE("begroting run --help shows examples and exit codes are documented") {
  const auto h = testutil::run_cli("run --help");
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("Voorbeelden") != std::string::npos);
  CHECK(h.out.find("--format json") != std::string::npos);
  const auto top = testutil::run_cli("--help");
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("Afsluitcodes") != std::string::npos);
}

TEST_CASE("table: the plan's layout in Dutch notation within 100 columns") {
  const auto r = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml");
  REQUIRE(r.exit_code == 0);
  // lichte ondersteuning 2024: 7,749,760.92 -> "7.749.761"; totaal baten 2024 19.412.806 (plan)
  CHECK(r.out.find("7.749.761") != std::string::npos);
  CHECK(r.out.find("19.412.806") != std::string::npos);
  CHECK(r.out.find("Signaleringswaarde Inspectie") != std::string::npos);
  std::istringstream in(r.out);
  std::string line;
  size_t widest = 0;
  while (std::getline(in, line)) widest = std::max(widest, line.size());
  CHECK(widest <= 100);
}

TEST_CASE("csv: header id+years then one row per line id with exact euros") {
  const auto r = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --format csv");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("id,2024,2025,2026,2027,2028\n", 0) == 0);
  // 21,747 x 356.36 = 7,749,760.92
  CHECK(r.out.find("\nbaten.rijksbijdragen.lichte_ondersteuning,7749760.92,") != std::string::npos);
}

TEST_CASE("bad usage and bad input exit 2 - abbreviated options are not guessed") {
  CHECK(testutil::run_cli("run").exit_code == 2);
  CHECK(testutil::run_cli("run does-not-exist.yaml").exit_code == 2);
  CHECK(testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --format xml").exit_code == 2);
  CHECK(testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --form json").exit_code == 2);
  CHECK(testutil::run_cli("frobnicate").exit_code == 2);
  const auto e = testutil::run_cli("run does-not-exist.yaml");
  CHECK(e.err.find("does-not-exist.yaml") != std::string::npos);
}

TEST_CASE("--output is written atomically and an error leaves the old file untouched") {
  const std::string dir = testutil::temp_dir();
  const std::string out = dir + "/begroting.json";
  { std::ofstream(out) << "oude inhoud\n"; }
  const auto bad = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --set tarieven.sbo=abc --format json --output " + out);
  CHECK(bad.exit_code == 2);
  CHECK(testutil::slurp_file(out) == "oude inhoud\n");
  const auto ok = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --format json --output " + out);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
  CHECK(testutil::slurp_file(out).find("\"years\"") != std::string::npos);
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_CASE("--strict exits 1 when the run raised findings") {
  // The baseline's eigen vermogen is above the signaleringswaarde in 2024-2026 (plan:
  // 1,797,043 > 679,448): a finding, so --strict gives 1; without it, 0.
  CHECK(testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --strict").exit_code == 1);
  CHECK(testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml").exit_code == 0);
}

TEST_CASE("risk shows a progress bar on stderr only on a terminal and only after a second") {
  // script(1) (util-linux) gives the command a pseudo-terminal and records what it prints there.
  const std::string dir = testutil::temp_dir();
  const std::string exe = std::string("'") + BEGROTING_EXE + "' risk '" + BEGROTING_SOURCE_DIR +
                          "/scenarios/zuid-kennemerland-2024-risico.yaml' --threads 1 -f json -o '" + dir + "/r.json'";
  auto on_terminal = [&](const std::string& paths) {
    const std::string log = dir + "/terminal-" + paths;
    const int st = std::system(("script -qec \"" + exe + " --paths " + paths + "\" '" + log + "' </dev/null >/dev/null").c_str());
    CHECK(st == 0);
    return testutil::slurp_file(log);
  };
  // "After a second" depends on the machine (and on the ASan build): time 200,000 paths first,
  // then ask for as many as take about three seconds (a margin for a busy machine).
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(testutil::run_cli("risk scenarios/zuid-kennemerland-2024-risico.yaml --threads 1 --paths 200000 -f json").exit_code == 0);
  const double per_path = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 200000.0;
  const auto three_seconds = static_cast<long long>(std::min(5.0e7, std::max(2.0e5, 3.0 / per_path)));
  const std::string slow = on_terminal(std::to_string(three_seconds));
  CHECK(slow.find("paden)") != std::string::npos);
  CHECK(slow.find("\r[#") != std::string::npos);
  const std::string fast = on_terminal("1000");
  CHECK(fast.find("paden)") == std::string::npos);
  // not a terminal (stderr to a file): never a bar, however long
  const auto r = testutil::run_cli("risk scenarios/zuid-kennemerland-2024-risico.yaml --threads 1 --paths " + std::to_string(three_seconds) + " -f json");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  std::system(("rm -rf '" + dir + "'").c_str());
}
