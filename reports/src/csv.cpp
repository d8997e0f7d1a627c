// CSV: header "id,<year>,...", one row per line id; money as exact euros with cents.
// The Dutch dialect (for Dutch Excel) uses ';' between fields and ',' as decimal point; several
// scenarios get a leading "scenario" column. All variants share csv_rows below.
#include <fmt/format.h>

#include <cmath>

#include "begroting/reports.hpp"

namespace begroting {

namespace {
std::string number(std::string s, const CsvDialect& d) {
  if (d.decimal != '.')
    for (auto& ch : s)
      if (ch == '.') ch = d.decimal;
  return s;
}

// A text field, quoted when it holds the separator, a quote or a line break (RFC 4180).
std::string field(const std::string& s, const CsvDialect& d) {
  if (s.find_first_of(std::string{d.separator, '"', '\n', '\r'}) == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

// The header and rows; `prefix` (already a field) starts every row when not empty.
void csv_rows(std::string& out, const Result& r, const CsvDialect& d, const std::string* prefix, bool header) {
  const std::string sep(1, d.separator);
  if (header) {
    out += prefix ? "scenario" + sep + "id" : std::string("id");
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) out += sep + std::to_string(y);
    out += "\n";
  }
  for (const auto& def_ : line_table()) {
    if (prefix) out += *prefix + sep;
    out += def_.id;
    for (int i = 0; i < r.n(); ++i) {
      out += sep;
      if (is_money(def_.line)) out += number(cents_plain(r.c(def_.line, i)), d);
      else if (std::isfinite(r.r(def_.line, i))) out += number(fmt::format("{}", r.r(def_.line, i)), d);
    }
    out += "\n";
  }
}
}  // namespace

std::string render_csv(const Scenario&, const Result& r, const CsvDialect& d) {
  std::string out;
  csv_rows(out, r, d, nullptr, true);
  return out;
}

std::string render_csv_runs(const std::vector<ScenarioRun>& runs, const CsvDialect& d) {
  if (runs.size() == 1) return render_csv(*runs[0].scenario, *runs[0].result, d);
  std::string out;
  bool first = true;
  for (const auto& run : runs) {
    const std::string name = field(run.scenario->name, d);
    csv_rows(out, *run.result, d, &name, first);
    first = false;
  }
  return out;
}

}  // namespace begroting
