// NaN and infinity never reach a report: a scenario without any baten makes rentabiliteit
// (resultaat / totale baten) and weerstandsvermogen % ((eigen vermogen - mva) / rijksbijdragen)
// a division by zero, and every format and view `begroting run` advertises must print it as
// "n.v.t." (tabel), null (JSON) or an empty cell (CSV), never nan or inf.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "helpers.hpp"

namespace {

/// A word or csv cell "nan"/"inf" (in any case, signed) in a text report.
bool has_non_finite(const std::string& text) {
  std::istringstream in(text);
  for (std::string tok; in >> tok;) {
    std::istringstream cells(tok);
    for (std::string c; std::getline(cells, c, ',');) {
      for (auto& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      while (!c.empty() && (c.front() == '-' || c.front() == '+' || c.front() == '"')) c.erase(0, 1);
      while (!c.empty() && (c.back() == '"' || c.back() == '%')) c.pop_back();
      if (c == "nan" || c == "inf" || c == "infinity") return true;
    }
  }
  return false;
}

bool is_binary(const std::string& s) { return s.find('\0') != std::string::npos || s.rfind("PK", 0) == 0; }

}  // namespace

TEST_CASE("no baten: every run format and view shows n.v.t. or null instead of nan") {
  const auto formats = testutil::option_values("run", "format");
  const auto views = testutil::option_values("run", "view");
  REQUIRE(formats.size() >= 3);  // table | json | csv at least
  const std::string dir = testutil::temp_dir();
  for (const auto& view : views.empty() ? std::vector<std::string>{""} : views)
    for (const auto& format : formats) {
      INFO("--view ", view, " --format ", format);
      const std::string out = dir + "/uitvoer." + format;
      const auto r = testutil::run_cli("run tests/data/nul-baten.yaml --format " + format +
                                       (view.empty() ? "" : " --view " + view) + " --output " + out);
      REQUIRE(r.exit_code == 0);
      const std::string text = testutil::slurp_file(out);
      CHECK(!text.empty());
      if (is_binary(text)) continue;  // e.g. xlsx: a zip; its cells are checked by its own tests
      CHECK_FALSE(has_non_finite(text));
      if (format == "json") {
        const auto j = nlohmann::json::parse(text, nullptr, false);
        CHECK_FALSE(j.is_discarded());  // NaN would make it invalid JSON
      }
    }
  // The begroting view in detail: both ratios are "not applicable" in all five years.
  const auto table = testutil::run_cli("run tests/data/nul-baten.yaml --format table");
  const auto row = [&](const std::string& label) {
    const auto at = table.out.find(label);
    return at == std::string::npos ? std::string() : table.out.substr(at, table.out.find('\n', at) - at);
  };
  for (const std::string label : {"Rentabiliteit", "Weerstandsvermogen %"}) {
    const std::string line = row(label);
    int nvt = 0;
    for (size_t at = 0; (at = line.find("n.v.t.", at)) != std::string::npos; at += 6) ++nvt;
    CHECK_MESSAGE(nvt == 5, line);
  }
  const auto json = nlohmann::json::parse(testutil::run_cli("run tests/data/nul-baten.yaml --format json").out);
  for (const char* id : {"kengetallen.rentabiliteit", "kengetallen.weerstandsvermogen_pct"}) {
    REQUIRE(json["lines"][id].size() == 5);
    for (const auto& v : json["lines"][id]) CHECK(v.is_null());
  }
  const auto csv = testutil::run_cli("run tests/data/nul-baten.yaml --format csv").out;
  CHECK(csv.find("\nkengetallen.rentabiliteit,,,,,\n") != std::string::npos);
  CHECK(csv.find("\nkengetallen.weerstandsvermogen_pct,,,,,\n") != std::string::npos);
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_CASE("option_values reads the formats and views run advertises") {
  const auto f = testutil::option_values("run", "format");
  CHECK(std::find(f.begin(), f.end(), "table") != f.end());
  CHECK(std::find(f.begin(), f.end(), "json") != f.end());
  CHECK(std::find(f.begin(), f.end(), "csv") != f.end());
  for (const auto& x : f) CHECK(x.find(' ') == std::string::npos);
}
