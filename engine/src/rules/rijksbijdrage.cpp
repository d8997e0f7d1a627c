// Rijksbijdragen (plan 8.1.1, "De inkomsten"): the waterbed. Lichte ondersteuning follows the
// pupils of regular schools; zware ondersteuning follows regular plus SBO pupils. Both on the
// teldatum 1 February t-1. Zware ondersteuning carries the scenario's explicit calibration
// (the plan's printed figure follows no driver we could find: DOMAIN 2).
#include "rules.hpp"

namespace begroting::rules {

void rijksbijdrage(Ctx& c) {
  rijksbijdrage_pad(pad_of(c));  // the figures (rijksbijdrage_pad.inc); here the trace
  if (!c.tr) return;
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    auto& a = c.tr->at(Line::lichte_ondersteuning, y);
    a.formula = "leerlingen bo (1-2-" + std::to_string(y - 1) + ") x tarief lichte ondersteuning (8.1.1)";
    a.rounding = "product eenmaal afgerond op de cent (half van nul af)";
    a.terms = {line(c, Line::leerlingen_bo, i),
               param("tarief lichte ondersteuning", eur(c.in.t_lichte[static_cast<size_t>(i)]), Unit::EuroPerLeerling,
                     "tarieven.lichte_ondersteuning", y)};
    auto& z = c.tr->at(Line::zware_ondersteuning, y);
    z.formula = "(leerlingen bo + leerlingen sbo) x tarief zware ondersteuning + kalibratie (8.1.1)";
    z.rounding = "product eenmaal afgerond op de cent; kalibratie in hele centen";
    z.terms = {line(c, Line::leerlingen_bo, i), line(c, Line::leerlingen_sbo, i),
               param("tarief zware ondersteuning", eur(c.in.t_zware[static_cast<size_t>(i)]), Unit::EuroPerLeerling,
                     "tarieven.zware_ondersteuning", y),
               param("kalibratie zware ondersteuning", eur(c.in.kal_zware[static_cast<size_t>(i)]), Unit::Euro,
                     "kalibratie.zware_ondersteuning", y)};
  }
}

#include "rijksbijdrage_pad.inc"
void rijksbijdrage_pad(const Pad& p) { rijksbijdrage_pad_t(p); }

}  // namespace begroting::rules
