// Overdracht ondersteuningsbudget aan reguliere scholen, TOP-initiatief (plan 8.1.2): pupils of
// the school on the teldatum x ondersteuningsbedrag per leerling, minus what schools pay for
// their referrals (one national TLV SBO tarief per placement, whatever its type) and DWS places.
// At SWV level the plan prints the per-pupil amount and the net line, not the deductions; they
// follow the placements (rules/afdracht_verwijzingen.cpp, which runs first and writes the line
// afdracht_verwijzingen_dws). With a schools file the deductions come per school.
#include "rules.hpp"

namespace begroting::rules {

void ondersteuningsbedrag_bao(Ctx& c) {
  ondersteuningsbedrag_bao_pad(pad_of(c));  // the figures (ondersteuningsbedrag_pad.inc); here the trace
  if (!c.tr) return;
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto k = static_cast<size_t>(i);
    auto& p = c.tr->at(Line::ondersteuningsbedrag_per_leerling, y);
    p.formula = "ondersteuningsbedrag per leerling zoals vastgesteld (8.1.2)";
    p.terms = {param("ondersteuningsbedrag per leerling", eur(c.in.ob_per_leerling[k]), Unit::EuroPerLeerling,
                     "regulier_onderwijs.ondersteuningsbedrag_per_leerling", y)};
    auto& b = c.tr->at(Line::ondersteuningsbedrag_bruto, y);
    b.formula = "leerlingen bo (1-2-" + std::to_string(y - 1) + ") x ondersteuningsbedrag per leerling (8.1.2)";
    b.rounding = "product eenmaal afgerond op de cent";
    b.terms = {line(c, Line::leerlingen_bo, i), line(c, Line::ondersteuningsbedrag_per_leerling, i)};
    auto& n = c.tr->at(Line::ondersteuningsbedrag_bao, y);
    n.formula = "ondersteuningsbedrag voor aftrek - afdracht verwijzingen en DWS (8.1.2)";
    n.rounding = "exact in centen";
    n.terms = {line(c, Line::ondersteuningsbedrag_bruto, i), line(c, Line::afdracht_verwijzingen_dws, i)};
  }
}

#include "ondersteuningsbedrag_pad.inc"
void ondersteuningsbedrag_bao_pad(const Pad& p) { ondersteuningsbedrag_bao_pad_t(p); }

}  // namespace begroting::rules
