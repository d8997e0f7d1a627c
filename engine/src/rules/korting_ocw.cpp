// OCW korting tot de signaleringswaarde (plan chapter 12; DOMAIN 6 "the korting"): "Als het Rijk
// de in 2023 opgelegde korting meerjarig oplegt tot de signaleringswaarde van de Inspectie is
// bereikt, kan het Bestedingsplan niet worden uitgevoerd." The 2023 measure cut the normbedrag
// zware ondersteuning by EUR 13.50 per pupil; an SWV without bovenmatig eigen vermogen was
// compensated fully, one the cut pushed below the signaleringswaarde was compensated up to it.
//
// Per year t, with k = ocw_korting.per_leerling(t) (EUR per bo- and sbo-pupil, teldatum 1-2 t-1):
//   bruto(t)    = round(k x (leerlingen bo + leerlingen sbo))               (rounded once)
//   EVpre(t)    = eigen vermogen 31-12 t-1 (after the korting of t-1) + baten(t) - lasten(t),
//                 baten before the korting of t;
//   opgelegd(t) = the largest amount x in whole cents, 0 <= x <= bruto(t), with
//                 EVpre(t) - x >= signaleringswaarde(baten(t) - x)
//                 (signaleringswaarde(b) = max(round(percentage x b), minimum), as
//                 rules/signaleringswaarde.cpp: a lower baten lowers the yardstick too);
//                 0 when the eigen vermogen is already at or below the signaleringswaarde.
// The korting lowers the line zware ondersteuning (and so the rijksbijdragen and baten) by
// opgelegd(t); the memo lines ocw_korting_bruto and ocw_korting_opgelegd show both amounts.
// The search is a bisection on whole cents: the margin EVpre - x - signaleringswaarde(b - x)
// falls by at least 1 - percentage per cent of x, so it is monotone.
// A korting that applies regardless of the reserves is a lower tarief (scenarios/ocw-korting-2025-2028.yaml).
#include <algorithm>
#include <vector>

#include "rules.hpp"

namespace begroting::rules {

namespace {
Cents sw_of(const Ctx& c, size_t k, Cents baten) { return std::max(mul_round(baten, c.in.signal_pct[k]), c.in.signal_min[k]); }
}  // namespace

void korting_ocw(Ctx& c) {
  // The totals that hold zware ondersteuning, as the scenario's model sums them (rijksbijdragen,
  // baten in the plan's model): each is lowered by the korting too. Found only when a korting
  // is imposed (no allocation on the usual run without one, nor per Monte Carlo path).
  std::vector<Line> boven;
  auto find_boven = [&] {
    boven.push_back(Line::zware_ondersteuning);
    const auto edges = c.r.m().sum_edges();
    for (int at = static_cast<int>(Line::zware_ondersteuning);;) {
      int up = -1;
      for (const auto& [child, total] : edges)
        if (child == at) up = total;
      if (up < 0) break;
      boven.push_back(static_cast<Line>(up));
      at = up;
    }
  };
  Cents ev_prev = c.in.ev_begin;
  for (int i = 0; i < c.n; ++i) {
    const auto k = static_cast<size_t>(i);
    const double pupils = c.r.r(Line::leerlingen_bo, i) + c.r.r(Line::leerlingen_sbo, i);
    const Cents bruto = mul_round(c.in.korting_pp[k], pupils);  // rounding: once, bedrag x pupils
    const Cents baten = c.r.c(Line::baten_totaal, i);
    const Cents ev_pre = add_checked(ev_prev, sub_checked(baten, c.r.c(Line::lasten_totaal, i)));
    auto ok = [&](Cents x) { return sub_checked(ev_pre, x) >= sw_of(c, k, sub_checked(baten, x)); };
    Cents opgelegd = 0;
    if (bruto > 0 && ok(0)) {
      if (ok(bruto)) opgelegd = bruto;
      else {
        Cents lo = 0, hi = bruto;  // ok(lo), !ok(hi)
        while (hi - lo > 1) {
          const Cents mid = lo + (hi - lo) / 2;
          (ok(mid) ? lo : hi) = mid;
        }
        opgelegd = lo;
      }
    }
    c.r.c(Line::ocw_korting_bruto, i) = bruto;
    c.r.c(Line::ocw_korting_opgelegd, i) = opgelegd;
    if (opgelegd != 0 && boven.empty()) find_boven();
    if (opgelegd != 0)
      for (Line l : boven) c.r.c(l, i) = sub_checked(c.r.c(l, i), opgelegd);
    ev_prev = sub_checked(ev_pre, opgelegd);
    if (!c.tr) continue;
    const int y = c.year(i);
    auto& b = c.tr->at(Line::ocw_korting_bruto, y);
    b.formula = "korting per leerling x (leerlingen bo + leerlingen sbo) (hfst 12; maatregel 2023)";
    b.rounding = "product eenmaal afgerond op de cent";
    b.terms = {param("korting OCW per leerling", eur(c.in.korting_pp[k]), Unit::EuroPerLeerling, "ocw_korting.per_leerling", y),
               line(c, Line::leerlingen_bo, i), line(c, Line::leerlingen_sbo, i)};
    auto& o = c.tr->at(Line::ocw_korting_opgelegd, y);
    o.formula = "het grootste deel van de korting waarbij het eigen vermogen op 31-12 niet onder de signaleringswaarde komt "
                "(0 als het er al onder ligt) (hfst 12)";
    o.rounding = "in hele centen gezocht (bisectie)";
    o.terms = {line(c, Line::ocw_korting_bruto, i), line(c, Line::eigen_vermogen, i), line(c, Line::signaleringswaarde, i)};
    if (opgelegd != 0) {
      auto& z = c.tr->at(Line::zware_ondersteuning, y);
      z.formula += " - opgelegde korting OCW (hfst 12)";
      z.terms.push_back(line(c, Line::ocw_korting_opgelegd, i));
    }
  }
}

}  // namespace begroting::rules
