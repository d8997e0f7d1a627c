// IKC volumebekostiging: bandbreedte, verrekening and verdeelsleutel (plan 8.1.6).
//
// The amount for year t is fixed on the teldatum: volumebekostiging = IKC tarief(t) x IKC
// pupils on 1 February t-1 (N); DUO pays the SBO tarief of it, the SWV the aanvulling
// (IKC tarief - SBO tarief) x N (rules/ikc_volumebekostiging.cpp). Recalibrated every year,
// because N follows the teldatum of each year.
//
// Bandbreedte (3%): the scenario may give the IKC count L at a later count date in year t
// (`ikc.teldatum_later`). Without it, L is the projection's own count on 1 February t (the
// line leerlingen ikc of year t+1: growth, a given teldatum or the flow model), so a scenario
// that lets the IKC grow beyond the band (scenarios/ikc-groei-6.yaml) raises the overleg signal.
// The last year has no count on 1 February t in the horizon: no test there unless given.
// With b = `ikc.bandbreedte`:
//   |L - N| <= b x N  -> inside the band: the amount stays. EXACTLY b is inside. The test
//                        allows 1e-9 x N for binary floating point (0.03 x 600 is not exactly 18).
//   otherwise         -> Finding "overleg" (Finding::Kind::IkcBandbreedte) and the scenario's
//                        settlement `ikc.verrekening` (loader/src/verdeling.cpp):
//     geen              the amount stays (default: the plan only says overleg follows);
//     deel_buiten_band  only the pupils beyond the band: (L - N x (1 + b)) when growing,
//                       (L - N x (1 - b)) when shrinking, x (IKC tarief - SBO tarief);
//     volledig          full recalculation on L: (L - N) x (IKC tarief - SBO tarief).
//   Settlement rate: the aanvulling per pupil (IKC tarief - SBO tarief), because that is the
//   part the SWV pays; it is added to the line "aanvulling volumebekostiging IKC" of year t.
//   Rounding: the exact rate x pupil difference, rounded once to the cent.
// Verdeelsleutel: the aanvulling of year t (after settlement) is split over the boards by the
// scenario's key, in key order: each board round(share x amount) (half away from zero), the
// last board the remainder, so the split sums to the amount to the cent.
// Invoices to other SWVs ((IKC tarief - SBO tarief) x their pupils) stay in baten
// (rules/ikc_volumebekostiging.cpp) and are not settled here.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "rules.hpp"

namespace begroting::rules {

#include "ikc_tarief_pad.inc"

namespace {
std::string nl(double v, int decimals) {
  // Dutch decimal comma for messages (no locale): 632.4 -> "632,4"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

#include "ikc_bandbreedte_pad.inc"
}  // namespace

void ikc_bandbreedte(Ctx& c) {
  using V = IkcAfspraak::Verrekening;
  const auto& afspraak = c.in.verdeling.ikc;
  constexpr int kMax = 64;  // the loader allows at most 50 years; no allocation per compute()
  if (c.n > kMax) throw std::invalid_argument("ikc bandbreedte: meer dan 64 jaren");
  std::array<BandJaar, kMax> years;
  band_years<true>(pad_of(c), years.data());  // the figures; here the record, the signal and the trace
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto k = static_cast<size_t>(i);
    const BandJaar& band = years[k];
    const double n_bek = c.r.r(Line::leerlingen_ikc, i);
    IkcJaar jr;
    jr.jaar = y;
    jr.bekostigd = n_bek;
    jr.later = band.later;
    jr.geprojecteerd = band.geprojecteerd;
    jr.afwijking = band.afwijking;
    jr.binnen_band = band.binnen_band;
    jr.verrekening = c.r.c(Line::ikc_verrekening, i);
    const double b = c.in.ikc_band[k];
    if (!jr.binnen_band) {
      const char* keuze = afspraak.verrekening == V::Geen ? "geen verrekening (alleen overleg)"
                          : afspraak.verrekening == V::Volledig ? "volledige herberekening"
                                                                : "verrekening van het deel buiten de band";
      if (c.findings)
        c.r.findings.push_back({Finding::Kind::IkcBandbreedte, y,
                                "IKC " + std::to_string(y) + ": " + nl(jr.later, 1) +
                                    (jr.geprojecteerd ? " leerlingen op 1-2-" + std::to_string(y) + " volgens de prognose tegen "
                                                      : std::string(" leerlingen op de latere teldatum tegen ")) +
                                    nl(n_bek, 1) + " bekostigd (" + (band.diff > 0 ? "+" : "") + nl(100 * (jr.afwijking), 2) +
                                    "%), buiten de bandbreedte van " + nl(100 * b, 1) + "%: overleg volgt; " + keuze});
    }
    // the per-year record keeps NaN where the lines hold 0, shown as null / n.v.t. in the ikc view
    const Cents totaal = c.r.c(Line::ikc_aanvulling, i);
    Cents verdeeld = 0;
    for (size_t j = 0; j < afspraak.verdeelsleutel.size(); ++j) {
      const auto& [bestuur, share] = afspraak.verdeelsleutel[j];
      // rounding: each board share x amount once to the cent; the last board takes the remainder
      const Cents part = j + 1 < afspraak.verdeelsleutel.size() ? mul_round(totaal, share) : sub_checked(totaal, verdeeld);
      verdeeld = add_checked(verdeeld, part);
      if (c.findings) jr.per_bestuur.emplace_back(bestuur, part);
    }
    // The per-year record (per bestuur, for the ikc view) allocates: not on the hot path of
    // repeated evaluation (Findings::Skip), which reads only the lines.
    if (c.findings) c.r.verdeling.ikc.push_back(std::move(jr));
    if (!c.tr) continue;
    auto& v = c.tr->at(Line::ikc_volumebekostiging, y);
    v.formula = "IKC tarief x IKC-leerlingen (1-2-" + std::to_string(y - 1) + ") (8.1.6)";
    v.rounding = "product met het onafgeronde IKC tarief eenmaal afgerond op de cent";
    v.terms = {line(c, Line::ikc_tarief, i), line(c, Line::leerlingen_ikc, i)};
    auto& a = c.tr->at(Line::ikc_aanvulling_teldatum, y);
    a.formula = "IKC-leerlingen (1-2-" + std::to_string(y - 1) + ") x (IKC tarief - tarief SBO) (8.1.6)";
    a.terms = {line(c, Line::leerlingen_ikc, i), line(c, Line::ikc_tarief, i)};
    auto& r = c.tr->at(Line::ikc_verrekening, y);
    r.formula = "0 binnen de bandbreedte; daarbuiten volgens ikc.verrekening x (IKC tarief - tarief SBO) (8.1.6)";
    r.rounding = "eenmaal afgerond op de cent";
    r.terms = {line(c, Line::leerlingen_ikc, i),
               jr.geprojecteerd ? line(c, Line::leerlingen_ikc, i + 1)
                                : param("IKC-leerlingen latere teldatum", jr.later, Unit::Leerlingen, "ikc.teldatum_later", y),
               param("bandbreedte", b, Unit::Fractie, "ikc.bandbreedte", y)};
    auto& lt = c.tr->at(Line::ikc_leerlingen_later, y);
    if (jr.geprojecteerd) {
      lt.formula = "zonder ikc.teldatum_later: de eigen prognose van de IKC-leerlingen op 1-2-" + std::to_string(y) + " (8.1.6)";
      lt.terms = {line(c, Line::leerlingen_ikc, i + 1)};
    } else {
      lt.formula = "IKC-leerlingen op een latere teldatum in " + std::to_string(y) + " zoals het scenario het geeft (8.1.6; n.v.t.: geen toets)";
      lt.terms = {param("IKC-leerlingen latere teldatum", jr.later, Unit::Leerlingen, "ikc.teldatum_later", y)};
    }
    auto& af = c.tr->at(Line::ikc_afwijking, y);
    af.formula = "(leerlingen latere teldatum - bekostigde leerlingen) / bekostigde leerlingen (8.1.6)";
    af.terms = {line(c, Line::ikc_leerlingen_later, i), line(c, Line::leerlingen_ikc, i)};
    auto& t = c.tr->at(Line::ikc_aanvulling, y);
    t.formula = "aanvulling volgens teldatum + verrekening buiten de bandbreedte (8.1.6)";
    t.rounding = "exact in centen";
    t.terms = {line(c, Line::ikc_aanvulling_teldatum, i), line(c, Line::ikc_verrekening, i)};
  }
}

// The Monte Carlo kernel's form (rules.hpp, Pad): the same figures (band_years above); no per-year
// record, no split over the boards (only the ikc view shows it, from the plan run).
void ikc_bandbreedte_pad(const Pad& p) { band_years<false>(p, nullptr); }


}  // namespace begroting::rules
