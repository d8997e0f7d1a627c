// Bekostiging Opmaat klas SO Molenduin (plan 8.1.8): "de plaatsing van leerlingen tussen
// 1 februari en de start van de zomervakantie in de Opmaat groep van SO Molenduin, door het
// verwijzende schoolbestuur worden betaald op basis van een weekbedrag dat is gebaseerd op de
// landelijk vastgestelde TLV tarieven."
//
// Why it exists: a pupil placed after the teldatum of 1 February brings SO Molenduin no
// funding until the next teldatum (groeibekostiging ended in 2023), so the referring board
// pays per week until the summer holiday.
//
//   weekbedrag(cat, t) = round(tarief SO cat.(t) / opmaat.weken_per_jaar(t)), to the cent,
//                        half away from zero: the amount an invoice per week shows (rule 2,
//                        once per category and year); cat = the pupil's TLV (I, II, III).
//   opmaat(t)          = sum over cat of leerlingweken(cat, t) x weekbedrag(cat, t)
//                        (exact for whole weeks; a fractional SWV-level figure rounds once).
//   Timing: 1 February to the summer holiday lies within one calendar year, so the weeks are
//   paid in the calendar year of the placement.
//
// The divisor is not in the plan. ASSUMPTION (parameter opmaat.weken_per_jaar, default 40):
// the yearly TLV tarief pays a school year of 40 schoolweken (52 weeks minus 12 weeks of
// holiday), so a week in the Opmaat group costs what a week of SO costs under the tarief.
// With 52 (calendar weeks) the weekbedrag is 23% lower.
//
// In the budget, the SWV passes the money through, as it does for every referral under TOP
// (8.1.2): the referring school's ondersteuningsbudget pays (line "Af: Opmaat klas SO
// Molenduin", negative, in regulier onderwijs) and the SWV pays SO Molenduin (line "Opmaat klas
// SO Molenduin" in speciaal onderwijs). The two are equal and opposite: the resultaat does
// not change, the waterbed moves money from the regular schools to the SO.
//
// Without a schools file the scenario gives the pupil-weeks per category
// (opmaat.leerlingweken_so_cat1..3, default 0: the plan budgets no Opmaat payments); with one,
// scholen.cpp computes the weeks per school (`opmaat:` per school and year) and replaces both
// lines by the sums over the schools, each school paying its own weeks.
#include "rules.hpp"

namespace begroting::rules {

Cents opmaat_weekbedrag(Cents tarief, double weken_per_jaar) {
  return round_to_cent(static_cast<double>(tarief) / weken_per_jaar);
}

void opmaat(Ctx& c) {
  for (int i = 0; i < c.n; ++i) {
    const auto k = static_cast<size_t>(i);
    const double weken = c.in.opmaat_weken_per_jaar[k];
    const Cents wb1 = opmaat_weekbedrag(c.in.t_so1[k], weken), wb2 = opmaat_weekbedrag(c.in.t_so2[k], weken),
                wb3 = opmaat_weekbedrag(c.in.t_so3[k], weken);
    Cents som = mul_round(wb1, c.in.opmaat_lw1[k]);
    som = add_checked(som, mul_round(wb2, c.in.opmaat_lw2[k]));
    som = add_checked(som, mul_round(wb3, c.in.opmaat_lw3[k]));
    c.r.c(Line::opmaat_molenduin, i) = som;
    c.r.c(Line::opmaat_afdracht, i) = -som;
    if (!c.tr) continue;
    const int y = c.year(i);
    auto& e = c.tr->at(Line::opmaat_molenduin, y);
    e.formula = "som over SO-categorie van leerlingweken x weekbedrag; weekbedrag = TLV SO-tarief / weken per jaar (8.1.8)";
    e.rounding = "weekbedrag per categorie eenmaal afgerond op de cent; leerlingweken x weekbedrag eenmaal afgerond";
    e.terms = {param("leerlingweken SO cat. I", c.in.opmaat_lw1[k], Unit::Weken, "opmaat.leerlingweken_so_cat1", y),
               param("leerlingweken SO cat. II", c.in.opmaat_lw2[k], Unit::Weken, "opmaat.leerlingweken_so_cat2", y),
               param("leerlingweken SO cat. III", c.in.opmaat_lw3[k], Unit::Weken, "opmaat.leerlingweken_so_cat3", y),
               param("tarief SO cat. I", eur(c.in.t_so1[k]), Unit::EuroPerLeerling, "tarieven.so_cat1", y),
               param("tarief SO cat. II", eur(c.in.t_so2[k]), Unit::EuroPerLeerling, "tarieven.so_cat2", y),
               param("tarief SO cat. III", eur(c.in.t_so3[k]), Unit::EuroPerLeerling, "tarieven.so_cat3", y),
               param("weken per jaar (deler, aanname)", weken, Unit::Weken, "opmaat.weken_per_jaar", y)};
    auto& a = c.tr->at(Line::opmaat_afdracht, y);
    a.formula = "- Opmaat klas SO Molenduin: de verwijzende scholen betalen de weken uit hun ondersteuningsbudget (8.1.8)";
    a.rounding = "exact in centen";
    a.terms = {line(c, Line::opmaat_molenduin, i)};
  }
}

}  // namespace begroting::rules
