// Resultaat and eigen vermogen (chapter 12): resultaat = totale baten - totale lasten;
// eigen vermogen(t) = eigen vermogen(t-1) + resultaat(t), from the opening balance.
// Split (chapter 12; Bestedingsplan 2022): the weerstandsvermogen (algemene reserve) at its set
// level, the bestemmingsreserve "instandhouding ondersteuningsbedrag" holding what is above
// it, never negative. After the bestemmingsreserve's last year the whole eigen vermogen is
// algemene reserve (the plan's 2028 column: weerstandsvermogen 613,292 = eigen vermogen).
#include "rules.hpp"

#include <algorithm>

namespace begroting::rules {

void reserves(Ctx& c) {
  reserves_pad(pad_of(c));  // the figures (reserves_pad.inc); here the signals and the trace
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const Cents prev = i == 0 ? c.in.ev_begin : c.r.c(Line::eigen_vermogen, i - 1);
    const Cents ev = c.r.c(Line::eigen_vermogen, i);
    const Cents niveau = c.r.c(Line::weerstandsvermogen_niveau, i);
    const bool loopt = y <= c.in.bestemmingsreserve_last;
    if (c.findings) {
      if (ev < 0)
        c.r.findings.push_back({Finding::Kind::NegatiefEigenVermogen, y, "risico: het eigen vermogen op 31-12-" + std::to_string(y) + " is negatief (onder nul)"});
      else if (ev < niveau)
        c.r.findings.push_back({Finding::Kind::OnderWeerstandsvermogen, y,
                                "risico: het eigen vermogen op 31-12-" + std::to_string(y) +
                                    " ligt onder het niveau van het weerstandsvermogen (de buffer is te klein)"});
    }
    if (!c.tr) continue;
    auto& r = c.tr->at(Line::resultaat, y);
    r.formula = "totale baten - totale lasten (hfst 12)";
    r.rounding = "exact in centen";
    r.terms = {line(c, Line::baten_totaal, i), line(c, Line::lasten_totaal, i)};
    auto& e = c.tr->at(Line::eigen_vermogen, y);
    e.formula = "eigen vermogen 31-12 vorig jaar + resultaat (hfst 12)";
    e.rounding = "exact in centen";
    e.terms = {i == 0 ? param("eigen vermogen 31-12-" + std::to_string(y - 1), eur(prev), Unit::Euro,
                              "reserves.eigen_vermogen_begin", 0)
                      : line(c, Line::eigen_vermogen, i - 1),
               line(c, Line::resultaat, i)};
    auto& n = c.tr->at(Line::weerstandsvermogen_niveau, y);
    n.formula = "gewenst niveau weerstandsvermogen (hfst 12)";
    n.terms = {param("niveau weerstandsvermogen", eur(niveau), Unit::Euro, "reserves.weerstandsvermogen_niveau", y)};
    auto& b = c.tr->at(Line::bestemmingsreserve, y);
    b.formula = loopt ? "max(0, eigen vermogen - niveau weerstandsvermogen) (Bestedingsplan 2022)"
                      : "0: de bestemmingsreserve loopt tot en met " + std::to_string(c.in.bestemmingsreserve_last);
    b.terms = {line(c, Line::eigen_vermogen, i), line(c, Line::weerstandsvermogen_niveau, i),
               param("laatste jaar bestemmingsreserve", c.in.bestemmingsreserve_last, Unit::Jaar,
                     "reserves.bestemmingsreserve_laatste_jaar", 0)};
    auto& w = c.tr->at(Line::weerstandsvermogen, y);
    w.formula = "eigen vermogen - bestemmingsreserve (hfst 12)";
    w.terms = {line(c, Line::eigen_vermogen, i), line(c, Line::bestemmingsreserve, i)};
  }
}

#include "reserves_pad.inc"
void reserves_pad(const Pad& p) { reserves_pad_t(p); }

}  // namespace begroting::rules
