// Issue 13 (safety, round two), inputs and resources: quoted texts are checked in one pass, an
// extends chain has a depth limit, the schools YAML file gets the scenario file's checks,
// a decimal comma in a flow list is refused, messages do not reveal or replay what they read.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "begroting/loader.hpp"
#include "helpers.hpp"

using namespace begroting;
namespace fs = std::filesystem;

namespace {

std::string error_of_text(const std::string& text, const std::string& name) {
  try {
    (void)load_scenario_text(text, name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string error_of_file(const std::string& path) {
  try {
    (void)load_scenario(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

/// The baseline's path relative to a scenario in tests/bad/ (as the bad-input corpus extends it).
const char* kExtendsBaseline = "extends: ../../scenarios/zuid-kennemerland-2024.yaml\n";

}  // namespace

// Case 6: check_closed used to rescan the text from its start for every quoted text (50,000
// took 14 s). The loader must read all of them and still find the one that is not closed,
// at the right line and column, also after multi-byte characters. The time is a bench matter;
// this test only requires that it completes and is right.
TEST_CASE("quoted texts: 50000 of them are all checked and an unclosed one is found at its place") {
  const std::string name = testutil::source("tests/bad/veel-aanhalingstekens.yaml");
  std::string text = kExtendsBaseline;
  text += "naam: \"\xC3\xA9\xC3\xA9n\"\n";  // "één": columns count characters, not bytes
  text += "lijst:\n";
  for (int i = 0; i < 50000; ++i) text += "  - \"\xE2\x82\xAC " + std::to_string(i) + "\"\n";
  // 3 header lines + 50,000 items: every quote closed, so the parse ends and the walk refuses
  // the unknown key 'lijst' at line 3, column 1.
  const std::string all_closed = error_of_text(text, name);
  CHECK(all_closed.rfind(name + ":3:1: onbekende sleutel 'lijst'", 0) == 0);

  // Now an unclosed quote on line 50,004: "  - \xC3\xA9: \"..." is 7 characters (9 bytes) before the
  // quote, so it is at column 8, counted in characters.
  const std::string open = text + "  - \xC3\xA9: \"niet gesloten\n";
  const std::string msg = error_of_text(open, name);
  CHECK(msg.rfind(name + ":50004:8: ", 0) == 0);
  CHECK(msg.find("wordt niet afgesloten") != std::string::npos);
}

// Case 8: a chain of about 9,900 extends files crashed with SIGSEGV (recursion). The chain is
// now limited to 32 files (the scenario itself included), with a message at the extends line.
TEST_CASE("extends: a chain of 10000 files is refused with a message - 32 files load") {
  const std::string dir = testutil::temp_dir();
  const std::string base = testutil::baseline_path();
  // k-0.yaml extends k-1.yaml ... k-(n-1).yaml extends the baseline.
  auto make_chain = [&](const std::string& prefix, int n) {
    for (int k = 0; k < n; ++k) {
      const std::string parent = k + 1 < n ? prefix + std::to_string(k + 1) + ".yaml" : base;
      write(dir + "/" + prefix + std::to_string(k) + ".yaml", "extends: " + parent + "\n");
    }
    return dir + "/" + prefix + "0.yaml";
  };
  // 31 files + the baseline = 32: allowed.
  const Scenario s = load_scenario(make_chain("ok-", 31));
  CHECK(s.files.size() == 32);
  // 10,000 files: the 32nd file (k-31.yaml) may not extend a 33rd; its extends line is 1:10.
  const std::string msg = error_of_file(make_chain("lang-", 10000));
  CHECK(msg == dir + "/lang-31.yaml:1:10: extends: de keten is langer dan 32 bestanden; verwacht een keten van hooguit 32 "
               "scenario's (elk scenario erft doorgaans direct of via een enkel tussenscenario van het basisscenario)");
  fs::remove_all(dir);
}

// Case 7: a schools YAML file (scholen: x.yaml) gets exactly the checks of a scenario file, and
// every message names the file.
TEST_CASE("schools YAML file: size cap - UTF-8 - NUL - empty - not a schools file") {
  const std::string dir = testutil::temp_dir();
  const std::string scenario = dir + "/s.yaml";
  write(scenario, "extends: " + testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml") + "\nscholen: x.yaml\n");
  const std::string x = dir + "/x.yaml";
  // scholen: x.yaml is on line 2, the file name at column 10
  const std::string from = scenario + ":2:10: ";

  write(x, std::string(5 * 1024 * 1024, '#'));
  CHECK(error_of_file(scenario) == from + x + ": bestand van 5 MB is te groot; verwacht een scholenbestand van hooguit 4 MB");

  write(x, "scholen:\n  - id: S\xE9\n");  // Windows-1252 e-acute: not UTF-8, at line 2 column 10
  CHECK(error_of_file(scenario) == x + ":2:10: geen geldige UTF-8-tekst; sla het bestand op als UTF-8");

  write(x, std::string("scholen:\n  - id: S\0\n", 20));
  CHECK(error_of_file(scenario) == x + ":1:1: bevat nul-bytes (geen tekstbestand); verwacht een YAML-tekstbestand in UTF-8");

  for (const char* empty : {"", "# alleen commentaar\n"}) {
    write(x, empty);
    CHECK(error_of_file(scenario) == x + ":1:1: het bestand is leeg; verwacht een scholenbestand met 'scholen:' en daaronder een lijst van scholen");
  }

  write(x, "wachtwoord: geheim123\n");  // not a schools file: nothing of it is quoted
  const std::string msg = error_of_file(scenario);
  CHECK(msg == x + ":1:1: is geen scholenbestand: geen van de sleutels op het hoogste niveau hoort daarbij; verwacht een scholenbestand (.yaml)");
  CHECK(msg.find("geheim123") == std::string::npos);

  fs::create_directory(dir + "/map.yaml");
  write(scenario, "extends: " + testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml") + "\nscholen: map.yaml\n");
  CHECK(error_of_file(scenario) == from + dir + "/map.yaml: is een map; verwacht een scholenbestand (.yaml)");
  fs::remove_all(dir);
}

// Case 12: what a message echoes is shortened and made printable.
TEST_CASE("messages: echoed values are shortened and control characters escaped") {
  CHECK(shown_value("kort") == "kort");
  // 45 characters: the first 24, "...", the last 12
  CHECK(shown_value("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHI") == "abcdefghijklmnopqrstuvwx...789ABCDEFGHI");
  CHECK(shown_value("a\x1b[2Jb\nc") == "a\\x1b[2Jb\\nc");
  CHECK(printable("\xC3\xA9\xC2\x9B\xFF") == "\xC3\xA9\\xc2\\x9b\\xff");  // é stays; C1 CSI and a stray byte escaped
  CHECK(shown_value(std::string(100, '\xE2') ).find("\\xe2") == 0);
}
