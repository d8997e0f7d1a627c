// `begroting explain` output: reads the engine's Trace and the Scenario's provenance; computes
// nothing new.
#include "begroting/explain.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

#include "begroting/reports.hpp"
#include "json_value.hpp"

namespace begroting {

namespace {

/// A number with up to `decimals` decimals, trailing zeros dropped: 115; 21.594,771; 0,04.
std::string trimmed(double v, int decimals) {
  std::string s = format_number(v, decimals);
  if (s.find(',') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == ',') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string value_text(double v, Unit u) {
  switch (u) {
    case Unit::Euro: return format_euro_cents(static_cast<Cents>(std::llround(v * 100.0))) + " EUR";
    case Unit::EuroPerLeerling: return format_euro_cents(static_cast<Cents>(std::llround(v * 100.0))) + " EUR per leerling";
    case Unit::Leerlingen: return trimmed(v, 6) + " leerlingen";
    case Unit::Leerlingjaren: return trimmed(v, 6) + " leerlingjaren";
    case Unit::Fractie: return std::isfinite(v) ? trimmed(v, 6) + " (= " + trimmed(v * 100.0, 4) + "%)" : "n.v.t.";
    case Unit::Jaar: return trimmed(v, 0);
    case Unit::Weken: return trimmed(v, 6) + " weken";
  }
  return trimmed(v, 6);
}

/// A model file's own parameter ("swv.uurtarief", declared "EUR per uur"): its declared unit;
/// null for a built-in parameter or a line.
const ParamSpec* declared_unit(const Scenario& s, const TraceTerm& x) {
  if (x.param.empty()) return nullptr;
  const ParamSpec* p = s.reg().find(x.param);
  return p && !p->unit_text.empty() ? p : nullptr;
}

/// A term's value with its unit: the declared unit for a model's own parameter (kept in euros
/// when it is money), else the built-in unit.
std::string term_value_text(const Scenario& s, const TraceTerm& x) {
  const ParamSpec* p = declared_unit(s, x);
  if (!p) return value_text(x.value, x.unit);
  if (is_money_unit(p->unit)) return format_euro_cents(static_cast<Cents>(std::llround(x.value * 100.0))) + " " + p->unit_text;
  return trimmed(x.value, 6) + " " + p->unit_text;
}

std::string source_text(const Scenario& s, const std::string& path, int year) {
  const Provenance& p = s.provenance(path, year);
  return p.kind == Provenance::Kind::Default ? "standaardwaarde uit het schema" : p.describe();
}

/// The plan reference of a parameter, from the scenario's registry (registry.hpp).
std::string plan_reference(const Scenario& s, const std::string& path) {
  const ParamSpec* spec = s.reg().find(path);
  return spec ? spec->reference : "";
}

size_t width(const std::string& s) {
  size_t w = 0;
  for (unsigned char ch : s) w += (ch & 0xC0) != 0x80;  // display width: UTF-8 lead bytes
  return w;
}

const TraceEntry* entry_of(const Trace& t, int line, int year) {
  auto it = t.entries.find({line, year});
  return it == t.entries.end() ? nullptr : &it->second;
}

/// "  formule:   text" within 99 columns, a longer text continuing under its own start.
std::string labelled(const std::string& lead, const std::string& text) {
  const size_t w = width(lead);
  const std::string body = wrap_text(text, w + 40 < 99 ? 99 - w : 40);
  std::string out;
  size_t start = 0;
  for (size_t p = body.find('\n'); p != std::string::npos; start = p + 1, p = body.find('\n', start))
    out += (start == 0 ? lead : std::string(w, ' ')) + body.substr(start, p - start) + "\n";
  return out;
}

struct TableWriter {
  const Scenario& s;
  const Trace& t;
  int depth;
  std::string out;

  void entry(const TraceEntry& e, int level) {
    const std::string ind(static_cast<size_t>(level) * 4 + 2, ' ');
    out += labelled(ind + "formule:   ", e.formula);
    if (!e.rounding.empty()) out += labelled(ind + "afronding: ", e.rounding);
    if (e.terms.empty()) return;
    if (level >= depth) {
      out += ind + "invoer:    " + std::to_string(e.terms.size()) + " termen (--depth " + std::to_string(depth + 1) + " toont ze)\n";
      return;
    }
    out += ind + "invoer:\n";
    for (const auto& term : e.terms) this->term(term, level + 1);
  }

  void term(const TraceTerm& x, int level) {
    const std::string ind(static_cast<size_t>(level) * 4 - 2, ' ');
    const std::string sub(static_cast<size_t>(level) * 4 + 2, ' ');
    if (x.line >= 0) {
      const auto l = static_cast<Line>(x.line);
      const std::string head = ind + "- " + x.name + " " + std::to_string(x.line_year) + " = " + value_text(x.value, x.unit);
      const std::string tag = "[regel " + model_of(s).line(l).id + "]";
      // Within 100 columns: a long line id goes on a line of its own.
      if (width(head) + 2 + width(tag) <= 99) out += head + "  " + tag + "\n";
      else out += head + "\n" + sub + tag + "\n";
      const TraceEntry* e = entry_of(t, x.line, x.line_year);
      if (level < depth && e) entry(*e, level);
      else if (e && !e->terms.empty()) out += sub + "(uitleg: begroting explain " + model_of(s).line(l).id + " " + std::to_string(x.line_year) + " of --depth " + std::to_string(depth + 1) + ")\n";
      return;
    }
    out += ind + "- " + x.name + " = " + term_value_text(s, x) + "\n";
    if (!x.param.empty()) {
      const std::string year = x.param_year != 0 ? " (" + std::to_string(x.param_year) + ")" : "";
      const std::string ref = plan_reference(s, x.param);
      out += sub + "parameter " + x.param + year + (ref.empty() ? "" : "; plan: " + ref) + "\n";
      out += sub + "bron: " + source_text(s, x.param, x.param_year) + "\n";
    }
  }
};

nlohmann::ordered_json entry_json(const Scenario& s, const Trace& t, const TraceEntry& e, int level, int depth);

nlohmann::ordered_json term_json(const Scenario& s, const Trace& t, const TraceTerm& x, int level, int depth) {
  nlohmann::ordered_json j;
  j["name"] = x.name;
  j["value"] = std::isfinite(x.value) ? nlohmann::json(x.value) : nlohmann::json(nullptr);
  const ParamSpec* declared = declared_unit(s, x);
  j["unit"] = declared ? declared->unit_text : std::string(unit_name(x.unit));
  if (x.line >= 0) {
    j["line"] = model_of(s).line(x.line).id;
    j["year"] = x.line_year;
    const TraceEntry* e = entry_of(t, x.line, x.line_year);
    if (e && level < depth) j["explained"] = entry_json(s, t, *e, level, depth);
  } else if (!x.param.empty()) {
    j["param"] = x.param;
    j["param_year"] = x.param_year == 0 ? nlohmann::json(nullptr) : nlohmann::json(x.param_year);
    j["plan"] = plan_reference(s, x.param);
    j["source"] = source_text(s, x.param, x.param_year);
  }
  return j;
}

nlohmann::ordered_json entry_json(const Scenario& s, const Trace& t, const TraceEntry& e, int level, int depth) {
  nlohmann::ordered_json j;
  j["formula"] = e.formula;
  j["rounding"] = e.rounding;
  auto terms = nlohmann::ordered_json::array();
  if (level < depth)
    for (const auto& x : e.terms) terms.push_back(term_json(s, t, x, level + 1, depth));
  j["inputs"] = terms;
  return j;
}

}  // namespace

std::string render_explain_table(const Scenario& s, const Result& r, const Trace& t, Line line, int year, int depth) {
  const ModelLine& d = r.m().line(line);
  TableWriter w{s, t, depth, ""};
  w.out += "Uitleg van " + std::string(d.id) + " " + std::to_string(year) + "\n";
  // Provenance (issue 12.2): the scenario (a variant says so), its file chain and every --set.
  w.out += wrap_text("Scenario: " + scenario_title(s), 99, "  ") + wrap_text("Scenariobestanden: " + chain_text(s), 99, "  ");
  if (is_variant(s)) w.out += wrap_text("Overschreven met --set: " + overrides_text(s), 99, "  ");
  w.out += "\n";
  w.out += std::string(d.label) + " " + std::to_string(year) + " = " + value_text(r.value(line, year), d.unit) + "  (" +
           std::string(d.reference) + ")\n";
  const TraceEntry* e = entry_of(t, static_cast<int>(line), year);
  if (!e) w.out += "  (geen uitleg vastgelegd voor deze regel)\n";
  else w.entry(*e, 0);
  // Within 100 columns at any depth: a longer line continues, indented 4 more than it starts;
  // a long line id deep in the tree moves left as far as it must.
  std::string out;
  auto lines = [](const std::string& text, auto f) {
    size_t start = 0;
    for (size_t p = text.find('\n'); p != std::string::npos; start = p + 1, p = text.find('\n', start)) f(text.substr(start, p - start));
  };
  lines(w.out, [&](const std::string& l) {
    if (width(l) <= 100) {
      out += l + "\n";
      return;
    }
    lines(wrap_text(l, 99, std::string(l.find_first_not_of(' ') + 4, ' ')), [&](std::string part) {
      while (width(part) > 100 && part.front() == ' ') part.erase(0, 1);
      out += part + "\n";
    });
  });
  return out;
}

std::string render_explain_json(const Scenario& s, const Result& r, const Trace& t, Line line, int year, int depth) {
  const ModelLine& d = r.m().line(line);
  nlohmann::ordered_json j;
  j["scenario"] = s.name;
  j["files"] = s.files;
  j["herkomst"] = herkomst_json(s);
  j["line"] = std::string(d.id);
  j["label"] = std::string(d.label);
  j["year"] = year;
  const double v = r.value(line, year);
  j["value"] = std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
  j["unit"] = d.unit_text.empty() ? std::string(unit_name(d.unit)) : d.unit_text;
  j["plan"] = std::string(d.reference);
  j["depth"] = depth;
  const TraceEntry* e = entry_of(t, static_cast<int>(line), year);
  j["explained"] = e ? entry_json(s, t, *e, 0, depth) : nlohmann::ordered_json(nullptr);
  return j.dump(2) + "\n";
}

}  // namespace begroting
