// Kengetallen the plan tracks (DOMAIN 4): rentabiliteit = resultaat / totale baten (goal 0%);
// weerstandsvermogen % = (eigen vermogen - materiele vaste activa) / rijksbijdragen OCW.
// A zero denominator gives NaN, which every renderer prints as "n.v.t." (JSON null).
#include "rules.hpp"

#include <limits>

namespace begroting::rules {

void kengetallen(Ctx& c) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto baten = static_cast<double>(c.r.c(Line::baten_totaal, i));
    const auto rijk = static_cast<double>(c.r.c(Line::rijksbijdragen_totaal, i));
    const auto mva = c.in.mva[static_cast<size_t>(i)];
    c.r.r(Line::rentabiliteit, i) = baten != 0 ? static_cast<double>(c.r.c(Line::resultaat, i)) / baten : nan;
    c.r.r(Line::weerstandsvermogen_pct, i) =
        rijk != 0 ? static_cast<double>(sub_checked(c.r.c(Line::eigen_vermogen, i), mva)) / rijk : nan;
    if (!c.tr) continue;
    auto& r = c.tr->at(Line::rentabiliteit, y);
    r.formula = "resultaat / totale baten (doel 0%)";
    r.terms = {line(c, Line::resultaat, i), line(c, Line::baten_totaal, i)};
    auto& w = c.tr->at(Line::weerstandsvermogen_pct, y);
    w.formula = "(eigen vermogen - materiele vaste activa) / totaal rijksbijdragen";
    w.terms = {line(c, Line::eigen_vermogen, i),
               param("materiele vaste activa", eur(mva), Unit::Euro, "reserves.materiele_vaste_activa", y),
               line(c, Line::rijksbijdragen_totaal, i)};
  }
}

}  // namespace begroting::rules
