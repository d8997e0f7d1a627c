// IKC volumebekostiging (plan 8.1.6). The SWV pays IKC Zuid-Kennemerland a fixed yearly amount
// on top of the SBO money DUO pays: IKC tarief x IKC pupils on 1 February of the previous
// calendar year, recalibrated every year. IKC tarief = 70% SBO tarief + 30% SO cat. I tarief
// (shares are scenario parameters). The aanvulling is (IKC tarief - SBO tarief) per pupil,
// because DUO already pays the SBO tarief. Other SWVs are invoiced (IKC tarief - SBO tarief)
// per pupil of theirs (baten).
// Rounding: the IKC tarief is NOT rounded (the plan's 1,172,511 = 620 x 1,891.146 needs the
// exact 8,525.666; the printed 8,525.67 is for display). Each line rounds once to the cent.
#include "rules.hpp"

namespace begroting::rules {

#include "ikc_tarief_pad.inc"
#include "ikc_volumebekostiging_pad.inc"

namespace {
IkcTarief<double> ikc_tarief(const Inputs& in, size_t k) {
  const Pad p{in, nullptr, nullptr, 0, 0, 0};
  return IkcTariefArrays<Pad>(p)(static_cast<std::ptrdiff_t>(k));
}
}  // namespace

void ikc_volumebekostiging(Ctx& c) {
  ikc_volumebekostiging_pad(pad_of(c));  // the figures (ikc_volumebekostiging_pad.inc; every flag on: all three lines); here the trace
  if (!c.tr) return;
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto k = static_cast<size_t>(i);
    auto& t = c.tr->at(Line::ikc_tarief, y);
    t.formula = "aandeel SBO x tarief SBO + aandeel SO cat. I x tarief SO cat. I (8.1.6)";
    t.rounding = "getoond op de cent; rekent onafgerond (" + std::to_string(ikc_tarief(c.in, k).tarief / 100.0) + ")";
    t.terms = {param("aandeel SBO", c.in.ikc_share_sbo[k], Unit::Fractie, "tarieven.ikc_aandeel_sbo", y),
               param("tarief SBO", eur(c.in.t_sbo[k]), Unit::EuroPerLeerling, "tarieven.sbo", y),
               param("aandeel SO cat. I", c.in.ikc_share_so1[k], Unit::Fractie, "tarieven.ikc_aandeel_so_cat1", y),
               param("tarief SO cat. I", eur(c.in.t_so1[k]), Unit::EuroPerLeerling, "tarieven.so_cat1", y)};
    for (auto [l, pl, who] : {std::tuple{Line::ikc_aanvulling, Line::leerlingen_ikc, "IKC-leerlingen"},
                              std::tuple{Line::ikc_ander_swv, Line::leerlingen_ikc_ander_swv, "IKC-leerlingen uit ander swv"}}) {
      auto& e = c.tr->at(l, y);
      e.formula = std::string(who) + " (1-2-" + std::to_string(y - 1) + ") x (IKC tarief - tarief SBO) (8.1.6)";
      e.rounding = "product met het onafgeronde IKC tarief eenmaal afgerond op de cent";
      e.terms = {line(c, pl, i), line(c, Line::ikc_tarief, i),
                 param("tarief SBO", eur(c.in.t_sbo[k]), Unit::EuroPerLeerling, "tarieven.sbo", y)};
    }
  }
}

void ikc_volumebekostiging_pad(const Pad& p) { ikc_volumebekostiging_pad_t(p); }

}  // namespace begroting::rules
