// Inheritance (extends) and --set: precedence parent < child < grandchild < --set, per year, with
// provenance; a cycle and a missing parent are clear errors. Scenario files: tests/data/.
#include <doctest/doctest.h>

#include "begroting/engine.hpp"
#include "begroting/loader.hpp"
#include "helpers.hpp"

using namespace begroting;
using testutil::cents;

namespace {
std::string data(const std::string& rel) { return testutil::source("tests/data/" + rel); }
std::string error_of(const std::string& path, const std::vector<Override>& o = {}) {
  try {
    (void)load_scenario(path, o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("extends: a child overrides one year with a map and all years with a scalar or list") {
  const Scenario s = load_scenario(data("extends-kind.yaml"));
  CHECK(s.name == "Test kind");
  REQUIRE(s.files.size() == 2);
  CHECK(s.files[0] == data("extends-kind.yaml"));
  // tarieven.sbo: parent 6634.52 every year; the child's {2026: 6700} changes 2026 only.
  CHECK(s.value("tarieven.sbo", 2025) == 6634.52);
  CHECK(s.value("tarieven.sbo", 2026) == 6700.0);
  CHECK(s.value("tarieven.sbo", 2027) == 6634.52);
  // The child's scalar so_cat1: 13000 replaces every year.
  for (int y = 2024; y <= 2028; ++y) CHECK(s.value("tarieven.so_cat1", y) == 13000.0);
  // The child's list replaces the parent's list [450, 430, 420, 385, 365].
  CHECK(s.value("regulier_onderwijs.ondersteuningsbedrag_per_leerling", 2028) == 410.0);
  // Provenance: 2026 from the child (line 6 "  sbo: {2026: 6700}", the value at column 15),
  // 2025 from the baseline file.
  CHECK(s.provenance("tarieven.sbo", 2026).describe() == data("extends-kind.yaml") + ":6:15");
  CHECK(s.provenance("tarieven.sbo", 2025).file.find("zuid-kennemerland-2024.yaml") != std::string::npos);
  // Engine: sbo pupils 2026 = 585 x 1.02^2 = 608.634; x 6,700 = 4,077,847.80.
  const Result r = run(s);
  CHECK(cents(r, Line::sbo_inhouding, 2026) == 407784780);
}

TEST_CASE("extends: a grandchild in another folder extends relative to its own file") {
  const Scenario s = load_scenario(data("sub/extends-kleinkind.yaml"));
  REQUIRE(s.files.size() == 3);
  CHECK(s.name == "Test kind");  // naam inherited from the child
  CHECK(s.value("tarieven.sbo", 2026) == 6700.0);  // child
  CHECK(s.value("tarieven.sbo", 2027) == 6800.0);  // grandchild
  CHECK(s.value("tarieven.sbo", 2028) == 6634.52); // baseline
  CHECK(s.value("tarieven.so_cat1", 2027) == 13000.0);
  CHECK(s.value("tarieven.so_cat1", 2028) == 13100.0);
  // sbo pupils 2027 = 585 x 1.02^3 = 620.80668; x 6,800 = 4,221,485.424 -> 4,221,485.42
  const Result r = run(s);
  CHECK(cents(r, Line::sbo_inhouding, 2027) == 422148542);
}

TEST_CASE("--set beats every file of the chain - a year-only --set leaves the other years") {
  const Scenario s = load_scenario(data("sub/extends-kleinkind.yaml"),
                                   {{"tarieven.sbo.2027=6900"}, {"tarieven.so_cat1=12000"}});
  CHECK(s.value("tarieven.sbo", 2026) == 6700.0);  // child, untouched by the year-only --set
  CHECK(s.value("tarieven.sbo", 2027) == 6900.0);  // --set beats the grandchild's 6800
  for (int y = 2024; y <= 2028; ++y) CHECK(s.value("tarieven.so_cat1", y) == 12000.0);  // beats child and grandchild
  CHECK(s.provenance("tarieven.sbo", 2027).describe() == "--set tarieven.sbo.2027=6900");
  // 620.80668 x 6,900 = 4,283,566.092 -> 4,283,566.09
  CHECK(cents(run(s), Line::sbo_inhouding, 2027) == 428356609);
}

TEST_CASE("extends: a cycle is reported with the file and the chain") {
  const std::string e = error_of(data("extends-kring-a.yaml"));
  // a -> b -> a: detected at b's extends (line 2, value at column 10)
  CHECK(e.find("extends-kring-b.yaml:2:10: extends maakt een kring") != std::string::npos);
  CHECK(e.find("extends-kring-a.yaml -> ") != std::string::npos);
  const std::string z = error_of(data("extends-zelf.yaml"));
  CHECK(z.find("extends-zelf.yaml:2:10: extends maakt een kring") != std::string::npos);
}

TEST_CASE("extends: a missing parent file names the extends line and the missing file") {
  const std::string e = error_of(data("extends-ontbreekt.yaml"));
  CHECK(e.find("extends-ontbreekt.yaml:3:10: ") != std::string::npos);
  CHECK(e.find("bestaat-niet.yaml: bestand bestaat niet") != std::string::npos);
}

TEST_CASE("extends errors exit 2 on the command line") {
  const auto c = testutil::run_cli("run tests/data/extends-kring-a.yaml");
  CHECK(c.exit_code == 2);
  CHECK(c.err.find("kring") != std::string::npos);
  const auto m = testutil::run_cli("run tests/data/extends-ontbreekt.yaml");
  CHECK(m.exit_code == 2);
  CHECK(m.err.find("tests/data/extends-ontbreekt.yaml:3:10:") != std::string::npos);
}
