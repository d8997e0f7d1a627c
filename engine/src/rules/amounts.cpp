// Lines the plan gives as amounts without a derivation (chapter 12): copied from the scenario's
// `bedragen` section, exactly, in cents.
#include "rules.hpp"

namespace begroting::rules {

void amounts(Ctx& c) {
  for (const auto& d : line_table()) {
    if (d.kind != LineKind::Amount) continue;
    const auto& v = c.in.amounts[static_cast<size_t>(d.line)];
    for (int i = 0; i < c.n; ++i) {
      c.r.c(d.line, i) = v[static_cast<size_t>(i)];
      if (!c.tr) continue;
      auto& e = c.tr->at(d.line, c.year(i));
      e.formula = "bedrag uit het scenario (" + std::string(d.reference) + "; het plan geeft geen afleiding)";
      e.terms = {param(std::string(d.label), eur(v[static_cast<size_t>(i)]), Unit::Euro, "bedragen." + std::string(d.id),
                       c.year(i))};
    }
  }
}

}  // namespace begroting::rules
