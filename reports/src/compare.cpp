// `begroting compare`: scenarios side by side. It reads the Results and only subtracts (the
// differences against the first scenario, exact in cents) and compares (which lines differ, the
// first year eigen vermogen is below a yardstick); it computes no new figure of the budget.
#include "begroting/compare.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "begroting/reports.hpp"

namespace begroting {

std::optional<Horizon> common_years(const std::vector<CompareEntry>& e) {
  if (e.empty()) return std::nullopt;
  Horizon h = e[0].result->horizon;
  for (const auto& x : e) {
    h.first = std::max(h.first, x.result->horizon.first);
    h.last = std::min(h.last, x.result->horizon.last);
  }
  if (h.last < h.first) return std::nullopt;
  return h;
}

std::optional<int> first_year_below(const Result& r, Line a, Line b, const Horizon& years) {
  for (int y = years.first; y <= years.last; ++y) {
    const int i = r.horizon.index(y);
    if (r.c(a, i) < r.c(b, i)) return y;
  }
  return std::nullopt;
}

std::string scenario_key(size_t index) {
  if (index < 26) return std::string(1, static_cast<char>('A' + index));
  return "S" + std::to_string(index + 1);
}

namespace {

double real_at(const Result& r, Line l, int year) { return r.r(l, r.horizon.index(year)); }
Cents cents_at(const Result& r, Line l, int year) { return r.c(l, r.horizon.index(year)); }

bool same_value(const Result& a, const Result& b, Line l, int year) {
  if (is_money(l)) return cents_at(a, l, year) == cents_at(b, l, year);
  const double x = real_at(a, l, year), y = real_at(b, l, year);
  if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
  return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
}

/// The lines to show, in the order of the line table (the plan's order).
std::vector<Line> selected_lines(const std::vector<CompareEntry>& e, const CompareOptions& o, const Horizon& years) {
  std::vector<Line> candidates;
  if (o.lines.empty())
    for (const auto& d : line_table()) candidates.push_back(d.line);
  else
    for (const auto& d : line_table())
      if (std::find(o.lines.begin(), o.lines.end(), d.line) != o.lines.end()) candidates.push_back(d.line);
  if (o.all) return candidates;
  std::vector<Line> out;
  for (Line l : candidates) {
    bool differs = false;
    for (size_t k = 1; k < e.size() && !differs; ++k)
      for (int y = years.first; y <= years.last && !differs; ++y)
        differs = !same_value(*e[0].result, *e[k].result, l, y);
    if (differs) out.push_back(l);
  }
  return out;
}

/// Value cell in Dutch notation (as in `begroting run`).
std::string value_text(const Result& r, Line l, int year) { return cell_text(r, l, r.horizon.index(year)); }

/// Difference (b - a) in Dutch notation with a sign: whole euros for money (rounded from the
/// exact difference in cents), percentage points for fractions.
std::string delta_text(const Result& a, const Result& b, Line l, int year) {
  if (same_value(a, b, l, year)) return "0";
  std::string s;
  bool positive = false;
  if (is_money(l)) {
    const Cents d = sub_checked(cents_at(b, l, year), cents_at(a, l, year));
    positive = d > 0;
    s = def(l).unit == Unit::EuroPerLeerling && d % 100 != 0 ? format_euro_cents(d) : format_euro(d);
  } else {
    const double d = real_at(b, l, year) - real_at(a, l, year);
    if (std::isnan(d)) return "n.v.t.";
    positive = d > 0;
    s = def(l).unit == Unit::Fractie ? format_number(d * 100.0, 1) + "%-pt" : format_number(d, 1);
  }
  return positive ? "+" + s : s;
}

nlohmann::json json_value(const Result& r, Line l, int year) {
  if (is_money(l)) return cents_to_euros(cents_at(r, l, year));
  const double v = real_at(r, l, year);
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json json_delta(const Result& a, const Result& b, Line l, int year) {
  if (is_money(l)) return cents_to_euros(sub_checked(cents_at(b, l, year), cents_at(a, l, year)));
  const double v = real_at(b, l, year) - real_at(a, l, year);
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

std::string csv_value(const Result& r, Line l, int year) {
  if (is_money(l)) return cents_plain(cents_at(r, l, year));
  const double v = real_at(r, l, year);
  return std::isfinite(v) ? fmt::format("{}", v) : "";
}

std::string csv_delta(const Result& a, const Result& b, Line l, int year) {
  if (is_money(l)) return cents_plain(sub_checked(cents_at(b, l, year), cents_at(a, l, year)));
  const double v = real_at(b, l, year) - real_at(a, l, year);
  return std::isfinite(v) ? fmt::format("{}", v) : "";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string year_or_never(const std::optional<int>& y) { return y ? std::to_string(*y) : "nooit"; }

Horizon years_of(const std::vector<CompareEntry>& e) {
  auto h = common_years(e);
  if (!h) throw std::invalid_argument("de scenario's hebben geen gemeenschappelijk jaar");
  return *h;
}

}  // namespace

std::string render_compare_table(const std::vector<CompareEntry>& e, const CompareOptions& o) {
  const Horizon years = years_of(e);
  constexpr size_t kLabel = 22, kCol = 12;
  std::string out = "Vergelijking van scenario's " + std::to_string(years.first) + "-" + std::to_string(years.last) +
                    " (bedragen in euro's; verschil ten opzichte van A)\n";
  for (size_t k = 0; k < e.size(); ++k)
    out += "  " + scenario_key(k) + "  " + e[k].scenario->name + " (" + e[k].source + ")\n";
  out += "\n";
  std::string head = pad_right("", kLabel);
  for (int y = years.first; y <= years.last; ++y) head += pad_left(std::to_string(y), kCol);
  const std::string rule(kLabel + kCol * static_cast<size_t>(years.size()), '-');
  const auto lines = selected_lines(e, o, years);
  out += head + "\n" + rule + "\n";
  if (lines.empty()) out += "Geen verschillen" + std::string(o.all ? "" : " (--all toont alle regels)") + ".\n";
  for (Line l : lines) {
    out += std::string(def(l).label) + "  [" + std::string(def(l).id) + "]\n";
    for (size_t k = 0; k < e.size(); ++k) {
      std::string row = pad_right("  " + scenario_key(k), kLabel);
      for (int y = years.first; y <= years.last; ++y) row += pad_left(value_text(*e[k].result, l, y), kCol);
      out += row + "\n";
    }
    for (size_t k = 1; k < e.size(); ++k) {
      std::string row = pad_right("  " + scenario_key(k) + " - A", kLabel);
      for (int y = years.first; y <= years.last; ++y) row += pad_left(delta_text(*e[0].result, *e[k].result, l, y), kCol);
      out += row + "\n";
    }
  }
  out += rule + "\n\nEIGEN VERMOGEN OP 31-12\n" + head + "\n";
  for (size_t k = 0; k < e.size(); ++k) {
    std::string row = pad_right("  " + scenario_key(k), kLabel);
    for (int y = years.first; y <= years.last; ++y) row += pad_left(value_text(*e[k].result, Line::eigen_vermogen, y), kCol);
    out += row + "\n";
  }
  out += "\nEerste jaar dat het eigen vermogen lager is dan\n";
  out += pad_right("", kLabel) + pad_left("de signaleringswaarde", 24) + pad_left("het niveau weerstandsvermogen", 32) + "\n";
  for (size_t k = 0; k < e.size(); ++k) {
    const Result& r = *e[k].result;
    out += pad_right("  " + scenario_key(k), kLabel) +
           pad_left(year_or_never(first_year_below(r, Line::eigen_vermogen, Line::signaleringswaarde, years)), 24) +
           pad_left(year_or_never(first_year_below(r, Line::eigen_vermogen, Line::weerstandsvermogen_niveau, years)), 32) + "\n";
  }
  return out;
}

std::string render_compare_json(const std::vector<CompareEntry>& e, const CompareOptions& o) {
  const Horizon years = years_of(e);
  nlohmann::ordered_json j;
  auto sc = nlohmann::ordered_json::array();
  for (size_t k = 0; k < e.size(); ++k) {
    nlohmann::ordered_json x;
    x["key"] = scenario_key(k);
    x["name"] = e[k].scenario->name;
    x["source"] = e[k].source;
    x["files"] = e[k].scenario->files;
    sc.push_back(x);
  }
  j["scenarios"] = sc;
  auto ys = nlohmann::json::array();
  for (int y = years.first; y <= years.last; ++y) ys.push_back(y);
  j["years"] = ys;
  j["all_lines"] = o.all;
  auto lines = nlohmann::ordered_json::array();
  for (Line l : selected_lines(e, o, years)) {
    nlohmann::ordered_json x;
    x["id"] = std::string(def(l).id);
    x["label"] = std::string(def(l).label);
    x["unit"] = std::string(unit_name(def(l).unit));
    nlohmann::ordered_json values = nlohmann::ordered_json::object(), deltas = nlohmann::ordered_json::object();
    for (size_t k = 0; k < e.size(); ++k) {
      auto v = nlohmann::json::array(), d = nlohmann::json::array();
      for (int y = years.first; y <= years.last; ++y) {
        v.push_back(json_value(*e[k].result, l, y));
        d.push_back(json_delta(*e[0].result, *e[k].result, l, y));
      }
      values[scenario_key(k)] = v;
      if (k > 0) deltas[scenario_key(k)] = d;
    }
    x["values"] = values;
    x["deltas_vs_A"] = deltas;
    lines.push_back(x);
  }
  j["lines"] = lines;
  auto ev = nlohmann::ordered_json::array();
  for (size_t k = 0; k < e.size(); ++k) {
    const Result& r = *e[k].result;
    nlohmann::ordered_json x;
    x["key"] = scenario_key(k);
    auto path = nlohmann::json::array();
    for (int y = years.first; y <= years.last; ++y) path.push_back(json_value(r, Line::eigen_vermogen, y));
    x["eigen_vermogen_31_december"] = path;
    const auto s = first_year_below(r, Line::eigen_vermogen, Line::signaleringswaarde, years);
    const auto w = first_year_below(r, Line::eigen_vermogen, Line::weerstandsvermogen_niveau, years);
    x["eerste_jaar_onder_signaleringswaarde"] = s ? nlohmann::json(*s) : nlohmann::json(nullptr);
    x["eerste_jaar_onder_niveau_weerstandsvermogen"] = w ? nlohmann::json(*w) : nlohmann::json(nullptr);
    ev.push_back(x);
  }
  j["eigen_vermogen"] = ev;
  return j.dump(2) + "\n";
}

std::string render_compare_csv(const std::vector<CompareEntry>& e, const CompareOptions& o) {
  const Horizon years = years_of(e);
  std::string out = "id,scenario,soort";
  for (int y = years.first; y <= years.last; ++y) out += "," + std::to_string(y);
  out += "\n";
  for (Line l : selected_lines(e, o, years)) {
    for (size_t k = 0; k < e.size(); ++k) {
      out += std::string(def(l).id) + "," + csv_field(e[k].source) + ",waarde";
      for (int y = years.first; y <= years.last; ++y) out += "," + csv_value(*e[k].result, l, y);
      out += "\n";
    }
    for (size_t k = 1; k < e.size(); ++k) {
      out += std::string(def(l).id) + "," + csv_field(e[k].source) + ",verschil_met_A";
      for (int y = years.first; y <= years.last; ++y) out += "," + csv_delta(*e[0].result, *e[k].result, l, y);
      out += "\n";
    }
  }
  // Signals per scenario and year: 1 when eigen vermogen is below the yardstick, else 0.
  for (auto [id, yardstick] : {std::pair{"onder_signaleringswaarde", Line::signaleringswaarde},
                               std::pair{"onder_niveau_weerstandsvermogen", Line::weerstandsvermogen_niveau}}) {
    for (size_t k = 0; k < e.size(); ++k) {
      const Result& r = *e[k].result;
      out += std::string(id) + "," + csv_field(e[k].source) + ",signaal";
      for (int y = years.first; y <= years.last; ++y)
        out += cents_at(r, Line::eigen_vermogen, y) < cents_at(r, yardstick, y) ? ",1" : ",0";
      out += "\n";
    }
  }
  return out;
}

}  // namespace begroting
