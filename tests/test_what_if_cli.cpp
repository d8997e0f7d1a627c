// `begroting report --interactief` on the command line: a scenario that fails to load gives the
// same message and exit code as `run` and never a page (an existing file stays as it was); the
// option's own usage errors. The page itself is tested in a browser (web/tests/what_if_browser.py)
// and against the native engine (web/tests/wasm_vs_native.js).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "helpers.hpp"

namespace {
std::string write_file(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string p = dir + "/" + name;
  std::ofstream(p) << text;
  return p;
}
}  // namespace

TEST_CASE("report interactief refuses every bad scenario exactly as run does") {
  namespace fs = std::filesystem;
  const std::string dir = testutil::temp_dir();
  const std::string page = write_file(dir, "bestaand.html", "oude pagina");
  int seen = 0;
  for (const auto& e : fs::directory_iterator(testutil::source("tests/bad"))) {
    if (e.path().extension() != ".yaml") continue;
    const std::string rel = "tests/bad/" + e.path().filename().string();
    const auto run = testutil::run_cli("run '" + rel + "'");
    if (run.exit_code == 0) continue;  // a case about an option, not the file
    ++seen;
    const auto rep = testutil::run_cli("report '" + rel + "' --format html --interactief --output '" + page + "'");
    INFO(rel);
    CHECK(rep.exit_code == run.exit_code);
    CHECK(rep.err == run.err);
    CHECK(testutil::slurp_file(page) == "oude pagina");
  }
  CHECK(seen > 40);
  fs::remove_all(dir);
}

TEST_CASE("report interactief wants html and one scenario") {
  const auto csv = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format csv --interactief");
  CHECK(csv.exit_code == 2);
  CHECK(csv.err.find("--interactief geldt alleen voor --format html") != std::string::npos);
  const auto two = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml scenarios/so-groei-6.yaml --format html --interactief");
  CHECK(two.exit_code == 2);
  CHECK(two.err.find("precies een scenariobestand") != std::string::npos);
}

TEST_CASE("report interactief writes one page with the engine and the scenario in it") {
  const auto r = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format html --interactief --date 2026-11-30");
#if BEGROTING_HAVE_WASM
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(r.out.find("BegrotingRekenkern") != std::string::npos);             // the engine
  CHECK(r.out.find("\"tarieven.zware_ondersteuning\"") != std::string::npos);  // the scenario as data
  CHECK(r.out.find("src=\"http") == std::string::npos);                      // nothing from a network
  CHECK(r.out.size() < 2'000'000);
#else
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("gebouwd zonder WebAssembly") != std::string::npos);
#endif
}

TEST_CASE("report interactief: the page header names a variant and every --set") {
#if BEGROTING_HAVE_WASM
  const std::string cmd = "report scenarios/so-groei-6.yaml --format html --interactief --date 2026-11-30";
  const auto r = testutil::run_cli(cmd + " --set leerlingen.so_cat1.groei=0.07");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("<title>Wat als: VARIANT van SO-groei 6% per jaar (--set leerlingen.so_cat1.groei=0.07)</title>") != std::string::npos);
  CHECK(r.out.find("<h1>Wat als: <span id=\"titel\">VARIANT van SO-groei 6% per jaar (--set leerlingen.so_cat1.groei=0.07)</span></h1>") !=
        std::string::npos);
  CHECK(r.out.find("<b>Scenariobestanden:</b> scenarios/so-groei-6.yaml (breidt uit: scenarios/zuid-kennemerland-2024.yaml)") !=
        std::string::npos);
  CHECK(r.out.find("<b>Overschreven met --set:</b> leerlingen.so_cat1.groei=0.07") != std::string::npos);
  // The page's data tells its script it is a variant (the header line "VARIANT zoals geladen").
  CHECK(r.out.find("\"set\":[\"leerlingen.so_cat1.groei=0.07\"]") != std::string::npos);
  CHECK(r.out.find("\"variant\":true") != std::string::npos);
  const auto plain = testutil::run_cli(cmd);
  CHECK(plain.out.find("VARIANT van") == std::string::npos);
  CHECK(plain.out.find("\"variant\":false") != std::string::npos);
  CHECK(plain.out.find("<b>Overschreven met --set:</b> geen") != std::string::npos);
#else
  MESSAGE("gebouwd zonder WebAssembly: geen wat-als-pagina");
#endif
}
