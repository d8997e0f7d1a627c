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
#include <optional>
#include <set>
#include <stdexcept>

#include <sys/stat.h>
#include <sys/mman.h>
#include <unistd.h>

#include "begroting/graph.hpp"
#include "begroting/inputs.hpp"
#include "begroting/registry.hpp"
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

// Excel sheet names: at most 31 characters, none of []:*?/\, unique. The rule (README): `wanted`
// with `suffix` (" VARIANT") kept whole; when too long, `wanted` is cut after the last whole word
// that fits (words end at a space, '-', '_' or '.'), only a single word longer than the room is
// cut inside it (never inside a UTF-8 character); a name already used gets " (2)", " (3)", ...
std::string sheet_name(const std::string& wanted, std::set<std::string>& used, const std::string& suffix = "") {
  std::string base;
  for (char ch : wanted) base += std::strchr("[]:*?/\\", ch) ? '-' : ch;
  if (base.empty()) base = "Scenario";
  auto fit = [](std::string s, size_t n) {
    if (s.size() <= n) return s;
    size_t cut = std::string::npos;
    for (size_t k = n; k > 0; --k)
      if (std::strchr(" -_.", s[k]) && k <= n) { cut = k; break; }
    if (cut != std::string::npos && cut > 0) {
      s.resize(cut);
    } else {
      s.resize(n);
      while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // no split UTF-8
      if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
    }
    while (!s.empty() && std::strchr(" -_.", s.back())) s.pop_back();
    return s;
  };
  std::string name = fit(base, 31 - suffix.size()) + suffix;
  for (int k = 2; used.count(name); ++k) name = fit(base, 31 - suffix.size() - 4) + suffix + " (" + std::to_string(k) + ")";
  used.insert(name);
  return name;
}

double euros(Cents c) { return static_cast<double>(c) / 100.0; }

struct Formats {
  lxw_format *title, *meta, *head, *head_left, *section, *label, *label_bold;
  lxw_format *euro, *euro_bold, *euro_cents, *pct, *pct_fine, *count, *text, *sig_risico, *sig_vraag;
  // Labels of the plan's layout by indent level (Excel's own indent, not leading spaces).
  lxw_format *section_at[4], *label_at[4], *label_bold_at[4];
  // Invoer cells (yellow: type here) and scenario-sheet values that are no formula (grey).
  lxw_format *in_euro, *in_pct, *in_count, *in_year;
  lxw_format *mark_euro, *mark_euro_cents, *mark_count, *mark_pct;
  lxw_format* label_wrap;
  lxw_format* year_left;  ///< a crossing year (or "nooit") beside its label
  lxw_format* stale;      ///< a value that is not recalculated (grey, italic, wrapped)
  lxw_format *head_wrap, *meta_wrap;
  lxw_format* euro_signed;  ///< a difference: "+€ 64.610", "-€ 1.234", "€ 0"
};

Formats make_formats(lxw_workbook* wb) {
  const char* kEuro = "[$\xE2\x82\xAC-413] #,##0;[$\xE2\x82\xAC-413] -#,##0";
  const char* kEuroCents = "[$\xE2\x82\xAC-413] #,##0.00;[$\xE2\x82\xAC-413] -#,##0.00";
  const char* kEuroSigned = "+[$\xE2\x82\xAC-413] #,##0;-[$\xE2\x82\xAC-413] #,##0;[$\xE2\x82\xAC-413] 0";
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
  auto fill = [&](const char* num, uint32_t bg, bool italic) {
    lxw_format* x = workbook_add_format(wb);
    if (num) format_set_num_format(x, num);
    format_set_bg_color(x, bg);
    if (italic) format_set_italic(x);
    if (!italic) {
      format_set_border(x, LXW_BORDER_HAIR);
      format_set_border_color(x, 0xBFBFBF);
      format_set_align(x, LXW_ALIGN_VERTICAL_TOP);  // beside the wrapped omschrijving and bron
    }
    return x;
  };
  // Input amounts without the euro sign (the Eenheid column says EUR): they fit the narrow year columns.
  f.in_euro = fill("#,##0.00", 0xFFF2CC, false);
  f.in_pct = fill("0.0##%", 0xFFF2CC, false);
  f.in_count = fill("#,##0.###", 0xFFF2CC, false);
  f.in_year = fill("0", 0xFFF2CC, false);
  f.mark_euro = fill(kEuro, 0xE7E6E6, true);
  f.mark_euro_cents = fill(kEuroCents, 0xE7E6E6, true);
  f.mark_count = fill("#,##0.0", 0xE7E6E6, true);
  f.mark_pct = fill("0.0%", 0xE7E6E6, true);
  f.label_wrap = workbook_add_format(wb);
  format_set_text_wrap(f.label_wrap);
  format_set_align(f.label_wrap, LXW_ALIGN_VERTICAL_TOP);
  f.year_left = workbook_add_format(wb);
  format_set_num_format(f.year_left, "0");
  format_set_bold(f.year_left);
  format_set_align(f.year_left, LXW_ALIGN_LEFT);
  f.euro_signed = workbook_add_format(wb);
  format_set_num_format(f.euro_signed, kEuroSigned);
  format_set_bold(f.euro_signed);
  format_set_top(f.euro_signed, LXW_BORDER_THIN);
  f.head_wrap = workbook_add_format(wb);
  format_set_bold(f.head_wrap);
  format_set_bottom(f.head_wrap, LXW_BORDER_MEDIUM);
  format_set_text_wrap(f.head_wrap);
  format_set_align(f.head_wrap, LXW_ALIGN_VERTICAL_BOTTOM);
  f.meta_wrap = workbook_add_format(wb);
  format_set_font_color(f.meta_wrap, 0x616E7C);
  format_set_text_wrap(f.meta_wrap);
  format_set_align(f.meta_wrap, LXW_ALIGN_VERTICAL_TOP);
  f.stale = workbook_add_format(wb);
  format_set_italic(f.stale);
  format_set_font_color(f.stale, 0x616E7C);
  format_set_text_wrap(f.stale);
  format_set_align(f.stale, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void check(lxw_error e, const std::string& what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error("xlsx: " + what + ": " + lxw_strerror(e));
}

// Where each line of a scenario sheet sits (row), for formulas and cross-sheet references.
using RowOf = std::map<Line, int>;

constexpr int kHeadRow = 5;  // the year heading; rows above: title and provenance

// The scenario's Invoer sheet: one row per parameter of the scenario's registry (every driver
// the rules and the model's formulas read), generated from the registry, never a hand list.
// Column B holds a single value (Shape::Single), columns C.. one calendar year each from the
// first teldatum (first begrotingsjaar - 1) to the last begrotingsjaar: a teldatum count sits
// in the column of its teldatum year, a growth in the year it grows into, a tarief in its
// begrotingsjaar. A formula on a scenario sheet reads these cells (absolute references).
struct Invoer {
  std::string sheet;   ///< quoted sheet reference with '!'
  int first_year = 0;  ///< the calendar year of column C
  struct Row {
    int row = -1;
    Shape shape = Shape::PerYear;
    bool used = false;  ///< read by a formula on the scenario sheet
  };
  std::map<std::string, Row> rows;
  [[nodiscard]] int col_of(int year) const { return 2 + (year - first_year); }
  /// The absolute reference of `path` in `year` (0 or any year for a single value); "" when
  /// the Invoer sheet has no such row.
  std::string at(const std::string& path, int year) {
    const auto it = rows.find(path);
    if (it == rows.end()) return "";
    it->second.used = true;
    const int c = it->second.shape == Shape::Single ? 1 : col_of(year);
    return sheet + "$" + col_name(c) + "$" + std::to_string(it->second.row + 1);
  }
};

// Money formulas are rounded to the cent where the engine rounds (and around sums, so a
// recalculated 2028 weerstandsvermogen is 600000, never 599999.999999999).
std::string round2(const std::string& e) { return "ROUND(" + e + ",2)"; }
// Where the engine multiplies an amount by a real factor (mul_round, round_to_cent: money.hpp)
// the formula repeats its arithmetic: the amount in whole cents (ROUND(euros*100,0), exact) times
// the factor, in binary floating point as the engine does, then rounded half away from zero on
// that double exactly as round_to_cent does (truncate, look at the remainder). Excel's and
// Calc's ROUND(x,2) round the decimal value instead and differ by a cent where the product is an
// exact half cent in decimal but not in binary (6.635 x 184,821 = 1.226.287,335).
std::string cents_of(const std::string& euros) { return "ROUND(" + euros + "*100,0)"; }
std::string round_cents(const std::string& a) {
  const std::string x = "(" + a + ")";
  return "(TRUNC(" + x + ")+(" + x + "-TRUNC(" + x + ")>=0.5)-(" + x + "-TRUNC(" + x + ")<=-0.5))/100";
}
std::string mul_cents(const std::string& euros, const std::string& factor) { return round_cents(cents_of(euros) + "*" + factor); }

// What a scenario-sheet cell gets: an Excel formula (with the engine's figure as its cached
// value), or the engine's figure as a plain value with the reason it is no formula.
struct CellPlan {
  std::string formula;  ///< "=..." or empty
  std::string reason;   ///< why a value (empty for a formula)
};

// Builds the formula of (line, year) from the evaluation graph: the node that writes the line
// last decides (a subtotal, a driver formula of the model, an amount on Invoer, or a built-in
// rule, each mirrored below with the engine's rounding). A rule without an Excel form, or one
// whose declared inputs changed since the form was written (RuleSpec lists), gives a value with
// its reason; so a new rule or line is never silently a wrong formula.
struct FormulaBuilder {
  const Scenario& s;
  const Result& r;
  const Inputs& in;
  const Graph& g;
  const Model& m;
  const RowOf& row;
  Invoer& inv;
  int col = 1;   ///< column on the scenario sheet
  int i = 0;     ///< year index
  bool ok = true;

  [[nodiscard]] int year() const { return r.horizon.first + i; }
  std::string at(Line l) {
    const auto it = row.find(l);
    if (it == row.end()) { ok = false; return "0"; }
    return cell(it->second, col);
  }
  std::string prev(Line l) {
    const auto it = row.find(l);
    if (it == row.end() || i == 0) { ok = false; return "0"; }
    return cell(it->second, col - 1);
  }
  std::string p(const std::string& path, int y) {
    std::string ref = inv.at(path, y);
    if (ref.empty()) { ok = false; return "0"; }
    return ref;
  }
  std::string p(const std::string& path) { return p(path, year()); }

  // The nodes that write `l`, in evaluation order.
  [[nodiscard]] std::vector<int> writers(int l) const {
    std::vector<int> v;
    for (size_t k = 0; k < g.nodes.size(); ++k) {
      const auto& n = g.nodes[k];
      if (std::find(n.writes.begin(), n.writes.end(), l) != n.writes.end() ||
          std::find(n.overwrites.begin(), n.overwrites.end(), l) != n.overwrites.end())
        v.push_back(static_cast<int>(k));
    }
    return v;
  }

  CellPlan plan(int l, int col_, int i_) {
    col = col_;
    i = i_;
    const auto ws = writers(l);
    if (ws.empty()) return {"", "geen rekenregel schrijft deze regel"};
    // The last writer decides; a rule that is not active in this scenario (scholen without a
    // schools file) passes to the writer before it.
    for (auto k = ws.rbegin(); k != ws.rend(); ++k) {
      ok = true;
      std::string reason;
      const auto f = node_formula(g.nodes[static_cast<size_t>(*k)], l, reason);
      if (!f) continue;  // pass
      if (!ok) return {"", "de regel leest een regel of invoer die niet in dit werkboek staat"};
      if (f->empty()) return {"", reason.empty() ? "regel " + g.nodes[static_cast<size_t>(*k)].name + " heeft geen Excel-formule" : reason};
      return {"=" + *f, ""};
    }
    return {"", "geen actieve rekenregel"};
  }

  // A built-in line slot by its id (lines.cpp), or -1: rules added later are found by id.
  static int slot_of(std::string_view id) {
    for (const auto& d : line_table())
      if (d.id == id) return static_cast<int>(d.line);
    return -1;
  }
  std::string at_id(std::string_view id) {
    const int k = slot_of(id);
    if (k < 0) { ok = false; return "0"; }
    return at(static_cast<Line>(k));
  }
  std::string at_id_col(std::string_view id, int c) {
    const int k = slot_of(id);
    const auto it = k < 0 ? row.end() : row.find(static_cast<Line>(k));
    if (it == row.end()) { ok = false; return "0"; }
    return cell(it->second, c);
  }

  // nullopt: this node does not apply here (try the writer before it); "": a value (reason set).
  std::optional<std::string> node_formula(const GraphNode& n, int l, std::string& reason) {
    switch (n.kind) {
      case GraphNode::Kind::Subtotal: return subtotal(l);
      case GraphNode::Kind::Amount: return n.params.empty() ? "" : p(n.params[0]);
      case GraphNode::Kind::Formula: return model_formula(l, reason);
      case GraphNode::Kind::Rule: break;
    }
    return rule_formula(n, static_cast<Line>(l), reason);
  }

  std::string subtotal(int l) {
    // Children in sheet order; consecutive rows become one range.
    std::vector<int> kids;
    for (const auto& [child, total] : m.sum_edges())
      if (total == l) {
        const auto it = row.find(static_cast<Line>(child));
        if (it == row.end()) { ok = false; return ""; }
        kids.push_back(it->second);
      }
    if (kids.empty()) return "0";
    std::sort(kids.begin(), kids.end());
    std::string f = "SUM(";
    for (size_t k = 0; k < kids.size();) {
      size_t e = k;
      while (e + 1 < kids.size() && kids[e + 1] == kids[e] + 1) ++e;
      f += (k ? "," : "") + (e == k ? cell(kids[k], col) : cell(kids[k], col) + ":" + cell(kids[e], col));
      k = e + 1;
    }
    return round2(f + ")");  // exact sums in cents
  }

  // A driver formula of the model (formula.hpp) in Excel: lines are cells of this column, a
  // parameter its Invoer cell; vorig() the previous column (its default in the first year),
  // groei() the line's previous cell x (1 + groei), x / 0 = 0 as in the engine. Money lines
  // rounded once to the cent.
  std::string model_formula(int l, std::string& reason) {
    const ModelLine& d = m.line(l);
    if (!d.formula) return "";
    (void)reason;
    const std::string body = excel(*d.formula, d.formula->root, l, false);
    return d.money() ? round_cents("(" + body + ")*100") : body;  // engine.cpp: round_to_cent(v * 100)
  }
  std::string name_ref(const std::string& name, bool previous) {
    const int li = m.find(name);
    if (li >= 0) return previous ? prev(static_cast<Line>(li)) : at(static_cast<Line>(li));
    return p(name, previous ? year() - 1 : year());
  }
  std::string excel(const Formula& f, int k, int self, bool previous) {
    const FormulaNode& n = f.nodes[static_cast<size_t>(k)];
    using Op = FormulaNode::Op;
    auto a = [&](size_t x) { return "(" + excel(f, n.args[x], self, previous) + ")"; };
    switch (n.op) {
      case Op::Number: return fmt::format("{}", n.number);
      case Op::Name: return name_ref(n.name, previous);
      case Op::Add: return a(0) + "+" + a(1);
      case Op::Sub: return a(0) + "-" + a(1);
      case Op::Mul: return a(0) + "*" + a(1);
      case Op::Div: return "IF(" + a(1) + "=0,0," + a(0) + "/" + a(1) + ")";  // the engine: x / 0 = 0, never #DIV/0!
      case Op::Neg: return "-" + a(0);
      case Op::Min:
      case Op::Max: {
        std::string t = n.op == Op::Min ? "MIN(" : "MAX(";
        for (size_t x = 0; x < n.args.size(); ++x) t += (x ? "," : "") + excel(f, n.args[x], self, previous);
        return t + ")";
      }
      case Op::Vorig:
        if (i == 0) return n.args.size() > 1 ? a(1) : "0";
        return excel(f, n.args[0], self, true);
      case Op::Groei:
        if (i == 0) return a(0);
        return prev(static_cast<Line>(self)) + "*(1+" + a(1) + ")";
    }
    ok = false;
    return "0";
  }

  // Each built-in rule in Excel, mirroring engine/src/rules/<name>.cpp and its rounding. The
  // expected parameter list is the rule's (graph.cpp, builtin_rules) as the Excel form was written against.
  std::optional<std::string> rule_formula(const GraphNode& spec, Line l, std::string& reason) {
    using L = Line;
    const std::string& name = spec.name;
    auto expects = [&](std::vector<std::string> params) {
      std::vector<std::string> have = spec.params;
      std::sort(have.begin(), have.end());
      std::sort(params.begin(), params.end());
      if (have == params) return true;
      reason = "regel " + name + " leest andere invoer dan de Excel-formule kent";
      return false;
    };
    const int y = year();
    if (name == "population") {
      if (!expects({"leerlingen", "stromen"})) return "";
      const std::pair<L, const char*> pops[] = {{L::leerlingen_bo, "bo"}, {L::leerlingen_sbo, "sbo"}, {L::leerlingen_so_cat1, "so_cat1"},
                                                {L::leerlingen_so_cat2, "so_cat2"}, {L::leerlingen_so_cat3, "so_cat3"},
                                                {L::leerlingen_ikc, "ikc"}, {L::leerlingen_ikc_ander_swv, "ikc_ander_swv"}};
      for (const auto& [pl, key] : pops) {
        if (pl != l) continue;
        if (in.flows.active && pl != L::leerlingen_ikc_ander_swv) {
          reason = "leerlingen uit het stromenmodel (sectie stromen:)";
          return "";
        }
        const std::string base = std::string("leerlingen.") + key;
        const std::string given = p(base + ".teldatum", y - 1);
        if (i == 0) return given;
        // DOMAIN 1: the count on the teldatum as given, else last year's x (1 + groei); not rounded
        return "IF(ISNUMBER(" + given + ")," + given + "," + prev(l) + "*(1+" + p(base + ".groei", y - 1) + "))";
      }
      return "";
    }
    if (name == "rijksbijdrage") {
      if (!expects({"tarieven.lichte_ondersteuning", "tarieven.zware_ondersteuning", "kalibratie.zware_ondersteuning"})) return "";
      if (l == L::lichte_ondersteuning) return mul_cents(p("tarieven.lichte_ondersteuning"), at(L::leerlingen_bo));
      if (l == L::zware_ondersteuning)
        return round2(mul_cents(p("tarieven.zware_ondersteuning"), "(" + at(L::leerlingen_bo) + "+" + at(L::leerlingen_sbo) + ")") + "+" +
                      p("kalibratie.zware_ondersteuning"));
      return "";
    }
    if (name == "inhouding_duo") {
      if (!expects({"tarieven.sbo", "tarieven.so_cat1", "tarieven.so_cat2", "tarieven.so_cat3"})) return "";
      if (l == L::sbo_inhouding) return mul_cents(p("tarieven.sbo"), at(L::leerlingen_sbo));
      if (l == L::so_inhouding)  // the exact sum of the three products, rounded once
        return round_cents(cents_of(p("tarieven.so_cat1")) + "*" + at(L::leerlingen_so_cat1) + "+" + cents_of(p("tarieven.so_cat2")) + "*" +
                           at(L::leerlingen_so_cat2) + "+" + cents_of(p("tarieven.so_cat3")) + "*" + at(L::leerlingen_so_cat3));
      return "";
    }
    // IKC tarief, not rounded (8.1.6: the plan's 1,172,511 needs the exact 8,525.666)
    // in cents, as the engine: aandeel x tarief SBO + aandeel x tarief SO cat. I
    const std::string ikc_t = "(" + p("tarieven.ikc_aandeel_sbo") + "*" + cents_of(p("tarieven.sbo")) + "+" + p("tarieven.ikc_aandeel_so_cat1") +
                              "*" + cents_of(p("tarieven.so_cat1")) + ")";
    const std::string ikc_rate = "(" + ikc_t + "-" + cents_of(p("tarieven.sbo")) + ")";
    if (name == "ikc_volumebekostiging") {
      if (!expects({"tarieven.sbo", "tarieven.so_cat1", "tarieven.ikc_aandeel_sbo", "tarieven.ikc_aandeel_so_cat1"})) return "";
      if (l == L::ikc_tarief) return round_cents(ikc_t);
      if (l == L::ikc_aanvulling) return round_cents(ikc_rate + "*" + at(L::leerlingen_ikc));
      if (l == L::ikc_ander_swv) return round_cents(ikc_rate + "*" + at(L::leerlingen_ikc_ander_swv));
      return "";
    }
    if (name == "ikc_bandbreedte") {
      if (!expects({"ikc", "tarieven.sbo", "tarieven.so_cat1", "tarieven.ikc_aandeel_sbo", "tarieven.ikc_aandeel_so_cat1"})) return "";
      const std::string N = at(L::leerlingen_ikc), given = p("ikc.teldatum_later"), b = p("ikc.bandbreedte");
      // Without ikc.teldatum_later the engine may test the projection's own count on 1-2-t (the
      // IKC pupils of the next year's column; none in the last year): read from the result.
      bool projected = false;
      for (int k = 0; k + 1 < r.n(); ++k) {
        const ParamValue* pv = s.values("ikc.teldatum_later");
        const bool blank = !pv || !pv->by_year.count(r.horizon.first + k) || std::isnan(pv->by_year.at(r.horizon.first + k));
        if (blank && r.r(L::ikc_leerlingen_later, k) != 0 && r.r(L::ikc_leerlingen_later, k) == r.r(L::leerlingen_ikc, k + 1)) projected = true;
      }
      const bool next = projected && i + 1 < r.n();
      const std::string later = next ? "IF(ISNUMBER(" + given + ")," + given + "," + cell(row.at(L::leerlingen_ikc), col + 1) + ")" : given;
      const std::string has = next ? "TRUE()" : "ISNUMBER(" + given + ")";
      using V = IkcAfspraak::Verrekening;
      const V v = s.verdeling.ikc.verrekening;
      const std::string pupils = v == V::Geen ? "0"
                                 : v == V::Volledig ? "(" + later + "-" + N + ")"
                                                    : "IF(" + later + ">" + N + "," + later + "-" + N + "*(1+" + b + ")," + later + "-" + N + "*(1-" + b + "))";
      switch (l) {
        case L::ikc_volumebekostiging: return round_cents(ikc_t + "*" + N);
        case L::ikc_aanvulling_teldatum: return round_cents(ikc_rate + "*" + N);
        case L::ikc_leerlingen_later: return "IF(" + has + "," + later + ",0)";
        case L::ikc_afwijking: return "IF(" + has + ",IF(" + N + ">0,(" + later + "-" + N + ")/" + N + ",0),0)";
        case L::ikc_verrekening:  // inside the band (exactly b inside, 1e-9 x N for binary fractions): 0
          return "IF(" + has + ",IF(ABS(" + later + "-" + N + ")<=" + b + "*" + N + "+1E-9*MAX(1," + N + "),0," +
                 round_cents(ikc_rate + "*" + pupils) + "),0)";
        case L::ikc_aanvulling: return round2(at(L::ikc_aanvulling_teldatum) + "+" + at(L::ikc_verrekening));
        default: return "";
      }
    }
    if (name == "afdracht_verwijzingen") {  // rules/afdracht_verwijzingen.cpp (8.1.2)
      if (!expects({"regulier_onderwijs.afdracht_verwijzingen_dws", "top.tlv_sbo_tarief", "top.uitstroom_gespecialiseerd", "top.plaatsing_jaren",
                    "top.dws_plaatsen", "top.dws_prijs", "kalibratie.afdracht_verwijzingen_dws"}))
        return "";
      const std::string id_nieuw = "lasten.overdrachten.regulier_onderwijs.plaatsingen_nieuw";
      const std::string id_betaald = "lasten.overdrachten.regulier_onderwijs.plaatsingen_betaald";
      auto stock = [&](int c) {  // own pupils in SBO/IKC and SO I-III on the teldatum
        const int save = col;
        col = c;
        const std::string t = "(" + at(L::leerlingen_sbo) + "+" + at(L::leerlingen_so_cat1) + "+" + at(L::leerlingen_so_cat2) + "+" +
                              at(L::leerlingen_so_cat3) + ")";
        col = save;
        return t;
      };
      if (static_cast<int>(l) == slot_of(id_nieuw)) {  // max(0, S(t) - S(t-1) + u x S(t-1)); first year S(t-1) = S(t)
        const std::string prev_s = stock(i > 0 ? col - 1 : col);
        return "MAX(0," + stock(col) + "-" + prev_s + "+" + p("top.uitstroom_gespecialiseerd") + "*" + prev_s + ")";
      }
      if (static_cast<int>(l) == slot_of(id_betaald)) {  // the placements of the last D years (D = top.plaatsing_jaren)
        double d = 1;
        try { d = s.value("top.plaatsing_jaren"); } catch (const std::exception&) { ok = false; }
        const int whole = static_cast<int>(std::floor(d));
        std::string t = "0";
        for (int j = 0; j < whole; ++j) t += "+" + at_id_col(id_nieuw, col - std::min(j, i));
        if (d - whole > 0)
          t += "+(" + p("top.plaatsing_jaren", 0) + "-" + std::to_string(whole) + ")*" + at_id_col(id_nieuw, col - std::min(whole, i));
        reason = "";
        return t;
      }
      if (l == L::afdracht_verwijzingen_dws) {  // an explicit amount wins; else placements x tarief + DWS + kalibratie
        const std::string given = p("regulier_onderwijs.afdracht_verwijzingen_dws");
        return "IF(ISNUMBER(" + given + ")," + given + "," +
               round2(mul_cents(p("top.tlv_sbo_tarief"), at_id(id_betaald)) + "+" + mul_cents(p("top.dws_prijs"), p("top.dws_plaatsen")) +
                      "+" + p("kalibratie.afdracht_verwijzingen_dws")) + ")";
      }
      return "";
    }
    if (name == "korting_ocw") {  // rules/korting_ocw.cpp (hfst 12)
      const int bruto = slot_of("ocw_korting.bruto"), opgelegd = slot_of("ocw_korting.opgelegd");
      if (static_cast<int>(l) == bruto && expects({"ocw_korting", "signaleringswaarde", "reserves.eigen_vermogen_begin"}))
        return mul_cents(p("ocw_korting.per_leerling"), "(" + at(L::leerlingen_bo) + "+" + at(L::leerlingen_sbo) + ")");
      if (static_cast<int>(l) == opgelegd) {
        reason = "de korting tot de signaleringswaarde wordt in hele centen gezocht (bisectie), geen formule";
        return "";
      }
      bool active = false;
      for (int k = 0; k < r.n() && opgelegd >= 0; ++k) active = active || r.c(static_cast<Line>(opgelegd), k) != 0;
      if (!active) return std::nullopt;  // no korting imposed: the lines as the rules before it wrote them
      if (l == L::zware_ondersteuning) {  // the rijksbijdrage's zware ondersteuning minus the imposed korting
        for (const auto& node : g.nodes)
          if (node.kind == GraphNode::Kind::Rule && node.name == "rijksbijdrage") {
            std::string why;
            const auto f = rule_formula(node, l, why);
            if (!f || f->empty()) return "";
            return round2(*f + "-" + at(static_cast<Line>(opgelegd)));
          }
        return "";
      }
      return std::nullopt;  // the totals above it: their SUM holds the lowered line
    }
    if (name == "ondersteuningsbedrag_bao") {
      if (spec.params == std::vector<std::string>{"regulier_onderwijs.ondersteuningsbedrag_per_leerling"}) {
        // the afdracht comes from its own rule (afdracht_verwijzingen)
        if (l == L::ondersteuningsbedrag_per_leerling) return p("regulier_onderwijs.ondersteuningsbedrag_per_leerling");
        if (l == L::ondersteuningsbedrag_bruto) return mul_cents(p("regulier_onderwijs.ondersteuningsbedrag_per_leerling"), at(L::leerlingen_bo));
        if (l == L::ondersteuningsbedrag_bao) return round2(at(L::ondersteuningsbedrag_bruto) + "-" + at(L::afdracht_verwijzingen_dws));
        return "";
      }
      if (!expects({"regulier_onderwijs.ondersteuningsbedrag_per_leerling", "regulier_onderwijs.afdracht_verwijzingen_dws"})) return "";
      switch (l) {
        case L::ondersteuningsbedrag_per_leerling: return p("regulier_onderwijs.ondersteuningsbedrag_per_leerling");
        case L::ondersteuningsbedrag_bruto: return mul_cents(p("regulier_onderwijs.ondersteuningsbedrag_per_leerling"), at(L::leerlingen_bo));
        case L::afdracht_verwijzingen_dws: return p("regulier_onderwijs.afdracht_verwijzingen_dws");
        case L::ondersteuningsbedrag_bao: return round2(at(L::ondersteuningsbedrag_bruto) + "-" + at(L::afdracht_verwijzingen_dws));
        default: return "";
      }
    }
    if (name == "instroom_terugplaatsing") {
      if (!expects({"regulier_onderwijs.instroom_leerlingjaren", "regulier_onderwijs.terugplaatsing_leerlingjaren",
                    "regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar"}))
        return "";
      const std::string bedrag = p("regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar");
      if (l == L::instroombudget) return mul_cents(bedrag, p("regulier_onderwijs.instroom_leerlingjaren"));
      if (l == L::terugplaatsing) return mul_cents(bedrag, p("regulier_onderwijs.terugplaatsing_leerlingjaren"));
      return "";
    }
    if (name == "personeel") {
      if (!expects({"personeel"})) return "";
      if (l != L::personeelskosten) return "";
      if (i == 0) return p("personeel.personeelskosten_eerste_jaar", 0);
      return mul_cents(prev(l), "(1+" + p("personeel.groei") + ")");
    }
    if (name == "amounts") {
      if (!expects({"bedragen"})) return "";
      return p("bedragen." + std::string(def(l).id));
    }
    if (name == "vangnet") {
      if (l == L::vangnet_overschrijding && expects({"vangnet", "tarieven.so_cat1", "tarieven.so_cat2", "tarieven.so_cat3"}))
        return "MAX(0," + round2(at(L::vangnet_claims) + "-" + at(L::vangnet_ruimte)) + ")";
      if (l == L::vangnet_claims) reason = "claims uit de tellingen per SO-school (vangnet.tellingen, 8.1.7)";
      return "";
    }
    if (name == "opmaat") {  // rules/opmaat.cpp (8.1.8): weekbedrag = tarief in cents / weken, rounded to the cent
      if (!expects({"opmaat", "tarieven.so_cat1", "tarieven.so_cat2", "tarieven.so_cat3"})) return "";
      if (l == L::opmaat_afdracht) return "-" + at(L::opmaat_molenduin);
      if (l != L::opmaat_molenduin) return "";
      std::string f;
      for (int k = 1; k <= 3; ++k)
        f += (k > 1 ? "+" : "") + mul_cents(round_cents(cents_of(p("tarieven.so_cat" + std::to_string(k))) + "/" + p("opmaat.weken_per_jaar")),
                                            p("opmaat.leerlingweken_so_cat" + std::to_string(k)));
      return f;
    }
    if (name == "scholen") {
      if (in.scholen_tabel.leerlingen.empty()) return std::nullopt;  // no schools file: the rule before it
      reason = "per school berekend uit het scholenbestand (8.1.2-8.1.5)";
      return "";
    }
    const bool totals = row.count(L::baten_totaal) && row.count(L::lasten_totaal);
    if (!totals) { ok = false; return ""; }
    if (name == "reserves") {
      if (!expects({"reserves.eigen_vermogen_begin", "reserves.weerstandsvermogen_niveau", "reserves.bestemmingsreserve_laatste_jaar"})) return "";
      switch (l) {
        case L::resultaat: return round2(at(L::baten_totaal) + "-" + at(L::lasten_totaal));  // totale baten - totale lasten
        case L::eigen_vermogen:  // previous year (or the opening balance on Invoer) + resultaat
          return round2((i == 0 ? p("reserves.eigen_vermogen_begin", 0) : prev(L::eigen_vermogen)) + "+" + at(L::resultaat));
        case L::weerstandsvermogen_niveau: return p("reserves.weerstandsvermogen_niveau");
        case L::bestemmingsreserve:  // max(0, ev - niveau) up to its last year, then 0
          return "IF(" + cell(kHeadRow, col) + "<=" + p("reserves.bestemmingsreserve_laatste_jaar", 0) + ",MAX(0," +
                 round2(at(L::eigen_vermogen) + "-" + at(L::weerstandsvermogen_niveau)) + "),0)";
        case L::weerstandsvermogen: return round2(at(L::eigen_vermogen) + "-" + at(L::bestemmingsreserve));
        default: return "";
      }
    }
    if (name == "signaleringswaarde") {
      if (!expects({"signaleringswaarde"})) return "";
      if (l == L::signaleringswaarde)  // max(pct x baten rounded once to the cent, minimum)
        return "MAX(" + mul_cents(at(L::baten_totaal), p("signaleringswaarde.percentage_baten")) + "," + p("signaleringswaarde.minimum") + ")";
      if (l == L::boven_signaleringswaarde) return "MAX(0," + round2(at(L::eigen_vermogen) + "-" + at(L::signaleringswaarde)) + ")";
      return "";
    }
    if (name == "kengetallen") {
      if (!expects({"reserves.materiele_vaste_activa"})) return "";
      if (l == L::rentabiliteit) return at(L::resultaat) + "/" + at(L::baten_totaal);
      if (l == L::weerstandsvermogen_pct)
        return "(" + at(L::eigen_vermogen) + "-" + p("reserves.materiele_vaste_activa") + ")/" + at(L::rijksbijdragen_totaal);
      return "";
    }
    if (name == "waterbed") {
      if (!expects({"tarieven.so_cat1", "tarieven.so_cat2"})) return "";
      switch (l) {
        case L::waterbed_rijksbijdragen: return at(L::rijksbijdragen_totaal);
        case L::waterbed_inhouding_sbo: return at(L::sbo_inhouding);
        case L::waterbed_inhouding_so_cat1: return mul_cents(p("tarieven.so_cat1"), at(L::leerlingen_so_cat1));
        case L::waterbed_inhouding_so_cat2: return mul_cents(p("tarieven.so_cat2"), at(L::leerlingen_so_cat2));
        case L::waterbed_inhouding_so_cat3:  // carries the SO line's rounding difference
          return round2(at(L::so_inhouding) + "-" + at(L::waterbed_inhouding_so_cat1) + "-" + at(L::waterbed_inhouding_so_cat2));
        case L::waterbed_aanvulling_ikc: return at(L::ikc_aanvulling);
        case L::waterbed_overig_gespecialiseerd:
          return round2(at(L::overdrachten_totaal) + "-" + at(L::regulier_subtotaal) + "-" + at(L::sbo_inhouding) + "-" + at(L::so_inhouding) +
                        "-" + at(L::ikc_aanvulling));
        case L::waterbed_eigen_kosten: return round2(at(L::lasten_totaal) + "-" + at(L::overdrachten_totaal));
        case L::waterbed_ruimte_regulier: {
          std::string t = at(L::waterbed_rijksbijdragen);
          for (L x : {L::waterbed_inhouding_sbo, L::waterbed_inhouding_so_cat1, L::waterbed_inhouding_so_cat2, L::waterbed_inhouding_so_cat3,
                      L::waterbed_aanvulling_ikc, L::waterbed_overig_gespecialiseerd, L::waterbed_eigen_kosten})
            t += "-" + at(x);
          return round2(t);
        }
        case L::waterbed_regulier: return at(L::regulier_subtotaal);
        case L::waterbed_af_overige_baten: return round2(at(L::rijksbijdragen_totaal) + "-" + at(L::baten_totaal));
        case L::waterbed_naar_eigen_vermogen: return at(L::resultaat);
        default: return "";
      }
    }
    return "";
  }
};


// Print setup shared by every sheet: A4 landscape, one page wide, the heading rows repeated.
void print_setup(lxw_worksheet* ws, int repeat_last_row) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  if (repeat_last_row >= 0) worksheet_repeat_rows(ws, 0, static_cast<lxw_row_t>(repeat_last_row));
}

// The Invoer sheet of a scenario, generated from its parameter registry (every parameter the
// scenario has values for, in registry order, a heading per group): the value per year, the
// unit, the --set path and the source (registry reference and where the value came from).
// The last column says whether a formula in this workbook reads the row; it is written after
// the scenario sheet (invoer_finish).
struct InvoerSheet {
  lxw_worksheet* ws = nullptr;
  Invoer inv;
  int n_cols = 0;  ///< year columns
  std::map<int, int> lines;  ///< wrapped lines per parameter row
};

lxw_format* input_format(const Formats& f, const std::string& unit) {
  if (unit.rfind("EUR", 0) == 0) return f.in_euro;
  if (unit.rfind("fractie", 0) == 0) return f.in_pct;
  if (unit == "kalenderjaar") return f.in_year;
  return f.in_count;
}

// The lines `text` takes when wrapped in a column `width` characters wide (greedy at spaces, a
// longer word split): neither Excel nor Calc sizes rows to wrapped text when it opens a file, so
// the row height is set from this count.
int wrapped_lines(const std::string& text, double width) {
  const int w = std::max(1, static_cast<int>(width * 1.12) - 1);  // text averages narrower than the "0" of the unit
  int lines = 1, col = 0;
  size_t at = 0;
  auto glyphs = [](const std::string& s) {
    int n = 0;
    for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
  };
  std::string t;  // a line may also break after a hyphen
  for (char ch : text) t += ch == '-' ? std::string("- ") : std::string(1, ch);
  while (at <= t.size()) {
    size_t sp = t.find(' ', at);
    if (sp == std::string::npos) sp = t.size();
    int len = glyphs(t.substr(at, sp - at));
    if (col > 0 && col + 1 + len > w) { ++lines; col = 0; }
    else if (col > 0) ++col;
    while (len > w) { len -= w; ++lines; }
    col += len;
    at = sp + 1;
  }
  return lines;
}
constexpr double kLinePt = 14.5;  // a line of 11-point text

// Column widths of Invoer (Excel's unit: characters of the default font).
constexpr struct {
  double omschrijving = 26, single = 12, year = 9.5, eenheid = 8.5, parameter = 16, bron = 19, werkt_door = 6.5;
} kInvoerWidth;

InvoerSheet invoer_sheet(lxw_workbook* wb, const Formats& f, const std::string& name, const Scenario& s, const Result& r) {
  InvoerSheet out;
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw std::runtime_error("xlsx: kan werkblad '" + name + "' niet maken");
  out.ws = ws;
  Invoer& inv = out.inv;
  inv.sheet = sheet_ref(name);
  inv.first_year = r.horizon.first - 1;
  const int ny = r.n() + 1;
  out.n_cols = ny;
  const auto C = [](int c) { return static_cast<lxw_col_t>(c); };
  // Narrow columns with wrapped text (omschrijving, eenheid, parameter, bron): about 150
  // characters in all, so one A4 landscape page wide prints at about 9 points (the long
  // omschrijving and bron take more lines instead of a 280-character width at 4 points).
  worksheet_set_column(ws, 0, 0, kInvoerWidth.omschrijving, nullptr);
  worksheet_set_column(ws, 1, 1, kInvoerWidth.single, nullptr);
  worksheet_set_column(ws, 2, C(ny + 1), kInvoerWidth.year, nullptr);
  worksheet_set_column(ws, C(ny + 2), C(ny + 2), kInvoerWidth.eenheid, nullptr);
  worksheet_set_column(ws, C(ny + 3), C(ny + 3), kInvoerWidth.parameter, nullptr);
  worksheet_set_column(ws, C(ny + 4), C(ny + 4), kInvoerWidth.bron, nullptr);
  worksheet_set_column(ws, C(ny + 5), C(ny + 5), kInvoerWidth.werkt_door, nullptr);
  worksheet_write_string(ws, 0, 0, ("Invoer: " + scenario_title(s)).c_str(), f.title);
  worksheet_write_string(ws, 1, 0,
                         "De drivers van het scenario (gele cellen). Wijzig een waarde: het scenarioblad rekent alles opnieuw uit "
                         "(leerlingen, tarieven, bedragen, reserves, signaleringswaarde, kengetallen).",
                         f.meta);
  worksheet_write_string(ws, 2, 0,
                         "Leerlingen: kolom = jaar van de teldatum 1 februari (begrotingsjaar t rekent met 1-2-(t-1)); een lege "
                         "teldatum volgt uit vorig jaar x (1 + groei). Groei: het jaar waarin ze geldt. Percentages als 0,06 of 6%.",
                         f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Omschrijving", f.head_left);
  worksheet_write_string(ws, kHeadRow, 1, "één waarde", f.head);
  for (int k = 0; k < ny; ++k) worksheet_write_number(ws, kHeadRow, C(2 + k), inv.first_year + k, f.head);
  worksheet_write_string(ws, kHeadRow, C(ny + 2), "Eenheid", f.head_wrap);
  worksheet_write_string(ws, kHeadRow, C(ny + 3), "Parameter (--set)", f.head_wrap);
  worksheet_write_string(ws, kHeadRow, C(ny + 4), "Bron", f.head_wrap);
  worksheet_write_string(ws, kHeadRow, C(ny + 5), "Werkt door", f.head_wrap);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);
  print_setup(ws, kHeadRow);
  const Model& m = r.m();
  int R = kHeadRow + 1;
  std::string group;
  auto write_param = [&](const ParamSpec& spec) {
    const ParamValue* pv = s.values(spec.path);
    if (!pv || pv->by_year.empty()) return;
    const std::string g = spec.path.substr(0, spec.path.find('.'));
    if (g != group) {
      group = g;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, g.c_str(), f.section);
    }
    std::string unit(unit_name(spec.unit));
    std::string desc = spec.description;
    for (const auto& mp : m.params)
      if (mp.path == spec.path) {
        unit = mp.unit_text;
        if (!mp.description.empty()) desc = mp.description;
      }
    lxw_format* fm = input_format(f, unit);
    const auto Rw = static_cast<lxw_row_t>(R);
    worksheet_write_string(ws, Rw, 0, desc.c_str(), f.label_wrap);
    const YearRange yr = years_for(spec.shape, r.horizon);
    std::set<std::string> bron;
    for (const auto& [y, v] : pv->by_year) {
      const auto pit = pv->provenance.find(y);
      if (pit != pv->provenance.end()) bron.insert(pit->second.describe());
      if (std::isnan(v)) continue;  // not given: an empty cell
      if (spec.shape == Shape::Single || y == 0) {
        if (spec.shape == Shape::Single) worksheet_write_number(ws, Rw, 1, v, fm);
        else
          for (int yy = yr.first; yy <= yr.last; ++yy) worksheet_write_number(ws, Rw, C(inv.col_of(yy)), v, fm);
        continue;
      }
      if (y < inv.first_year || y > r.horizon.last) continue;
      worksheet_write_number(ws, Rw, C(inv.col_of(y)), v, fm);
    }
    // Blank input cells in the years the parameter covers still look like inputs.
    if (spec.shape != Shape::Single)
      for (int yy = std::max(yr.first, inv.first_year); yy <= std::min(yr.last, r.horizon.last); ++yy) {
        const auto it = pv->by_year.find(yy);
        if (it == pv->by_year.end() || std::isnan(it->second)) {
          if (!pv->by_year.count(0) || std::isnan(pv->by_year.at(0))) worksheet_write_blank(ws, Rw, C(inv.col_of(yy)), fm);
        }
      }
    worksheet_write_string(ws, Rw, C(ny + 2), unit.c_str(), f.label_wrap);
    worksheet_write_string(ws, Rw, C(ny + 3), spec.path.c_str(), f.label_wrap);
    std::string b = spec.reference;
    for (const auto& x : bron) b += (b.empty() ? "" : "; ") + x;
    worksheet_write_string(ws, Rw, C(ny + 4), b.c_str(), f.label_wrap);
    inv.rows[spec.path] = Invoer::Row{R, spec.shape, false};
    out.lines[R] = std::max({wrapped_lines(desc, kInvoerWidth.omschrijving), wrapped_lines(unit, kInvoerWidth.eenheid),
                             wrapped_lines(spec.path, kInvoerWidth.parameter), wrapped_lines(b, kInvoerWidth.bron)});
    ++R;
  };
  for (const auto& spec : s.reg().entries()) {
    if (spec.section == "stromen" && s.stromen.empty()) continue;
    write_param(spec);
  }
  return out;
}

// The last column of Invoer: whether a formula of the workbook reads the row.
void invoer_finish(InvoerSheet& is, const Formats& f) {
  for (const auto& [path, row] : is.inv.rows)
    worksheet_write_string(is.ws, static_cast<lxw_row_t>(row.row), static_cast<lxw_col_t>(is.n_cols + 5),
                           row.used ? "ja" : "nee (waarde)", row.used ? f.label_wrap : f.meta_wrap);
  for (const auto& [path, row] : is.inv.rows) {
    const int k = std::max(is.lines[row.row], wrapped_lines(row.used ? "ja" : "nee (waarde)", kInvoerWidth.werkt_door));
    if (k > 1) worksheet_set_row(is.ws, static_cast<lxw_row_t>(row.row), kLinePt * k, nullptr);
  }
  worksheet_set_row(is.ws, kHeadRow, kLinePt * 2, nullptr);  // "Werkt door" and "Parameter (--set)" on two lines
}

RowOf scenario_sheet(lxw_workbook* wb, const Formats& f, const std::string& name, const Scenario& s, const Result& r,
                     const ReportOptions& o, Invoer& inv) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw std::runtime_error("xlsx: kan werkblad '" + name + "' niet maken");
  const int n = r.n();
  worksheet_set_column(ws, 0, 0, 50, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 15, nullptr);
  worksheet_write_string(ws, 0, 0, scenario_title(s).c_str(), f.title);
  const std::string sub = "Meerjarenbegroting " + std::to_string(r.horizon.first) + "-" + std::to_string(r.horizon.last) +
                          " in de opmaak van hoofdstuk 12 van het ondersteuningsplan (bedragen in euro's). Elke regel is een formule "
                          "over blad Invoer; grijze cellen: waarde uit begroting, geen formule (zie de notitie bij de regel).";
  worksheet_write_string(ws, 1, 0, sub.c_str(), f.meta);
  worksheet_write_string(ws, 2, 0, ("Scenariobestanden: " + chain_text(s)).c_str(), f.meta);
  worksheet_write_string(ws, 3, 0, ("Datum van de run: " + o.run_date).c_str(), f.meta);
  worksheet_write_string(ws, 4, 0, ("Overschreven met --set: " + overrides_text(s) + (is_variant(s) ? " (VARIANT)" : "")).c_str(), f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Omschrijving", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, kHeadRow, static_cast<lxw_col_t>(i + 1), r.horizon.first + i, f.head);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);

  const Inputs in = compile(s);
  const Graph& g = *in.graph;
  const Model& m = r.m();
  // Rows: the plan's layout, then every other line a node computes (pupils, tarieven, IKC,
  // waterbed, ...) in evaluation order, so each formula finds the cells it reads.
  struct Item {
    LayoutRow::Kind kind;
    std::string text;
    int line = -1;
    int indent = 0;
    bool emphasis = false;
  };
  std::vector<Item> items;
  RowOf row;
  int rr = kHeadRow + 1;
  for (const auto& lr : plan_layout(r)) {
    items.push_back({lr.kind, lr.text, static_cast<int>(lr.line), lr.indent, lr.emphasis});
    if (lr.kind == LayoutRow::Kind::Line) row[lr.line] = rr;
    ++rr;
  }
  bool heading = false;
  for (const auto& node : g.nodes) {
    std::vector<int> ls = node.writes;
    ls.insert(ls.end(), node.overwrites.begin(), node.overwrites.end());
    for (int l : ls) {
      if (l < 0 || l >= m.size() || l >= r.lines() || row.count(static_cast<Line>(l))) continue;
      if (!heading) {
        items.push_back({LayoutRow::Kind::Blank, "", -1, 0, false});
        items.push_back({LayoutRow::Kind::Section, "Rekenregels achter de begroting (leerlingen, tarieven, IKC, waterbed)", -1, 0, true});
        rr += 2;
        heading = true;
      }
      items.push_back({LayoutRow::Kind::Line, "", l, 1, false});
      row[static_cast<Line>(l)] = rr++;
    }
  }
  print_setup(ws, kHeadRow);
  FormulaBuilder fb{s, r, in, g, m, row, inv};
  rr = kHeadRow + 1;
  for (const auto& it : items) {
    const auto R = static_cast<lxw_row_t>(rr++);
    const int ind = std::clamp(it.indent, 0, 3);
    if (it.kind == LayoutRow::Kind::Blank) continue;
    if (it.kind == LayoutRow::Kind::Section) {
      worksheet_write_string(ws, R, 0, it.text.c_str(), f.section_at[ind]);
      continue;
    }
    const Line l = static_cast<Line>(it.line);
    const ModelLine& d = m.line(it.line);
    worksheet_write_string(ws, R, 0, d.label.c_str(), it.emphasis ? f.label_bold_at[ind] : f.label_at[ind]);
    std::string reason;
    for (int i = 0; i < n; ++i) {
      const auto C = static_cast<lxw_col_t>(i + 1);
      const CellPlan cp = fb.plan(it.line, static_cast<int>(C), i);
      if (!d.money()) {
        const double v = r.r(l, i);
        const bool pct = d.unit == Unit::Fractie;
        if (!std::isfinite(v)) { worksheet_write_string(ws, R, C, "n.v.t.", f.text); continue; }
        if (cp.formula.empty()) {
          check(worksheet_write_number(ws, R, C, v, pct ? f.mark_pct : f.mark_count), d.label.data());
          reason = cp.reason;
        } else
          check(worksheet_write_formula_num(ws, R, C, cp.formula.c_str(), pct ? f.pct : f.count, v), d.label.data());
        continue;
      }
      const double v = euros(r.c(l, i));
      if (cp.formula.empty()) {
        check(worksheet_write_number(ws, R, C, v, d.unit == Unit::EuroPerLeerling ? f.mark_euro_cents : f.mark_euro), std::string(d.label));
        reason = cp.reason;
        continue;
      }
      lxw_format* fmt_ = d.unit == Unit::EuroPerLeerling ? f.euro_cents : it.emphasis ? f.euro_bold : f.euro;
      check(worksheet_write_formula_num(ws, R, C, cp.formula.c_str(), fmt_, v), std::string(d.label));
    }
    if (!reason.empty()) worksheet_write_comment(ws, R, 0, ("Waarde uit begroting, geen formule: " + reason + ".").c_str());
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
                         "weerstandsvermogen of onder nul: risico (buffer te klein). Het signaal eigen vermogen is een formule; de rij met alle "
                         "signalen is de stand bij het maken van het bestand.", f.meta);
  worksheet_write_string(ws, 3, 0, ("Datum van de run: " + o.run_date).c_str(), f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Kengetal", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, kHeadRow, static_cast<lxw_col_t>(i + 1), r0.horizon.first + i, f.head);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);
  int R = kHeadRow + 1;
  for (size_t k = 0; k < runs.size(); ++k) {
    const Result& r = *runs[k].result;
    const RowOf& row = rows[k];
    const std::string ref = sheet_ref(names[k]);
    worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, scenario_title(*runs[k].scenario).c_str(), f.section);
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
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, (std::string("   Weerstandsvermogen % (") + kWeerstandsvermogenPctKort + ")").c_str(), f.label);
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
      check(worksheet_write_formula_str(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), fx.c_str(), f.label_wrap, cached.c_str()), "signaal");
    }
    // "risico: onder niveau weerstandsvermogen" takes two lines of the 22-character columns.
    worksheet_set_row(ws, static_cast<lxw_row_t>(R), kLinePt * 2, nullptr);
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
    // Every signal of the engine (also those of other lines) has no formula: a plain value,
    // labelled and shown grey so it is never read as the recalculated signal above it.
    worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "   Alle signalen (rekenkern): stand bij het maken van het bestand (niet herberekend)",
                           f.label_wrap);
    int lines = wrapped_lines("   Alle signalen (rekenkern): stand bij het maken van het bestand (niet herberekend)", 46);
    for (int i = 0; i < n; ++i) {
      const auto sig = signals_in(r, r.horizon.first + i);  // the engine's signals only
      std::string t;
      for (const auto& x : sig) t += (t.empty() ? "" : "; ") + x;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1), t.empty() ? "geen" : t.c_str(), f.stale);
      lines = std::max(lines, wrapped_lines(t, 22));
    }
    worksheet_set_row(ws, static_cast<lxw_row_t>(R), kLinePt * lines, nullptr);
    R += 2;
  }
  print_setup(ws, kHeadRow);
}

// The summary's sentences (summary.cpp, summarize) as Excel formulas over the Samenvatting
// sheet's own rows, so that after a change on Invoer and recalculation they say what
// `begroting report --set ...` says. Amounts as format_euro does ("€ 1.797.043": whole euros
// rounded half away from zero, "." between thousands), built from digits with INT, MOD and
// TEXT(..,"000") so the text does not depend on the spreadsheet's language setting.
struct SummaryCells {
  int first = 0, n = 0;
  int head = 0, ev = 0, sw = 0, niv = 0, res = 0, marge = 0;  ///< rows (0-based)
  std::string onder_niveau, onder_nul, niet_bovenmatig;      ///< the crossing-year cells
  [[nodiscard]] std::string rng(int row) const { return "$B$" + std::to_string(row + 1) + ":$" + col_name(n) + "$" + std::to_string(row + 1); }
  /// The first year (a number) where cond(column) holds, else "nooit".
  template <class F>
  [[nodiscard]] std::string first_year_where(F cond) const {
    std::string f = "\"nooit\"";
    for (int i = n - 1; i >= 0; --i) f = "IF(" + cond(i + 1) + "," + std::to_string(first + i) + "," + f + ")";
    return "=" + f;
  }
};

std::string q(const std::string& text) {  // an Excel string literal
  std::string o = "\"";
  for (char ch : text) o += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return o + "\"";
}

// "€ " and the whole euros of `x` in Dutch notation (format_euro): -1234.5 -> "€ -1.235".
std::string eur_text(const std::string& x) {
  const std::string a = "ABS(ROUND(" + x + ",0))";
  auto grp = [&](const std::string& div) { return "TEXT(MOD(INT(" + a + "/" + div + "),1000),\"000\")"; };
  const std::string digits = "IF(" + a + ">=1E9,INT(" + a + "/1E9)&\".\"&" + grp("1E6") + "&\".\"&" + grp("1000") + "&\".\"&" +
                             "TEXT(MOD(" + a + ",1000),\"000\"),IF(" + a + ">=1E6,INT(" + a + "/1E6)&\".\"&" + grp("1000") + "&\".\"&TEXT(MOD(" +
                             a + ",1000),\"000\"),IF(" + a + ">=1000,INT(" + a + "/1000)&\".\"&TEXT(MOD(" + a + ",1000),\"000\")," + a + "&\"\")))";
  return "\"\xE2\x82\xAC \"&IF(ROUND(" + x + ",0)<0,\"-\",\"\")&" + digits;
}

std::vector<std::string> summary_sentence_formulas(const SummaryCells& c) {
  const std::string f = std::to_string(c.first), l = std::to_string(c.first + c.n - 1);
  const std::string ev0 = cell(c.ev, 1), evn = cell(c.ev, c.n), sw0 = cell(c.sw, 1);
  const std::string evs = c.rng(c.ev), nivs = c.rng(c.niv), ress = c.rng(c.res), marges = c.rng(c.marge), years = c.rng(c.head);
  auto at = [&](const std::string& range, const std::string& year) { return "INDEX(" + range + ",1," + year + "-" + f + "+1)"; };
  std::vector<std::string> z;
  // 1. Where the eigen vermogen goes.
  z.push_back("=\"Het eigen vermogen \"&IF(" + evn + "<" + ev0 + ",\"daalt\",IF(" + evn + ">" + ev0 + ",\"stijgt\",\"blijft gelijk\"))&\" van \"&" +
              eur_text(ev0) + "&\" eind " + f + " naar \"&" + eur_text(evn) + "&\" eind " + l + ".\"");
  // 2. The signaleringswaarde: an Inspectie question, not a risk.
  const std::string nb = c.niet_bovenmatig;
  z.push_back("=IF(ISNUMBER(" + nb + "),IF(" + ev0 + ">" + sw0 + ",\"Tot en met \"&(" + nb + "-1)&" +
              q(" ligt het boven de signaleringswaarde van de Inspectie (mogelijk bovenmatig, een vraag van de Inspectie); vanaf ") + "&" + nb +
              "&\" niet meer.\"," + q("Het eigen vermogen ligt in " + f + " niet boven de signaleringswaarde van de Inspectie: niet mogelijk bovenmatig.") +
              ")," + q("In elk jaar ligt het boven de signaleringswaarde van de Inspectie: mogelijk bovenmatig, een vraag die de Inspectie kan stellen (geen risico).") +
              ")");
  // 3. The risks: below the niveau weerstandsvermogen, below zero.
  const std::string niv = c.onder_niveau, nul = c.onder_nul;
  z.push_back("=IF(ISNUMBER(" + nul + "),\"Risico: vanaf \"&" + niv + "&\" ligt het onder het niveau van het weerstandsvermogen en in \"&" + nul +
              "&\" is het negatief (\"&" + eur_text(at(evs, nul)) + "&\").\",IF(ISNUMBER(" + niv + "),\"Risico: in \"&" + niv +
              "&\" zakt het onder het niveau van het weerstandsvermogen (\"&" + eur_text(at(evs, niv)) + "&\" tegen \"&" + eur_text(at(nivs, niv)) +
              "&\"); het blijft wel boven nul.\",\"Het blijft in elk jaar boven het niveau van het weerstandsvermogen; de kleinste marge is \"&" +
              eur_text("MIN(" + marges + ")") + "&\" in \"&INDEX(" + years + ",1,MATCH(MIN(" + marges + ")," + marges + ",0))&\".\"))");
  // 4. The resultaat.
  const std::string tekort = "COUNTIF(" + ress + ",\"<0\")";
  z.push_back("=IF(" + tekort + "=0,\"De begroting sluit in elk jaar zonder tekort.\",\"De begroting sluit in \"&" + tekort + "&\" van de " +
              std::to_string(c.n) + " jaren met een tekort; het grootste tekort is \"&" + eur_text("-MIN(" + ress + ")") + "&\" in \"&INDEX(" + years +
              ",1,MATCH(MIN(" + ress + ")," + ress + ",0))&\".\")");
  return z;
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
  // The rows below the sentences, known before they are written: the sentences and crossing
  // years are formulas over them, so they follow a changed Invoer cell after recalculation.
  const int zin_row = R, kruis_row = R + static_cast<int>(sm.zinnen.size());
  const int head = kruis_row + 4;
  const int ev_row = head + 1, sw_row = head + 2, niv_row = head + 3, res_row = head + 4, marge_row = head + 5;
  const SummaryCells sc{r.horizon.first, n, head, ev_row, sw_row, niv_row, res_row, marge_row,
                        cell(kruis_row, 1), cell(kruis_row + 1, 1), cell(kruis_row + 2, 1)};
  const std::vector<std::string> zf = summary_sentence_formulas(sc);
  for (size_t k = 0; k < sm.zinnen.size(); ++k) {
    const auto Rk = static_cast<lxw_row_t>(zin_row + static_cast<int>(k));
    if (k < zf.size()) check(worksheet_write_formula_str(ws, Rk, 0, zf[k].c_str(), f.text, sm.zinnen[k].c_str()), "samenvatting");
    else worksheet_write_string(ws, Rk, 0, sm.zinnen[k].c_str(), f.text);
  }
  // The crossing years: label in A, the year (or "nooit") as a formula in B.
  const std::pair<const char*, const std::optional<int>*> kruis[] = {
      {"Eerste jaar onder het niveau weerstandsvermogen (risico):", &sm.eerste_onder_niveau},
      {"Eerste jaar onder nul (risico):", &sm.eerste_onder_nul},
      {"Eerste jaar niet meer mogelijk bovenmatig:", &sm.eerste_niet_bovenmatig}};
  const std::string kruis_f[] = {sc.first_year_where([&](int c) { return cell(ev_row, c) + "<" + cell(niv_row, c); }),
                                 sc.first_year_where([&](int c) { return cell(ev_row, c) + "<0"; }),
                                 sc.first_year_where([&](int c) { return cell(ev_row, c) + "<=" + cell(sw_row, c); })};
  for (int k = 0; k < 3; ++k) {
    const auto Rk = static_cast<lxw_row_t>(kruis_row + k);
    worksheet_write_string(ws, Rk, 0, kruis[k].first, f.section);
    const std::optional<int>& y = *kruis[k].second;
    if (y) check(worksheet_write_formula_num(ws, Rk, 1, kruis_f[k].c_str(), f.year_left, *y), "kruisingsjaar");
    else check(worksheet_write_formula_str(ws, Rk, 1, kruis_f[k].c_str(), f.year_left, "nooit"), "kruisingsjaar");
  }
  R = head;
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
  // The margin above the niveau (the summary's "kleinste marge"), in exact cents as the engine.
  worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, "Marge boven het niveau (eigen vermogen - niveau)", f.label);
  for (int i = 0; i < n; ++i)
    check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1),
                                      ("=ROUND(" + cell(ev_row, i + 1) + "-" + cell(niv_row, i + 1) + ",2)").c_str(), f.euro,
                                      euros(sub_checked(r.c(Line::eigen_vermogen, i), r.c(Line::weerstandsvermogen_niveau, i)))),
          "marge");
  ++R;
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
  chart_axis_set_num_format(ev->y_axis, "#,##0");
  chart_legend_set_position(ev, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options first{};
  first.x_scale = 0.95;
  first.y_scale = 1.1;
  worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(R + 1), 0, ev, &first);
  lxw_chart* res = workbook_add_chart(wb, LXW_CHART_COLUMN);
  lxw_chart_series* se = chart_add_series(res, years.c_str(), range(first_data + 3).c_str());
  chart_series_set_name(se, "Resultaat");
  lxw_chart_fill fill{};
  fill.color = 0xC0392B;
  chart_series_set_fill(se, &fill);
  chart_series_set_labels(se);
  chart_title_set_name(res, "Resultaat per jaar");
  // The years below the plot area, not at the zero line inside the (negative) bars.
  chart_axis_set_label_position(res->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
  chart_axis_set_num_format(res->y_axis, "#,##0");
  chart_legend_set_position(res, LXW_CHART_LEGEND_NONE);
  // Side by side below the table: the summary stays one page.
  lxw_chart_options side{};
  side.x_offset = 12;
  side.x_scale = 0.95;
  side.y_scale = 1.1;
  worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(R + 1), 2, res, &side);
}

// The risk answers (issue 14.2) with the weerstandsratio as a formula over the cells above it.
void risico_sheet(lxw_worksheet* ws, const Formats& f, const RiskView& v) {
  const int n = static_cast<int>(v.years.size());
  worksheet_set_column(ws, 0, 0, 60, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 15, nullptr);
  worksheet_write_string(ws, 0, 0, "Risico's en weerstandsvermogen", f.title);
  worksheet_write_string(ws, 1, 0, ratio_verdict(v).c_str(), f.label_bold);
  // The risk run (paths of the whole engine) has no formula form: its figures stay as computed.
  worksheet_write_string(ws, 2, 0, "Uitkomsten van de risicoberekening: stand bij het maken van het bestand (niet herberekend na een wijziging op Invoer).", f.meta);
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
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, b.label.c_str(), f.label_wrap);  // long descriptions wrap, never cut
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 1, b.low_text.c_str(), f.label_wrap);
      worksheet_write_number(ws, static_cast<lxw_row_t>(R), 2, euros(b.low - v.tornado_base), f.euro);
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 3, b.high_text.c_str(), f.label_wrap);
      worksheet_write_number(ws, static_cast<lxw_row_t>(R), 4, euros(b.high - v.tornado_base), f.euro);
      ++R;
    }
  }
  print_setup(ws, 3);
}

void comparison_sheet(lxw_worksheet* ws, const Formats& f, const std::vector<ScenarioRun>& runs, const std::vector<std::string>& names,
                      const std::vector<RowOf>& rows) {
  const Result& base = *runs[0].result;
  const int n = base.n();
  worksheet_set_column(ws, 0, 0, 52, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(n), 15, nullptr);
  worksheet_write_string(ws, 0, 0, ("Vergelijking met " + scenario_title(*runs[0].scenario)).c_str(), f.title);
  worksheet_write_string(ws, 1, 0, "Per regel de scenario's en hun verschil met het eerste, met teken (formules naar de scenariobladen).", f.meta);
  std::string bladen = "Bladen:";
  for (size_t k = 0; k < runs.size(); ++k) bladen += (k ? "; " : " ") + names[k] + " = " + scenario_title(*runs[k].scenario);
  worksheet_write_string(ws, 2, 0, bladen.c_str(), f.meta);
  worksheet_write_string(ws, kHeadRow, 0, "Regel en scenario", f.head_left);
  for (int i = 0; i < n; ++i) worksheet_write_number(ws, kHeadRow, static_cast<lxw_col_t>(i + 1), base.horizon.first + i, f.head);
  worksheet_freeze_panes(ws, kHeadRow + 1, 1);
  print_setup(ws, kHeadRow);  // A4 landscape, one page wide, headings repeated (as every sheet)
  int R = kHeadRow + 1;
  for (Line l : comparison_lines()) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(R++), 0, base.m().line(l).label.c_str(), f.section);
    const int base_row = R;
    for (size_t k = 0; k < runs.size(); ++k) {
      const Result& r = *runs[k].result;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, ("   " + scenario_title(*runs[k].scenario)).c_str(), f.label);
      for (int i = 0; i < n; ++i)
        check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1),
                                          ("=" + sheet_ref(names[k]) + cell(rows[k].at(l), i + 1)).c_str(), f.euro, euros(r.c(l, i))),
              "vergelijking");
      const int this_row = R++;
      if (k == 0) continue;
      worksheet_write_string(ws, static_cast<lxw_row_t>(R), 0, ("      verschil " + scenario_title(*runs[k].scenario)).c_str(), f.label_bold);
      for (int i = 0; i < n; ++i)
        check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(R), static_cast<lxw_col_t>(i + 1),
                                          ("=" + cell(this_row, i + 1) + "-" + cell(base_row, i + 1)).c_str(), f.euro_signed,
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
    std::vector<InvoerSheet> invoers;
    invoers.reserve(runs.size());
    // Sheet order: Samenvatting, Risico, then per scenario its plan sheet and its Invoer sheet;
    // the Samenvatting refers to the first scenario's sheet, so it is filled after that one.
    // Several scenarios: the comparison first, as in md and html (filled last: it refers to the
    // scenario sheets).
    lxw_worksheet* vergelijking = runs.size() > 1 ? workbook_add_worksheet(wb, "Vergelijking") : nullptr;
    lxw_worksheet* samenvatting = workbook_add_worksheet(wb, "Samenvatting");
    lxw_worksheet* risico = o.risk && !o.risk->years.empty() ? workbook_add_worksheet(wb, "Risico") : nullptr;
    for (const auto& run : runs) {
      // Always the name of the scenario's file (its stem; the scenario's name without a file),
      // " VARIANT" after it for a run with --set; cut by the rule of sheet_name.
      const std::string stem = run.scenario->files.empty() ? run.scenario->name : fs::path(run.scenario->files.front()).stem().string();
      const std::string suffix = is_variant(*run.scenario) ? " VARIANT" : "";
      names.push_back(sheet_name(stem, used, suffix));
      const std::string invoer = sheet_name("Invoer " + stem, used, suffix);
      // The Invoer sheet is written first (its rows are referenced), then the plan sheet.
      invoers.push_back(invoer_sheet(wb, f, invoer, *run.scenario, *run.result));
      rows.push_back(scenario_sheet(wb, f, names.back(), *run.scenario, *run.result, o, invoers.back().inv));
      invoer_finish(invoers.back(), f);
    }
    samenvatting_sheet(wb, samenvatting, f, runs[0], names[0], rows[0], o);
    if (risico) risico_sheet(risico, f, *o.risk);
    kengetallen_sheet(wb, f, runs, names, rows, o);
    if (vergelijking) comparison_sheet(vergelijking, f, runs, names, rows);
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
