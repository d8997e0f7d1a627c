// Parser and printer of driver formulas (formula.hpp): recursive descent into a node vector.
#include "begroting/formula.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace begroting {

namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.'; }

struct Parser {
  const std::string& s;
  Formula& f;
  size_t p = 0;
  int depth = 0;

  void skip() {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
  }
  [[noreturn]] void fail(const std::string& m, size_t at) const { throw FormulaError(m, static_cast<int>(at)); }
  int add(FormulaNode n) {
    f.nodes.push_back(std::move(n));
    return static_cast<int>(f.nodes.size()) - 1;
  }
  std::string found() const {
    if (p >= s.size()) return "het einde van de formule";
    return "'" + std::string(1, s[p]) + "'";
  }

  int som() {
    int left = product();
    for (;;) {
      skip();
      if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
        const size_t at = p;
        const auto op = s[p++] == '+' ? FormulaNode::Op::Add : FormulaNode::Op::Sub;
        const int right = product();
        left = add({op, 0, "", {left, right}, static_cast<int>(at)});
      } else
        return left;
    }
  }
  int product() {
    int left = factor();
    for (;;) {
      skip();
      if (p < s.size() && (s[p] == '*' || s[p] == '/')) {
        const size_t at = p;
        const auto op = s[p++] == '*' ? FormulaNode::Op::Mul : FormulaNode::Op::Div;
        const int right = factor();
        left = add({op, 0, "", {left, right}, static_cast<int>(at)});
      } else
        return left;
    }
  }
  int factor() {
    skip();
    if (++depth > 64) fail("de formule is te diep genest (meer dan 64 haakjes of tekens)", p);
    struct Guard { int& d; ~Guard() { --d; } } g{depth};
    if (p >= s.size()) fail("de formule houdt op waar een getal, naam of '(' verwacht wordt", p);
    const size_t at = p;
    const char c = s[p];
    if (c == '-') {
      ++p;
      const int x = factor();
      return add({FormulaNode::Op::Neg, 0, "", {x}, static_cast<int>(at)});
    }
    if (c == '(') {
      ++p;
      const int x = som();
      skip();
      if (p >= s.size() || s[p] != ')') fail("verwacht ')' maar vond " + found(), p);
      ++p;
      return x;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      size_t e = p;
      while (e < s.size() && (std::isdigit(static_cast<unsigned char>(s[e])) != 0 || s[e] == '.')) ++e;
      const std::string num = s.substr(p, e - p);
      if (std::count(num.begin(), num.end(), '.') > 1 || num.back() == '.')
        fail("'" + num + "' is geen getal; verwacht bijvoorbeeld 24 of 0.25 (decimale punt, geen duizendtallen)", p);
      if (e < s.size() && name_start(s[e]))
        fail("'" + s.substr(p, e - p + 1) + "' is geen getal en geen naam; een naam begint met een letter", p);
      double v = 0;
#if defined(__EMSCRIPTEN__)
      // emscripten 3.1.6's libc++ has no floating-point from_chars; strtod reads the same
      // digits-and-point text (the C locale is never changed by this program).
      char* end = nullptr;
      v = std::strtod(num.c_str(), &end);
      const bool ok = end == num.c_str() + num.size();
#else
      const auto r = std::from_chars(num.data(), num.data() + num.size(), v);
      const bool ok = r.ec == std::errc();
#endif
      if (!ok || !std::isfinite(v)) fail("'" + num + "' is geen getal", p);
      p = e;
      return add({FormulaNode::Op::Number, v, "", {}, static_cast<int>(at)});
    }
    if (name_start(c)) {
      size_t e = p;
      while (e < s.size() && name_char(s[e])) ++e;
      std::string name = s.substr(p, e - p);
      if (name.back() == '.') fail("naam '" + name + "' eindigt op een punt", p);
      p = e;
      skip();
      if (p < s.size() && s[p] == '(') {
        FormulaNode::Op op{};
        size_t lo = 1, hi = 64;
        if (name == "min") op = FormulaNode::Op::Min, lo = 2;
        else if (name == "max") op = FormulaNode::Op::Max, lo = 2;
        else if (name == "vorig") op = FormulaNode::Op::Vorig, lo = 1, hi = 2;
        else if (name == "groei") op = FormulaNode::Op::Groei, lo = 2, hi = 2;
        else fail("onbekende functie '" + name + "'; verwacht min, max, vorig of groei", at);
        ++p;
        std::vector<int> args{som()};
        for (;;) {
          skip();
          if (p < s.size() && s[p] == ',') {
            ++p;
            args.push_back(som());
            continue;
          }
          if (p < s.size() && s[p] == ')') { ++p; break; }
          fail("verwacht ',' of ')' maar vond " + found(), p);
        }
        if (args.size() < lo || args.size() > hi)
          fail(name + "() krijgt " + std::to_string(args.size()) + " argumenten; verwacht " +
                   (lo == hi ? std::to_string(lo) : std::to_string(lo) + (hi == 64 ? " of meer" : " of " + std::to_string(hi))),
               at);
        if (op == FormulaNode::Op::Vorig && f.nodes[static_cast<size_t>(args[0])].op != FormulaNode::Op::Name)
          fail("vorig() neemt een naam (een regel of parameter), geen berekening", at);
        return add({op, 0, "", std::move(args), static_cast<int>(at)});
      }
      return add({FormulaNode::Op::Name, 0, std::move(name), {}, static_cast<int>(at)});
    }
    fail("onverwacht teken " + found() + "; verwacht een getal, een naam, '-' of '('", p);
  }
};

std::string num_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

int prec(FormulaNode::Op op) {
  switch (op) {
    case FormulaNode::Op::Add: case FormulaNode::Op::Sub: return 1;
    case FormulaNode::Op::Mul: case FormulaNode::Op::Div: return 2;
    case FormulaNode::Op::Neg: return 3;
    default: return 4;
  }
}

std::string render(const Formula& f, const FormulaStyle& st, int i, bool previous) {
  const FormulaNode& n = f.nodes[static_cast<size_t>(i)];
  auto child = [&](int k, int min_prec) {
    const int c = n.args[static_cast<size_t>(k)];
    std::string t = render(f, st, c, previous);
    if (prec(f.nodes[static_cast<size_t>(c)].op) < min_prec) t = "(" + t + ")";
    return t;
  };
  auto list = [&](const char* fn) {
    std::string t = std::string(fn) + "(";
    for (size_t k = 0; k < n.args.size(); ++k) t += (k ? ", " : "") + render(f, st, n.args[k], previous);
    return t + ")";
  };
  switch (n.op) {
    case FormulaNode::Op::Number: return num_text(n.number);
    case FormulaNode::Op::Name: return st.name ? st.name(n.name, previous) : n.name;
    case FormulaNode::Op::Add: return child(0, 1) + " + " + child(1, 2);
    case FormulaNode::Op::Sub: return child(0, 1) + " - " + child(1, 2);
    case FormulaNode::Op::Mul: return child(0, 2) + " * " + child(1, 3);
    case FormulaNode::Op::Div: return child(0, 2) + " / " + child(1, 3);
    case FormulaNode::Op::Neg: return "-" + child(0, 3);
    case FormulaNode::Op::Min: return list(st.excel ? "MIN" : "min");
    case FormulaNode::Op::Max: return list(st.excel ? "MAX" : "max");
    case FormulaNode::Op::Vorig:
      if (st.excel) return render(f, st, n.args[0], true);  // the previous year's cell
      return list("vorig");
    case FormulaNode::Op::Groei: return list("groei");
  }
  return "?";
}

std::string base_unit(std::string w) {
  static const std::map<std::string, std::string> kSingular = {
      {"eur", "EUR"}, {"euro", "EUR"}, {"uren", "uur"}, {"leerlingen", "leerling"}, {"aanvragen", "aanvraag"},
      {"plaatsen", "plaats"}, {"scholen", "school"}, {"vouchers", "voucher"}, {"arrangementen", "arrangement"},
      {"jaren", "jaar"}, {"leerlingjaren", "leerlingjaar"}, {"trajecten", "traject"}, {"groepen", "groep"},
      {"dagen", "dag"}, {"weken", "week"}, {"maanden", "maand"}, {"klassen", "klas"}, {"plaatsingen", "plaatsing"},
      {"verzoeken", "verzoek"}};
  std::string lower;
  for (char c : w) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto it = kSingular.find(lower); it != kSingular.end()) return it->second;
  return lower;
}

}  // namespace

Formula parse_formula(const std::string& text) {
  Formula f;
  f.text = text;
  Parser p{f.text, f};
  p.skip();
  if (p.p >= text.size()) throw FormulaError("de formule is leeg; verwacht bijvoorbeeld 'uren * uurtarief'", 0);
  f.root = p.som();
  p.skip();
  if (p.p < text.size()) p.fail("onverwacht " + p.found() + " na een volledige formule; ontbreekt er een '+', '*' of ','?", p.p);
  return f;
}

std::vector<std::string> Formula::names() const {
  std::vector<std::pair<int, std::string>> v;
  for (const auto& n : nodes)
    if (n.op == FormulaNode::Op::Name) v.emplace_back(n.offset, n.name);
  std::sort(v.begin(), v.end());
  std::vector<std::string> out;
  for (auto& [o, s] : v)
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  return out;
}

std::string render_formula(const Formula& f, const FormulaStyle& style, int node) {
  return render(f, style, node < 0 ? f.root : node, false);
}

Dim parse_dim(const std::string& text) {
  Dim d;
  int sign = 1;
  size_t p = 0;
  while (p < text.size()) {
    while (p < text.size() && text[p] == ' ') ++p;
    size_t e = p;
    while (e < text.size() && text[e] != ' ') ++e;
    if (e == p) break;
    const std::string w = text.substr(p, e - p);
    p = e;
    if (w == "per" || w == "/") {
      sign = -1;
      continue;
    }
    const std::string b = base_unit(w);
    if (b == "aantal" || b == "fractie" || b == "stuks") continue;
    d.exp[b] += sign;
    if (d.exp[b] == 0) d.exp.erase(b);
  }
  return d;
}

Dim dim_mul(const Dim& a, const Dim& b) {
  Dim d = a;
  for (const auto& [k, e] : b.exp)
    if ((d.exp[k] += e) == 0) d.exp.erase(k);
  return d;
}

Dim dim_div(const Dim& a, const Dim& b) {
  Dim d = a;
  for (const auto& [k, e] : b.exp)
    if ((d.exp[k] -= e) == 0) d.exp.erase(k);
  return d;
}

std::string Dim::text() const {
  std::string num, den;
  for (const auto& [k, e] : exp)
    for (int i = 0; i < std::abs(e); ++i) (e > 0 ? num : den) += (e > 0 ? (num.empty() ? "" : " x ") : (den.empty() ? "" : " x ")) + k;
  if (num.empty() && den.empty()) return "aantal (zonder eenheid)";
  if (num.empty()) num = "1";
  return den.empty() ? num : num + " per " + den;
}

}  // namespace begroting
