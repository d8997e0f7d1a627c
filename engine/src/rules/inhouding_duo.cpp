// Inhouding DUO (plan 8.1.1 and chapter 12, "ondersteuningsbekostiging inh. DUO"): DUO pays the
// support part of SBO and SO schools directly and deducts it from the SWV. The plan books it
// gross: the full rijksbijdrage as baten, these deductions as lasten. SBO: one rate per pupil;
// SO: a rate per category I/II/III. Counts on the teldatum 1 February t-1.
#include "rules.hpp"

namespace begroting::rules {

void inhouding_duo(Ctx& c) {
  inhouding_duo_pad(pad_of(c));  // the figures (inhouding_duo_pad.inc); here the trace
  if (!c.tr) return;
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto k = static_cast<size_t>(i);
    auto& s = c.tr->at(Line::sbo_inhouding, y);
    s.formula = "leerlingen sbo (1-2-" + std::to_string(y - 1) + ") x tarief SBO (8.1.1, inhouding DUO)";
    s.rounding = "product eenmaal afgerond op de cent";
    s.terms = {line(c, Line::leerlingen_sbo, i),
               param("tarief SBO", eur(c.in.t_sbo[k]), Unit::EuroPerLeerling, "tarieven.sbo", y)};
    auto& o = c.tr->at(Line::so_inhouding, y);
    o.formula = "SO cat. I x tarief I + cat. II x tarief II + cat. III x tarief III (8.1.1, inhouding DUO)";
    o.rounding = "som van de exacte producten eenmaal afgerond op de cent";
    o.terms = {line(c, Line::leerlingen_so_cat1, i),
               param("tarief SO cat. I", eur(c.in.t_so1[k]), Unit::EuroPerLeerling, "tarieven.so_cat1", y),
               line(c, Line::leerlingen_so_cat2, i),
               param("tarief SO cat. II", eur(c.in.t_so2[k]), Unit::EuroPerLeerling, "tarieven.so_cat2", y),
               line(c, Line::leerlingen_so_cat3, i),
               param("tarief SO cat. III", eur(c.in.t_so3[k]), Unit::EuroPerLeerling, "tarieven.so_cat3", y)};
  }
}

#include "inhouding_duo_pad.inc"
void inhouding_duo_pad(const Pad& p) { inhouding_duo_pad_t(p); }

}  // namespace begroting::rules
