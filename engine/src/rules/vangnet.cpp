// De vangnetbepaling (plan 8.1.7). For SO cluster 3 schools: per school and school year the
// scenario gives the pupils (with a TLV of this SWV, plus residential pupils not at a JJI/GJI)
// on 1 September, 1 February and 1 June, by category I/II/III (`vangnet.tellingen`).
//
//   groei sep-feb = total(1 February) - total(1 September)
//   groei feb-jun = total(1 June) - total(1 February)
//   A claim exists when groei feb-jun > groei sep-feb (strictly: equal growth gives none).
//   claim = max(0, sum over categories of (juni - februari) x tarief SO cat.(t+1) x fractie)
//     - net instroom per category may be negative; the categories are netted, the claim is
//       never negative (shrinkage gives nothing back);
//     - fractie = `vangnet.fractie_jaar`, the part of a year the SWV pays (scenario);
//     - tarief: the category tarief of the year the claim is paid (our tarieven are per
//       begrotingsjaar; the plan keeps the 2024 tarieven constant);
//     - rounding: the exact sum of the three products, rounded once to the cent.
//   Timing: claims of the school year ending in calendar year t are submitted until 1 October t
//   and paid in the budget of t + 1. A claim paid outside the horizon is listed, not budgeted.
//
// Against the budget: the line "maximale ruimte vangnetconstructie" (hfst 12 III.5) is a
// ceiling the plan budgets (EUR 40,000) and stays as budgeted, also when claims are known and
// lower (the unused room shows in the jaarrekening, not in the begroting). Claims above it are
// never capped or dropped: the excess max(0, claims - ruimte) is its own lasten line
// "overschrijding vangnetconstructie" in the uitvoeringsorganisatie, and a Finding
// (Finding::Kind::VangnetOverschrijding). So lasten for the vangnet = max(ruimte, claims).
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "rules.hpp"

namespace begroting::rules {

void vangnet(Ctx& c) {
  constexpr int kMax = 64;  // the loader allows at most 50 years; no allocation per compute()
  if (c.n > kMax) throw std::invalid_argument("vangnet: meer dan 64 jaren");
  std::array<Cents, kMax> claims{};
  for (const auto& t : c.in.verdeling.vangnet) {
    VangnetClaim cl;
    cl.school = t.school;
    cl.schooljaar_eind = t.schooljaar_eind;
    cl.betaaljaar = t.schooljaar_eind + 1;
    double sep = 0, feb = 0, jun = 0;
    for (int k = 0; k < 3; ++k) {
      sep += t.september[static_cast<size_t>(k)];
      feb += t.februari[static_cast<size_t>(k)];
      jun += t.juni[static_cast<size_t>(k)];
      cl.netto_instroom[static_cast<size_t>(k)] = t.juni[static_cast<size_t>(k)] - t.februari[static_cast<size_t>(k)];
    }
    cl.groei_sep_feb = feb - sep;
    cl.groei_feb_jun = jun - feb;
    cl.recht = cl.groei_feb_jun > cl.groei_sep_feb;
    if (cl.recht && c.in.horizon.contains(cl.betaaljaar)) {
      const auto i = static_cast<size_t>(c.in.horizon.index(cl.betaaljaar));
      const double exact = (cl.netto_instroom[0] * static_cast<double>(c.in.t_so1[i]) +
                            cl.netto_instroom[1] * static_cast<double>(c.in.t_so2[i]) +
                            cl.netto_instroom[2] * static_cast<double>(c.in.t_so3[i])) *
                           c.in.vangnet_fractie;
      cl.bedrag = std::max<Cents>(0, round_to_cent(exact));  // rounding: once, the exact sum
      claims[i] = add_checked(claims[i], cl.bedrag);
    }
    if (c.findings) c.r.verdeling.vangnet.push_back(cl);  // detail for the view; not on the hot path
  }
  std::copy_n(claims.begin(), c.n, &c.r.c(Line::vangnet_claims, 0));
  vangnet_pad(pad_of(c));  // the overschrijding (vangnet_pad.inc); here the signal and the trace
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const Cents over = c.r.c(Line::vangnet_overschrijding, i);
    if (over > 0 && c.findings)
      c.r.findings.push_back({Finding::Kind::VangnetOverschrijding, y,
                              "vangnet " + std::to_string(y) + ": claims van schooljaar " + std::to_string(y - 2) + "-" +
                                  std::to_string(y - 1) + " liggen " + std::to_string(cents_to_whole_euros(over)) +
                                  " euro boven de maximale ruimte vangnetconstructie; opgenomen als overschrijding"});
    if (!c.tr) continue;
    auto& e = c.tr->at(Line::vangnet_claims, y);
    e.formula = "som over de SO cluster 3-scholen met groei feb-jun > groei sep-feb in schooljaar " + std::to_string(y - 2) +
                "-" + std::to_string(y - 1) + " van max(0, netto instroom feb-jun per categorie x tarief x fractie) (8.1.7)";
    e.rounding = "per claim de exacte som eenmaal afgerond op de cent";
    e.terms = {param("fractie van een jaar", c.in.vangnet_fractie, Unit::Fractie, "vangnet.fractie_jaar", 0),
               param("tarief SO cat. I", eur(c.in.t_so1[static_cast<size_t>(i)]), Unit::EuroPerLeerling, "tarieven.so_cat1", y),
               param("tarief SO cat. II", eur(c.in.t_so2[static_cast<size_t>(i)]), Unit::EuroPerLeerling, "tarieven.so_cat2", y),
               param("tarief SO cat. III", eur(c.in.t_so3[static_cast<size_t>(i)]), Unit::EuroPerLeerling, "tarieven.so_cat3", y)};
    auto& o = c.tr->at(Line::vangnet_overschrijding, y);
    o.formula = "max(0, vangnetclaims - maximale ruimte vangnetconstructie) (8.1.7: nooit afgekapt)";
    o.rounding = "exact in centen";
    o.terms = {line(c, Line::vangnet_claims, i), line(c, Line::vangnet_ruimte, i)};
  }
}

#include "vangnet_pad.inc"
void vangnet_pad(const Pad& p) { vangnet_pad_t(p); }

}  // namespace begroting::rules
