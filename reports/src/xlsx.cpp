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
  lxw_format *euro, *euro_bold, *euro_cents, *pct, *count, *text;
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

// The formula of a line in a year column, or "" when the cell is a plain value.
std::string formula_for(const Scenario& s, const Result& r, Line l, int col, int i, const RowOf& row, Cents opening) {
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
    std::string f = "=SUM(";
    for (size_t k = 0; k < plus.size(); ++k) f += (k ? "," : "") + plus[k];
    return f + ")" + minus;
  }
  switch (l) {
    case Line::resultaat:
      if (has(Line::baten_totaal) && has(Line::lasten_totaal)) return "=" + at(Line::baten_totaal) + "-" + at(Line::lasten_totaal);
      return "";
    case Line::eigen_vermogen:
      // Eigen vermogen 31-12 = that of the year before + resultaat (hfst 12); the first year
      // starts from the opening balance (reserves.eigen_vermogen_begin) written as a number.
      if (!has(Line::resultaat)) return "";
      return i == 0 ? "=" + cents_plain(opening) + "+" + at(Line::resultaat)
                    : "=" + cell(row.at(Line::eigen_vermogen), col - 1) + "+" + at(Line::resultaat);
    case Line::weerstandsvermogen:
      if (has(Line::eigen_vermogen) && has(Line::bestemmingsreserve))
        return "=" + at(Line::eigen_vermogen) + "-" + at(Line::bestemmingsreserve);
      return "";
    case Line::boven_signaleringswaarde:
      if (has(Line::eigen_vermogen) && has(Line::signaleringswaarde))
        return "=MAX(0," + at(Line::eigen_vermogen) + "-" + at(Line::signaleringswaarde) + ")";
      return "";
    default: return "";
  }
}

constexpr int kHeadRow = 5;  // the year heading; rows above: title and provenance

RowOf scenario_sheet(lxw_workbook* wb, const Formats& f, const std::string& name, const Scenario& s, const Result& r,
                     const ReportOptions& o) {
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
  const Cents opening = static_cast<Cents>(std::llround(s.value("reserves.eigen_vermogen_begin") * 100));
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
        check(worksheet_write_number(ws, R, C, v, d.unit == Unit::Fractie ? f.pct : f.count), d.label.data());
        continue;
      }
      lxw_format* fmt_ = d.unit == Unit::EuroPerLeerling ? f.euro_cents : lr.emphasis ? f.euro_bold : f.euro;
      const std::string fx = formula_for(s, r, lr.line, static_cast<int>(C), i, row, opening);
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
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "   Weerstandsvermogen %", f.label);
    for (int i = 0; i < n; ++i) {
      const double v = r.r(Line::weerstandsvermogen_pct, i);
      if (std::isfinite(v)) worksheet_write_number(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), v, f.pct);
      else worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), "n.v.t.", f.text);
    }
    ++R;
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "   Signalen", f.label);
    for (int i = 0; i < n; ++i) {
      const auto sig = signals_in(r, r.horizon.first + i);  // the engine's signals only
      std::string t;
      for (const auto& x : sig) t += (t.empty() ? "" : "; ") + x;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), t.empty() ? "geen" : t.c_str(), f.text);
    }
    R += 2;
  }
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
    std::set<std::string> used{"Kengetallen", "Vergelijking"};
    std::vector<std::string> names;
    std::vector<RowOf> rows;
    for (const auto& run : runs) {
      // The scenario's name, or when that is too long for Excel (31) the name of its file.
      const std::string& nm = run.scenario->name;
      const std::string stem = run.scenario->files.empty() ? "" : fs::path(run.scenario->files.front()).stem().string();
      names.push_back(sheet_name(nm.size() <= 31 || stem.empty() ? nm : stem, used));
      rows.push_back(scenario_sheet(wb, f, names.back(), *run.scenario, *run.result, o));
    }
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
