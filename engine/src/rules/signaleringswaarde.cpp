// Signaleringswaarde of the Inspectie for a samenwerkingsverband: max(3.5% x totale baten,
// EUR 250,000) (DOMAIN 4; the plan's chapter 12 row equals 3.5% of totaal baten every year).
// Eigen vermogen above it is "mogelijk bovenmatig". Baten are gross (DUO deductions are lasten).
#include "rules.hpp"

#include <algorithm>

namespace begroting::rules {

void signaleringswaarde(Ctx& c) {
  signaleringswaarde_pad(pad_of(c));  // the figures (signaleringswaarde_pad.inc); here the signals and the trace
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto k = static_cast<size_t>(i);
    const Cents sw = c.r.c(Line::signaleringswaarde, i);
    const Cents ev = c.r.c(Line::eigen_vermogen, i);
    if (c.findings && ev > sw)
      c.r.findings.push_back({Finding::Kind::BovenSignaleringswaarde, y,
                              "vraag van de Inspectie, geen risico: het eigen vermogen op 31-12-" + std::to_string(y) +
                                  " ligt boven de signaleringswaarde en is mogelijk bovenmatig"});
    if (!c.tr) continue;
    auto& e = c.tr->at(Line::signaleringswaarde, y);
    e.formula = "max(percentage x totale baten, minimum) (Inspectie)";
    e.rounding = "percentage x baten eenmaal afgerond op de cent";
    e.terms = {param("percentage van de baten", c.in.signal_pct[k], Unit::Fractie, "signaleringswaarde.percentage_baten", y),
               line(c, Line::baten_totaal, i),
               param("minimum signaleringswaarde", eur(c.in.signal_min[k]), Unit::Euro, "signaleringswaarde.minimum", y)};
    auto& b = c.tr->at(Line::boven_signaleringswaarde, y);
    b.formula = "max(0, eigen vermogen - signaleringswaarde)";
    b.terms = {line(c, Line::eigen_vermogen, i), line(c, Line::signaleringswaarde, i)};
  }
}

#include "signaleringswaarde_pad.inc"
void signaleringswaarde_pad(const Pad& p) { signaleringswaarde_pad_t(p); }

}  // namespace begroting::rules
