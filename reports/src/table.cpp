// Terminal table in the plan's layout, Dutch notation, fits 100 columns for five years.
#include <fmt/format.h>

#include <algorithm>

#include "begroting/reports.hpp"

namespace begroting {

std::string cell_text(const Result& r, Line l, int i) {
  switch (r.m().line(l).unit) {
    case Unit::Euro: return format_euro(r.c(l, i));
    case Unit::EuroPerLeerling: return r.c(l, i) % 100 == 0 ? format_euro(r.c(l, i)) : format_euro_cents(r.c(l, i));
    case Unit::Fractie: return format_percent(r.r(l, i), 1);
    case Unit::Leerlingen:
    case Unit::Leerlingjaren: return format_number(r.r(l, i), 1);
    case Unit::Jaar: return format_number(r.r(l, i), 0);
    case Unit::Weken: return format_number(r.r(l, i), 0);
  }
  return "";
}

std::string layout_table(const std::string& title, const Result& r, const std::vector<LayoutRow>& rows) {
  const int n = r.n();
  std::vector<int> years;
  for (int i = 0; i < n; ++i) years.push_back(r.horizon.first + i);
  std::vector<YearRow> table;
  for (const auto& row : rows) {
    const std::string ind(static_cast<size_t>(row.indent) * 2, ' ');
    if (row.kind == LayoutRow::Kind::Blank) { table.push_back({"", {}}); continue; }
    if (row.kind == LayoutRow::Kind::Section) { table.push_back({ind + row.text, {}}); continue; }
    YearRow& y = table.emplace_back(YearRow{ind + r.m().line(row.line).label, {}, row.emphasis && row.indent == 0});
    for (int i = 0; i < n; ++i) y.cells.push_back(cell_text(r, row.line, i));
  }
  return title + "\n" + year_table("", years, table);
}

// Heading: the scenario (a variant says so), its file chain and every --set (issue 12.2).
std::string provenance_heading(const Scenario& s) {
  std::string head = wrap_text(scenario_title(s), 99, "  ") + wrap_text("Scenariobestanden: " + chain_text(s), 99, "  ");
  if (is_variant(s)) head += wrap_text("Overschreven met --set: " + overrides_text(s), 99, "  ");
  return head;
}

std::string render_table(const Scenario& s, const Result& r) {
  const std::string head = provenance_heading(s);
  std::string out = layout_table(head + "Meerjarenbegroting " + std::to_string(r.horizon.first) + "-" +
                                     std::to_string(r.horizon.last) + " (bedragen in euro's)",
                                 r, plan_layout(r));
  out += wrap_text(std::string("  ") + kWeerstandsvermogenPctDefinitie + ".", 99, "    ");
  if (!r.findings.empty()) {
    // The engine's one list of signals, in year order; each says whether it is a risk or a question.
    out += "\nSIGNALEN\n";
    for (const auto& f : r.findings) out += wrap_text("  " + std::to_string(f.year) + ": " + f.message, 99, "        ");
  }
  return out;
}

}  // namespace begroting
