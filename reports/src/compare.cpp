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

/// The model the compared lines belong to: the one model every entry is aligned on
/// (align_results) by the Comparison being built or rendered. Not thread-safe: a comparison
/// is built and rendered on one thread.
const Model* g_model = nullptr;
const ModelLine& cdef(Line l) { return (g_model ? *g_model : *Model::builtin()).line(l); }
bool cmoney(Line l) { return cdef(l).money(); }

double real_at(const Result& r, Line l, int year) { return r.r(l, r.horizon.index(year)); }
Cents cents_at(const Result& r, Line l, int year) { return r.c(l, r.horizon.index(year)); }

bool same_value(const Result& a, const Result& b, Line l, int year) {
  if (cmoney(l)) return cents_at(a, l, year) == cents_at(b, l, year);
  const double x = real_at(a, l, year), y = real_at(b, l, year);
  if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
  return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
}

/// The lines to show, in the order of the line table (the plan's order).
std::vector<Line> selected_lines(const std::vector<CompareEntry>& e, const CompareOptions& o, const Horizon& years) {
  std::vector<Line> candidates;
  const Model& m = e[0].result->m();
  for (int li = 0; li < m.size(); ++li) {
    const auto l = static_cast<Line>(li);
    if (o.lines.empty() || std::find(o.lines.begin(), o.lines.end(), l) != o.lines.end()) candidates.push_back(l);
  }
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

Horizon years_of(const std::vector<CompareEntry>& e) {
  auto h = common_years(e);
  if (!h) throw std::invalid_argument("de scenario's hebben geen gemeenschappelijk jaar");
  return *h;
}

std::optional<int> first_year_if(const Result& r, const Horizon& years, auto pred) {
  for (int y = years.first; y <= years.last; ++y)
    if (pred(r.horizon.index(y))) return y;
  return std::nullopt;
}

}  // namespace

Comparison::Comparison(std::vector<CompareEntry> entries, const CompareOptions& o) : e_(std::move(entries)) {
  // Scenarios whose models differ (a line one of them adds) are compared on one model, by id.
  std::vector<const Result*> rs;
  for (const auto& x : e_) rs.push_back(x.result);
  aligned_ = align_results(rs);
  for (size_t k = 0; k < e_.size(); ++k) e_[k].result = &aligned_[k];
  g_model = &aligned_[0].m();
  years_ = years_of(e_);
  lines_ = selected_lines(e_, o, years_);
  const auto ny = static_cast<size_t>(years_.size());
  dc_.assign(e_.size(), std::vector<Cents>(static_cast<size_t>(aligned_[0].m().size()) * ny, 0));
  dr_.assign(e_.size(), std::vector<double>(static_cast<size_t>(aligned_[0].m().size()) * ny, 0.0));
  const Result& a = *e_[0].result;
  for (size_t k = 0; k < e_.size(); ++k) {
    const Result& b = *e_[k].result;
    for (Line l : lines_)
      for (int y = years_.first; y <= years_.last; ++y) {
        if (cmoney(l)) dc_[k][at(l, y)] = sub_checked(cents_at(b, l, y), cents_at(a, l, y));
        else dr_[k][at(l, y)] = real_at(b, l, y) - real_at(a, l, y);
      }
    Yardsticks ys;
    ys.onder_signaleringswaarde = first_year_if(b, years_, [&](int i) { return b.c(Line::eigen_vermogen, i) < b.c(Line::signaleringswaarde, i); });
    ys.onder_niveau = first_year_if(b, years_, [&](int i) { return b.c(Line::eigen_vermogen, i) < b.c(Line::weerstandsvermogen_niveau, i); });
    ys.onder_nul = first_year_if(b, years_, [&](int i) { return b.c(Line::eigen_vermogen, i) < 0; });
    ys_.push_back(ys);
  }
}

size_t Comparison::at(Line l, int y) const {
  return static_cast<size_t>(static_cast<int>(l) * years_.size() + (y - years_.first));
}

Cents Comparison::delta_cents(size_t k, Line l, int y) const {
  if (std::find(lines_.begin(), lines_.end(), l) == lines_.end()) throw std::invalid_argument("regel niet in de vergelijking");
  return dc_[k][at(l, y)];
}
double Comparison::delta_real(size_t k, Line l, int y) const {
  if (std::find(lines_.begin(), lines_.end(), l) == lines_.end()) throw std::invalid_argument("regel niet in de vergelijking");
  return dr_[k][at(l, y)];
}
bool Comparison::same(size_t k, Line l, int y) const { return same_value(*e_[0].result, *e_[k].result, l, y); }

std::string Comparison::delta_text(size_t k, Line l, int y) const {
  if (same(k, l, y)) return "0";
  std::string s;
  bool positive = false;
  if (cmoney(l)) {
    const Cents d = delta_cents(k, l, y);
    positive = d > 0;
    s = cdef(l).unit == Unit::EuroPerLeerling && d % 100 != 0 ? format_euro_cents(d) : format_euro(d);
  } else {
    const double d = delta_real(k, l, y);
    if (std::isnan(d)) return "n.v.t.";
    positive = d > 0;
    s = cdef(l).unit == Unit::Fractie ? format_number(d * 100.0, 1) + "%-pt" : format_number(d, 1);
  }
  return positive ? "+" + s : s;
}

Comparison report_comparison(const std::vector<ScenarioRun>& runs) {
  std::vector<CompareEntry> e;
  for (const auto& r : runs) e.push_back({r.scenario, r.result, r.scenario->files.empty() ? r.scenario->name : r.scenario->files.front()});
  CompareOptions o;
  o.all = true;
  o.lines = comparison_lines();
  return Comparison(std::move(e), o);
}

namespace {

/// `lead` then `text` wrapped at 99 columns, continuation lines under the text's start.
std::string labelled(const std::string& lead, const std::string& text) {
  const std::string body = wrap_text(text, 99 - lead.size());
  std::string out;
  size_t start = 0;
  for (size_t p = body.find('\n'); p != std::string::npos; start = p + 1, p = body.find('\n', start))
    out += (start == 0 ? lead : std::string(lead.size(), ' ')) + body.substr(start, p - start) + "\n";
  return out;
}

/// Value cell in Dutch notation (as in `begroting run`).
std::string value_text(const Result& r, Line l, int year) { return cell_text(r, l, r.horizon.index(year)); }

nlohmann::json json_value(const Result& r, Line l, int year) {
  if (cmoney(l)) return cents_to_euros(cents_at(r, l, year));
  const double v = real_at(r, l, year);
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json json_delta(const Comparison& c, size_t k, Line l, int year) {
  if (cmoney(l)) return cents_to_euros(c.delta_cents(k, l, year));
  const double v = c.delta_real(k, l, year);
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

std::string csv_value(const Result& r, Line l, int year, const CsvDialect& d) {
  if (cmoney(l)) {
    std::string s = cents_plain(cents_at(r, l, year));
    if (d.decimal != '.') std::replace(s.begin(), s.end(), '.', d.decimal);
    return s;
  }
  return csv_real(real_at(r, l, year), cdef(l).unit, d);
}

std::string csv_delta(const Comparison& c, size_t k, Line l, int year, const CsvDialect& d) {
  if (cmoney(l)) {
    std::string s = cents_plain(c.delta_cents(k, l, year));
    if (d.decimal != '.') std::replace(s.begin(), s.end(), '.', d.decimal);
    return s;
  }
  return csv_real(c.delta_real(k, l, year), cdef(l).unit, d);
}

}  // namespace

std::string render_compare_table(const std::vector<CompareEntry>& entries, const CompareOptions& o) {
  const Comparison c(entries, o);
  const auto& e = c.entries();  // aligned on one model: a line only one scenario declares exists in all
  const Horizon years = c.years();
  constexpr size_t kLabel = 22, kCol = 12;
  std::string out = "Vergelijking van scenario's " + std::to_string(years.first) + "-" + std::to_string(years.last) +
                    " (bedragen in euro's; verschil ten opzichte van A)\n";
  for (size_t k = 0; k < e.size(); ++k) {
    // Wrapped at 99 columns: a variant's title and a long file chain stay within 100 (issue 12.2).
    out += labelled("  " + scenario_key(k) + "  ", scenario_title(*e[k].scenario));
    out += labelled("     bestanden: ", chain_text(*e[k].scenario));
  }
  out += "\n";
  std::string head = pad_right("", kLabel);
  for (int y = years.first; y <= years.last; ++y) head += pad_left(std::to_string(y), kCol);
  const std::string rule(kLabel + kCol * static_cast<size_t>(years.size()), '-');
  const auto& lines = c.lines();
  out += head + "\n" + rule + "\n";
  if (lines.empty()) out += "Geen verschillen" + std::string(o.all ? "" : " (--all toont alle regels)") + ".\n";
  for (Line l : lines) {
    out += cdef(l).label + "  [" + cdef(l).id + "]\n";
    for (size_t k = 0; k < e.size(); ++k) {
      std::string row = pad_right("  " + scenario_key(k), kLabel);
      for (int y = years.first; y <= years.last; ++y) row += pad_left(value_text(*e[k].result, l, y), kCol);
      out += row + "\n";
    }
    for (size_t k = 1; k < e.size(); ++k) {
      std::string row = pad_right("  " + scenario_key(k) + " - A", kLabel);
      for (int y = years.first; y <= years.last; ++y) row += pad_left(c.delta_text(k, l, y), kCol);
      out += row + "\n";
    }
  }
  out += rule + "\n\nEIGEN VERMOGEN OP 31-12\n" + head + "\n";
  for (size_t k = 0; k < e.size(); ++k) {
    std::string row = pad_right("  " + scenario_key(k), kLabel);
    for (int y = years.first; y <= years.last; ++y) row += pad_left(value_text(*e[k].result, Line::eigen_vermogen, y), kCol);
    out += row + "\n";
  }
  out += "\nEerste jaar dat het eigen vermogen lager is dan (elk scenario tegen zijn eigen maatstaven)\n";
  out += pad_right("", kLabel) + pad_left("de signaleringswaarde", 24) + pad_left("het niveau weerstandsvermogen", 32) +
         pad_left("nul", 8) + "\n";
  for (size_t k = 0; k < e.size(); ++k) {
    const auto& ys = c.yardsticks(k);
    out += pad_right("  " + scenario_key(k), kLabel) + pad_left(year_or_never(ys.onder_signaleringswaarde), 24) +
           pad_left(year_or_never(ys.onder_niveau), 32) + pad_left(year_or_never(ys.onder_nul), 8) + "\n";
  }
  out += "Onder de signaleringswaarde is niet meer mogelijk bovenmatig (geen risico); onder het niveau\n"
         "weerstandsvermogen en onder nul zijn risico's.\n";
  // What the weerstandsvermogen % is, as `run` says it (issue 12.7).
  out += "\n" + wrap_text(kWeerstandsvermogenPctDefinitie + std::string("."), 99, "  ");
  bool any = false;
  for (const auto& x : e) any = any || !x.result->findings.empty();
  if (any) {
    out += "\nSIGNALEN\n";
    for (size_t k = 0; k < e.size(); ++k)
      for (const auto& f : e[k].result->findings)
        if (f.year >= years.first && f.year <= years.last)
          out += wrap_text("  " + scenario_key(k) + " " + std::to_string(f.year) + ": " + f.message, 99, "          ");
  }
  return out;
}

std::string render_compare_json(const std::vector<CompareEntry>& entries, const CompareOptions& o) {
  const Comparison c(entries, o);
  const auto& e = c.entries();  // aligned on one model: a line only one scenario declares exists in all
  const Horizon years = c.years();
  nlohmann::ordered_json j;
  auto sc = nlohmann::ordered_json::array();
  for (size_t k = 0; k < e.size(); ++k) {
    nlohmann::ordered_json x;
    x["key"] = scenario_key(k);
    x["name"] = e[k].scenario->name;
    x["source"] = e[k].source;
    x["files"] = e[k].scenario->files;
    x["herkomst"] = {{"bestanden", e[k].scenario->files}, {"set", e[k].scenario->overrides}, {"variant", is_variant(*e[k].scenario)}};
    sc.push_back(x);
  }
  j["scenarios"] = sc;
  // What a kengetal means, next to its figure, as in `run --format json` (issue 12.7)
  j["definities"] = {{"kengetallen.weerstandsvermogen_pct", kWeerstandsvermogenPctDefinitie}};
  auto ys = nlohmann::json::array();
  for (int y = years.first; y <= years.last; ++y) ys.push_back(y);
  j["years"] = ys;
  j["all_lines"] = o.all;
  auto lines = nlohmann::ordered_json::array();
  for (Line l : c.lines()) {
    nlohmann::ordered_json x;
    x["id"] = cdef(l).id;
    x["label"] = cdef(l).label;
    x["unit"] = std::string(unit_name(cdef(l).unit));
    nlohmann::ordered_json values = nlohmann::ordered_json::object(), deltas = nlohmann::ordered_json::object();
    for (size_t k = 0; k < e.size(); ++k) {
      auto v = nlohmann::json::array(), d = nlohmann::json::array();
      for (int y = years.first; y <= years.last; ++y) {
        v.push_back(json_value(*e[k].result, l, y));
        d.push_back(json_delta(c, k, l, y));
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
    const auto& yk = c.yardsticks(k);
    auto opt = [](const std::optional<int>& y) { return y ? nlohmann::json(*y) : nlohmann::json(nullptr); };
    x["eerste_jaar_onder_signaleringswaarde"] = opt(yk.onder_signaleringswaarde);
    x["eerste_jaar_onder_niveau_weerstandsvermogen"] = opt(yk.onder_niveau);
    x["eerste_jaar_onder_nul"] = opt(yk.onder_nul);
    auto f = nlohmann::json::array();
    for (const auto& s : r.findings)
      f.push_back({{"year", s.year}, {"kind", finding_id(s.kind)}, {"aard", finding_aard_text(finding_aard(s.kind))},
                   {"message", s.message}});
    x["findings"] = f;
    ev.push_back(x);
  }
  j["eigen_vermogen"] = ev;
  return j.dump(2) + "\n";
}

std::string render_compare_csv(const std::vector<CompareEntry>& entries, const CompareOptions& o) {
  const Comparison c(entries, o);
  const auto& e = c.entries();  // aligned on one model: a line only one scenario declares exists in all
  const Horizon years = c.years();
  const CsvDialect& d = o.csv;
  const std::string sep(1, d.separator);
  std::string out = d.dutch ? "\xEF\xBB\xBF" : "";
  out += "id" + (d.dutch ? sep + "omschrijving" : "") + sep + "scenario" + sep + "soort";
  for (int y = years.first; y <= years.last; ++y) out += sep + std::to_string(y);
  out += "\n";
  auto lead = [&](const std::string& id, const std::string& label, size_t k, const char* soort) {
    return csv_text(id, d) + (d.dutch ? sep + csv_text(label, d) : "") + sep + csv_text(e[k].source, d) + sep + soort;
  };
  // Provenance (issue 12.2): per scenario its title (a variant says so), file chain and --set.
  for (size_t k = 0; k < e.size(); ++k) {
    out += lead("herkomst.scenario", "Scenario", k, "herkomst") + sep + csv_text(scenario_title(*e[k].scenario), d) + "\n";
    out += lead("herkomst.bestanden", "Scenariobestanden", k, "herkomst") + sep + csv_text(chain_text(*e[k].scenario), d) + "\n";
    out += lead("herkomst.set", "Overschreven met --set", k, "herkomst") + sep + csv_text(overrides_text(*e[k].scenario), d) + "\n";
  }
  // What the weerstandsvermogen % is, as in `run --format csv` (issue 12.7): one row, for every
  // scenario (its scenario cell is empty).
  out += "definitie.kengetallen.weerstandsvermogen_pct" + (d.dutch ? sep + csv_text("Definitie weerstandsvermogen %", d) : "") + sep +
         sep + "definitie" + sep + csv_text(kWeerstandsvermogenPctDefinitie, d) + "\n";
  for (Line l : c.lines()) {
    const std::string id(def(l).id), label(def(l).label);
    for (size_t k = 0; k < e.size(); ++k) {
      out += lead(id, label, k, "waarde");
      for (int y = years.first; y <= years.last; ++y) out += sep + csv_value(*e[k].result, l, y, d);
      out += "\n";
    }
    for (size_t k = 1; k < e.size(); ++k) {
      out += lead(id, label, k, "verschil_met_A");
      for (int y = years.first; y <= years.last; ++y) out += sep + csv_delta(c, k, l, y, d);
      out += "\n";
    }
  }
  // The engine's signals (the one list, issue 12.3): per kind any scenario raised, per scenario
  // 1 in the years the engine raised it.
  std::vector<Finding::Kind> kinds;
  for (const auto& x : e)
    for (const auto& f : x.result->findings)
      if (std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end()) kinds.push_back(f.kind);
  std::sort(kinds.begin(), kinds.end(), [](auto a, auto b) { return finding_rank(a) < finding_rank(b); });
  for (auto kind : kinds)
    for (size_t k = 0; k < e.size(); ++k) {
      out += lead("signaal." + std::string(finding_id(kind)),
                  std::string(finding_label(kind)) + " (" + std::string(finding_aard_text(finding_aard(kind))) + ")", k, "signaal");
      for (int y = years.first; y <= years.last; ++y) {
        bool raised = false;
        for (const auto& f : e[k].result->findings) raised = raised || (f.year == y && f.kind == kind);
        out += sep + (raised ? "1" : "0");
      }
      out += "\n";
    }
  return out;
}

}  // namespace begroting
