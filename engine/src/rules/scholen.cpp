// TOP-initiatief per school (plan 8.1.2-8.1.5), when the scenario references a schools file.
//
// Per regular school s and calendar year t (index i):
//   leerlingen(s, t)  = pupils on teldatum 1-2 t-1: given in the file, else the previous
//                       teldatum x bo(t) / bo(t-1), bo = the SWV's leerlingen bo line: its
//                       growth rate, a later count the scenario gives, or the flow model
//                       (stromen), so the schools follow whatever the SWV counts with;
//   basis             = round(leerlingen x ondersteuningsbedrag per leerling(t))            8.1.2
//   afdracht          = placements(t) x top.tlv_sbo_tarief(t): one TLV SBO tarief per
//                       placement in SBO/IKC or SO whatever its type (EUR 6,635 in 2024)     8.1.2
//                     + DWS places(t) x top.dws_prijs(t)                                    8.1.2
//   tlv_op_bao        = pupils with a TLV on the bao(t) x top.tlv_op_bao_per_leerling(t)    8.1.4
//                       - verrekening: `tlv_op_bao: {t: n}` are the pupils paid in August t for
//                       school year t/t+1, at the tarief of calendar year t. A pupil leaving
//                       during the school year (stromen: {soort: tlv_op_bao, vertrek: date}) pays
//                       back the months not used, per month (1/12 of the tarief): a month is used
//                       when the pupil is at the school on its first day, so leaving on 15 March
//                       gives back April-July (4 months). Settled in the calendar year of leaving,
//                       at the tarief of the August it was paid (for a payment before the first
//                       begrotingsjaar, the first year's tarief: the scenario has no earlier one).
//                       Per school and year: round((months x tarief ...) / 12) once.
//   exceptions (6.1.3, 6.3, 8.1.2):
//     - TLV D: placements of pupils with a voorschoolse TLV (plaatsingen.t.tlv_d) cost the
//       school nothing: afdracht = (placements - tlv_d) x tarief; the SWV bears them;
//     - Internationale Taalklas (itk: ja): basis = 0 ("geen aanvullende ondersteuningsmiddelen")
//       and no afdracht for placements ("geen verwijzingen vanuit het eigen budget"); DWS
//       places it buys are still paid (a purchase, not a referral); left out of the spread;
//     - terugplaatsing with vorige_school = this school: no terugplaatsingsbudget (6.3: only
//       "indien dit niet de originele school was van de leerling").
//   instroom / terugplaatsing (8.1.5): EUR bedrag_instroom a year for two years per pupil,
//                       from the first of the month after enrolment, per whole month (1/12 of
//                       the yearly amount); a month counts when the pupil is enrolled on its
//                       first day, so leaving early stops the money after the month of leaving
//                       (settled per month). Per school and year: round(months x bedrag / 12).
//   bao-bao (8.1.3)   : a flagged transfer (van -> naar, date) followed by a placement of that
//                       pupil less than two years after the transfer (before the second
//                       anniversary) moves one placement charge from the receiving school to
//                       the referring school, in the calendar year of the placement. On or after
//                       the anniversary the receiving school pays.
//   opmaat (8.1.8)    = sum over SO category of the school's Opmaat pupil-weeks(t) x
//                       weekbedrag(cat, t) (rules/opmaat.cpp): the referring school pays.
//   totaal            = basis - afdracht + tlv_op_bao + instroom + terugplaatsing - opmaat.
// Each amount rounds once to the cent (products of counts and cents are exact in practice).
//
// Relation to the SWV lines: with a schools file the SWV-level lines are the sums over the
// schools, replacing the scenario's SWV-level drivers for them:
//   ondersteuningsbedrag_bruto   = sum of basis (so per-school rounding is what the SWV pays);
//   afdracht_verwijzingen_dws    = sum of afdracht (replaces regulier_onderwijs.afdracht_verwijzingen_dws,
//                                  which in the baseline is derived from the plan's printed net line);
//   ondersteuningsbedrag_bao     = bruto - afdracht;
//   tlv_op_bao, instroombudget, terugplaatsing = sums over the schools (replace bedragen
//                                  ...tlv_op_bao and the leerlingjaren parameters);
//   opmaat klas SO Molenduin     = sum of opmaat, afdracht opmaat klas = - that sum (replace the
//                                  opmaat.leerlingweken_* parameters).
// scholen_check (after the totals) verifies that the schools' totals sum to the subtotaal
// regulier onderwijs to the cent every year (IdentityError otherwise) and that the schools'
// pupils sum to the SWV's leerlingen bo (a Finding when a scenario gives a later bo teldatum
// that the schools file does not follow).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "rules.hpp"

namespace begroting::rules {

namespace {
int month_index(const Datum& d) { return d.jaar * 12 + (d.maand - 1); }
/// The calendar year in whose August the school year of date d starts.
int schooljaar_start(const Datum& d) { return d.maand >= 8 ? d.jaar : d.jaar - 1; }

/// Funded months of one pupil in calendar year y (8.1.5).
int funded_months(const Leerlingstroom& p, int y) {
  const int first = month_index(p.inschrijving) + 1;  // first of the month after enrolment
  int last = first + 23;                              // two years
  if (p.vertrek) last = std::min(last, month_index(*p.vertrek));  // enrolled on the 1st of the leaving month
  const int lo = std::max(first, y * 12), hi = std::min(last, y * 12 + 11);
  return std::max(0, hi - lo + 1);
}

/// A school's pupils on the next teldatum: given in the file, else the previous count x bo(t) / bo(t-1).
inline double next_pupils(double given, double pupils, double bo_prev, double bo_now) {
  return !std::isnan(given) ? given : bo_prev != 0 ? pupils * bo_now / bo_prev : pupils;
}
/// 8.1.4: months of the school year (August-July) a TLV-op-bao pupil leaving on `v` did not use.
int unused_tlv_months(const Datum& v) { return (schooljaar_start(v) + 1) * 12 + 6 - month_index(v); }

bool within_two_years(const Datum& overstap, const Datum& verwijzing) {
  Datum anniversary = overstap;
  anniversary.jaar += 2;
  return verwijzing < anniversary;
}
}  // namespace

ScholenTabel scholen_tabel(const Scholen& sc, const Horizon& h) {
  // placements moved by the bao-bao rule (8.1.3): (school id, year) -> +/- count
  std::map<std::pair<std::string, int>, double> moved;
  for (const auto& b : sc.bao_bao)
    if (b.verwijzing && within_two_years(b.overstap, *b.verwijzing)) {
      moved[{b.naar, b.verwijzing->jaar}] -= 1;
      moved[{b.van, b.verwijzing->jaar}] += 1;
    }
  ScholenTabel t;
  t.jaren = h.size();
  const size_t cells = sc.scholen.size() * static_cast<size_t>(t.jaren);
  t.leerlingen.assign(cells, std::numeric_limits<double>::quiet_NaN());
  t.plaatsingen.assign(cells, 0.0);
  t.dws.assign(cells, 0.0);
  t.tlv_op_bao.assign(cells, 0.0);
  t.maanden_instroom.assign(cells, 0);
  t.maanden_terug.assign(cells, 0);
  t.tlv_maanden_vorig.assign(cells, 0);
  t.tlv_maanden_dit.assign(cells, 0);
  for (auto& v : t.opmaat_weken) v.assign(cells, 0.0);
  for (size_t s = 0; s < sc.scholen.size(); ++s) {
    const School& school = sc.scholen[s];
    for (int i = 0; i < t.jaren; ++i) {
      const int y = h.first + i;
      const size_t at = s * static_cast<size_t>(t.jaren) + static_cast<size_t>(i);
      if (auto it = school.leerlingen.find(y - 1); it != school.leerlingen.end()) t.leerlingen[at] = it->second;
      if (auto it = school.plaatsingen.find(y); it != school.plaatsingen.end()) {
        t.plaatsingen[at] = it->second.verwijzingen() - it->second.tlv_d;  // TLV D: not charged (6.1.3)
        t.dws[at] = it->second.dws;
      }
      if (auto it = moved.find({school.id, y}); it != moved.end()) t.plaatsingen[at] += it->second;
      if (auto it = school.tlv_op_bao.find(y); it != school.tlv_op_bao.end()) t.tlv_op_bao[at] = it->second;
      if (auto it = school.opmaat.find(y); it != school.opmaat.end())
        for (size_t k = 0; k < 3; ++k) t.opmaat_weken[k][at] = it->second[k];
      for (const auto& p : school.stromen) {
        if (p.soort == Leerlingstroom::Soort::TlvOpBao) {
          if (p.vertrek && p.vertrek->jaar == y)
            (schooljaar_start(*p.vertrek) == y ? t.tlv_maanden_dit[at] : t.tlv_maanden_vorig[at]) += unused_tlv_months(*p.vertrek);
          continue;
        }
        if (p.soort == Leerlingstroom::Soort::Terugplaatsing && p.vorige_school == school.id) continue;  // 6.3
        (p.soort == Leerlingstroom::Soort::Instroom ? t.maanden_instroom[at] : t.maanden_terug[at]) += funded_months(p, y);
      }
    }
  }
  // The basis per path (scholen_basis): the schools with an ondersteuningsbedrag, one row per year.
  std::vector<size_t> met_basis;
  for (size_t s = 0; s < sc.scholen.size(); ++s)
    if (!sc.scholen[s].itk) met_basis.push_back(s);
  const size_t m = met_basis.size();
  t.basis_scholen = m;
  t.basis_leerlingen.resize(m * static_cast<size_t>(t.jaren));
  t.basis_geheel.assign(static_cast<size_t>(t.jaren), 0);
  t.basis_som.assign(static_cast<size_t>(t.jaren), 0);
  t.basis_max.assign(static_cast<size_t>(t.jaren), 0.0);
  for (int i = 0; i < t.jaren; ++i) {
    const auto k = static_cast<size_t>(i);
    bool geheel = true;
    double som = 0, max = 0;
    for (size_t j = 0; j < m; ++j) {
      const double g = t.leerlingen[met_basis[j] * static_cast<size_t>(t.jaren) + k];
      t.basis_leerlingen[k * m + j] = g;
      // whole and below 2^31 (the loader allows at most 10^5 pupils per school), so that the
      // sum of at most 2^22 of them is exact in a double and fits in int64
      geheel = geheel && !std::isnan(g) && g >= 0 && g == std::floor(g) && g < 2147483648.0;
      if (geheel) { som += g; max = std::max(max, g); }
    }
    if (geheel && m < (size_t{1} << 22)) {
      t.basis_geheel[k] = 1;
      t.basis_som[k] = static_cast<std::int64_t>(som);
      t.basis_max[k] = max;
    }
  }
  return t;
}

void scholen(Ctx& c) {
  if (!c.in.verdeling.scholen) return;
  const auto& sc = *c.in.verdeling.scholen;
  const ScholenTabel& t = c.in.scholen_tabel;
  auto& out = c.r.verdeling.scholen;
  out.clear();
  // Sums per year over the schools; without detail records (risk, solve) nothing is allocated
  // once the Result has been used: scholen_som keeps its capacity.
  constexpr int kMax = 64;  // the loader allows at most 50 years
  if (c.n > kMax) throw std::invalid_argument("scholen: meer dan 64 jaren");
  std::array<Cents, kMax> bruto{}, afdracht{}, tlv{}, instroom{}, terug{}, opmaat{}, totaal{};
  std::array<std::array<Cents, 3>, kMax> weekbedrag{};  // 8.1.8, per year and SO category
  for (int i = 0; i < c.n; ++i) {
    const auto k = static_cast<size_t>(i);
    weekbedrag[k] = {opmaat_weekbedrag(c.in.t_so1[k], c.in.opmaat_weken_per_jaar[k]),
                     opmaat_weekbedrag(c.in.t_so2[k], c.in.opmaat_weken_per_jaar[k]),
                     opmaat_weekbedrag(c.in.t_so3[k], c.in.opmaat_weken_per_jaar[k])};
  }
  for (size_t s = 0; s < sc.scholen.size(); ++s) {
    const size_t row = s * static_cast<size_t>(t.jaren);
    const bool itk = sc.scholen[s].itk;
    if (c.findings) out.push_back(SchoolResultaat{sc.scholen[s].id, sc.scholen[s].naam, sc.scholen[s].bestuur, itk,
                                                  std::vector<SchoolJaar>(static_cast<size_t>(c.n))});
    double pupils = t.leerlingen[row];
    for (int i = 0; i < c.n; ++i) {
      const auto k = static_cast<size_t>(i);
      const size_t at = row + k;
      if (i > 0) pupils = next_pupils(t.leerlingen[at], pupils, c.r.r(Line::leerlingen_bo, i - 1), c.r.r(Line::leerlingen_bo, i));
      SchoolJaar j;
      j.leerlingen = pupils;
      j.basis = itk ? 0 : mul_round(c.in.ob_per_leerling[k], pupils);  // ITK: no ondersteuningsbedrag
      j.plaatsingen = itk ? 0 : t.plaatsingen[at];                        // ITK: pays no referrals
      j.afdracht_plaatsingen = mul_round(c.in.top_tlv_sbo[k], j.plaatsingen);
      j.afdracht_dws = mul_round(c.in.top_dws_prijs[k], t.dws[at]);
      // 8.1.4: unused months back, at the tarief of the August they were paid (vorig: t-1)
      const Cents tarief_vorig = c.in.top_tlv_bao[i > 0 ? k - 1 : k];
      j.tlv_verrekening = round_to_cent((static_cast<double>(t.tlv_maanden_vorig[at]) * static_cast<double>(tarief_vorig) +
                                         static_cast<double>(t.tlv_maanden_dit[at]) * static_cast<double>(c.in.top_tlv_bao[k])) / 12.0);
      j.tlv_op_bao = sub_checked(mul_round(c.in.top_tlv_bao[k], t.tlv_op_bao[at]), j.tlv_verrekening);
      j.instroom = mul_round(c.in.bedrag_instroom[k], t.maanden_instroom[at] / 12.0);   // rounding: once per school and year
      j.terugplaatsing = mul_round(c.in.bedrag_instroom[k], t.maanden_terug[at] / 12.0);
      for (size_t cat = 0; cat < 3; ++cat) {
        j.opmaat_weken += t.opmaat_weken[cat][at];
        j.opmaat = add_checked(j.opmaat, mul_round(weekbedrag[k][cat], t.opmaat_weken[cat][at]));
      }
      Cents tot = sub_checked(j.basis, add_checked(j.afdracht_plaatsingen, j.afdracht_dws));
      for (Cents x : {j.tlv_op_bao, j.instroom, j.terugplaatsing}) tot = add_checked(tot, x);
      tot = sub_checked(tot, j.opmaat);
      j.totaal = tot;
      bruto[k] = add_checked(bruto[k], j.basis);
      afdracht[k] = add_checked(afdracht[k], add_checked(j.afdracht_plaatsingen, j.afdracht_dws));
      tlv[k] = add_checked(tlv[k], j.tlv_op_bao);
      instroom[k] = add_checked(instroom[k], j.instroom);
      terug[k] = add_checked(terug[k], j.terugplaatsing);
      opmaat[k] = add_checked(opmaat[k], j.opmaat);
      totaal[k] = add_checked(totaal[k], j.totaal);
      if (c.findings) out.back().jaren[k] = j;
    }
  }
  c.r.verdeling.scholen_som.assign(totaal.begin(), totaal.begin() + c.n);
  for (int i = 0; i < c.n; ++i) {
    const auto k = static_cast<size_t>(i);
    c.r.c(Line::ondersteuningsbedrag_bruto, i) = bruto[k];
    c.r.c(Line::afdracht_verwijzingen_dws, i) = afdracht[k];
    c.r.c(Line::ondersteuningsbedrag_bao, i) = sub_checked(bruto[k], afdracht[k]);
    c.r.c(Line::tlv_op_bao, i) = tlv[k];
    c.r.c(Line::instroombudget, i) = instroom[k];
    c.r.c(Line::terugplaatsing, i) = terug[k];
    c.r.c(Line::opmaat_molenduin, i) = opmaat[k];
    c.r.c(Line::opmaat_afdracht, i) = -opmaat[k];
    if (!c.tr) continue;
    const int y = c.year(i);
    const std::string bron = "som over de scholen in " + sc.bestand + " (8.1.2-8.1.5)";
    for (Line l : {Line::ondersteuningsbedrag_bruto, Line::afdracht_verwijzingen_dws, Line::tlv_op_bao, Line::instroombudget,
                   Line::terugplaatsing}) {
      auto& e = c.tr->at(l, y);
      e.formula = bron;
      e.rounding = "per school eenmaal afgerond op de cent; de som is exact";
      e.terms = {param("ondersteuningsbedrag per leerling", eur(c.in.ob_per_leerling[k]), Unit::EuroPerLeerling,
                       "regulier_onderwijs.ondersteuningsbedrag_per_leerling", y),
                 param("TLV SBO-tarief per plaatsing", eur(c.in.top_tlv_sbo[k]), Unit::EuroPerLeerling, "top.tlv_sbo_tarief", y),
                 param("prijs DWS-plaats", eur(c.in.top_dws_prijs[k]), Unit::EuroPerLeerling, "top.dws_prijs", y),
                 param("TLV op bao per leerling", eur(c.in.top_tlv_bao[k]), Unit::EuroPerLeerling, "top.tlv_op_bao_per_leerling", y),
                 param("instroombedrag per leerling per jaar", eur(c.in.bedrag_instroom[k]), Unit::Euro,
                       "regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar", y)};
    }
    for (Line l : {Line::opmaat_molenduin, Line::opmaat_afdracht}) {
      auto& e = c.tr->at(l, y);
      e.formula = (l == Line::opmaat_afdracht ? "- " : "") + std::string("som over de scholen in ") + sc.bestand +
                  " van hun Opmaat-leerlingweken x weekbedrag (8.1.8)";
      e.rounding = "weekbedrag per categorie eenmaal afgerond op de cent; per school eenmaal afgerond; de som is exact";
      e.terms = {param("tarief SO cat. I", eur(c.in.t_so1[k]), Unit::EuroPerLeerling, "tarieven.so_cat1", y),
                 param("tarief SO cat. II", eur(c.in.t_so2[k]), Unit::EuroPerLeerling, "tarieven.so_cat2", y),
                 param("tarief SO cat. III", eur(c.in.t_so3[k]), Unit::EuroPerLeerling, "tarieven.so_cat3", y),
                 param("weken per jaar (deler, aanname)", c.in.opmaat_weken_per_jaar[k], Unit::Weken, "opmaat.weken_per_jaar", y)};
    }
    auto& n = c.tr->at(Line::ondersteuningsbedrag_bao, y);
    n.formula = "ondersteuningsbedrag voor aftrek - afdracht verwijzingen en DWS, beide som over de scholen (8.1.2)";
    n.rounding = "exact in centen";
    n.terms = {line(c, Line::ondersteuningsbedrag_bruto, i), line(c, Line::afdracht_verwijzingen_dws, i)};
  }
}

namespace {

// The basis per path, one block of at most kBlok schools in one year i (scholen_basis). p holds
// the block's pupils of year i-1; q gets those of year i: the given count g, else
// p x bo(i) / bo(i-1) when `projecteer` (exactly next_pupils: the same two IEEE operations in
// the same order), else p. When `som`, also the sum of round_to_cent(ob x p) over the
// block, exact: returns false, sum unusable, when some |ob x p| is not below 2^43 or is NaN
// (the caller then redoes the block with mul_round and add_checked, which throw as compute() does).
// Below 2^43 every rounded basis is an integer of at most 2^43 and the sum of kBlok = 2^9 of them
// stays below 2^52: every partial sum in double is exact, in any order.
constexpr size_t kBlok = 512;
constexpr double kGrens = 8796093022208.0;  // 2^43

inline double rond_af(double x) {  // round_to_cent as a double, for |x| < 2^43
  const double t = static_cast<double>(static_cast<std::int64_t>(x));
  const double f = x - t;
  return t + (f >= 0.5 ? 1.0 : 0.0) - (f <= -0.5 ? 1.0 : 0.0);
}

bool blok_scalar(const double* p, double* q, const double* g, size_t nb, bool projecteer, double nu, double vorig, double ob, bool som,
                 double& uit) {
  bool ok = true;
  double acc = 0;
  for (size_t s = 0; s < nb; ++s) {
    q[s] = !std::isnan(g[s]) ? g[s] : projecteer ? p[s] * nu / vorig : p[s];
    if (!som) continue;
    const double x = ob * q[s];
    if (!(std::fabs(x) < kGrens)) { ok = false; continue; }
    acc += rond_af(x);
  }
  uit = acc;
  return ok;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define BEGROTING_SCHOLEN_AVX2 1
// The same as blok_scalar, four schools at a time (AVX2, no FMA: every operation is the scalar
// one, so every pupil count and every rounded basis is bit for bit the scalar result).
__attribute__((target("avx2"))) bool blok_avx2(const double* p, double* q, const double* g, size_t nb, bool projecteer, double nu,
                                               double vorig, double ob, bool som, double& uit) {
  const __m256d vnu = _mm256_set1_pd(nu), vvorig = _mm256_set1_pd(vorig), vob = _mm256_set1_pd(ob);
  const __m256d half = _mm256_set1_pd(0.5), mhalf = _mm256_set1_pd(-0.5), one = _mm256_set1_pd(1.0);
  const __m256d grens = _mm256_set1_pd(kGrens), absmask = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7fffffffffffffffLL));
  __m256d acc = _mm256_setzero_pd(), ok = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
  size_t s = 0;
  for (; s + 4 <= nb; s += 4) {
    const __m256d gv = _mm256_loadu_pd(g + s);
    __m256d pv = _mm256_loadu_pd(p + s);
    if (projecteer) pv = _mm256_div_pd(_mm256_mul_pd(pv, vnu), vvorig);
    pv = _mm256_blendv_pd(pv, gv, _mm256_cmp_pd(gv, gv, _CMP_ORD_Q));  // given where not NaN
    _mm256_storeu_pd(q + s, pv);
    if (!som) continue;
    const __m256d x = _mm256_mul_pd(vob, pv);
    ok = _mm256_and_pd(ok, _mm256_cmp_pd(_mm256_and_pd(x, absmask), grens, _CMP_LT_OQ));  // NaN: false
    const __m256d t = _mm256_round_pd(x, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    const __m256d f = _mm256_sub_pd(x, t);
    __m256d r = _mm256_add_pd(t, _mm256_and_pd(_mm256_cmp_pd(f, half, _CMP_GE_OQ), one));
    r = _mm256_sub_pd(r, _mm256_and_pd(_mm256_cmp_pd(f, mhalf, _CMP_LE_OQ), one));
    acc = _mm256_add_pd(acc, r);
  }
  double rest = 0;
  const bool ok_rest = blok_scalar(p + s, q + s, g + s, nb - s, projecteer, nu, vorig, ob, som, rest);
  alignas(32) double lanes[4];
  _mm256_store_pd(lanes, acc);
  uit = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + rest;
  return ok_rest && _mm256_movemask_pd(ok) == 0xF;
}
#endif

bool blok(const double* p, double* q, const double* g, size_t nb, bool projecteer, double nu, double vorig, double ob, bool som,
          double& uit) {
#ifdef BEGROTING_SCHOLEN_AVX2
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return blok_avx2(p, q, g, nb, projecteer, nu, vorig, ob, som, uit);
#endif
  return blok_scalar(p, q, g, nb, projecteer, nu, vorig, ob, som, uit);
}

}  // namespace

void scholen_basis(Ctx& c, const Result& plan) {
  if (!c.in.verdeling.scholen) return;
  const ScholenTabel& t = c.in.scholen_tabel;
  constexpr int kMax = 64;
  if (c.n > kMax) throw std::invalid_argument("scholen: meer dan 64 jaren");
  std::array<Cents, kMax> bruto{};
  std::array<double, kMax> bo{};
  std::array<bool, kMax> uit_som{};  // year i summed as ondersteuningsbedrag x the pupil sum
  for (int i = 0; i < c.n; ++i) bo[static_cast<size_t>(i)] = c.r.r(Line::leerlingen_bo, i);
  const Cents* ob = c.in.ob_per_leerling.data();
  const size_t m = t.basis_scholen;
  // Whole pupil counts: the sum needs no rounding per school. Proof: let a be the
  // ondersteuningsbedrag in cents (an integer) and g_s the given pupils of school s, whole and
  // >= 0, with |a| x max g_s < 2^53. Then a x g_s is an integer below 2^53 in magnitude, so a
  // double holds it exactly and IEEE multiplication returns it exactly; round_to_cent of an
  // integer-valued double is that integer (remainder 0). So basis_s = a x g_s, and the sum over
  // the schools is sum_s a x g_s = a x sum_s g_s, in the integers; every term has the sign of a,
  // so every partial sum lies between 0 and the total, which __builtin_mul_overflow checks fits
  // in int64 (a total that does not fit takes the per-school path below, which throws as
  // compute() does). Counts that are not whole (projected: p x bo(t) / bo(t-1), or fractional
  // given counts) take the per-school path: each basis rounded once, as in scholen().
  for (int i = 0; i < c.n; ++i) {
    const auto k = static_cast<size_t>(i);
    if (!t.basis_geheel[k] || std::fabs(static_cast<double>(ob[k])) * t.basis_max[k] >= 9007199254740992.0) continue;  // 2^53
    Cents som = 0;
    if (__builtin_mul_overflow(ob[k], t.basis_som[k], &som)) continue;
    bruto[k] = som;
    uit_som[k] = true;
  }
  // Per school: blocks of kBlok schools, year by year inside a block (the schools of a block are
  // independent, so the pupil chain of one school is not one long dependency); no allocation.
  std::array<double, kBlok> a, b;  // the block's pupils of year i-1 (p) and of year i (q)
  for (size_t s0 = 0; s0 < m; s0 += kBlok) {
    const size_t nb = std::min(kBlok, m - s0);
    double* p = a.data();
    double* q = b.data();
    std::copy_n(t.basis_leerlingen.data() + s0, nb, p);  // year 0: given (the loader requires it)
    for (int i = 0; i < c.n; ++i) {
      const auto k = static_cast<size_t>(i);
      const double* g = t.basis_leerlingen.data() + k * m + s0;
      const bool projecteer = i > 0 && bo[k - 1] != 0;
      const double nu = bo[k], vorig = i > 0 ? bo[k - 1] : 1.0;
      const bool som = !uit_som[k];
      double blok_som = 0;
      if (blok(p, q, g, nb, projecteer, nu, vorig, static_cast<double>(ob[k]), som, blok_som)) {
        if (som) bruto[k] = add_checked(bruto[k], static_cast<Cents>(blok_som));
      } else {
        // A product not below 2^43 or not a number: the exact path of scholen(), school by school.
        for (size_t s = 0; s < nb; ++s)
          bruto[k] = add_checked(bruto[k], mul_round(ob[k], i == 0 ? g[s] : next_pupils(g[s], p[s], bo[k - 1], bo[k])));
      }
      std::swap(p, q);
    }
  }
  for (int i = 0; i < c.n; ++i) {
    const Cents afdracht = plan.c(Line::afdracht_verwijzingen_dws, i);
    c.r.c(Line::ondersteuningsbedrag_bruto, i) = bruto[static_cast<size_t>(i)];
    c.r.c(Line::afdracht_verwijzingen_dws, i) = afdracht;
    c.r.c(Line::ondersteuningsbedrag_bao, i) = sub_checked(bruto[static_cast<size_t>(i)], afdracht);
    for (Line l : {Line::tlv_op_bao, Line::instroombudget, Line::terugplaatsing}) c.r.c(l, i) = plan.c(l, i);
  }
}

void scholen_check(Ctx& c) {
  if (!c.in.verdeling.scholen) return;
  auto& vr = c.r.verdeling;
  // The identity, on every run: the schools' totals sum to the subtotaal regulier onderwijs.
  for (int i = 0; i < c.n; ++i) {
    const Cents som = vr.scholen_som[static_cast<size_t>(i)];
    if (som != c.r.c(Line::regulier_subtotaal, i))
      throw IdentityError("scholen " + std::to_string(c.year(i)) + ": de budgetten van de scholen tellen op tot " + std::to_string(som) +
                          " cent, het subtotaal regulier onderwijs is " + std::to_string(c.r.c(Line::regulier_subtotaal, i)) + " cent");
  }
  if (!c.findings) return;  // per bestuur, spreiding and the pupil check are detail records
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // per bestuur, in order of first appearance (indexed once: thousands of besturen at national scale)
  vr.besturen.clear();
  std::unordered_map<std::string_view, size_t> bestuur_at;
  for (const auto& s : vr.scholen) {
    auto [at, fresh] = bestuur_at.try_emplace(s.bestuur, vr.besturen.size());
    if (fresh) vr.besturen.push_back(SchoolResultaat{s.bestuur, s.bestuur, s.bestuur, false, std::vector<SchoolJaar>(static_cast<size_t>(c.n))});
    SchoolResultaat* it = &vr.besturen[at->second];
    for (int i = 0; i < c.n; ++i) {
      auto& b = it->jaren[static_cast<size_t>(i)];
      const auto& j = s.jaren[static_cast<size_t>(i)];
      b.leerlingen += j.leerlingen;
      b.basis += j.basis;
      b.plaatsingen += j.plaatsingen;
      b.afdracht_plaatsingen += j.afdracht_plaatsingen;
      b.afdracht_dws += j.afdracht_dws;
      b.tlv_op_bao += j.tlv_op_bao;
      b.tlv_verrekening += j.tlv_verrekening;
      b.instroom += j.instroom;
      b.terugplaatsing += j.terugplaatsing;
      b.opmaat_weken += j.opmaat_weken;
      b.opmaat += j.opmaat;
      b.totaal = add_checked(b.totaal, j.totaal);
    }
  }
  // Budget per pupil: an Internationale Taalklas is left out (no ondersteuningsbedrag, README
  // "Uitzonderingen"): a school with itk, and in a bestuur's figure its ITK schools' pupils and
  // budgets. `wie` names each entry; `of(k, i)` gives its budget (cents) and pupils in year i.
  auto spread = [&](size_t count, auto wie, auto of, int i) {
    Spreiding sp{nan, nan, nan, "", ""};
    for (size_t k = 0; k < count; ++k) {
      const auto [totaal, leerlingen] = of(k, i);
      if (leerlingen <= 0) continue;
      const double pp = cents_to_euros(totaal) / leerlingen;
      if (std::isnan(sp.min) || pp < sp.min) { sp.min = pp; sp.min_wie = wie(k); }
      if (std::isnan(sp.max) || pp > sp.max) { sp.max = pp; sp.max_wie = wie(k); }
    }
    sp.spreiding = sp.max - sp.min;
    return sp;
  };
  // per bestuur without its ITK schools: [bestuur][year] = (budget, pupils)
  std::vector<std::vector<std::pair<Cents, double>>> zonder_itk(vr.besturen.size(), std::vector<std::pair<Cents, double>>(static_cast<size_t>(c.n)));
  for (const auto& s : vr.scholen) {
    if (s.itk) continue;
    const size_t b = bestuur_at.at(s.bestuur);
    for (int i = 0; i < c.n; ++i) {
      auto& [totaal, leerlingen] = zonder_itk[b][static_cast<size_t>(i)];
      totaal = add_checked(totaal, s.jaren[static_cast<size_t>(i)].totaal);
      leerlingen += s.jaren[static_cast<size_t>(i)].leerlingen;
    }
  }
  auto school_wie = [&](size_t k) { return vr.scholen[k].id; };
  auto school_of = [&](size_t k, int i) {
    const auto& j = vr.scholen[k].jaren[static_cast<size_t>(i)];
    return std::pair<Cents, double>{j.totaal, vr.scholen[k].itk ? 0.0 : j.leerlingen};
  };
  auto bestuur_wie = [&](size_t k) { return vr.besturen[k].id; };
  auto bestuur_of = [&](size_t k, int i) { return zonder_itk[k][static_cast<size_t>(i)]; };
  vr.spreiding_scholen.clear();
  vr.spreiding_besturen.clear();
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    double pupils = 0;
    for (const auto& s : vr.scholen) pupils += s.jaren[static_cast<size_t>(i)].leerlingen;
    const double swv = c.r.r(Line::leerlingen_bo, i);
    if (std::fabs(pupils - swv) > 1e-6 * std::max(1.0, swv))
      c.r.findings.push_back({Finding::Kind::Other, y,
                              "scholen " + std::to_string(y) + ": de scholen hebben samen " + std::to_string(pupils) +
                                  " leerlingen op 1-2-" + std::to_string(y - 1) + ", het swv rekent met " + std::to_string(swv)});
    vr.spreiding_scholen.push_back(spread(vr.scholen.size(), school_wie, school_of, i));
    vr.spreiding_besturen.push_back(spread(vr.besturen.size(), bestuur_wie, bestuur_of, i));
  }
}

}  // namespace begroting::rules
