// `begroting solve` output: reads the SolveOutcome, computes nothing new.
#include <nlohmann/json.hpp>

#include <cmath>

#include "begroting/reports.hpp"
#include "begroting/solve_report.hpp"
#include "json_value.hpp"

namespace begroting {

namespace {

const ParamSpec* param_spec(const SolveSpec& spec) { return spec.declared ? spec.declared : find_spec(spec.param); }

Unit param_unit(const SolveSpec& spec) {
  const ParamSpec* p = param_spec(spec);
  return p ? p->unit : Unit::Euro;
}

/// " EUR per leerling", " aanvragen" (a model's declared unit); empty for a fraction.
std::string unit_suffix(const SolveSpec& spec) {
  const ParamSpec* p = param_spec(spec);
  if (!p) return " EUR";
  if (p->unit_text.empty() && p->unit == Unit::Fractie) return "";
  return " " + unit_label(*p);
}

/// A parameter value in Dutch notation to its grid step: 386,91; 0,061234; 620,5.
std::string value_text(Unit u, double v) {
  switch (u) {
    case Unit::Euro:
    case Unit::EuroPerLeerling: return format_euro_cents(static_cast<Cents>(std::llround(v * 100.0)));
    case Unit::Fractie: return format_number(v, 6) + " (" + format_percent(v, 4) + ")";
    case Unit::Leerlingen: return format_number(v, 0);
    case Unit::Leerlingjaren: return format_number(v, 3);
    case Unit::Jaar: return format_number(v, 0);
    case Unit::Weken: return format_number(v, 0);
  }
  return format_number(v, 6);
}

const ModelLine& line_def(const SolveSpec& spec, Line l) { return (spec.model ? *spec.model : *Model::builtin()).line(l); }

std::string figure_text(const SolveSpec& spec, Line l, double v) {
  if (line_def(spec, l).money()) return format_euro_cents(static_cast<Cents>(std::llround(v * 100.0)));
  if (line_def(spec, l).unit == Unit::Fractie) return format_percent(v, 4);
  return format_number(v, 3);
}

std::string op_text(SolveTarget::Op op) {
  switch (op) {
    case SolveTarget::Op::AtLeast: return ">=";
    case SolveTarget::Op::AtMost: return "<=";
    case SolveTarget::Op::Equals: return "=";
  }
  return "?";
}

std::string target_text(const SolveSpec& spec) {
  const auto& t = spec.target;
  if (t.every_year)
    return line_def(spec, t.line).id + " " + op_text(t.op) + " " + (t.other ? line_def(spec, *t.other).id : figure_text(spec, t.line, t.value)) +
           " in elk jaar " + std::to_string(t.first_year) + "-" + std::to_string(t.year);
  const std::string y = " " + std::to_string(t.year);
  return line_def(spec, t.line).id + y + " " + op_text(t.op) + " " +
         (t.other ? line_def(spec, *t.other).id + y : figure_text(spec, t.line, t.value));
}

std::string param_text(const SolveSpec& spec) {
  const std::string years = solve_years_text(spec.years);
  if (years.empty()) return spec.param;
  return spec.param + ", " + years + (spec.years.size() > 1 ? " (een waarde voor alle jaren)" : "");
}

std::string point_line(const SolveSpec& spec, const SolvePoint& p) {
  const auto& t = spec.target;
  const int year = p.year ? p.year : t.year;
  std::string s = line_def(spec, t.line).id + " " + std::to_string(year) + " = " + figure_text(spec, t.line, p.figure);
  if (t.other) s += "; " + line_def(spec, *t.other).id + " " + std::to_string(year) + " = " + figure_text(spec, *t.other, p.reference);
  if (line_def(spec, t.line).money()) {
    const Cents m = static_cast<Cents>(std::llround((p.figure - p.reference) * 100.0));
    s += " (verschil " + format_euro_cents(m) + ")";
  }
  return s;
}

nlohmann::ordered_json point_json(const SolvePoint& p) {
  nlohmann::ordered_json j;
  j["value"] = p.value;
  j["figure"] = p.figure;
  j["reference"] = p.reference;
  j["meets_target"] = p.meets;
  j["year"] = p.year;  // the year of figure and reference (with --every-year: the year that decides)
  return j;
}

}  // namespace

std::string solve_years_text(const std::vector<int>& years) {
  if (years.empty() || (years.size() == 1 && years[0] == 0)) return "";
  if (years.size() == 1) return std::to_string(years[0]);
  return std::to_string(years.front()) + "-" + std::to_string(years.back());
}

std::string render_solve_table(const Scenario& s, const SolveSpec& spec, const SolveOutcome& o) {
  const Unit u = param_unit(spec);
  const std::string unit = unit_suffix(spec);
  // Provenance (issue 12.2): the scenario (a variant says so), its file chain and every --set.
  std::string out = wrap_text("Doelzoeken in " + scenario_title(s), 99, "  ");
  out += wrap_text("Scenariobestanden: " + chain_text(s), 99, "  ");
  if (is_variant(s)) out += wrap_text("Overschreven met --set: " + overrides_text(s), 99, "  ");
  out += "Parameter: " + param_text(spec) + "\n";
  out += "Bereik:    " + value_text(u, spec.min) + " tot en met " + value_text(u, spec.max) + (unit.empty() ? "" : " (" + unit.substr(1) + ")") + "\n";
  out += "Doel:      " + target_text(spec) + "\n\n";
  out += "Antwoord:  " + value_text(u, o.answer.value) + unit + " (de " + (o.highest ? "hoogste" : "laagste") +
         " waarde die aan het doel voldoet" + (o.whole_range ? "; het hele bereik voldoet: de grens ligt erbuiten" : "") + ")\n";
  out += "  geeft    " + point_line(spec, o.answer) + "\n";
  if (o.neighbour) {
    if (spec.target.every_year) out += "  (" + std::to_string(o.answer.year) + " is het jaar dat beslist: daar is de marge het kleinst)\n";
    out += "Controle:  " + value_text(u, o.neighbour->value) + " voldoet niet:\n";
    out += "  geeft    " + point_line(spec, *o.neighbour) + "\n";
  }
  return out;
}

std::string render_solve_json(const Scenario& s, const SolveSpec& spec, const SolveOutcome& o) {
  const auto& t = spec.target;
  nlohmann::ordered_json j;
  j["scenario"] = s.name;
  j["files"] = s.files;
  j["herkomst"] = herkomst_json(s);
  j["param"] = spec.param;
  auto years = nlohmann::json::array();
  for (int y : spec.years)
    if (y != 0) years.push_back(y);
  j["years"] = years;
  j["unit"] = param_spec(spec) ? unit_label(*param_spec(spec)) : std::string(unit_name(Unit::Euro));
  j["range"] = {{"min", spec.min}, {"max", spec.max}, {"step", spec.step}};
  nlohmann::ordered_json tj;
  tj["line"] = line_def(spec, t.line).id;
  tj["year"] = t.year;
  tj["every_year"] = t.every_year;
  if (t.every_year) tj["first_year"] = t.first_year;
  tj["op"] = op_text(t.op);
  if (t.other) tj["other_line"] = line_def(spec, *t.other).id;
  else tj["value"] = t.value;
  j["target"] = tj;
  j["answer"] = point_json(o.answer);
  j["direction"] = o.highest ? "hoogste" : "laagste";
  j["whole_range"] = o.whole_range;
  j["neighbour"] = o.neighbour ? point_json(*o.neighbour) : nlohmann::ordered_json(nullptr);
  j["evaluations"] = o.evaluations;
  return j.dump(2) + "\n";
}

std::string solve_error_message(const SolveSpec& spec, const SolveError& e) {
  const Unit u = param_unit(spec);
  const std::string range = value_text(u, spec.min) + " tot en met " + value_text(u, spec.max);
  const std::string ends = "bij " + value_text(u, e.at_min.value) + ": " + point_line(spec, e.at_min) + "; bij " +
                           value_text(u, e.at_max.value) + ": " + point_line(spec, e.at_max);
  const std::string head = "begroting solve: geen antwoord voor " + target_text(spec) + " met " + param_text(spec) + " in " + range;
  switch (e.reason) {
    case SolveError::Reason::NotMet:
      return head + ": geen enkele waarde in het bereik haalt het doel (" + ends + "); verwacht een ruimer bereik (--min/--max) of een ander doel";
    case SolveError::Reason::NoCrossing:
      return head + ": het doel wordt nergens precies bereikt, elke waarde ligt erboven (" + ends + "); gebruik --at-least of een ruimer bereik";
    case SolveError::Reason::Flat:
      return head + ": " + line_def(spec, spec.target.line).id + " " +
             (spec.target.every_year ? "in " + std::to_string(spec.target.first_year) + "-" : std::string()) + std::to_string(spec.target.year) +
             " hangt niet af van deze parameter (" + ends + "); verwacht een parameter en jaar die het doel beinvloeden";
    case SolveError::Reason::NotMonotone:
      return head + ": het doel wordt in het bereik meer dan eens gehaald en weer verloren; verwacht een kleiner bereik (--min/--max) met een grens";
    case SolveError::Reason::Overflow:
      return head + ": rekenfout (" + std::string(e.what()) + ") bij een uiterste waarde; verwacht een kleiner bereik (--min/--max)";
  }
  return head;
}

}  // namespace begroting
