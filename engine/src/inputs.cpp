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

void write(const ParamSpec& spec, Inputs& in, const Scenario& s) {
  const Horizon& h = s.horizon;
  const auto n = static_cast<size_t>(h.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const ParamValue* pv = s.values(spec.path);
  if (!pv) throw std::invalid_argument("parameter ontbreekt: " + spec.path);
  InputRef r;
  if (spec.input) r = spec.input(in);
  else {
    auto& v = in.extra.at(static_cast<size_t>(spec.extra));
    if (spec.shape == Shape::Single) { v.assign(1, 0.0); r.real = &v[0]; }
    else r.reals = &v;
  }
  if (spec.shape == Shape::Single) {
    const double v = s.value(spec.path);
    if (r.real) *r.real = v;
    else if (r.cents) *r.cents = std::isnan(v) ? 0 : to_cents(v);
    else if (r.integer) *r.integer = static_cast<int>(v);
    else throw std::logic_error("parameterregister: " + spec.path + " heeft geen enkele waarde in Inputs");
    return;
  }
  // A series: fill what has no year key, then every year key.
  std::vector<double> v(n, spec.shape == Shape::Teldatum ? nan : 0.0);
  const int origin = series_origin(spec.shape, h);
  if (spec.shape == Shape::Teldatum) {
    for (auto [year, x] : pv->by_year) {
      const int i = year - origin;
      if (i >= 0 && i < static_cast<int>(n)) v[static_cast<size_t>(i)] = x;
    }
    if (std::isnan(v[0]))
      throw std::invalid_argument(spec.path + " mist het aantal op 1 februari " + std::to_string(origin));
  } else {
    const YearRange yr = years_for(spec.shape, h);
    for (int y = yr.first; y <= yr.last; ++y) {
      const auto jt = pv->by_year.find(y);
      if (jt == pv->by_year.end()) throw std::invalid_argument(spec.path + " mist " + std::to_string(y));
      v[static_cast<size_t>(y - origin)] = jt->second;
    }
  }
  if (r.reals) *r.reals = std::move(v);
  else if (r.money) {
    r.money->assign(n, 0);
    for (size_t i = 0; i < n; ++i) (*r.money)[i] = std::isnan(v[i]) ? 0 : to_cents(v[i]);  // NaN: not given -> 0
  } else {
    throw std::logic_error("parameterregister: " + spec.path + " heeft geen reeks in Inputs");
  }
}
}  // namespace

Inputs compile(const Scenario& s) {
  Inputs in;
  in.horizon = s.horizon;
  in.registry = s.registry ? s.registry : Registry::builtin_ptr();
  const Registry& reg = *in.registry;
  in.extra.assign(static_cast<size_t>(reg.extra_count()), {});
  in.flows.active = !s.stromen.empty();
  for (const auto& spec : reg.entries()) {
    if (spec.section == "stromen" && !in.flows.active) continue;
    write(spec, in, s);
  }
  // regulier_onderwijs.afdracht_verwijzingen_dws is optional per year: not given (NaN) means the
  // driver applies (rules/afdracht_verwijzingen.cpp), which 0 cannot say.
  if (const ParamValue* pv = s.values("regulier_onderwijs.afdracht_verwijzingen_dws"))
    for (int y = s.horizon.first; y <= s.horizon.last; ++y)
      if (const auto it = pv->by_year.find(y); it == pv->by_year.end() || std::isnan(it->second))
        in.afdracht[static_cast<size_t>(y - s.horizon.first)] = kNietGegeven;
  in.verdeling = s.verdeling;
  if (s.verdeling.scholen) in.scholen_tabel = rules::scholen_tabel(*s.verdeling.scholen, s.horizon);
  compile_model(s, in);
  return in;
}

}  // namespace begroting
