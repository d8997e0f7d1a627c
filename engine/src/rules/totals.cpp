// Subtotals and totals of chapter 12: each is the exact sum, in cents, of the lines that name
// it as parent in the line table (lines.cpp). No rounding: sums of cents are exact and
// overflow-checked. The line table lists children before their parent.
#include <algorithm>

#include "rules.hpp"

namespace begroting::rules {

namespace {
// The table's parent links, read once: (child, parent, sign) in table order (children first).
struct Edge { int child, parent, sign; };
struct Links {
  std::vector<Edge> edges;
  std::vector<int> subtotals;
};
const Links& links() {
  static const Links l = [] {
    Links x;
    for (const auto& d : line_table()) {
      if (d.kind == LineKind::Subtotal) x.subtotals.push_back(static_cast<int>(d.line));
      if (d.parent) x.edges.push_back({static_cast<int>(d.line), static_cast<int>(*d.parent), d.sign});
    }
    return x;
  }();
  return l;
}
}  // namespace

void totals(Ctx& c) {
  // Rows of the Result are contiguous per line ([line * n + year]): sum row into row.
  const Links& l = links();
  Cents* base = c.r.cents.data();
  const auto n = static_cast<size_t>(c.n);
  for (int s : l.subtotals) std::fill_n(base + static_cast<size_t>(s) * n, n, Cents{0});
  for (const Edge& e : l.edges) {
    Cents* p = base + static_cast<size_t>(e.parent) * n;
    const Cents* ch = base + static_cast<size_t>(e.child) * n;
    if (e.sign > 0)
      for (size_t i = 0; i < n; ++i) p[i] = add_checked(p[i], ch[i]);
    else
      for (size_t i = 0; i < n; ++i) p[i] = sub_checked(p[i], ch[i]);
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
