// Afdracht verwijzingen en DWS (plan 8.1.2 TOP-initiatief; 8.1.1 "bij minder verwijzingen naar
// het SO, SBO en IKC Zuid-Kennemerland direct meer geld beschikbaar voor de reguliere
// basisscholen en andersom"): what the regular schools pay out of their ondersteuningsbudget
// for their pupils placed in SBO/IKC or SO and for Day a Week School places.
//
// The plan: "Vanaf schooljaar 22-23 is er een bedrag, gebaseerd op het landelijke tarief voor de
// TLV SBO, dat scholen afdragen voor de plaatsing van hun leerling in het gespecialiseerd
// onderwijs (IKC of SO). Een DWS plaatsing wordt door de school per jaar ingekocht." Chapter 12
// prints only the net line (ondersteuningsbedrag bao), so the SWV-level afdracht is a driver:
//
//   S(t)        = own pupils in SBO/IKC and SO, categories I-III, on teldatum 1-2 t-1 (the lines
//                 leerlingen sbo + so_cat1 + so_cat2 + so_cat3: the same counts DUO deducts for
//                 in year t, so the schools pay in the year the SWV is charged);
//   nieuw(t)    = max(0, S(t) - S(t-1) + u(t) x S(t-1)): growth of the stock plus the pupils
//                 who left and were replaced (u = top.uitstroom_gespecialiseerd, default 0.21,
//                 the stromen scenario's leaving rates SBO 20% + 2%, SO 15% + 1% weighted by
//                 585 and 183 pupils). In the first year the teldatum t-2 is not in the
//                 scenario: S(t-1) = S(t) (no growth term);
//   betaald(t)  = placements the schools pay for in t: each placement is paid in D =
//                 top.plaatsing_jaren years, the year of the placement and the D-1 after it
//                 (a fraction of D pays that fraction in the last year):
//                 sum_{j=0}^{floor(D)-1} nieuw(t-j) + (D - floor(D)) x nieuw(t-floor(D)), with
//                 nieuw(t-j) = nieuw(first year) before the horizon (steady state);
//   afdracht(t) = round(betaald(t) x top.tlv_sbo_tarief(t)) + round(top.dws_plaatsen(t) x
//                 top.dws_prijs(t)) + kalibratie.afdracht_verwijzingen_dws(t).
//
// How long is a placement paid? The plan does not say. We choose D = 1: the school pays the
// TLV SBO tarief once, in the year of the placement. Reasons: the plan speaks of "een bedrag
// ... voor de plaatsing" (one amount for the placement) and of buying "een (tijdelijke) plek",
// while a DWS place is explicitly bought "per jaar"; and paying every year of the stay would
// charge the schools 768 x 6,635 = 5.1 million in 2024, almost three times the 1.8 million the
// plan's net line implies. D is a parameter, so the AV can see what another agreement costs.
//
// Calibration: the plan's afdracht (printed net line subtracted from pupils x per-pupil amount,
// e.g. 2024: 21,747 x 450 - 7,977,813 = 1,808,337) minus the driver is carried per year as the
// named parameter kalibratie.afdracht_verwijzingen_dws (derived, marked so in the scenario): it
// holds the DWS places and the placements the plan does not explain. The baseline reproduces the
// plan to the cent; a change in the pupils moves the afdracht by whole placements.
//
// An explicit amount regulier_onderwijs.afdracht_verwijzingen_dws for a year (older scenarios,
// --set) replaces the driver in that year. With a schools file the afdracht is the sum over the
// schools (rules/scholen.cpp), which replaces both.
#include <algorithm>
#include <array>
#include <cmath>

#include "rules.hpp"

namespace begroting::rules {

#include "afdracht_verwijzingen_pad.inc"

void afdracht_verwijzingen(Ctx& c) {
  afdracht_verwijzingen_pad(pad_of(c));  // the figures (afdracht_verwijzingen_pad.inc); here the trace
  if (!c.tr) return;
  const auto [d, whole, frac] = plaatsing_jaren(c.in.top_plaatsing_jaren);
  for (int i = 0; i < c.n; ++i) {
    const auto k = static_cast<size_t>(i);
    const bool expliciet = c.in.afdracht[k] != kNietGegeven;
    const int y = c.year(i);
    auto& n = c.tr->at(Line::plaatsingen_nieuw, y);
    n.formula = "max(0, S(t) - S(t-1) + uitstroom x S(t-1)), S = leerlingen sbo + SO cat. I-III (teldatum 1-2-" +
                std::to_string(y - 1) + ")" + (i == 0 ? "; eerste jaar: S(t-1) = S(t)" : "") + " (8.1.2)";
    n.rounding = "geen: verwachte aantallen blijven gebroken";
    n.terms = {line(c, Line::leerlingen_sbo, i), line(c, Line::leerlingen_so_cat1, i), line(c, Line::leerlingen_so_cat2, i),
               line(c, Line::leerlingen_so_cat3, i)};
    if (i > 0)
      for (Line l : {Line::leerlingen_sbo, Line::leerlingen_so_cat1, Line::leerlingen_so_cat2, Line::leerlingen_so_cat3})
        n.terms.push_back(line(c, l, i - 1));
    n.terms.push_back(param("uitstroom gespecialiseerd onderwijs", c.in.top_uitstroom[k], Unit::Fractie, "top.uitstroom_gespecialiseerd", y));
    auto& b = c.tr->at(Line::plaatsingen_betaald, y);
    b.formula = "nieuwe plaatsingen van de laatste " + std::to_string(whole) + (frac > 0 ? " (+ deel)" : "") +
                " jaar: een plaatsing wordt top.plaatsing_jaren jaar betaald (8.1.2; aanname)";
    b.rounding = "geen";
    b.terms = {param("jaren dat een plaatsing betaald wordt", d, Unit::Leerlingjaren, "top.plaatsing_jaren", 0)};
    for (int j = 0; j < whole + (frac > 0 ? 1 : 0) && i - j >= 0; ++j) b.terms.push_back(line(c, Line::plaatsingen_nieuw, i - j));
    auto& a = c.tr->at(Line::afdracht_verwijzingen_dws, y);
    if (expliciet) {
      a.formula = "afdracht verwijzingen en DWS als vast bedrag uit het scenario; gaat boven de driver (8.1.2)";
      a.terms = {param("afdracht verwijzingen en DWS", eur(c.in.afdracht[k]), Unit::Euro,
                       "regulier_onderwijs.afdracht_verwijzingen_dws", y)};
    } else {
      a.formula = "betaalde plaatsingen x TLV SBO-tarief + DWS-plaatsen x DWS-prijs + kalibratie (8.1.2)";
      a.rounding = "elk product eenmaal afgerond op de cent; kalibratie in hele centen";
      a.terms = {line(c, Line::plaatsingen_betaald, i),
                 param("TLV SBO-tarief per plaatsing", eur(c.in.top_tlv_sbo[k]), Unit::EuroPerLeerling, "top.tlv_sbo_tarief", y),
                 param("DWS-plaatsen", c.in.top_dws_plaatsen[k], Unit::Leerlingen, "top.dws_plaatsen", y),
                 param("prijs DWS-plaats", eur(c.in.top_dws_prijs[k]), Unit::EuroPerLeerling, "top.dws_prijs", y),
                 param("kalibratie afdracht (afgeleid uit hfst 12)", eur(c.in.kal_afdracht[k]), Unit::Euro,
                       "kalibratie.afdracht_verwijzingen_dws", y)};
    }
  }
}

void afdracht_verwijzingen_pad(const Pad& p) { afdracht_verwijzingen_pad_t(p); }

}  // namespace begroting::rules
