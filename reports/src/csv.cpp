// CSV: header "id,<year>,...", then the provenance rows (herkomst.scenario, herkomst.bestanden,
// herkomst.set, herkomst.variant: issue 12.2), one row per line id (money as exact euros with
// cents, other figures without float noise: at most 12 significant digits), and one row per
// signal kind the engine raised (signaal.<kind>: 1 in the years it raised it).
//
// The Dutch dialect (for Dutch Excel; issue 14.5) starts with a UTF-8 byte order mark (so Excel
// reads "Financiële" correctly), uses ';' between fields and ',' as decimal point, puts the
// Dutch label beside the id and writes fractions as percentages ("3,93%"). Several scenarios get
// a leading "scenario" column. A text cell that starts with '=', '+', '-' or '@' (a scenario
// name, an override) gets a leading apostrophe, so Excel never reads it as a formula.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "begroting/reports.hpp"

namespace begroting {

namespace {
std::string number(std::string s, const CsvDialect& d) {
  if (d.decimal != '.')
    for (auto& ch : s)
      if (ch == '.') ch = d.decimal;
  return s;
}
}  // namespace

std::string csv_text(const std::string& raw, const CsvDialect& d) {
  std::string s = raw;
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    s.insert(s.begin(), '\'');
  if (s.find_first_of(std::string{d.separator, '"', '\n', '\r'}) == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

std::string csv_real(double v, Unit unit, const CsvDialect& d) {
  if (!std::isfinite(v)) return "";
  if (d.dutch && unit == Unit::Fractie) {
    // A percentage Dutch Excel reads as a number: 0.039312 -> "3,9312%" (no float noise).
    std::string s = fmt::format("{:.10g}", v * 100.0);
    return number(s, d) + "%";
  }
  if (unit == Unit::Leerlingen || unit == Unit::Leerlingjaren) v = std::round(v * 100.0) / 100.0;  // 2 decimals (README)
  return number(fmt::format("{:.12g}", v), d);
}

std::string csv_provenance_rows(const Scenario& s, const CsvDialect& d, const std::string& lead) {
  const std::string sep(1, d.separator);
  std::string out;
  for (const auto& [id, label, value] : {std::tuple{"herkomst.scenario", "Scenario", scenario_title(s)},
                                         std::tuple{"herkomst.bestanden", "Scenariobestanden", chain_text(s)},
                                         std::tuple{"herkomst.set", "Overschreven met --set", overrides_text(s)},
                                         std::tuple{"herkomst.variant", "Variant", std::string(is_variant(s) ? "ja" : "nee")}})
    out += lead + id + (d.dutch ? sep + label : "") + sep + csv_text(value, d) + "\n";
  return out;
}

namespace {
// The header and rows; `prefix` (already a field) starts every row when not empty.
using Kinds = std::vector<Finding::Kind>;
// The signal kinds raised in any of the runs, most serious first: every scenario gets the same rows.
Kinds kinds_of(const std::vector<const Result*>& rs) {
  Kinds kinds;
  for (const Result* r : rs)
    for (const auto& f : r->findings)
      if (std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end()) kinds.push_back(f.kind);
  std::sort(kinds.begin(), kinds.end(), [](auto a, auto b) { return finding_rank(a) < finding_rank(b); });
  return kinds;
}

void csv_rows(std::string& out, const Scenario& s, const Result& r, const CsvDialect& d, const std::string* prefix, bool header,
              const Kinds& kinds) {
  const std::string sep(1, d.separator);
  const std::string lead = prefix ? *prefix + sep : std::string();
  if (header) {
    out += prefix ? "scenario" + sep + "id" : std::string("id");
    if (d.dutch) out += sep + "omschrijving";
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) out += sep + std::to_string(y);
    out += "\n";
  }
  auto text_row = [&](const char* id, const char* label, const std::string& value) {
    out += lead + id + (d.dutch ? sep + label : "") + sep + csv_text(value, d) + "\n";
  };
  out += csv_provenance_rows(s, d, lead);
  text_row("definitie.kengetallen.weerstandsvermogen_pct", "Definitie weerstandsvermogen %", kWeerstandsvermogenPctDefinitie);
  const Model& m = r.m();
  for (int li = 0; li < m.size(); ++li) {  // every line of the model (a declared line too)
    const ModelLine& def_ = m.line(li);
    const auto l = static_cast<Line>(li);
    out += lead + def_.id;
    if (d.dutch) out += sep + csv_text(def_.label, d);
    for (int i = 0; i < r.n(); ++i) {
      out += sep;
      if (def_.money()) out += number(cents_plain(r.c(l, i)), d);
      else out += csv_real(r.r(l, i), def_.unit, d);
    }
    out += "\n";
  }
  // The engine's signals (the one list): a row per kind raised, 1 in the years it was raised.
  for (auto k : kinds) {
    out += lead + "signaal." + std::string(finding_id(k));
    if (d.dutch)
      out += sep + csv_text(std::string(finding_label(k)) + " (" + std::string(finding_aard_text(finding_aard(k))) + ")", d);
    for (int y = r.horizon.first; y <= r.horizon.last; ++y) {
      bool raised = false;
      for (const auto& f : r.findings) raised = raised || (f.year == y && f.kind == k);
      out += sep + (raised ? "1" : "0");
    }
    out += "\n";
  }
}
}  // namespace

std::string render_csv(const Scenario& s, const Result& r, const CsvDialect& d) {
  std::string out = d.dutch ? "\xEF\xBB\xBF" : "";
  csv_rows(out, s, r, d, nullptr, true, kinds_of({&r}));
  return out;
}

std::string render_csv_runs(const std::vector<ScenarioRun>& runs, const CsvDialect& d) {
  if (runs.size() == 1) return render_csv(*runs[0].scenario, *runs[0].result, d);
  std::string out = d.dutch ? "\xEF\xBB\xBF" : "";
  bool first = true;
  std::vector<const Result*> rs;
  for (const auto& run : runs) rs.push_back(run.result);
  const Kinds kinds = kinds_of(rs);
  for (const auto& run : runs) {
    const std::string name = csv_text(scenario_title(*run.scenario), d);
    csv_rows(out, *run.scenario, *run.result, d, &name, first, kinds);
    first = false;
  }
  return out;
}

}  // namespace begroting
