// Lines the plan gives as amounts without a derivation (chapter 12): copied from the scenario's
// `bedragen` section, exactly, in cents.
#include <algorithm>

#include "rules.hpp"

namespace begroting::rules {

namespace {
const std::vector<Line>& amount_lines() {
  static const std::vector<Line> v = [] {
    std::vector<Line> x;
    for (const auto& d : line_table())
      if (d.kind == LineKind::Amount) x.push_back(d.line);
    return x;
  }();
  return v;
}
}  // namespace

void amounts(Ctx& c) {
  for (const Line l : amount_lines()) {
    const auto& v = c.in.amounts[static_cast<size_t>(l)];
    std::copy_n(v.begin(), c.n, &c.r.c(l, 0));  // a row of the Result is contiguous
    if (!c.tr) continue;
    const auto& d = def(l);
    for (int i = 0; i < c.n; ++i) {
      auto& e = c.tr->at(d.line, c.year(i));
      e.formula = "bedrag uit het scenario (" + std::string(d.reference) + "; het plan geeft geen afleiding)";
      e.terms = {param(std::string(d.label), eur(v[static_cast<size_t>(i)]), Unit::Euro, "bedragen." + std::string(d.id),
                       c.year(i))};
    }
  }
}

}  // namespace begroting::rules
