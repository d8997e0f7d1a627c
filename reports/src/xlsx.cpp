// Excel workbook (libxlsxwriter): per scenario a sheet in the plan's layout (hfst 12) where every
// subtotal and total, the resultaat, the eigen vermogen, the weerstandsvermogen and the part above
// the signaleringswaarde are real Excel formulas over the cells above them, each stored with its
// cached value (the engine's figure), so Excel shows the engine's numbers before recalculating and
// the same numbers after. Dutch labels, euro number formats, frozen headings. A sheet
// "Kengetallen" (references into the scenario sheets) and, for several scenarios, a sheet
// "Vergelijking" with differences against the first scenario.
//
// Assembled in memory (render_xlsx), then written like every other output (write_atomically):
// the same checks, Dutch messages and exit code 2 on failure, fsync before the rename.
#include <xlsxwriter.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include <sys/stat.h>
#include <sys/mman.h>
#include <unistd.h>

#include "begroting/reports.hpp"
#include "begroting/weerstandsratio.hpp"

namespace begroting {

namespace {

std::string col_name(int col) {  // 0 -> A
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}
std::string cell(int row, int col) { return col_name(col) + std::to_string(row + 1); }

std::string sheet_ref(const std::string& sheet) {
  std::string q = "'";
  for (char ch : sheet) q += ch == '\'' ? std::string("''") : std::string(1, ch);
  return q + "'!";
}

// Excel sheet names: at most 31 characters, none of []:*?/\, unique.
std::string sheet_name(const std::string& wanted, std::set<std::string>& used) {
  std::string base;
  for (char ch : wanted) base += std::strchr("[]:*?/\\", ch) ? '-' : ch;
  if (base.empty()) base = "Scenario";
  auto cut = [](std::string s, size_t n) {
    if (s.size() <= n) return s;
    s.resize(n);
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // no split UTF-8
    if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
    return s;
  };
  std::string name = cut(base, 31);
  for (int k = 2; used.count(name); ++k) name = cut(base, 31 - 4) + " (" + std::to_string(k) + ")";
  used.insert(name);
  return name;
}

double euros(Cents c) { return static_cast<double>(c) / 100.0; }

struct Formats {
  lxw_format *title, *meta, *head, *head_left, *section, *label, *label_bold;
  lxw_format *euro, *euro_bold, *euro_cents, *pct, *pct_fine, *count, *text, *sig_risico, *sig_vraag;
  // Labels of the plan's layout by indent level (Excel's own indent, not leading spaces).
  lxw_format *section_at[4], *label_at[4], *label_bold_at[4];
};

Formats make_formats(lxw_workbook* wb) {
  const char* kEuro = "[$\xE2\x82\xAC-413] #,##0;[$\xE2\x82\xAC-413] -#,##0";
  const char* kEuroCents = "[$\xE2\x82\xAC-413] #,##0.00;[$\xE2\x82\xAC-413] -#,##0.00";
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.meta = workbook_add_format(wb);
  format_set_font_color(f.meta, 0x616E7C);
  f.head = workbook_add_format(wb);
  format_set_bold(f.head);
  format_set_align(f.head, LXW_ALIGN_RIGHT);
  format_set_bottom(f.head, LXW_BORDER_MEDIUM);
  f.head_left = workbook_add_format(wb);
  format_set_bold(f.head_left);
  format_set_bottom(f.head_left, LXW_BORDER_MEDIUM);
  f.section = workbook_add_format(wb);
  format_set_bold(f.section);
  f.label = workbook_add_format(wb);
  f.label_bold = workbook_add_format(wb);
  format_set_bold(f.label_bold);
  format_set_top(f.label_bold, LXW_BORDER_THIN);
  f.euro = workbook_add_format(wb);
  format_set_num_format(f.euro, kEuro);
  f.euro_bold = workbook_add_format(wb);
  format_set_num_format(f.euro_bold, kEuro);
  format_set_bold(f.euro_bold);
  format_set_top(f.euro_bold, LXW_BORDER_THIN);
  f.euro_cents = workbook_add_format(wb);
  format_set_num_format(f.euro_cents, kEuroCents);
  f.pct = workbook_add_format(wb);
  format_set_num_format(f.pct, "0.0%");
  f.pct_fine = workbook_add_format(wb);
  format_set_num_format(f.pct_fine, "0.000%");
  f.sig_risico = workbook_add_format(wb);
  format_set_bg_color(f.sig_risico, 0xF9D6D5);
  format_set_font_color(f.sig_risico, 0xB42318);
  f.sig_vraag = workbook_add_format(wb);
  format_set_bg_color(f.sig_vraag, 0xFDEBD0);
  f.count = workbook_add_format(wb);
  format_set_num_format(f.count, "#,##0.0");
  f.text = workbook_add_format(wb);
  for (int k = 0; k < 4; ++k) {
    f.section_at[k] = workbook_add_format(wb);
    format_set_bold(f.section_at[k]);
    f.label_at[k] = workbook_add_format(wb);
    f.label_bold_at[k] = workbook_add_format(wb);
    format_set_bold(f.label_bold_at[k]);
    format_set_top(f.label_bold_at[k], LXW_BORDER_THIN);
    for (lxw_format* x : {f.section_at[k], f.label_at[k], f.label_bold_at[k]}) format_set_indent(x, static_cast<uint8_t>(k));
  }
  return f;
}

void check(lxw_error e, const std::string& what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error("xlsx: " + what + ": " + lxw_strerror(e));
}

// Where each line of a scenario sheet sits (row), for formulas and cross-sheet references.
using RowOf = std::map<Line, int>;

constexpr int kHeadRow = 5;  // the year heading; rows above: title and provenance
constexpr int kHeadRowConst = kHeadRow;

// Where the drivers of the reserves, the signaleringswaarde and the kengetallen sit on the
// scenario's Invoer sheet (absolute references: 'Invoer'!$B$4 for a single value, a row for
// values per year in the same column as the scenario sheet's year).
struct InvoerRefs {
  std::string opening;          ///< reserves.eigen_vermogen_begin
  std::string laatste_jaar;     ///< reserves.bestemmingsreserve_laatste_jaar
  int niveau = -1, pct = -1, minimum = -1, mva = -1;  ///< rows (0-based) of the per-year drivers
  std::string sheet;            ///< quoted sheet reference with '!'
  [[nodiscard]] std::string year_cell(int r, int col) const { return sheet + "$" + col_name(col) + "$" + std::to_string(r + 1); }
};

// Money formulas are rounded to the cent where the engine rounds (and around sums, so a
// recalculated 2028 weerstandsvermogen is 600000, never 599999.999999999).
std::string round2(const std::string& e) { return "ROUND(" + e + ",2)"; }

// The formula of a line in a year column, or "" when the cell is a plain value. Each rule cites
// the engine rule it mirrors (engine/src/rules/...).
std::string formula_for(const Scenario& s, const Result& r, Line l, int col, int i, const RowOf& row, const InvoerRefs& inv) {
  auto at = [&](Line x) { return cell(row.at(x), col); };
  auto has = [&](Line x) { return row.count(x) > 0; };
  const Model& m = r.m();
  const ModelLine& d = m.line(l);
  if (d.kind == LineKind::Formula && d.formula) {
    // A driver formula of the model as an Excel formula: lines on the sheet are cells,
    // parameters their value in the year; rounded to the cent as the engine does. vorig() and
    // groei() differ in the first year: those lines keep their values.
    for (const auto& n : d.formula->nodes)
      if (n.op == FormulaNode::Op::Vorig || n.op == FormulaNode::Op::Groei) return "";
    bool ok = true;
    FormulaStyle st;
    st.excel = true;
    st.name = [&](const std::string& name, bool) -> std::string {
      const int li = m.find(name);
      if (li >= 0) {
        if (!has(static_cast<Line>(li))) ok = false;
        else return at(static_cast<Line>(li));
        return "0";
      }
      const int y = r.horizon.first + i;
      const auto it = s.params.find(name);
      if (it == s.params.end()) { ok = false; return "0"; }
      auto jt = it->second.by_year.find(y);
      if (jt == it->second.by_year.end()) jt = it->second.by_year.find(0);
      if (jt == it->second.by_year.end()) { ok = false; return "0"; }
      return fmt::format("{}", jt->second);
    };
    const std::string body = render_formula(*d.formula, st);
    if (!ok) return "";
    return d.money() ? "=ROUND(" + body + ",2)" : "=" + body;
  }
  if (d.kind == LineKind::Subtotal) {
    // Children in sheet order; consecutive rows of the same sign become one range.
    std::vector<std::pair<int, int>> kids;  // (row, sign)
    for (const auto& [child, total] : m.sum_edges())
      if (total == static_cast<int>(l)) {
        if (!has(static_cast<Line>(child))) return "";  // a child not on the sheet: keep the value
        kids.emplace_back(row.at(static_cast<Line>(child)), 1);
      }
    if (kids.empty()) return "";
    std::sort(kids.begin(), kids.end());
    std::vector<std::string> plus;
    std::string minus;
    for (size_t k = 0; k < kids.size();) {
      size_t e = k;
      while (e + 1 < kids.size() && kids[e + 1].first == kids[e].first + 1 && kids[e + 1].second == kids[k].second) ++e;
      const std::string ref = e == k ? cell(kids[k].first, col) : cell(kids[k].first, col) + ":" + cell(kids[e].first, col);
      if (kids[k].second > 0) plus.push_back(ref);
      else minus += "-SUM(" + ref + ")";
      k = e + 1;
    }
    std::string f = "SUM(";
    for (size_t k = 0; k < plus.size(); ++k) f += (k ? "," : "") + plus[k];
    return "=" + round2(f + ")" + minus);  // rules/totals.cpp: exact sums in cents
  }
  const bool all = has(Line::baten_totaal) && has(Line::lasten_totaal) && has(Line::resultaat) && has(Line::eigen_vermogen) &&
                   has(Line::bestemmingsreserve) && has(Line::weerstandsvermogen_niveau) && has(Line::signaleringswaarde);
  if (!all) return "";
  switch (l) {
    case Line::resultaat:  // rules/reserves.cpp: totale baten - totale lasten
      return "=" + round2(at(Line::baten_totaal) + "-" + at(Line::lasten_totaal));
    case Line::eigen_vermogen:  // rules/reserves.cpp: previous year (or the opening balance on Invoer) + resultaat
      return "=" + round2((i == 0 ? inv.opening : cell(row.at(Line::eigen_vermogen), col - 1)) + "+" + at(Line::resultaat));
    case Line::weerstandsvermogen_niveau:  // rules/reserves.cpp: the scenario's niveau per year
      return "=" + inv.year_cell(inv.niveau, col);
    case Line::bestemmingsreserve:  // rules/reserves.cpp: max(0, ev - niveau) up to its last year, then 0
      return "=IF(" + cell(kHeadRowConst, col) + "<=" + inv.laatste_jaar + ",MAX(0," + round2(at(Line::eigen_vermogen) + "-" +
             at(Line::weerstandsvermogen_niveau)) + "),0)";
    case Line::weerstandsvermogen:  // rules/reserves.cpp: eigen vermogen - bestemmingsreserve
      return "=" + round2(at(Line::eigen_vermogen) + "-" + at(Line::bestemmingsreserve));
    case Line::signaleringswaarde:  // rules/signaleringswaarde.cpp: max(pct x baten rounded once to the cent, minimum)
      return "=MAX(ROUND(" + inv.year_cell(inv.pct, col) + "*" + at(Line::baten_totaal) + ",2)," + inv.year_cell(inv.minimum, col) + ")";
    case Line::boven_signaleringswaarde:  // rules/signaleringswaarde.cpp: max(0, ev - signaleringswaarde)
      return "=MAX(0," + round2(at(Line::eigen_vermogen) + "-" + at(Line::signaleringswaarde)) + ")";
    default: return "";
  }
}

// Formulas of the kengetallen (rules/kengetallen.cpp), "" for other non-money lines.
std::string ratio_formula(Line l, int col, const RowOf& row, const InvoerRefs& inv) {
  auto at = [&](Line x) { return cell(row.at(x), col); };
  if (l == Line::rentabiliteit && row.count(Line::resultaat) && row.count(Line::baten_totaal))
    return "=" + at(Line::resultaat) + "/" + at(Line::baten_totaal);
  if (l == Line::weerstandsvermogen_pct && row.count(Line::eigen_vermogen) && row.count(Line::rijksbijdragen_totaal))
    return "=(" + at(Line::eigen_vermogen) + "-" + inv.year_cell(inv.mva, col) + ")/" + at(Line::rijksbijdragen_totaal);
  return "";
}


// Print setup shared by every sheet: A4 landscape, one page wide, the heading rows repeated.
void print_setup(lxw_worksheet* ws, int repeat_last_row) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  if (repeat_last_row >= 0) worksheet_repeat_rows(ws, 0, static_cast<lxw_row_t>(repeat_last_row));
}

// The Invoer sheet of a scenario: the drivers of the reserves, the signaleringswaarde and the
// kengetallen, each with its unit and source (plan paragraph and where the value came from).
InvoerRefs invoer_sheet(lxw_workbook* wb, const Formats& f, const std::string& name, const Scenario& s, const Result& r) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw std::runtime_error("xlsx: kan werkblad '" + name + "' niet maken");
  const int n = r.n();
  worksheet_set_column(ws, 0, 0, 46, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 14, nullptr);
  worksheet_set_column(ws, static_cast<lxw_col_t>(n + 1), static_cast<lxw_col_t>(n + 2), 40, nullptr);
  worksheet_write_string(ws, 0, 0, ("Invoer: " + scenario_title(s)).c_str(), f.title);
  worksheet_write_string(ws, 1, 0, "Wijzig een waarde hier: de scenariobladen rekenen de reserves, de signaleringswaarde en de kengetallen opnieuw.", f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Invoer", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, kHeadRow, static_cast<lxw_col_t>(i + 1), r.horizon.first + i, f.head);
  worksheet_write_string(ws, kHeadRow, static_cast<lxw_col_t>(n + 1), "Eenheid", f.head_left);
  worksheet_write_string(ws, kHeadRow, static_cast<lxw_col_t>(n + 2), "Bron", f.head_left);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);
  print_setup(ws, kHeadRow);
  InvoerRefs inv;
  inv.sheet = sheet_ref(name);
  int R = kHeadRow + 1;
  auto meta = [&](const std::string& path, int year) {
    const ParamSpec* spec = find_spec(path);
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(n + 1), spec ? std::string(unit_name(spec->unit)).c_str() : "", f.text);
    std::string bron = spec ? spec->reference : "";
    try {
      bron += "; " + s.provenance(path, year).describe();
    } catch (const std::exception&) {
    }
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(n + 2), bron.c_str(), f.text);
  };
  auto single = [&](const std::string& path, const char* label, lxw_format* fm) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, label, f.label);
    worksheet_write_number(ws, static_cast<lxw_row_t>(R), 1, s.value(path), fm);
    meta(path, 0);
    const std::string ref = inv.sheet + "$B$" + std::to_string(R + 1);
    ++R;
    return ref;
  };
  auto per_year = [&](const std::string& path, const char* label, lxw_format* fm) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, label, f.label);
    for (int i = 0; i < n; ++i)
      worksheet_write_number(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), s.value(path, r.horizon.first + i), fm);
    meta(path, r.horizon.first);
    return R++;
  };
  inv.opening = single("reserves.eigen_vermogen_begin", "Eigen vermogen 31-12 voor het eerste jaar", f.euro_cents);
  inv.laatste_jaar = single("reserves.bestemmingsreserve_laatste_jaar", "Laatste jaar bestemmingsreserve", f.text);
  inv.niveau = per_year("reserves.weerstandsvermogen_niveau", "Gewenst niveau weerstandsvermogen", f.euro_cents);
  inv.pct = per_year("signaleringswaarde.percentage_baten", "Signaleringswaarde: deel van de totale baten", f.pct_fine);
  inv.minimum = per_year("signaleringswaarde.minimum", "Signaleringswaarde: minimum", f.euro_cents);
  inv.mva = per_year("reserves.materiele_vaste_activa", "Materiële vaste activa 31-12", f.euro_cents);
  return inv;
}

RowOf scenario_sheet(lxw_workbook* wb, const Formats& f, const std::string& name, const Scenario& s, const Result& r,
                     const ReportOptions& o, const InvoerRefs& inv) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw std::runtime_error("xlsx: kan werkblad '" + name + "' niet maken");
  const int n = r.n();
  worksheet_set_column(ws, 0, 0, 46, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 15, nullptr);
  worksheet_write_string(ws, 0, 0, scenario_title(s).c_str(), f.title);
  const std::string sub = "Meerjarenbegroting " + std::to_string(r.horizon.first) + "-" + std::to_string(r.horizon.last) +
                          " in de opmaak van hoofdstuk 12 van het ondersteuningsplan (bedragen in euro's)";
  worksheet_write_string(ws, 1, 0, sub.c_str(), f.meta);
  worksheet_write_string(ws, 2, 0, ("Scenariobestanden: " + chain_text(s)).c_str(), f.meta);
  worksheet_write_string(ws, 3, 0, ("Datum van de run: " + o.run_date).c_str(), f.meta);
  worksheet_write_string(ws, 4, 0, ("Overschreven met --set: " + overrides_text(s) + (is_variant(s) ? " (VARIANT)" : "")).c_str(), f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Omschrijving", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, kHeadRow, static_cast<lxw_col_t>(i + 1), r.horizon.first + i, f.head);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);

  // First pass: rows of the lines; second pass: cells (formulas refer to rows below, too).
  RowOf row;
  int rr = kHeadRow + 1;
  const auto layout = plan_layout(r);
  for (const auto& lr : layout) {
    if (lr.kind == LayoutRow::Kind::Line) row[lr.line] = rr;
    ++rr;
  }
  print_setup(ws, kHeadRow);
  rr = kHeadRow + 1;
  for (const auto& lr : layout) {
    const auto R = static_cast<lxw_row_t>(rr++);
    const int ind = std::clamp(lr.indent, 0, 3);
    if (lr.kind == LayoutRow::Kind::Blank) continue;
    if (lr.kind == LayoutRow::Kind::Section) {
      worksheet_write_string(ws, R, 0, lr.text.c_str(), f.section_at[ind]);
      continue;
    }
    const ModelLine& d = r.m().line(lr.line);
    worksheet_write_string(ws, R, 0, d.label.c_str(), lr.emphasis ? f.label_bold_at[ind] : f.label_at[ind]);
    for (int i = 0; i < n; ++i) {
      const auto C = static_cast<lxw_col_t>(i + 1);
      if (!d.money()) {
        const double v = r.r(lr.line, i);
        if (!std::isfinite(v)) { worksheet_write_string(ws, R, C, "n.v.t.", f.text); continue; }
        const std::string fx = ratio_formula(lr.line, static_cast<int>(C), row, inv);
        if (fx.empty()) check(worksheet_write_number(ws, R, C, v, d.unit == Unit::Fractie ? f.pct : f.count), d.label.data());
        else check(worksheet_write_formula_num(ws, R, C, fx.c_str(), f.pct, v), d.label.data());
        continue;
      }
      lxw_format* fmt_ = d.unit == Unit::EuroPerLeerling ? f.euro_cents : lr.emphasis ? f.euro_bold : f.euro;
      const std::string fx = formula_for(s, r, lr.line, static_cast<int>(C), i, row, inv);
      if (fx.empty()) check(worksheet_write_number(ws, R, C, euros(r.c(lr.line, i)), fmt_), std::string(d.label));
      else check(worksheet_write_formula_num(ws, R, C, fx.c_str(), fmt_, euros(r.c(lr.line, i))), std::string(d.label));
    }
  }
  return row;
}

void kengetallen_sheet(lxw_workbook* wb, const Formats& f, const std::vector<ScenarioRun>& runs, const std::vector<std::string>& names,
                       const std::vector<RowOf>& rows, const ReportOptions& o) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Kengetallen");
  const Result& r0 = *runs[0].result;
  const int n = r0.n();
  worksheet_set_column(ws, 0, 0, 46, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 22, nullptr);
  worksheet_write_string(ws, 0, 0, "Kengetallen en signalen", f.title);
  worksheet_write_string(ws, 1, 0,
                         "Boven de signaleringswaarde: mogelijk bovenmatig (vraag van de Inspectie, geen risico); onder het niveau "
                         "weerstandsvermogen of onder nul: risico (buffer te klein). Signalen: die van de rekenkern.", f.meta);
  worksheet_write_string(ws, 3, 0, ("Datum van de run: " + o.run_date).c_str(), f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Kengetal", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, kHeadRow, static_cast<lxw_col_t>(i + 1), r0.horizon.first + i, f.head);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);
  int R = kHeadRow + 1;
  for (size_t k = 0; k < runs.size(); ++k) {
    const Result& r = *runs[k].result;
    const RowOf& row = rows[k];
    const std::string ref = sheet_ref(names[k]);
    worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, runs[k].scenario->name.c_str(), f.section);
    auto money_ref = [&](Line l, const char* label) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, (std::string("   ") + label).c_str(), f.label);
      for (int i = 0; i < n; ++i)
        check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1),
                                          ("=" + ref + cell(row.at(l), i + 1)).c_str(), f.euro, euros(r.c(l, i))),
              label);
      ++R;
    };
    money_ref(Line::eigen_vermogen, "Eigen vermogen op 31-12");
    money_ref(Line::signaleringswaarde, "Signaleringswaarde Inspectie");
    money_ref(Line::weerstandsvermogen_niveau, "Gewenst niveau weerstandsvermogen");
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "   Rentabiliteit (doel 0%)", f.label);
    for (int i = 0; i < n; ++i) {
      const double v = r.r(Line::rentabiliteit, i);
      const std::string fx = "=" + ref + cell(row.at(Line::resultaat), i + 1) + "/" + ref + cell(row.at(Line::baten_totaal), i + 1);
      if (std::isfinite(v)) check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), fx.c_str(), f.pct, v), "rentabiliteit");
      else worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), "n.v.t.", f.text);
    }
    ++R;
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "   Weerstandsvermogen % ((eigen vermogen - mva) / rijksbijdragen)", f.label);
    for (int i = 0; i < n; ++i) {
      const double v = r.r(Line::weerstandsvermogen_pct, i);
      const std::string fx = "=" + ref + cell(row.at(Line::weerstandsvermogen_pct), i + 1);
      if (std::isfinite(v)) check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), fx.c_str(), f.pct, v), "wv%");
      else worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), "n.v.t.", f.text);
    }
    ++R;
    // The eigen vermogen signals as a formula over the three rows above (the same rule as
    // rules/reserves.cpp and rules/signaleringswaarde.cpp), cached with the engine's own signal.
    const int ev_row = R - 5, sw_row = R - 4, niv_row = R - 3;
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "   Signaal eigen vermogen", f.label);
    for (int i = 0; i < n; ++i) {
      const std::string ev = cell(ev_row, i + 1), sw = cell(sw_row, i + 1), niv = cell(niv_row, i + 1);
      const std::string fx = "=IF(" + ev + "<0,\"risico: onder nul\",IF(" + ev + "<" + niv + ",\"risico: onder niveau weerstandsvermogen\",IF(" +
                             ev + ">" + sw + ",\"mogelijk bovenmatig (vraag Inspectie)\",\"geen\")))";
      std::string cached = "geen";
      for (const auto& x : r.findings)
        if (x.year == r.horizon.first + i) {
          if (x.kind == Finding::Kind::NegatiefEigenVermogen) cached = "risico: onder nul";
          else if (x.kind == Finding::Kind::OnderWeerstandsvermogen) cached = "risico: onder niveau weerstandsvermogen";
          else if (x.kind == Finding::Kind::BovenSignaleringswaarde) cached = "mogelijk bovenmatig (vraag Inspectie)";
        }
      check(worksheet_write_formula_str(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), fx.c_str(), f.text, cached.c_str()), "signaal");
    }
    lxw_conditional_format risico{}, vraag{};
    risico.type = LXW_CONDITIONAL_TYPE_TEXT;
    risico.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH;
    risico.value_string = const_cast<char*>("risico");
    risico.format = f.sig_risico;
    vraag.type = LXW_CONDITIONAL_TYPE_TEXT;
    vraag.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING;
    vraag.value_string = const_cast<char*>("bovenmatig");
    vraag.format = f.sig_vraag;
    worksheet_conditional_format_range(ws, static_cast<lxw_row_t>(R), 1, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(n), &risico);
    worksheet_conditional_format_range(ws, static_cast<lxw_row_t>(R), 1, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(n), &vraag);
    ++R;
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "   Signalen (alle, van de rekenkern)", f.label);
    for (int i = 0; i < n; ++i) {
      const auto sig = signals_in(r, r.horizon.first + i);  // the engine's signals only
      std::string t;
      for (const auto& x : sig) t += (t.empty() ? "" : "; ") + x;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), t.empty() ? "geen" : t.c_str(), f.text);
    }
    R += 2;
  }
  print_setup(ws, kHeadRow);
}

// The first sheet: what an AV member reads in two minutes (issue 14.1), with the key rows as
// formulas into the scenario sheet and native Excel charts of eigen vermogen and resultaat.
void samenvatting_sheet(lxw_workbook* wb, lxw_worksheet* ws, const Formats& f, const ScenarioRun& run, const std::string& name,
                        const RowOf& row, const ReportOptions& o) {
  const Scenario& s = *run.scenario;
  const Result& r = *run.result;
  const int n = r.n();
  worksheet_set_column(ws, 0, 0, 52, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 15, nullptr);
  worksheet_write_string(ws, 0, 0, ("Samenvatting: " + scenario_title(s)).c_str(), f.title);
  int R = 1;
  for (const auto& [k, v] : provenance_rows(s)) worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, (k + ": " + v).c_str(), f.meta);
  worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, ("Datum van de run: " + o.run_date).c_str(), f.meta);
  const Summary sm = summarize(r);
  ++R;
  for (const auto& z : sm.zinnen) worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, z.c_str(), f.text);
  worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, ("Eerste jaar onder het niveau weerstandsvermogen (risico): " + year_or_never(sm.eerste_onder_niveau)).c_str(), f.label_bold);
  worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, ("Eerste jaar onder nul (risico): " + year_or_never(sm.eerste_onder_nul)).c_str(), f.label_bold);
  worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, ("Eerste jaar niet meer mogelijk bovenmatig: " + year_or_never(sm.eerste_niet_bovenmatig)).c_str(), f.label_bold);
  ++R;
  const int head = R;
  worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "bedragen in euro's", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), r.horizon.first + i, f.head);
  ++R;
  const std::string ref = sheet_ref(name);
  const int first_data = R;
  for (auto [l, label] : {std::pair{Line::eigen_vermogen, "Eigen vermogen op 31-12"},
                          std::pair{Line::signaleringswaarde, "Signaleringswaarde Inspectie (boven: mogelijk bovenmatig)"},
                          std::pair{Line::weerstandsvermogen_niveau, "Niveau weerstandsvermogen (onder: risico)"},
                          std::pair{Line::resultaat, "Resultaat (baten - lasten)"}}) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, label, f.label);
    for (int i = 0; i < n; ++i)
      check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1),
                                        ("=" + ref + cell(row.at(l), i + 1)).c_str(), f.euro, euros(r.c(l, i))),
            label);
    ++R;
  }
  print_setup(ws, -1);
  // Native charts: eigen vermogen against its yardsticks (lines), resultaat per year (columns).
  const std::string me = sheet_ref("Samenvatting");
  const std::string years = "=" + me + "$B$" + std::to_string(head + 1) + ":$" + col_name(n) + "$" + std::to_string(head + 1);
  auto range = [&](int rr) { return "=" + me + "$B$" + std::to_string(rr + 1) + ":$" + col_name(n) + "$" + std::to_string(rr + 1); };
  lxw_chart* ev = workbook_add_chart(wb, LXW_CHART_LINE);
  const char* names[] = {"Eigen vermogen op 31-12", "Signaleringswaarde", "Niveau weerstandsvermogen"};
  const uint32_t colors[] = {0x1C5D99, 0xD68910, 0xC0392B};
  for (int k = 0; k < 3; ++k) {
    lxw_chart_series* se = chart_add_series(ev, years.c_str(), range(first_data + k).c_str());
    chart_series_set_name(se, names[k]);
    lxw_chart_line line{};
    line.color = colors[k];
    line.width = k == 0 ? 2.5 : 1.5;
    line.dash_type = k == 0 ? LXW_CHART_LINE_DASH_SOLID : LXW_CHART_LINE_DASH_DASH;
    chart_series_set_line(se, &line);
    if (k == 0) chart_series_set_labels(se);
  }
  chart_title_set_name(ev, "Eigen vermogen tegen niveau en signaleringswaarde");
  chart_legend_set_position(ev, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart(ws, static_cast<lxw_row_t>(R + 1), 0, ev);
  lxw_chart* res = workbook_add_chart(wb, LXW_CHART_COLUMN);
  lxw_chart_series* se = chart_add_series(res, years.c_str(), range(first_data + 3).c_str());
  chart_series_set_name(se, "Resultaat");
  lxw_chart_fill fill{};
  fill.color = 0xC0392B;
  chart_series_set_fill(se, &fill);
  chart_series_set_labels(se);
  chart_title_set_name(res, "Resultaat per jaar");
  chart_legend_set_position(res, LXW_CHART_LEGEND_NONE);
  worksheet_insert_chart(ws, static_cast<lxw_row_t>(R + 17), 0, res);
}

// The risk answers (issue 14.2) with the weerstandsratio as a formula over the cells above it.
void risico_sheet(lxw_worksheet* ws, const Formats& f, const RiskView& v) {
  const int n = static_cast<int>(v.years.size());
  worksheet_set_column(ws, 0, 0, 60, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 15, nullptr);
  worksheet_write_string(ws, 0, 0, "Risico's en weerstandsvermogen", f.title);
  worksheet_write_string(ws, 1, 0, ratio_verdict(v).c_str(), f.label_bold);
  int R = 3;
  worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "bedragen in euro's", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), v.years[static_cast<size_t>(i)].year, f.head);
  ++R;
  auto money = [&](const std::string& label, auto get) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, label.c_str(), f.label);
    for (int i = 0; i < n; ++i) worksheet_write_number(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), euros(get(v.years[static_cast<size_t>(i)])), f.euro);
    return R++;
  };
  money("Eigen vermogen 31-12 volgens plan", [](const RiskView::Year& y) { return y.plan; });
  const int avail = money("Beschikbaar weerstandsvermogen (plan)", [](const RiskView::Year& y) { return y.beschikbaar; });
  int need[3];
  for (size_t c = 0; c < 3; ++c)
    need[c] = money("Benodigd weerstandsvermogen bij " + std::to_string(RiskView::kCertainties[c]) + "% zekerheid",
                    [c](const RiskView::Year& y) { return y.benodigd[c]; });
  const int c = static_cast<int>(v.zekerheid);
  worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, ("Weerstandsratio bij " + std::to_string(RiskView::kCertainties[v.zekerheid]) + "% zekerheid").c_str(), f.label);
  worksheet_write_string(ws, static_cast<lxw_row_t>(R + 1), 0, "Klasse (A vanaf 2,0; B 1,4; C 1,0; D 0,8; E 0,6; F lager)", f.label);
  for (int i = 0; i < n; ++i) {
    const auto& y = v.years[static_cast<size_t>(i)];
    const std::string a = cell(avail, i + 1), b = cell(need[c], i + 1);
    const Weerstandsratio w = weerstandsratio(y.beschikbaar, y.benodigd[v.zekerheid]);
    if (std::isfinite(w.ratio))
      check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), ("=" + a + "/" + b).c_str(), f.count, w.ratio), "ratio");
    else
      worksheet_write_formula_str(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), ("=IF(" + b + "<=0,\"geen buffer nodig\"," + a + "/" + b + ")").c_str(), f.text, "geen buffer nodig");
    const std::string k = "=IF(" + b + "<=0,IF(" + a + ">=0,\"A\",\"F\"),IF(" + a + ">=2*" + b + ",\"A\",IF(" + a + ">=1.4*" + b + ",\"B\",IF(" + a +
                          ">=" + b + ",\"C\",IF(" + a + ">=0.8*" + b + ",\"D\",IF(" + a + ">=0.6*" + b + ",\"E\",\"F\"))))))";
    check(worksheet_write_formula_str(ws, static_cast<lxw_row_t>(R + 1), static_cast<lxw_col_t>(i + 1), k.c_str(), f.text, std::string(1, w.klasse).c_str()), "klasse");
  }
  R += 2;
  auto pct = [&](const std::string& label, auto get) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, label.c_str(), f.label);
    for (int i = 0; i < n; ++i) worksheet_write_number(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), get(v.years[static_cast<size_t>(i)]), f.pct);
    ++R;
  };
  pct("Risico: kans eigen vermogen onder nul", [](const RiskView::Year& y) { return y.p_onder_nul; });
  pct("Risico: kans onder niveau weerstandsvermogen", [](const RiskView::Year& y) { return y.p_onder_niveau; });
  pct("Geen risico: kans niet meer boven de signaleringswaarde", [](const RiskView::Year& y) { return y.p_onder_signaleringswaarde; });
  ++R;
  for (const auto& t : risk_notes(v)) worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, t.c_str(), f.meta);
  ++R;
  if (!v.tornado.empty()) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, "Gevoeligheid: eigen vermogen laatste jaar als een onzekerheid laag of hoog uitvalt", f.section);
    const char* heads[] = {"Onzekerheid", "laag", "effect laag", "hoog", "effect hoog"};
    for (int k = 0; k < 5; ++k) worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(k), heads[k], k ? f.head : f.head_left);
    ++R;
    for (const auto& b : v.tornado) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, b.label.c_str(), f.label);
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 1, b.low_text.c_str(), f.text);
      worksheet_write_number(ws, static_cast<lxw_row_t>(R), 2, euros(b.low - v.tornado_base), f.euro);
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 3, b.high_text.c_str(), f.text);
      worksheet_write_number(ws, static_cast<lxw_row_t>(R), 4, euros(b.high - v.tornado_base), f.euro);
      ++R;
    }
  }
  print_setup(ws, 3);
}

void comparison_sheet(lxw_workbook* wb, const Formats& f, const std::vector<ScenarioRun>& runs, const std::vector<std::string>& names,
                      const std::vector<RowOf>& rows) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Vergelijking");
  const Result& base = *runs[0].result;
  const int n = base.n();
  worksheet_set_column(ws, 0, 0, 52, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 15, nullptr);
  worksheet_write_string(ws, 0, 0, ("Vergelijking met " + runs[0].scenario->name).c_str(), f.title);
  worksheet_write_string(ws, 1, 0, "Per regel de scenario's en hun verschil met het eerste (formules naar de scenariobladen).", f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Regel en scenario", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, kHeadRow, static_cast<lxw_col_t>(i + 1), base.horizon.first + i, f.head);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);
  int R = kHeadRow + 1;
  for (Line l : comparison_lines()) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, base.m().line(l).label.c_str(), f.section);
    const int base_row = R;
    for (size_t k = 0; k < runs.size(); ++k) {
      const Result& r = *runs[k].result;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, ("   " + runs[k].scenario->name).c_str(), f.label);
      for (int i = 0; i < n; ++i)
        check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1),
                                          ("=" + sheet_ref(names[k]) + cell(rows[k].at(l), i + 1)).c_str(), f.euro, euros(r.c(l, i))),
              "vergelijking");
      const int this_row = R++;
      if (k == 0) continue;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, ("      verschil " + runs[k].scenario->name).c_str(), f.label_bold);
      for (int i = 0; i < n; ++i)
        check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1),
                                          ("=" + cell(this_row, i + 1) + "-" + cell(base_row, i + 1)).c_str(), f.euro_bold,
                                          euros(sub_checked(r.c(l, i), base.c(l, i)))),
              "verschil");
      ++R;
    }
    ++R;
  }
}

time_t date_to_time(const std::string& ymd) {
  std::tm tm{};
  if (ymd.size() != 10 || std::sscanf(ymd.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_hour = 12;
  return timegm(&tm);
}

}  // namespace

std::string render_xlsx(const std::vector<ScenarioRun>& runs, const ReportOptions& o) {
  namespace fs = std::filesystem;
  if (runs.empty()) throw std::runtime_error("xlsx: geen scenario");
  // libxlsxwriter (1.1.4) writes only to a file name: it gets an anonymous in-memory file
  // (memfd) through /proc/self/fd, so nothing is left on disk whatever happens, and the bytes
  // are then written like every other output (write_atomically: the same checks, messages,
  // fsync and rename). Its own scratch files are tmpfile()s, also anonymous.
  const int mem = ::memfd_create("begroting-xlsx", MFD_CLOEXEC);
  if (mem < 0)
    throw OutputError(std::string("xlsx: kan het werkboek niet in het geheugen samenstellen (") + std::strerror(errno) + ")");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{mem};
  const std::string tmp = "/proc/self/fd/" + std::to_string(mem);

  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) throw OutputError("xlsx: kan het werkboek niet maken (geen geheugen of geen /proc?)");
  std::string title = "Meerjarenbegroting " + runs[0].scenario->name;
  lxw_doc_properties props{};
  props.title = title.data();
  props.created = date_to_time(o.run_date);  // the run date, not the clock: same input, same file content
  workbook_set_properties(wb, &props);
  try {
    const Formats f = make_formats(wb);
    std::set<std::string> used{"Samenvatting", "Risico", "Kengetallen", "Vergelijking"};
    std::vector<std::string> names;
    std::vector<RowOf> rows;
    // Sheet order: Samenvatting, Risico, then per scenario its plan sheet and its Invoer sheet;
    // the Samenvatting refers to the first scenario's sheet, so it is filled after that one.
    lxw_worksheet* samenvatting = workbook_add_worksheet(wb, "Samenvatting");
    lxw_worksheet* risico = o.risk && !o.risk->years.empty() ? workbook_add_worksheet(wb, "Risico") : nullptr;
    for (const auto& run : runs) {
      // The scenario's name, or when that is too long for Excel (31) the name of its file.
      const std::string& nm = run.scenario->name;
      const std::string stem = run.scenario->files.empty() ? "" : fs::path(run.scenario->files.front()).stem().string();
      names.push_back(sheet_name(nm.size() <= 31 || stem.empty() ? nm : stem, used));
      const std::string invoer = sheet_name("Invoer " + names.back(), used);
      // The Invoer sheet is written first (its rows are referenced), then the plan sheet.
      const InvoerRefs inv = invoer_sheet(wb, f, invoer, *run.scenario, *run.result);
      rows.push_back(scenario_sheet(wb, f, names.back(), *run.scenario, *run.result, o, inv));
    }
    samenvatting_sheet(wb, samenvatting, f, runs[0], names[0], rows[0], o);
    if (risico) risico_sheet(risico, f, *o.risk);
    kengetallen_sheet(wb, f, runs, names, rows, o);
    if (runs.size() > 1) comparison_sheet(wb, f, runs, names, rows);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  const lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR)
    throw OutputError("xlsx: kan het werkboek niet samenstellen (foutcode " + std::to_string(static_cast<int>(e)) +
                      " van libxlsxwriter); verwacht ruimte in het geheugen en in de tijdelijke map (TMPDIR of /tmp)");
  std::string bytes;
  char buf[1 << 16];
  for (off_t at = 0;;) {
    const ssize_t n = ::pread(mem, buf, sizeof buf, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw OutputError(std::string("xlsx: kan het werkboek niet lezen (") + std::strerror(errno) + ")");
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
    at += n;
  }
  if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0) throw OutputError("xlsx: het werkboek is leeg of onvolledig");
  return bytes;
}

void write_xlsx(const std::vector<ScenarioRun>& runs, const ReportOptions& o, const std::string& path) {
  write_atomically(path, render_xlsx(runs, o));
}

}  // namespace begroting
