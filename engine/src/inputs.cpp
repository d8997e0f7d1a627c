#include "begroting/inputs.hpp"

#include "rules/rules.hpp"

#include <limits>
#include <stdexcept>

namespace begroting {

std::string_view pop_key(Pop p) {
  static constexpr std::string_view keys[] = {"bo", "sbo", "so_cat1", "so_cat2", "so_cat3", "ikc", "ikc_ander_swv"};
  return keys[static_cast<int>(p)];
}

namespace {
// Amounts in a Scenario are euros with at most two decimals (the loader checks that);
// converting them to cents is exact, not a rounding step.
Cents to_cents(double euros) { return round_to_cent(euros * 100.0); }

std::vector<double> per_year(const Scenario& s, const std::string& path) {
  const auto& h = s.horizon;
  std::vector<double> v(static_cast<size_t>(h.size()));
  for (int y = h.first; y <= h.last; ++y) v[static_cast<size_t>(y - h.first)] = s.value(path, y);
  return v;
}

std::vector<Cents> per_year_cents(const Scenario& s, const std::string& path) {
  std::vector<Cents> v;
  for (double e : per_year(s, path)) v.push_back(to_cents(e));
  return v;
}
}  // namespace

Inputs compile(const Scenario& s) {
  Inputs in;
  const auto& h = s.horizon;
  in.horizon = h;
  const auto n = static_cast<size_t>(h.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int p = 0; p < kPopCount; ++p) {
    const std::string base = "leerlingen." + std::string(pop_key(static_cast<Pop>(p)));
    auto& pi = in.pop[static_cast<size_t>(p)];
    pi.given.assign(n, nan);
    pi.growth.assign(n, 0.0);
    const auto& counts = s.params.at(base + ".teldatum").by_year;
    for (auto [year, v] : counts) {
      const int i = year - (h.first - 1);
      if (i >= 0 && i < static_cast<int>(n)) pi.given[static_cast<size_t>(i)] = v;
    }
    if (std::isnan(pi.given[0]))
      throw std::invalid_argument(base + ".teldatum mist het aantal op 1 februari " + std::to_string(h.first - 1));
    for (int y = h.first; y <= h.last - 1; ++y)
      pi.growth[static_cast<size_t>(y - (h.first - 1))] = s.value(base + ".groei", y);
  }
  in.t_lichte = per_year_cents(s, "tarieven.lichte_ondersteuning");
  in.t_zware = per_year_cents(s, "tarieven.zware_ondersteuning");
  in.t_sbo = per_year_cents(s, "tarieven.sbo");
  in.t_so1 = per_year_cents(s, "tarieven.so_cat1");
  in.t_so2 = per_year_cents(s, "tarieven.so_cat2");
  in.t_so3 = per_year_cents(s, "tarieven.so_cat3");
  in.ikc_share_sbo = per_year(s, "tarieven.ikc_aandeel_sbo");
  in.ikc_share_so1 = per_year(s, "tarieven.ikc_aandeel_so_cat1");
  in.kal_zware = per_year_cents(s, "kalibratie.zware_ondersteuning");
  in.ob_per_leerling = per_year_cents(s, "regulier_onderwijs.ondersteuningsbedrag_per_leerling");
  in.afdracht = per_year_cents(s, "regulier_onderwijs.afdracht_verwijzingen_dws");
  in.instroom_lj = per_year(s, "regulier_onderwijs.instroom_leerlingjaren");
  in.terug_lj = per_year(s, "regulier_onderwijs.terugplaatsing_leerlingjaren");
  in.bedrag_instroom = per_year_cents(s, "regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar");
  in.personeel_first = to_cents(s.value("personeel.personeelskosten_eerste_jaar"));
  in.personeel_groei.assign(n, 0.0);
  for (int y = h.first + 1; y <= h.last; ++y)
    in.personeel_groei[static_cast<size_t>(y - h.first)] = s.value("personeel.groei", y);
  for (const auto& d : line_table())
    if (d.kind == LineKind::Amount)
      in.amounts[static_cast<size_t>(d.line)] = per_year_cents(s, "bedragen." + std::string(d.id));
  in.ev_begin = to_cents(s.value("reserves.eigen_vermogen_begin"));
  in.wv_niveau = per_year_cents(s, "reserves.weerstandsvermogen_niveau");
  in.mva = per_year_cents(s, "reserves.materiele_vaste_activa");
  in.bestemmingsreserve_last = static_cast<int>(s.value("reserves.bestemmingsreserve_laatste_jaar"));
  in.signal_pct = per_year(s, "signaleringswaarde.percentage_baten");
  in.signal_min = per_year_cents(s, "signaleringswaarde.minimum");
  in.ikc_band = per_year(s, "ikc.bandbreedte");
  in.ikc_later = per_year(s, "ikc.teldatum_later");
  in.vangnet_fractie = s.value("vangnet.fractie_jaar");
  for (auto [dst, path] : {std::pair{&in.top_tlv_sbo, "top.tlv_sbo_tarief"}, std::pair{&in.top_dws_prijs, "top.dws_prijs"},
                           std::pair{&in.top_tlv_bao, "top.tlv_op_bao_per_leerling"}}) {
    dst->clear();
    for (double e : per_year(s, path)) dst->push_back(std::isnan(e) ? 0 : to_cents(e));  // NaN: not given (no schools file)
  }
  in.verdeling = s.verdeling;
  if (s.verdeling.scholen) in.scholen_tabel = rules::scholen_tabel(*s.verdeling.scholen, s.horizon);
  if (!s.stromen.empty()) {
    // index i: transition into teldatum F-1+i, as the growth series (index 0 unused)
    in.flows.active = true;
    for (int f = 0; f < kFlowCount; ++f) {
      const auto& spec = flow_schema()[static_cast<size_t>(f)];
      auto& v = in.flows.rate[static_cast<size_t>(f)];
      v.assign(n, 0.0);
      const auto it = s.stromen.find(spec.path);
      if (it == s.stromen.end()) throw std::invalid_argument("stromen mist " + spec.path);
      for (int y = h.first; y <= h.last - 1; ++y) {
        const auto jt = it->second.by_year.find(y);
        if (jt == it->second.by_year.end()) throw std::invalid_argument(spec.path + " mist " + std::to_string(y));
        v[static_cast<size_t>(y - (h.first - 1))] = jt->second;
      }
    }
  }
  return in;
}

void project_population(const PopulationInput& in, double* out) {
  const size_t n = in.given.size();
  for (size_t i = 0; i < n; ++i)
    out[i] = !std::isnan(in.given[i]) ? in.given[i] : out[i - 1] * (1.0 + in.growth[i]);
}

}  // namespace begroting
