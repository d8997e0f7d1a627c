// Subtotals and totals of chapter 12: each is the exact sum, in cents, of the lines that name
// it as parent in the line table (lines.cpp). No rounding: sums of cents are exact and
// overflow-checked. The line table lists children before their parent.
#include "rules.hpp"

namespace begroting::rules {

void totals(Ctx& c) {
  for (const auto& d : line_table())
    if (d.kind == LineKind::Subtotal)
      for (int i = 0; i < c.n; ++i) c.r.c(d.line, i) = 0;
  for (const auto& d : line_table()) {
    if (!d.parent) continue;
    for (int i = 0; i < c.n; ++i) {
      Cents& p = c.r.c(*d.parent, i);
      p = d.sign > 0 ? add_checked(p, c.r.c(d.line, i)) : sub_checked(p, c.r.c(d.line, i));
    }
  }
  if (!c.tr) return;
  for (const auto& s : line_table()) {
    if (s.kind != LineKind::Subtotal) continue;
    for (int i = 0; i < c.n; ++i) {
      auto& e = c.tr->at(s.line, c.year(i));
      e.formula = "som van de regels van " + std::string(s.label) + " (" + std::string(s.reference) + ")";
      e.rounding = "exacte som in centen";
      for (const auto& d : line_table())
        if (d.parent == s.line) e.terms.push_back(line(c, d.line, i));
    }
  }
}

}  // namespace begroting::rules
