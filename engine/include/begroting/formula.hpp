// Driver formulas of a begrotingsmodel: a small grammar parsed into an expression tree that the
// engine evaluates, `explain` prints and the Excel writer turns into a cell formula.
//
//   formule   := som
//   som       := product (('+' | '-') product)*
//   product   := factor (('*' | '/') factor)*
//   factor    := '-' factor | getal | naam | functie '(' formule (',' formule)* ')' | '(' formule ')'
//   functie   := min | max | vorig | groei
//   naam      := letters, cijfers, '_' en '.', beginnend met een letter (een regel-id of een parameter)
//   getal     := 123, 0.25 (decimale punt; geen duizendtallen)
//
// vorig(x): x in the previous year (0 in the first year; vorig(x, b): b in the first year).
// groei(b, g): b in the first year, then the previous year's value x (1 + g of that year).
// The line's value is rounded ONCE to the cent (money lines), half away from zero.
#pragma once
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace begroting {

struct FormulaNode {
  enum class Op { Number, Name, Add, Sub, Mul, Div, Neg, Min, Max, Vorig, Groei };
  Op op = Op::Number;
  double number = 0;
  std::string name;       ///< Op::Name
  std::vector<int> args;  ///< child node indices
  int offset = 0;         ///< 0-based character offset in the formula text (messages)
};

struct Formula {
  std::string text;
  std::vector<FormulaNode> nodes;
  int root = -1;
  /// Every name the formula reads, in order of first appearance.
  [[nodiscard]] std::vector<std::string> names() const;
};

/// A syntax error at `offset` (0-based character in the formula text); Dutch message.
struct FormulaError : std::runtime_error {
  int offset;
  FormulaError(const std::string& m, int off) : std::runtime_error(m), offset(off) {}
};

/// Parse a formula; throws FormulaError.
Formula parse_formula(const std::string& text);

/// Render a node (the root by default) as text. `name(node, previous)` gives the text of a name
/// (previous: read inside vorig(): the Excel writer points at the previous year's cell);
/// `excel`: function names in Excel spelling (MIN, MAX), numbers with '.' and
/// vorig()/groei() rendered through the name callback.
struct FormulaStyle {
  std::function<std::string(const std::string& name, bool previous)> name;
  bool excel = false;
};
std::string render_formula(const Formula& f, const FormulaStyle& style, int node = -1);

/// A unit as a product of powers of base units: "EUR per uur" = {EUR: 1, uur: -1}. Plural and
/// singular forms are one base unit (uren = uur, leerlingen = leerling, aanvragen = aanvraag).
/// "aantal", "fractie" and "" are dimensionless.
struct Dim {
  std::map<std::string, int> exp;
  bool operator==(const Dim& o) const { return exp == o.exp; }
  [[nodiscard]] std::string text() const;  ///< Dutch, "EUR per uur"
};
/// Parse "EUR", "EUR per uur", "uren per aanvraag", "leerlingen", "fractie", ... Throws
/// std::invalid_argument with a Dutch message for an empty word.
Dim parse_dim(const std::string& text);
Dim dim_mul(const Dim& a, const Dim& b);
Dim dim_div(const Dim& a, const Dim& b);

}  // namespace begroting
