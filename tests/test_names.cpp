// Guard: doctest_discover_tests hands test names to CTest as a CMake list, so a TEST_CASE name
// with ',' or ';' is split into pieces and CTest then runs filters that match NOTHING (and
// reports them as passed). This test fails for any such name in tests/*.cpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "helpers.hpp"

TEST_CASE("test names contain no comma and no semicolon") {
  namespace fs = std::filesystem;
  int seen = 0;
  for (const auto& e : fs::directory_iterator(testutil::source("tests"))) {
    if (e.path().extension() != ".cpp") continue;
    std::ifstream f(e.path());
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string text = ss.str();
    const std::string marker = std::string("TEST_CASE") + "(\"";  // split: this line is no test case
    for (size_t at = 0; (at = text.find(marker, at)) != std::string::npos;) {
      at += marker.size();
      const std::string name = text.substr(at, text.find('"', at) - at);
      ++seen;
      INFO(e.path().filename().string(), ": TEST_CASE(\"", name, "\")");
      CHECK(name.find_first_of(",;") == std::string::npos);
    }
  }
  CHECK(seen > 10);  // the scan found the suite (this file alone has one)
}
