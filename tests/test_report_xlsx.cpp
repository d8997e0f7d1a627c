// The Excel report read back: an .xlsx is a zip of XML, unpacked here with `unzip -p` (Debian's
// unzip, already on the machine; no zip library needed for a test). Checks labels, frozen
// headings, euro formats, that subtotals, totals, resultaat and eigen vermogen are formulas,
// that their cached values are the plan's figures (within EUR 2) and that every formula on a
// scenario sheet recomputes from the sheet's own cells to its cached value (the engine's figure).
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "begroting/reports.hpp"
#include "report_helpers.hpp"

namespace {

namespace fs = std::filesystem;

std::string unzip(const std::string& file, const std::string& entry) {
  const std::string cmd = "unzip -p '" + file + "' '" + entry + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[65536];
  size_t k;
  while ((k = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, k);
  const int st = pclose(p);
  REQUIRE_MESSAGE(st == 0, "unzip failed for " << entry << " of " << file);
  return out;
}

std::string unxml(std::string s) {
  const std::pair<const char*, const char*> ents[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [e, c] : ents)
    for (size_t at = s.find(e); at != std::string::npos; at = s.find(e, at + 1)) s.replace(at, std::strlen(e), c);
  return s;
}

struct Cell {
  std::string formula;  ///< without '='; empty for a value
  double value = 0;
  bool has_value = false;
  std::string text;     ///< shared string
};
using Sheet = std::map<std::string, Cell>;  // "B12" -> cell

struct Book {
  std::vector<std::string> names;  // in order
  std::map<std::string, Sheet> sheets;
  std::map<std::string, std::string> xml;  // raw sheet XML by name
  std::string styles;
};

// Every <tag ...>body</tag> or <tag .../> in `s`, in order: its attribute text and its body. A plain
// scan, not std::regex: libstdc++'s regex executor recurses once per character it matches, and a
// long formula cell overflowed the stack in the AddressSanitizer build.
struct Element {
  std::string attrs, body;
};
std::vector<Element> elements(const std::string& s, const std::string& tag) {
  std::vector<Element> out;
  const std::string open = "<" + tag, close = "</" + tag + ">";
  size_t at = s.find(open);
  while (at != std::string::npos) {
    const size_t after = at + open.size();
    if (after >= s.size() || (s[after] != ' ' && s[after] != '>' && s[after] != '/')) {  // <tags>, <cols>
      at = s.find(open, after);
      continue;
    }
    const size_t gt = s.find('>', after);
    REQUIRE(gt != std::string::npos);
    Element e;
    if (s[gt - 1] == '/') {
      e.attrs = s.substr(after, gt - 1 - after);
      at = s.find(open, gt + 1);
    } else {
      e.attrs = s.substr(after, gt - after);
      const size_t end = s.find(close, gt + 1);
      REQUIRE(end != std::string::npos);
      e.body = s.substr(gt + 1, end - gt - 1);
      at = s.find(open, end + close.size());
    }
    out.push_back(std::move(e));
  }
  return out;
}

// The value of attribute `name` in an element's attribute text; empty when absent.
std::string attr(const std::string& attrs, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const size_t at = attrs.find(key);
  if (at == std::string::npos) return "";
  const size_t from = at + key.size();
  return attrs.substr(from, attrs.find('"', from) - from);
}

Book read_book(const std::string& file) {
  Book b;
  for (const Element& e : elements(unzip(file, "xl/workbook.xml"), "sheet")) b.names.push_back(unxml(attr(e.attrs, "name")));
  std::vector<std::string> strings;
  for (const Element& si : elements(unzip(file, "xl/sharedStrings.xml"), "si")) {
    std::string text;
    for (const Element& t : elements(si.body, "t")) text += t.body;
    strings.push_back(unxml(text));
  }
  for (size_t k = 0; k < b.names.size(); ++k) {
    const std::string xml = unzip(file, "xl/worksheets/sheet" + std::to_string(k + 1) + ".xml");
    b.xml[b.names[k]] = xml;
    Sheet& sh = b.sheets[b.names[k]];
    for (const Element& e : elements(xml, "c")) {
      Cell c;
      const std::string type = attr(e.attrs, "t");
      if (const auto f = elements(e.body, "f"); !f.empty()) c.formula = unxml(f.front().body);
      if (const auto v = elements(e.body, "v"); !v.empty()) {
        const std::string& val = v.front().body;
        if (type == "s") c.text = strings.at(std::stoul(val));
        else if (type == "str") c.text = unxml(val);
        else { c.value = std::stod(val); c.has_value = true; }
      }
      sh[attr(e.attrs, "r")] = c;
    }
  }
  b.styles = unzip(file, "xl/styles.xml");
  return b;
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(' ');
  return a == std::string::npos ? "" : s.substr(a, s.find_last_not_of(' ') - a + 1);
}

// The row (1-based) whose column A holds `label` (trimmed); the first such row after `after`.
int row_of(const Sheet& sh, const std::string& label, int after = 0) {
  int best = 0;
  for (const auto& [ref, c] : sh) {
    if (ref[0] != 'A' || !std::isdigit(static_cast<unsigned char>(ref[1]))) continue;
    const int r = std::stoi(ref.substr(1));
    if (r > after && trim(c.text) == label && (best == 0 || r < best)) best = r;
  }
  REQUIRE_MESSAGE(best > 0, "no row labelled '" << label << "'");
  return best;
}

std::string col(int i) { return std::string(1, static_cast<char>('B' + i)); }  // year i -> B..F

std::vector<double> cached(const Sheet& sh, int row) {
  std::vector<double> v;
  for (int i = 0; i < 5; ++i) {
    const auto it = sh.find(col(i) + std::to_string(row));
    REQUIRE(it != sh.end());
    REQUIRE(it->second.has_value);
    v.push_back(it->second.value);
  }
  return v;
}

// The cell of parameter `path` on an Invoer sheet (generated from the registry): the row whose
// column "Parameter (--set)" holds the path; the column of `year` in the heading (row 6), or
// column B ("één waarde") for a single value (year 0).
std::string invoer_cell(const Sheet& inv, const std::string& path, int year) {
  std::string pcol, ycol = "B";
  for (const auto& [ref, c] : inv) {
    const size_t d = ref.find_first_of("0123456789");
    if (ref.substr(d) != "6") continue;
    if (c.text == "Parameter (--set)") pcol = ref.substr(0, d);
    if (year != 0 && c.has_value && c.value == year) ycol = ref.substr(0, d);
  }
  REQUIRE(!pcol.empty());
  REQUIRE_MESSAGE((year == 0 || ycol != "B"), "no column for " << year);
  for (const auto& [ref, c] : inv) {
    const size_t d = ref.find_first_of("0123456789");
    if (ref.substr(0, d) == pcol && c.text == path) return ycol + ref.substr(d);
  }
  FAIL("no Invoer row for " << path);
  return "";
}

// A small evaluator for the formulas the report writes on a scenario sheet: numbers, cell
// references, ranges in SUM, + - * /, unary minus, parentheses, SUM and MAX. Referenced formula
// cells are evaluated from their formulas (never from their cached values).
struct Eval {
  const Sheet& sh;
  std::string s;
  size_t p = 0;
  int depth = 0;

  double cellv(const std::string& ref) {
    const auto it = sh.find(ref);
    if (it == sh.end()) return 0;  // empty cell
    // A formula that reads another sheet or uses IF: its cached value here (LibreOffice Calc
    // recomputes those in the test below).
    const bool elsewhere = it->second.formula.find('!') != std::string::npos || it->second.formula.find("IF(") != std::string::npos;
    if (!it->second.formula.empty() && !elsewhere) {
      REQUIRE(depth < 200);
      Eval e{sh, it->second.formula, 0, depth + 1};
      return e.run();
    }
    return it->second.value;
  }
  double run() {
    const double v = expr();
    REQUIRE_MESSAGE(p == s.size(), "unparsed rest of formula '" << s << "' at " << p);
    return v;
  }
  bool eat(char c) { if (p < s.size() && s[p] == c) { ++p; return true; } return false; }
  std::string ref() {
    const size_t a = p;
    while (p < s.size() && std::isupper(static_cast<unsigned char>(s[p]))) ++p;
    while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
    return s.substr(a, p - a);
  }
  std::vector<double> args() {
    std::vector<double> v;
    REQUIRE(eat('('));
    do {
      const size_t save = p;
      const std::string a = ref();
      if (!a.empty() && eat(':')) {
        const std::string b = ref();
        REQUIRE(a[0] == b[0]);
        for (int r = std::stoi(a.substr(1)); r <= std::stoi(b.substr(1)); ++r) v.push_back(cellv(a.substr(0, 1) + std::to_string(r)));
      } else {
        p = save;
        v.push_back(expr());
      }
    } while (eat(','));
    REQUIRE(eat(')'));
    return v;
  }
  double factor() {
    if (eat('-')) return -factor();
    if (eat('(')) { const double v = expr(); REQUIRE(eat(')')); return v; }
    if (s.compare(p, 3, "SUM") == 0) { p += 3; double t = 0; for (double x : args()) t += x; return t; }
    if (s.compare(p, 3, "MAX") == 0) { p += 3; const auto a = args(); return *std::max_element(a.begin(), a.end()); }
    if (s.compare(p, 5, "ROUND") == 0) {  // half away from zero, as Excel
      p += 5;
      const auto a = args();
      REQUIRE(a.size() == 2);
      const double m = std::pow(10.0, a[1]);
      return std::round(a[0] * m) / m;
    }
    if (std::isdigit(static_cast<unsigned char>(s[p]))) {
      size_t n = 0;
      const double v = std::stod(s.substr(p), &n);
      p += n;
      return v;
    }
    const std::string r = ref();
    REQUIRE_MESSAGE(!r.empty(), "cannot read formula '" << s << "' at " << p);
    return cellv(r);
  }
  double term() {
    double v = factor();
    for (;;) {
      if (eat('*')) v *= factor();
      else if (eat('/')) v /= factor();
      else return v;
    }
  }
  double expr() {
    double v = term();
    for (;;) {
      if (eat('+')) v += term();
      else if (eat('-')) v -= term();
      else return v;
    }
  }
};

// Plan, hfst 12 (shared/reference), 2024..2028.
const std::vector<double> kEv{1797043, 1211709, 703696, 614081, 613292};
const std::vector<double> kBaten{19412806, 19245938, 18793799, 18672534, 18551921};
const std::vector<double> kLasten{20175763, 19831272, 19301811, 18762149, 18552711};
const std::vector<double> kResultaat{-762957, -585334, -508013, -89615, -790};
const std::vector<double> kRijks{18812002, 18692192, 18561426, 18443661, 18328048};

}  // namespace

TEST_CASE("report xlsx of the baseline: formulas with the plan's figures as cached values") {
  const std::string dir = testutil::temp_dir();
  const std::string file = dir + "/begroting.xlsx";
  const auto r = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx --date 2026-11-22 --output " + file);
  REQUIRE(r.exit_code == 0);
  const Book b = read_book(file);
  // The scenario's name is longer than Excel's 31 characters: the sheet takes the file's name.
  // Samenvatting first (issue 14.1), then per scenario its Invoer sheet and its plan sheet.
  REQUIRE(b.names == std::vector<std::string>{"Samenvatting", "Invoer zuid-kennemerland-2024", "zuid-kennemerland-2024", "Kengetallen"});
  const Sheet& sh = b.sheets.at("zuid-kennemerland-2024");
  CHECK(sh.at("A1").text == "Zuid-Kennemerland 2024-2028 (ondersteuningsplan)");
  CHECK(sh.at("A4").text == "Datum van de run: 2026-11-22");
  CHECK(sh.at("B6").value == 2024);
  CHECK(sh.at("F6").value == 2028);
  // Frozen headings (rows 1-6 and column A) and euro number formats.
  CHECK(b.xml.at("zuid-kennemerland-2024").find("<pane xSplit=\"1\" ySplit=\"6\" topLeftCell=\"B7\" activePane=\"bottomRight\" state=\"frozen\"/>") != std::string::npos);
  CHECK(b.styles.find("formatCode=\"[$\xE2\x82\xAC-413] #,##0;[$\xE2\x82\xAC-413] -#,##0\"") != std::string::npos);

  // Totaal rijksbijdragen = SUM of its three lines (rows of lichte, zware, impuls).
  const int lichte = row_of(sh, "Lichte ondersteuning"), impuls = row_of(sh, "Impuls smw/risicoleerlingen");
  const int rijks = row_of(sh, "Totaal rijksbijdragen");
  CHECK(impuls == lichte + 2);
  // Labels as the plan prints them; the layout's indent is Excel's cell indent, not spaces.
  CHECK(sh.at("A" + std::to_string(lichte)).text == "Lichte ondersteuning");
  CHECK(b.styles.find("indent=\"2\"") != std::string::npos);
  CHECK(sh.at("B" + std::to_string(rijks)).formula == "ROUND(SUM(B" + std::to_string(lichte) + ":B" + std::to_string(impuls) + "),2)");
  testutil::check_close(cached(sh, rijks), kRijks, 2);
  // Totaal baten = totaal rijksbijdragen + totaal overige baten; totaal lasten likewise from its three.
  const int baten = row_of(sh, "Totaal baten"), lasten = row_of(sh, "Totaal lasten");
  CHECK(sh.at("C" + std::to_string(baten)).formula ==
        "ROUND(SUM(C" + std::to_string(rijks) + ",C" + std::to_string(row_of(sh, "Totaal overige baten")) + "),2)");
  testutil::check_close(cached(sh, baten), kBaten, 2);
  testutil::check_close(cached(sh, lasten), kLasten, 2);
  for (const char* sub : {"Subtotaal regulier onderwijs", "Subtotaal SBO en SBO-plus", "Subtotaal speciaal onderwijs", "Totaal overdrachten",
                          "Totaal management en organisatie", "Totaal uitvoeringsorganisatie"})
    CHECK_MESSAGE(sh.at("D" + std::to_string(row_of(sh, sub))).formula.rfind("ROUND(SUM(", 0) == 0, sub);
  // Resultaat = baten - lasten; eigen vermogen = 2.560.000 (31-12-2023, plan) + resultaat, then
  // the year before + resultaat.
  const int res = row_of(sh, "Resultaat"), ev = row_of(sh, "Eigen vermogen op 31-12");
  CHECK(sh.at("B" + std::to_string(res)).formula == "ROUND(B" + std::to_string(baten) + "-B" + std::to_string(lasten) + ",2)");
  const Sheet& inv = b.sheets.at("Invoer zuid-kennemerland-2024");
  const std::string opening = invoer_cell(inv, "reserves.eigen_vermogen_begin", 0);
  CHECK(inv.at(opening).value == 2560000);  // plan, hfst 12: eigen vermogen 31-12-2023
  CHECK(sh.at("B" + std::to_string(ev)).formula ==
        "ROUND('Invoer zuid-kennemerland-2024'!$" + opening.substr(0, 1) + "$" + opening.substr(1) + "+B" + std::to_string(res) + ",2)");
  CHECK(sh.at("E" + std::to_string(ev)).formula == "ROUND(D" + std::to_string(ev) + "+E" + std::to_string(res) + ",2)");
  testutil::check_close(cached(sh, res), kResultaat, 2);
  testutil::check_close(cached(sh, ev), kEv, 2);
  // Plan: waarvan weerstandsvermogen 655.000 ... 613.292 (= eigen vermogen - bestemmingsreserve).
  const int wv = row_of(sh, "waarvan weerstandsvermogen");
  CHECK(sh.at("B" + std::to_string(wv)).formula == "ROUND(B" + std::to_string(ev) + "-B" + std::to_string(row_of(sh, "waarvan bestemmingsreserve")) + ",2)");
  testutil::check_close(cached(sh, wv), {655000, 655000, 650000, 600000, 613292}, 2);

  // Every formula recomputes from the sheet's cells to its cached value (to the cent). Formulas
  // that read the Invoer sheet or use IF (eigen vermogen, niveau, bestemmingsreserve,
  // signaleringswaarde and what depends on them) are recomputed by LibreOffice Calc below.
  int formulas = 0, all_formulas = 0;
  for (const auto& [ref, c] : sh) {
    if (c.formula.empty()) continue;
    ++all_formulas;
    if (c.formula.find('!') != std::string::npos || c.formula.find("IF(") != std::string::npos) continue;
    {
      const std::string row = ref.substr(1);
      bool reads_invoer = false;
      for (const std::string l : {"Eigen vermogen op 31-12", "waarvan weerstandsvermogen", "waarvan bestemmingsreserve",
                                  "Signaleringswaarde Inspectie", "Boven signaleringswaarde", "Weerstandsvermogen %"})
        for (const auto& [r2, c2] : sh)
          if (r2 == "A" + row && c2.text.rfind(l, 0) == 0) reads_invoer = true;
      if (reads_invoer) continue;
    }
    ++formulas;
    Eval e{sh, c.formula};
    const double v = e.run();
    INFO(ref << " = " << c.formula << ": recomputed " << v << ", cached " << c.value);
    CHECK(std::abs(v - c.value) < 0.005);
  }
  // 5 years x (10 subtotals and totals: rijksbijdragen, overige baten, baten, regulier, SBO, SO,
  // overdrachten, M&O, uitvoeringsorganisatie, lasten; + resultaat, weerstandsvermogen)
  CHECK(formulas >= 5 * 12);
  // Every computed line is a formula (issue 14.4): in the year columns of every line row, a
  // number without a formula is only on a row whose label carries the note "waarde uit
  // begroting, geen formule" (here the vangnet claims, from counts per school, and where the
  // model has it the OCW korting imposed, found by bisection on whole cents).
  std::set<int> value_rows;
  for (const auto& [ref, c] : sh) {
    const int r = std::stoi(ref.substr(1));
    if (ref[0] < 'B' || ref[0] > 'F' || r <= 6 || !c.formula.empty() || !c.has_value) continue;
    value_rows.insert(r);
  }
  const std::string comments = unzip(file, "xl/comments1.xml");
  int claims = 0;
  for (const auto& [ref, c] : sh)
    if (ref[0] == 'A' && c.text.rfind("Vangnetclaims", 0) == 0) claims = std::stoi(ref.substr(1));
  CHECK(value_rows.count(claims) == 1);
  for (int vr : value_rows) {
    const std::string label = sh.at("A" + std::to_string(vr)).text;
    INFO("value row " << vr << " " << label);
    CHECK((label.rfind("Vangnetclaims", 0) == 0 || label.rfind("Korting OCW opgelegd", 0) == 0));
    CHECK(comments.find("<comment ref=\"A" + std::to_string(vr) + "\"") != std::string::npos);
  }
  CHECK(comments.find("Waarde uit begroting, geen formule: claims uit de tellingen per SO-school") != std::string::npos);
  CHECK(all_formulas >= 5 * 80);
  // Lichte ondersteuning 2024 = tarief x leerlingen bo rounded to the cent, both from their own cells:
  // 356,36 (Invoer, 2024) x the bo row (= Invoer teldatum 2023, 21.747).
  const int bo = row_of(sh, "Leerlingen bo (teldatum 1-2 t-1)");
  const std::string tl = invoer_cell(inv, "tarieven.lichte_ondersteuning", 2024);
  CHECK(inv.at(tl).value == 356.36);
  // The engine's mul_round: the tarief in whole cents x the count, rounded half away from zero
  // on that product (truncate, then the remainder), as money.hpp does.
  const std::string product = "ROUND('Invoer zuid-kennemerland-2024'!$" + tl.substr(0, 1) + "$" + tl.substr(1) + "*100,0)*B" + std::to_string(bo);
  CHECK(sh.at("B" + std::to_string(lichte)).formula ==
        "(TRUNC((" + product + "))+((" + product + ")-TRUNC((" + product + "))>=0.5)-((" + product + ")-TRUNC((" + product + "))<=-0.5))/100");
  CHECK(sh.at("B" + std::to_string(lichte)).value == 7749760.92);  // 21.747 x 356,36 = 7.749.760,92

  // Kengetallen: references into the scenario sheet, with the plan's figures cached.
  const Sheet& k = b.sheets.at("Kengetallen");
  const int kev = row_of(k, "Eigen vermogen op 31-12");
  CHECK(k.at("C" + std::to_string(kev)).formula == "'zuid-kennemerland-2024'!C" + std::to_string(ev));
  testutil::check_close(cached(k, kev), kEv, 2);
  // Rentabiliteit 2024 = -762.957 / 19.412.806 = -0,0393.
  const int rent = row_of(k, "Rentabiliteit (doel 0%)");
  CHECK(std::abs(k.at("B" + std::to_string(rent)).value - (-762957.0 / 19412806.0)) < 1e-6);
  // The engine's full signal list has no formula: it says so, so it never contradicts the
  // recalculated signal row above it without a warning.
  CHECK(k.at("B" + std::to_string(row_of(k, "Alle signalen (rekenkern): stand bij het maken van het bestand (niet herberekend)"))).text.find(
            "mogelijk bovenmatig") != std::string::npos);
  // The eigen vermogen signal is a formula over the rows above it (with conditional formatting).
  CHECK(k.at("B" + std::to_string(row_of(k, "Signaal eigen vermogen"))).formula.rfind("IF(", 0) == 0);
  CHECK(b.xml.at("Kengetallen").find("<conditionalFormatting") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("report xlsx: the Invoer sheet prints readable on one A4 landscape page wide") {
  const std::string dir = testutil::temp_dir();
  const std::string file = dir + "/invoer.xlsx";
  REQUIRE(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx --output " + file).exit_code == 0);
  const Book b = read_book(file);
  const std::string& xml = b.xml.at("Invoer zuid-kennemerland-2024");
  // Print setup: A4 (paperSize 9), landscape, one page wide.
  CHECK(xml.find("paperSize=\"9\"") != std::string::npos);
  CHECK(xml.find("orientation=\"landscape\"") != std::string::npos);
  CHECK(xml.find("fitToPage=\"1\"") != std::string::npos);
  CHECK(xml.find("fitToHeight=\"0\"") != std::string::npos);
  // The column widths (<col min max width>, in characters of the 11-point default font) up to
  // the last used column ("Werkt door").
  const Sheet& inv = b.sheets.at("Invoer zuid-kennemerland-2024");
  int last = 0;
  std::map<std::string, int> col_of_head;
  for (const auto& [ref, c] : inv) {
    const size_t d = ref.find_first_of("0123456789");
    if (ref.substr(d) != "6" || d != 1) continue;
    last = std::max(last, ref[0] - 'A' + 1);
    if (!c.text.empty()) col_of_head[c.text] = ref[0] - 'A' + 1;
  }
  REQUIRE(col_of_head.count("Bron") == 1);
  REQUIRE(col_of_head.count("Parameter (--set)") == 1);
  CHECK(col_of_head.at("Werkt door") == last);
  double chars = 0, px = 0;
  std::map<int, double> width;
  for (const Element& e : elements(xml, "col")) {
    const int a = std::stoi(attr(e.attrs, "min")), z = std::stoi(attr(e.attrs, "max"));
    for (int c = a; c <= z && c <= last; ++c) width[c] = std::stod(attr(e.attrs, "width"));
  }
  for (int c = 1; c <= last; ++c) {
    REQUIRE_MESSAGE(width.count(c) == 1, "no width for column " << c);
    chars += width[c];
    px += std::floor(width[c] * 7 + 5);  // Excel: a character of the default font is 7 pixels, plus 5 of padding
  }
  // The audit found 281 characters (Parameter 44.7, Bron 50.7): 4-point text when fitted.
  CHECK(chars <= 156);  // about 150 (libxlsxwriter adds the cell padding to each width)
  CHECK(width[col_of_head.at("Bron")] <= 30);
  CHECK(width[col_of_head.at("Parameter (--set)")] <= 25);
  // Printed one page wide on A4 landscape: 297 mm less Excel's default margins (2 x 0.7 inch)
  // = 261.4 mm; the sheet is px / 96 inch wide; the 11-point text shrinks by that ratio.
  const double sheet_mm = px / 96 * 25.4, effective_pt = 11 * std::min(1.0, 261.4 / sheet_mm);
  MESSAGE("Invoer: " << chars << " characters, " << sheet_mm << " mm, printed at " << effective_pt << " pt");
  CHECK(effective_pt >= 8);
  // Long text wraps in its narrow column: the cells of Omschrijving, Parameter and Bron use a
  // format with wrapText (styles.xml cellXfs, by the cell's s index).
  const auto xfs = elements(elements(b.styles, "cellXfs").front().body, "xf");
  auto wraps = [&](const std::string& ref) {
    for (const Element& e : elements(xml, "c"))
      if (attr(e.attrs, "r") == ref) {
        const std::string st = attr(e.attrs, "s");
        return !st.empty() && xfs.at(std::stoul(st)).body.find("wrapText=\"1\"") != std::string::npos;
      }
    return false;
  };
  const std::string cell = invoer_cell(inv, "tarieven.so_cat1", 2024);
  const std::string row = cell.substr(cell.find_first_of("0123456789"));
  CHECK(wraps("A" + row));
  CHECK(wraps(std::string(1, static_cast<char>('A' + col_of_head.at("Parameter (--set)") - 1)) + row));
  CHECK(wraps(std::string(1, static_cast<char>('A' + col_of_head.at("Bron") - 1)) + row));
  fs::remove_all(dir);
}

TEST_CASE("report xlsx of two scenarios: a sheet each and a comparison sheet with differences") {
  const std::string dir = testutil::temp_dir();
  const std::string file = dir + "/vergelijking.xlsx";
  const auto r = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml tests/data/so-golf.yaml --format xlsx --output " + file);
  REQUIRE(r.exit_code == 0);
  const Book b = read_book(file);
  // The comparison first (as md and html); sheet names all from the file names (README).
  REQUIRE(b.names == std::vector<std::string>{"Vergelijking", "Samenvatting", "Invoer zuid-kennemerland-2024", "zuid-kennemerland-2024",
                                              "Invoer so-golf", "so-golf", "Kengetallen"});
  const Sheet& golf = b.sheets.at("so-golf");
  // SO-golf 2025: eigen vermogen 1.211.709 - 89.274,55 + 45.781,50 paid by the schools (test_report.cpp).
  CHECK(std::abs(cached(golf, row_of(golf, "Eigen vermogen op 31-12"))[1] - (1211709 - 43493.05)) <= 2);
  const Sheet& v = b.sheets.at("Vergelijking");
  const int ev = row_of(v, "Eigen vermogen op 31-12");
  const int base = row_of(v, "Zuid-Kennemerland 2024-2028 (ondersteuningsplan)", ev);
  const int diff = row_of(v, "verschil SO-golf (SO cat. I +10% per jaar)", ev);
  testutil::check_close(cached(v, base), kEv, 2);
  CHECK(v.at("C" + std::to_string(diff)).formula == "C" + std::to_string(diff - 1) + "-C" + std::to_string(base));
  // 0 in 2024; -43.493,05 in 2025; -172.736,52 in 2026 (test_report.cpp).
  testutil::check_close({cached(v, diff)[0], cached(v, diff)[1], cached(v, diff)[2]}, {0, -43493.05, -172736.52}, 2);
  // Differences with their sign: the cell's number format shows "+€ 64.610", "-€ 43.493", "€ 0".
  const std::string signed_fmt = "+[$\xE2\x82\xAC-413] #,##0;-[$\xE2\x82\xAC-413] #,##0;[$\xE2\x82\xAC-413] 0";
  std::string fmt_id;
  for (const Element& e : elements(b.styles, "numFmt"))
    if (unxml(attr(e.attrs, "formatCode")) == signed_fmt) fmt_id = attr(e.attrs, "numFmtId");
  REQUIRE_MESSAGE(!fmt_id.empty(), "no signed euro format in styles.xml");
  const auto xfs = elements(elements(b.styles, "cellXfs").front().body, "xf");
  std::string style;
  for (const Element& e : elements(b.xml.at("Vergelijking"), "c"))
    if (attr(e.attrs, "r") == "C" + std::to_string(diff)) style = attr(e.attrs, "s");
  REQUIRE(!style.empty());
  CHECK(attr(xfs.at(std::stoul(style)).attrs, "numFmtId") == fmt_id);
  // Printed like every sheet: A4 landscape, one page wide.
  CHECK(b.xml.at("Vergelijking").find("orientation=\"landscape\"") != std::string::npos);
  CHECK(b.xml.at("Vergelijking").find("fitToPage=\"1\"") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("report xlsx: sheet names by one rule and a variant says VARIANT") {
  const std::string dir = testutil::temp_dir();
  SUBCASE("a variant: VARIANT in the sheet names and on every sheet") {
    const std::string file = dir + "/variant.xlsx";
    REQUIRE(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --set leerlingen.so_cat1.groei=0.06 --format xlsx --output " + file)
                .exit_code == 0);
    const Book b = read_book(file);
    // "Invoer zuid-kennemerland-2024" + " VARIANT" is 37 characters: the file name is cut after the
    // last whole word that leaves room for " VARIANT" within 31 ("Invoer zuid" + " VARIANT").
    REQUIRE(b.names == std::vector<std::string>{"Samenvatting", "Invoer zuid VARIANT", "zuid-kennemerland-2024 VARIANT", "Kengetallen"});
    for (const auto& n : b.names) CHECK(n.size() <= 31);
    CHECK(b.sheets.at("zuid-kennemerland-2024 VARIANT").at("A1").text.rfind("VARIANT van ", 0) == 0);
    CHECK(b.sheets.at("Invoer zuid VARIANT").at("A1").text.rfind("Invoer: VARIANT van ", 0) == 0);
    CHECK(b.sheets.at("Samenvatting").at("A1").text.rfind("Samenvatting: VARIANT van ", 0) == 0);
    CHECK(b.sheets.at("Kengetallen").at("A7").text.rfind("VARIANT van ", 0) == 0);
  }
  SUBCASE("long file names: cut after a whole word, unique, never over 31") {
    // Two scenario files whose names share their first 31 characters.
    const std::string base = testutil::source("scenarios/zuid-kennemerland-2024.yaml");
    const std::string a = dir + "/zuid-kennemerland-2024-variant-hoge-groei.yaml", c = dir + "/zuid-kennemerland-2024-variant-hoge-krimp.yaml";
    { std::ofstream(a) << "extends: " << base << "\nnaam: Hoge groei\n"; }
    { std::ofstream(c) << "extends: " << base << "\nnaam: Hoge krimp\n"; }
    const std::string file = dir + "/lang.xlsx";
    const auto r = testutil::run_cli("report '" + a + "' '" + c + "' --format xlsx --output " + file);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const Book b = read_book(file);
    // "zuid-kennemerland-2024-variant-hoge-groei" (41): the words that fit in 31 are
    // "zuid-kennemerland-2024-variant" (30); the second file gives the same, so " (2)" after the
    // words that fit in 27 ("zuid-kennemerland-2024"). Invoer: "Invoer zuid-kennemerland-2024"
    // (29), then "Invoer zuid-kennemerland (2)" (the words within 27).
    REQUIRE(b.names == std::vector<std::string>{"Vergelijking", "Samenvatting", "Invoer zuid-kennemerland-2024", "zuid-kennemerland-2024-variant",
                                                "Invoer zuid-kennemerland (2)", "zuid-kennemerland-2024 (2)", "Kengetallen"});
    for (const auto& n : b.names) CHECK(n.size() <= 31);
    // The comparison names each sheet's scenario.
    CHECK(b.sheets.at("Vergelijking").at("A3").text ==
          "Bladen: zuid-kennemerland-2024-variant = Hoge groei; zuid-kennemerland-2024 (2) = Hoge krimp");
  }
  fs::remove_all(dir);
}

TEST_CASE("report xlsx: --output is required and a failed run leaves the old file and no temporary files") {
  CHECK(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx").exit_code == 2);
  const std::string dir = testutil::temp_dir();
  const std::string file = dir + "/begroting.xlsx";
  { std::ofstream(file) << "oude inhoud\n"; }
  CHECK(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx --set tarieven.sbo=abc --output " + file).exit_code == 2);
  CHECK(testutil::slurp(file) == "oude inhoud\n");
  // A directory that cannot be written: the error is reported and nothing is left behind.
  CHECK(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx --output " + dir + "/geen-map/x.xlsx").exit_code != 0);
  CHECK(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx --output " + file).exit_code == 0);
  CHECK(testutil::slurp(file).rfind("PK", 0) == 0);  // a zip now
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 1);  // only begroting.xlsx: no temporary file left
  fs::remove_all(dir);
}

namespace {
// LibreOffice Calc headless with its own profile, told to recalculate xlsx formulas on load
// (OOXMLRecalcMode 0: always); every sheet exported as CSV (file-SheetName.csv).
std::map<std::string, std::vector<std::vector<std::string>>> recalc_in_calc(const std::string& xlsx) {
  const std::string profile = testutil::temp_dir();
  std::filesystem::create_directories(profile + "/user");
  {
    std::ofstream x(profile + "/user/registrymodifications.xcu");
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
         "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
         "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\">"
         "<value>0</value></prop></item>\n</oor:items>\n";
  }
  const std::string out = testutil::temp_dir();
  const std::string cmd = "timeout 180 soffice --headless -env:UserInstallation=file://" + profile +
                          " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir '" +
                          out + "' '" + xlsx + "' >/dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
  std::map<std::string, std::vector<std::vector<std::string>>> sheets;
  const std::string stem = std::filesystem::path(xlsx).stem().string() + "-";
  for (const auto& e : std::filesystem::directory_iterator(out)) {
    const std::string fn = e.path().filename().string();
    if (fn.rfind(stem, 0) != 0) continue;
    auto& rows = sheets[fn.substr(stem.size(), fn.size() - stem.size() - 4)];
    std::istringstream in(testutil::slurp_file(e.path().string()));
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> cells;
      std::string cur;
      bool q = false;
      for (char ch : line) {
        if (ch == '"') q = !q;
        else if (ch == ',' && !q) { cells.push_back(cur); cur.clear(); }
        else cur += ch;
      }
      cells.push_back(cur);
      rows.push_back(cells);
    }
  }
  std::filesystem::remove_all(profile);
  std::filesystem::remove_all(out);
  return sheets;
}

std::vector<double> calc_row(const std::vector<std::vector<std::string>>& rows, const std::string& label) {
  for (const auto& r : rows)
    if (!r.empty() && r[0] == label) {
      std::vector<double> v;
      for (size_t k = 1; k < r.size() && k <= 5; ++k) v.push_back(std::strtod(r[k].c_str(), nullptr));
      return v;
    }
  FAIL("no row " << label);
  return {};
}

// The Samenvatting's sentences (the rows between the run date and the first crossing year) and
// its crossing years (label in A, year or "nooit" in B), as Calc shows them after recalculating.
std::vector<std::string> calc_sentences(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> z;
  bool in = false;
  for (const auto& r : rows) {
    if (r.empty()) continue;
    if (r[0].rfind("Eerste jaar", 0) == 0) break;
    if (in && !r[0].empty()) z.push_back(r[0]);
    if (r[0].rfind("Datum van de run", 0) == 0) in = true;
  }
  return z;
}
std::string calc_crossing(const std::vector<std::vector<std::string>>& rows, const std::string& label) {
  for (const auto& r : rows)
    if (r.size() > 1 && r[0] == label) return r[1];
  FAIL("no crossing row " << label);
  return "";
}

// A number as LibreOffice writes it to CSV ("12.5", "-3.93%" for a percentage cell).
double calc_number(std::string t) {
  double scale = 1;
  if (!t.empty() && t.back() == '%') { t.pop_back(); scale = 0.01; }
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  REQUIRE_MESSAGE((end && *end == 0 && !t.empty()), "not a number: '" << t << "'");
  return v * scale;
}

const std::vector<std::vector<std::string>>& plan_sheet(const std::map<std::string, std::vector<std::vector<std::string>>>& calc) {
  REQUIRE(calc.count("zuid-kennemerland-2024") == 1);
  return calc.at("zuid-kennemerland-2024");
}

// Set Invoer cells of `x` (path, year, value) into `y` with tests/xlsx_set_cell.py.
void set_invoer(const std::string& x, const std::string& y, const Book& b, const std::vector<std::tuple<std::string, int, std::string>>& cells) {
  const std::string name = "Invoer zuid-kennemerland-2024";
  std::string cmd = "python3 '" + testutil::source("tests/xlsx_set_cell.py") + "' '" + x + "' '" + y + "' '" + name + "'";
  for (const auto& [path, year, value] : cells) cmd += " " + invoer_cell(b.sheets.at(name), path, year) + " " + value;
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
}

// The eigen vermogen and the resultaat of the recalculated plan sheet against the engine's run
// of the same scenario with --set (an independent path: the C++ rules), to the euro.
void check_against_run(const std::vector<std::vector<std::string>>& plan, const std::vector<std::string>& sets) {
  std::vector<begroting::Override> ov;
  for (const auto& x : sets) ov.push_back(begroting::Override{x});
  const begroting::Result r = begroting::run(testutil::baseline(ov));
  for (auto l : {begroting::Line::resultaat, begroting::Line::eigen_vermogen, begroting::Line::baten_totaal, begroting::Line::lasten_totaal,
                 begroting::Line::weerstandsvermogen, begroting::Line::signaleringswaarde}) {
    const auto got = calc_row(plan, std::string(begroting::def(l).label));
    for (int i = 0; i < 5; ++i)
      CHECK_MESSAGE(std::abs(got[static_cast<size_t>(i)] - r.value(l, 2024 + i)) < 0.5,
                    begroting::def(l).label << " " << 2024 + i << ": Calc " << got[static_cast<size_t>(i)] << ", run " << r.value(l, 2024 + i));
  }
}

// The recalculated Samenvatting (sentences and crossing years) against `begroting report --set`
// in markdown for the same values: every sentence and each crossing year as the report says it.
void check_summary_against_report(const std::map<std::string, std::vector<std::vector<std::string>>>& calc,
                                  const std::vector<std::string>& sets) {
  REQUIRE(calc.count("Samenvatting") == 1);
  const auto& sam = calc.at("Samenvatting");
  std::string cmd = "report scenarios/zuid-kennemerland-2024.yaml --format md";
  for (const auto& x : sets) cmd += " --set " + x;
  const auto md = testutil::run_cli(cmd);
  REQUIRE(md.exit_code == 0);
  const auto zinnen = calc_sentences(sam);
  CHECK(zinnen.size() == 4);
  for (const auto& z : zinnen) CHECK_MESSAGE(md.out.find(z) != std::string::npos, "not in report --set: " << z);
  for (const auto& [xl, mdl] : {std::pair{"Eerste jaar onder het niveau weerstandsvermogen (risico):", "Eerste jaar onder het niveau weerstandsvermogen (risico): **"},
                                std::pair{"Eerste jaar onder nul (risico):", "Eerste jaar onder nul (risico): **"},
                                std::pair{"Eerste jaar niet meer mogelijk bovenmatig:", "Eerste jaar niet meer mogelijk bovenmatig (eigen vermogen niet boven de signaleringswaarde): **"}})
    CHECK_MESSAGE(md.out.find(std::string(mdl) + calc_crossing(sam, xl) + "**") != std::string::npos, xl << " " << calc_crossing(sam, xl));
}
}  // namespace

TEST_CASE("xlsx in LibreOffice Calc: every recalculated formula equals the engine") {
  const std::string dir = testutil::temp_dir();
  const std::string x = dir + "/model.xlsx";
  REQUIRE(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx --date 2026-11-30 --output " + x).exit_code == 0);
  const Book b = read_book(x);
  const auto calc = recalc_in_calc(x);
  const auto& plan = plan_sheet(calc);
  // Every formula cell of the plan sheet, recalculated by Calc from the Invoer sheet, equals
  // the value the report stored with it, which is the engine's figure (to the cent).
  int n = 0;
  for (const auto& [ref, c] : b.sheets.at("zuid-kennemerland-2024")) {
    if (c.formula.empty() || !c.has_value) continue;
    const size_t d = ref.find_first_of("0123456789");
    const auto row = static_cast<size_t>(std::stoi(ref.substr(d)) - 1);
    const auto col = static_cast<size_t>(ref[0] - 'A');
    REQUIRE(row < plan.size());
    REQUIRE(col < plan[row].size());
    const double got = calc_number(plan[row][col]);
    CHECK_MESSAGE(std::abs(got - c.value) < 0.005, ref << " = " << c.formula << ": Calc " << got << ", stored " << c.value);
    ++n;
  }
  CHECK(n >= 5 * 80);
  // The Samenvatting's sentences and crossing years are formulas (issue 14.1 in xlsx): recalculated
  // by Calc they say exactly what the engine's summary says.
  {
    REQUIRE(calc.count("Samenvatting") == 1);
    const auto& sam = calc.at("Samenvatting");
    const begroting::Summary sm = begroting::summarize(begroting::run(testutil::baseline()));
    CHECK(calc_sentences(sam) == sm.zinnen);
    CHECK(calc_crossing(sam, "Eerste jaar onder het niveau weerstandsvermogen (risico):") == begroting::year_or_never(sm.eerste_onder_niveau));
    CHECK(calc_crossing(sam, "Eerste jaar onder nul (risico):") == begroting::year_or_never(sm.eerste_onder_nul));
    CHECK(calc_crossing(sam, "Eerste jaar niet meer mogelijk bovenmatig:") == begroting::year_or_never(sm.eerste_niet_bovenmatig));
    // Plan, hfst 12: 614.081 (2027) is below the signaleringswaarde 653.539: no longer mogelijk bovenmatig from 2027.
    CHECK(calc_crossing(sam, "Eerste jaar niet meer mogelijk bovenmatig:") == "2027");
    // Every sentence cell of the file is a formula (not a text that goes stale).
    const Sheet& ss = b.sheets.at("Samenvatting");
    int formulas = 0;
    for (const auto& [ref, c] : ss)
      if (ref[0] == 'A' && !c.formula.empty()) ++formulas;
    CHECK(formulas == static_cast<int>(sm.zinnen.size()));
  }
  // And the key lines against the engine run directly (not through the stored values; lines
  // with a unique label: both DUO lines are "Ondersteuningsbekostiging inh. DUO").
  const begroting::Result r = begroting::run(testutil::baseline());
  for (auto l : {begroting::Line::lichte_ondersteuning, begroting::Line::zware_ondersteuning,
                 begroting::Line::ikc_aanvulling, begroting::Line::ondersteuningsbedrag_bao, begroting::Line::personeelskosten,
                 begroting::Line::baten_totaal, begroting::Line::lasten_totaal, begroting::Line::resultaat, begroting::Line::eigen_vermogen,
                 begroting::Line::weerstandsvermogen, begroting::Line::bestemmingsreserve, begroting::Line::signaleringswaarde,
                 begroting::Line::boven_signaleringswaarde, begroting::Line::weerstandsvermogen_niveau}) {
    const auto got = calc_row(plan, std::string(begroting::def(l).label));
    for (int i = 0; i < 5; ++i)
      CHECK_MESSAGE(std::abs(got[static_cast<size_t>(i)] - r.value(l, 2024 + i)) < 0.005, begroting::def(l).label << " " << 2024 + i);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx in LibreOffice Calc: an input change on Invoer follows begroting run --set") {
  const std::string dir = testutil::temp_dir();
  const std::string x = dir + "/model.xlsx";
  REQUIRE(testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format xlsx --date 2026-11-30 --output " + x).exit_code == 0);
  const Book b = read_book(x);
  SUBCASE("opening eigen vermogen 1.000.000 higher") {
    const double opening = testutil::baseline().value("reserves.eigen_vermogen_begin") + 1000000;
    const std::string text = fmt::format("{:.2f}", opening);
    set_invoer(x, dir + "/a.xlsx", b, {{"reserves.eigen_vermogen_begin", 0, text}});
    const auto calc = recalc_in_calc(dir + "/a.xlsx");
    check_against_run(plan_sheet(calc), {"reserves.eigen_vermogen_begin=" + text});
    check_summary_against_report(calc, {"reserves.eigen_vermogen_begin=" + text});
  }
  SUBCASE("opening eigen vermogen 560.000: below zero in the first year") {
    // By hand: 560.000 + resultaat 2024 (plan: -762.957) = -202.957 < 0, so below zero and below
    // the niveau (655.000) from 2024 and not above the signaleringswaarde in 2024: the summary's
    // other branches ("is het negatief", "niet mogelijk bovenmatig").
    set_invoer(x, dir + "/d.xlsx", b, {{"reserves.eigen_vermogen_begin", 0, "560000"}});
    const auto calc = recalc_in_calc(dir + "/d.xlsx");
    check_against_run(plan_sheet(calc), {"reserves.eigen_vermogen_begin=560000"});
    check_summary_against_report(calc, {"reserves.eigen_vermogen_begin=560000"});
    const auto& sam = calc.at("Samenvatting");
    CHECK(calc_crossing(sam, "Eerste jaar onder nul (risico):") == "2024");
    CHECK(calc_crossing(sam, "Eerste jaar onder het niveau weerstandsvermogen (risico):") == "2024");
    CHECK(calc_crossing(sam, "Eerste jaar niet meer mogelijk bovenmatig:") == "2024");
    const auto zinnen = calc_sentences(sam);
    REQUIRE(zinnen.size() == 4);
    // -202.957,63 shown as format_euro does: whole euros, "-" and thousands dots.
    CHECK(zinnen[2] == "Risico: vanaf 2024 ligt het onder het niveau van het weerstandsvermogen en in 2024 is het negatief (\xE2\x82\xAC -202.958).");
    CHECK(zinnen[1] == "Het eigen vermogen ligt in 2024 niet boven de signaleringswaarde van de Inspectie: niet mogelijk bovenmatig.");
  }
  SUBCASE("SO growth 6% in every category") {
    // Growth into the teldata 1-2-2024 .. 1-2-2027 (begrotingsjaren 2025-2028), the cells the
    // Invoer sheet shows for leerlingen.so_catN.groei.
    std::vector<std::tuple<std::string, int, std::string>> cells;
    for (const char* cat : {"so_cat1", "so_cat2", "so_cat3"})
      for (int y = 2024; y <= 2027; ++y) cells.emplace_back(std::string("leerlingen.") + cat + ".groei", y, "0.06");
    set_invoer(x, dir + "/b.xlsx", b, cells);
    const auto calc = recalc_in_calc(dir + "/b.xlsx");
    check_against_run(plan_sheet(calc), {"leerlingen.so_cat1.groei=0.06", "leerlingen.so_cat2.groei=0.06", "leerlingen.so_cat3.groei=0.06"});
    // The change moved the figures: 2028 eigen vermogen lower than the plan's 613.292.
    CHECK(calc_row(plan_sheet(calc), "Eigen vermogen op 31-12")[4] < 613292 - 100000);
    // And the Samenvatting's sentences and crossing years moved with them (they are formulas),
    // to what `begroting report --set ...` says for the same values. By hand: the SO inhouding
    // 2024 is 115 x 12.938,34 + 38 x 21.053,23 + 30 x 31.419,53 = 3.230.517,74; 6% instead of the
    // plan's 4% growth costs about 3.230.518 x 0,02 = 64.610 more in 2025 and x (1,06^2 - 1,04^2)
    // = 135.682 more in 2026, less what the schools pay back through the afdracht. 2025 keeps a
    // margin (plan: 1.211.708 - 655.000 = 556.708, far above 65k); 2026 had only 703.695 - 650.000
    // = 53.695 above the niveau and loses more than that: the first year below the niveau
    // becomes 2026 (in the plan: never), and the eigen vermogen stays above zero (nooit).
    const auto& sam = calc.at("Samenvatting");
    CHECK(calc_crossing(sam, "Eerste jaar onder het niveau weerstandsvermogen (risico):") == "2026");
    CHECK(calc_crossing(sam, "Eerste jaar onder nul (risico):") == "nooit");
    check_summary_against_report(calc, {"leerlingen.so_cat1.groei=0.06", "leerlingen.so_cat2.groei=0.06", "leerlingen.so_cat3.groei=0.06"});
    const auto zinnen = calc_sentences(sam);
    REQUIRE(zinnen.size() == 4);
    CHECK(zinnen[2].rfind("Risico: in 2026 zakt het onder het niveau van het weerstandsvermogen", 0) == 0);
    for (const auto& z : zinnen) CHECK(z.find("Het blijft in elk jaar boven het niveau") == std::string::npos);
    // Kengetallen: the recalculated signal of 2026 says risico; the engine's full signal list is
    // labelled as the state when the file was made.
    const auto& ken = calc.at("Kengetallen");
    bool risico_2026 = false;
    for (const auto& r : ken)
      if (r.size() > 3 && r[0].find("Signaal eigen vermogen") != std::string::npos) risico_2026 = r[3].rfind("risico", 0) == 0;
    CHECK(risico_2026);
  }
  SUBCASE("bedrag per leerling 2026 from 420 to 400") {
    set_invoer(x, dir + "/c.xlsx", b, {{"regulier_onderwijs.ondersteuningsbedrag_per_leerling", 2026, "400"}});
    const auto calc = recalc_in_calc(dir + "/c.xlsx");
    check_against_run(plan_sheet(calc), {"regulier_onderwijs.ondersteuningsbedrag_per_leerling.2026=400"});
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx in LibreOffice Calc: the Opmaat klas lines recalculate to the hand-derived weekbedrag x weeks") {
  const std::string dir = testutil::temp_dir();
  const std::string x = dir + "/opmaat-klas.xlsx";
  REQUIRE(testutil::run_cli("report scenarios/opmaat-klas.yaml --format xlsx --date 2026-11-30 --output " + x).exit_code == 0);
  const auto calc = recalc_in_calc(x);
  REQUIRE(calc.count("opmaat-klas") == 1);
  const auto& plan = calc.at("opmaat-klas");
  // 8.1.8, weekbedrag = tarief / 40 to the cent: cat. I 12,938.34 / 40 = 323.46, cat. II 21,053.23 / 40 = 526.33;
  // 2025-2028: 120 x 323.46 + 40 x 526.33 = 38,815.20 + 21,053.20 = 59,868.40; 2024: no weeks
  const auto mol = calc_row(plan, "Opmaat klas SO Molenduin");
  const auto af = calc_row(plan, "Af: Opmaat klas SO Molenduin");
  REQUIRE(mol.size() == 5);
  REQUIRE(af.size() == 5);
  CHECK(std::abs(mol[0]) < 0.005);
  for (size_t i = 1; i < 5; ++i) {
    CHECK(std::abs(mol[i] - 59868.40) < 0.005);
    CHECK(std::abs(af[i] + 59868.40) < 0.005);
  }
  std::filesystem::remove_all(dir);
}
