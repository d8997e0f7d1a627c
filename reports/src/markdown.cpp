// Markdown for the written report to the algemene vergadering: per scenario the
// meerjarenbegroting in the plan's layout and the kengetallen with signals; with several
// scenarios a comparison against the first. Dutch notation throughout.
#include <cmath>

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

void header_row(std::string& out, const std::string& first, const Horizon& h) {
  out += "| " + first + " |";
  for (int y = h.first; y <= h.last; ++y) out += " " + std::to_string(y) + " |";
  out += "\n|---|";
  for (int y = h.first; y <= h.last; ++y) out += "---:|";
  out += "\n";
}

void scenario_md(std::string& out, const Scenario& s, const Result& r, const std::string& level) {
  const Horizon& h = r.horizon;
  out += level + "# Meerjarenbegroting " + std::to_string(h.first) + "-" + std::to_string(h.last) + " (bedragen in euro's)\n\n";
  header_row(out, "", h);
  for (const auto& row : plan_layout()) {
    if (row.kind == LayoutRow::Kind::Blank) continue;
    std::string pad;
    for (int k = 0; k < row.indent; ++k) pad += "&nbsp;&nbsp;";
    if (row.kind == LayoutRow::Kind::Section) {
      out += "| " + pad + "**" + esc(row.text) + "** |";
      for (int i = 0; i < r.n(); ++i) out += " |";
      out += "\n";
      continue;
    }
    const std::string label = esc(std::string(def(row.line).label));
    out += "| " + pad + (row.emphasis ? "**" + label + "**" : label) + " |";
    for (int i = 0; i < r.n(); ++i) {
      const std::string v = cell_text(r, row.line, i);
      out += " " + (row.emphasis ? "**" + v + "**" : v) + " |";
    }
    out += "\n";
  }
  (void)s;
  out += "\n" + level + "# Kengetallen en signalen\n\n";
  out += "| Jaar | Eigen vermogen | Signaleringswaarde | Niveau weerstandsvermogen | Rentabiliteit (doel 0%) | Weerstandsvermogen % | Signalen |\n";
  out += "|---|---:|---:|---:|---:|---:|---|\n";
  for (int i = 0; i < r.n(); ++i) {
    const int y = h.first + i;
    auto sig = signals_in(r, y);
    const std::string rs = rentabiliteit_signal(r.r(Line::rentabiliteit, i));
    if (!rs.empty()) sig.push_back(rs);
    out += "| " + std::to_string(y) + " | " + format_euro(r.c(Line::eigen_vermogen, i)) + " | " +
           format_euro(r.c(Line::signaleringswaarde, i)) + " | " + format_euro(r.c(Line::weerstandsvermogen_niveau, i)) +
           " | " + format_percent(r.r(Line::rentabiliteit, i), 1) + " | " +
           format_percent(r.r(Line::weerstandsvermogen_pct, i), 1) + " | " + (sig.empty() ? "-" : esc(join(sig, "; "))) +
           " |\n";
  }
  out += "\nEigen vermogen boven de signaleringswaarde van de Inspectie is *mogelijk bovenmatig*; onder het "
         "gewenste niveau van het weerstandsvermogen is de buffer te klein. De rentabiliteit (resultaat / totale "
         "baten) heeft als doel 0%.\n\n";
}
}  // namespace

std::string render_markdown(const std::vector<ScenarioRun>& runs, const ReportOptions& o) {
  std::string out;
  const bool many = runs.size() > 1;
  if (many) {
    out += "# Meerjarenbegroting: vergelijking van " + std::to_string(runs.size()) + " scenario's\n\n";
    out += "Datum van de run: " + o.run_date + "\n\n";
  }
  for (const auto& run : runs) {
    const Scenario& s = *run.scenario;
    out += (many ? "## " : "# ") + esc(s.name) + "\n\n";
    if (!s.description.empty()) out += esc(s.description) + "\n\n";
    out += "- Bronbestanden: ";
    std::vector<std::string> files;
    for (const auto& f : s.files) files.push_back("`" + f + "`");
    out += join(files, ", ") + "\n";
    if (!many) out += "- Datum van de run: " + o.run_date + "\n";
    out += "\n";
    scenario_md(out, s, *run.result, many ? "##" : "#");
  }
  if (many) {
    const Result& base = *runs[0].result;
    out += "## Vergelijking met " + esc(runs[0].scenario->name) + "\n\n";
    header_row(out, "Regel en scenario", base.horizon);
    for (Line l : comparison_lines()) {
      out += "| **" + esc(std::string(def(l).label)) + "** |";
      for (int i = 0; i < base.n(); ++i) out += " |";
      out += "\n";
      for (size_t k = 0; k < runs.size(); ++k) {
        const Result& r = *runs[k].result;
        out += "| &nbsp;&nbsp;" + esc(runs[k].scenario->name) + " |";
        for (int i = 0; i < r.n(); ++i) out += " " + format_euro(r.c(l, i)) + " |";
        out += "\n";
        if (k == 0) continue;
        out += "| &nbsp;&nbsp;verschil " + esc(runs[k].scenario->name) + " |";
        for (int i = 0; i < r.n(); ++i) out += " " + format_euro(sub_checked(r.c(l, i), base.c(l, i))) + " |";
        out += "\n";
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace begroting
