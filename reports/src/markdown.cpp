// Markdown for the written report to the algemene vergadering. First what an AV member reads in
// two minutes (issue 14.1): the provenance (scenario chain, --set, variant), the summary
// sentences and the summary table, and for a scenario with onzekerheden the risk answers
// (issue 14.2). With several scenarios the comparison comes first (issue 14.5). Then per
// scenario the meerjarenbegroting in the plan's layout and the kengetallen with the engine's
// signals. Dutch notation throughout.
#include <cmath>

#include "begroting/compare.hpp"
#include "begroting/reports.hpp"

namespace begroting {

namespace {
std::string esc(const std::string& s) {
  std::string o;
  for (char ch : s) {
    if (ch == '|' || ch == '*' || ch == '_' || ch == '\\' || ch == '`') o += '\\';
    o += ch;
  }
  return o;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string o;
  for (const auto& x : v) o += (o.empty() ? "" : sep) + x;
  return o;
}

void header_row(std::string& out, const std::string& first, const std::vector<int>& years) {
  out += "| " + first + " |";
  for (int y : years) out += " " + std::to_string(y) + " |";
  out += "\n|---|";
  for (size_t k = 0; k < years.size(); ++k) out += "---:|";
  out += "\n";
}
std::vector<int> years_of(const Horizon& h) {
  std::vector<int> v;
  for (int y = h.first; y <= h.last; ++y) v.push_back(y);
  return v;
}

void text_table(std::string& out, const TextTable& t, const std::string& first) {
  header_row(out, first, t.years);
  for (const auto& r : t.rows) {
    out += "| " + esc(r.label) + " |";
    for (const auto& c : r.cells) out += " " + esc(c) + " |";
    out += "\n";
  }
  out += "\n";
}

void provenance_md(std::string& out, const Scenario& s) {
  for (const auto& [k, v] : provenance_rows(s)) out += "- " + k + ": " + (k == "Scenariobestanden" ? "`" + v + "`" : esc(v)) + "\n";
}

void summary_md(std::string& out, const Result& r, const std::string& level) {
  const Summary sm = summarize(r);
  out += level + "# Samenvatting\n\n";
  for (const auto& z : sm.zinnen) out += esc(z) + " ";
  out += "\n\n";
  out += "- Eerste jaar onder het niveau weerstandsvermogen (risico): **" + year_or_never(sm.eerste_onder_niveau) + "**\n";
  out += "- Eerste jaar onder nul (risico): **" + year_or_never(sm.eerste_onder_nul) + "**\n";
  out += "- Eerste jaar niet meer mogelijk bovenmatig (eigen vermogen niet boven de signaleringswaarde): **" +
         year_or_never(sm.eerste_niet_bovenmatig) + "**\n\n";
  text_table(out, summary_table(r), "bedragen in euro's");
}

void risk_md(std::string& out, const RiskView& v, const std::string& level) {
  out += level + "# Risico's en weerstandsvermogen\n\n";
  out += esc(ratio_verdict(v)) + "\n\n";
  text_table(out, risk_answer_table(v), "bedragen in euro's");
  for (const auto& n : risk_notes(v)) out += "- " + esc(n) + "\n";
  out += "\n";
  if (!v.eigen_vermogen.empty()) {
    out += "Eigen vermogen op 31-12 over de paden (percentielen) tegen het plan:\n\n";
    std::vector<int> ys;
    for (const auto& y : v.years) ys.push_back(y.year);
    header_row(out, "", ys);
    out += "| plan (scenario zonder onzekerheid) |";
    for (const auto& y : v.years) out += " " + format_euro(y.plan) + " |";
    out += "\n";
    for (const auto& p : v.eigen_vermogen) {
      out += "| P" + format_number(p.p * 100, 0) + " |";
      for (Cents c : p.values) out += " " + format_euro(c) + " |";
      out += "\n";
    }
    out += "\n";
  }
  if (!v.tornado.empty()) {
    out += "Gevoeligheid: eigen vermogen op 31-12-" + std::to_string(v.years.empty() ? 0 : v.years.back().year) +
           " als een onzekerheid laag of hoog uitvalt (plan: € " + format_euro(v.tornado_base) + ")\n\n";
    out += "| Onzekerheid | laag | effect | hoog | effect |\n|---|---:|---:|---:|---:|\n";
    auto signed_euro = [](Cents c) { return (c > 0 ? "+" : "") + format_euro(c); };
    for (const auto& b : v.tornado)
      out += "| " + esc(b.label) + " | " + esc(b.low_text) + " | " + signed_euro(b.low - v.tornado_base) + " | " + esc(b.high_text) +
             " | " + signed_euro(b.high - v.tornado_base) + " |\n";
    out += "\n";
  }
}

void scenario_md(std::string& out, const Result& r, const std::string& level) {
  const Horizon& h = r.horizon;
  out += level + "# Meerjarenbegroting " + std::to_string(h.first) + "-" + std::to_string(h.last) + " (bedragen in euro's)\n\n";
  header_row(out, "", years_of(h));
  for (const auto& row : plan_layout(r)) {
    if (row.kind == LayoutRow::Kind::Blank) continue;
    std::string pad;
    for (int k = 0; k < row.indent; ++k) pad += "&nbsp;&nbsp;";
    if (row.kind == LayoutRow::Kind::Section) {
      out += "| " + pad + "**" + esc(row.text) + "** |";
      for (int i = 0; i < r.n(); ++i) out += " |";
      out += "\n";
      continue;
    }
    const std::string label = esc(r.m().line(row.line).label);
    out += "| " + pad + (row.emphasis ? "**" + label + "**" : label) + " |";
    for (int i = 0; i < r.n(); ++i) {
      const std::string v = cell_text(r, row.line, i);
      out += " " + (row.emphasis ? "**" + v + "**" : v) + " |";
    }
    out += "\n";
  }
  out += "\n" + level + "# Kengetallen en signalen\n\n";
  out += "| Jaar | Eigen vermogen | Signaleringswaarde | Niveau weerstandsvermogen | Rentabiliteit (doel 0%) | "
         "Weerstandsvermogen % " + std::string(kWeerstandsvermogenPctKort) + " | Signalen |\n";
  out += "|---|---:|---:|---:|---:|---:|---|\n";
  for (int i = 0; i < r.n(); ++i) {
    const int y = h.first + i;
    const auto sig = signals_in(r, y);
    out += "| " + std::to_string(y) + " | " + format_euro(r.c(Line::eigen_vermogen, i)) + " | " +
           format_euro(r.c(Line::signaleringswaarde, i)) + " | " + format_euro(r.c(Line::weerstandsvermogen_niveau, i)) +
           " | " + format_percent(r.r(Line::rentabiliteit, i), 1) + " | " +
           format_percent(r.r(Line::weerstandsvermogen_pct, i), 1) + " | " + (sig.empty() ? "geen" : esc(join(sig, "; "))) +
           " |\n";
  }
  if (!r.findings.empty()) {
    out += "\nSignalen van de rekenkern, per jaar:\n\n";
    for (const auto& f : r.findings) out += "- " + std::to_string(f.year) + ": " + esc(f.message) + "\n";
  }
  out += "\nEigen vermogen boven de signaleringswaarde van de Inspectie is *mogelijk bovenmatig*: een vraag van de "
         "Inspectie, geen risico. Onder het gewenste niveau van het weerstandsvermogen of onder nul is een risico: de "
         "buffer is te klein.\n\n";
}

void comparison_md(std::string& out, const std::vector<ScenarioRun>& runs) {
  const Comparison c = report_comparison(runs);
  const std::vector<int> ys = years_of(c.years());
  out += "## Vergelijking met " + esc(scenario_title(*runs[0].scenario)) + "\n\n";
  out += "Verschillen ten opzichte van het eerste scenario, met teken (+ = hoger).\n\n";
  header_row(out, "Regel en scenario", ys);
  for (Line l : c.lines()) {
    out += "| **" + esc(c.entries()[0].result->m().line(l).label) + "** |";
    for (size_t i = 0; i < ys.size(); ++i) out += " |";
    out += "\n";
    for (size_t k = 0; k < runs.size(); ++k) {
      const Result& r = *runs[k].result;
      out += "| &nbsp;&nbsp;" + esc(scenario_title(*runs[k].scenario)) + " |";
      for (int y : ys) out += " " + format_euro(r.c(l, r.horizon.index(y))) + " |";
      out += "\n";
      if (k == 0) continue;
      out += "| &nbsp;&nbsp;verschil " + esc(runs[k].scenario->name) + " |";
      for (int y : ys) out += " " + c.delta_text(k, l, y) + " |";
      out += "\n";
    }
  }
  out += "\nElk scenario tegen zijn eigen maatstaven (eerste jaar dat het eigen vermogen lager is dan):\n\n";
  out += "| Scenario | signaleringswaarde (niet meer mogelijk bovenmatig) | niveau weerstandsvermogen (risico) | nul (risico) |\n";
  out += "|---|---:|---:|---:|\n";
  for (size_t k = 0; k < runs.size(); ++k) {
    const auto& y = c.yardsticks(k);
    out += "| " + esc(scenario_title(*runs[k].scenario)) + " | " + year_or_never(y.onder_signaleringswaarde) + " | " +
           year_or_never(y.onder_niveau) + " | " + year_or_never(y.onder_nul) + " |\n";
  }
  out += "\n";
}
}  // namespace

std::string render_markdown(const std::vector<ScenarioRun>& runs, const ReportOptions& o) {
  std::string out;
  const bool many = runs.size() > 1;
  const Horizon& h = runs[0].result->horizon;
  const std::string span = std::to_string(h.first) + "-" + std::to_string(h.last);
  if (many) {
    out += "# Meerjarenbegroting " + span + ": vergelijking van " + std::to_string(runs.size()) + " scenario's\n\n";
    out += "Datum van de run: " + o.run_date + "\n\n";
    for (size_t k = 0; k < runs.size(); ++k) {
      out += "**" + esc(scenario_title(*runs[k].scenario)) + "**\n\n";
      provenance_md(out, *runs[k].scenario);
      out += "\n";
    }
    comparison_md(out, runs);
  }
  for (size_t k = 0; k < runs.size(); ++k) {
    const Scenario& s = *runs[k].scenario;
    const std::string level = many ? "##" : "#";
    if (many) out += "## " + esc(scenario_title(s)) + "\n\n";
    else out += "# Meerjarenbegroting " + span + ": " + esc(scenario_title(s)) + "\n\n";
    if (!s.description.empty()) out += esc(s.description) + "\n\n";
    if (!many) {
      provenance_md(out, s);
      out += "- Datum van de run: " + o.run_date + "\n\n";
    }
    summary_md(out, *runs[k].result, level);
    if (k == 0 && o.risk) risk_md(out, *o.risk, level);
    scenario_md(out, *runs[k].result, level);
  }
  return out;
}

}  // namespace begroting
