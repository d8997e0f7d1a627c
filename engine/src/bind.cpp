// Parameter path -> Inputs fields (see bind.hpp). The table below mirrors compile() in
// inputs.cpp: every schema path compile() reads is bindable; a test checks that setting each
// through its binding gives the same Result as --set on the Scenario and a fresh compile.
#include "begroting/bind.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace begroting {

namespace {

enum Field : int {
  kPopGiven, kPopGrowth, kTLichte, kTZware, kTSbo, kTSo1, kTSo2, kTSo3, kIkcSbo, kIkcSo1, kKalZware, kOb,
  kAfdracht, kInstroomLj, kTerugLj, kBedragInstroom, kPersoneelFirst, kPersoneelGroei, kAmount, kEvBegin,
  kWvNiveau, kMva, kBestemmingLast, kSignalPct, kSignalMin, kFlow
};

struct Named { const char* path; Field field; };
constexpr Named kNamed[] = {
    {"tarieven.lichte_ondersteuning", kTLichte}, {"tarieven.zware_ondersteuning", kTZware},
    {"tarieven.sbo", kTSbo}, {"tarieven.so_cat1", kTSo1}, {"tarieven.so_cat2", kTSo2}, {"tarieven.so_cat3", kTSo3},
    {"tarieven.ikc_aandeel_sbo", kIkcSbo}, {"tarieven.ikc_aandeel_so_cat1", kIkcSo1},
    {"kalibratie.zware_ondersteuning", kKalZware},
    {"regulier_onderwijs.ondersteuningsbedrag_per_leerling", kOb},
    {"regulier_onderwijs.afdracht_verwijzingen_dws", kAfdracht},
    {"regulier_onderwijs.instroom_leerlingjaren", kInstroomLj},
    {"regulier_onderwijs.terugplaatsing_leerlingjaren", kTerugLj},
    {"regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar", kBedragInstroom},
    {"personeel.personeelskosten_eerste_jaar", kPersoneelFirst}, {"personeel.groei", kPersoneelGroei},
    {"reserves.eigen_vermogen_begin", kEvBegin}, {"reserves.weerstandsvermogen_niveau", kWvNiveau},
    {"reserves.materiele_vaste_activa", kMva}, {"reserves.bestemmingsreserve_laatste_jaar", kBestemmingLast},
    {"signaleringswaarde.percentage_baten", kSignalPct}, {"signaleringswaarde.minimum", kSignalMin},
};

// The storage of a field, for one Inputs instance: exactly one pointer is set.
struct P { double* d = nullptr; Cents* c = nullptr; int* i = nullptr; };
P storage(Inputs& in, int field, int sub, int index) {
  const auto k = static_cast<size_t>(index);
  switch (field) {
    case kPopGiven: return P{&in.pop[static_cast<size_t>(sub)].given[k], nullptr, nullptr};
    case kPopGrowth: return P{&in.pop[static_cast<size_t>(sub)].growth[k], nullptr, nullptr};
    case kTLichte: return P{nullptr, &in.t_lichte[k], nullptr};
    case kTZware: return P{nullptr, &in.t_zware[k], nullptr};
    case kTSbo: return P{nullptr, &in.t_sbo[k], nullptr};
    case kTSo1: return P{nullptr, &in.t_so1[k], nullptr};
    case kTSo2: return P{nullptr, &in.t_so2[k], nullptr};
    case kTSo3: return P{nullptr, &in.t_so3[k], nullptr};
    case kIkcSbo: return P{&in.ikc_share_sbo[k], nullptr, nullptr};
    case kIkcSo1: return P{&in.ikc_share_so1[k], nullptr, nullptr};
    case kKalZware: return P{nullptr, &in.kal_zware[k], nullptr};
    case kOb: return P{nullptr, &in.ob_per_leerling[k], nullptr};
    case kAfdracht: return P{nullptr, &in.afdracht[k], nullptr};
    case kInstroomLj: return P{&in.instroom_lj[k], nullptr, nullptr};
    case kTerugLj: return P{&in.terug_lj[k], nullptr, nullptr};
    case kBedragInstroom: return P{nullptr, &in.bedrag_instroom[k], nullptr};
    case kPersoneelFirst: return P{nullptr, &in.personeel_first, nullptr};
    case kPersoneelGroei: return P{&in.personeel_groei[k], nullptr, nullptr};
    case kAmount: return P{nullptr, &in.amounts[static_cast<size_t>(sub)][k], nullptr};
    case kEvBegin: return P{nullptr, &in.ev_begin, nullptr};
    case kWvNiveau: return P{nullptr, &in.wv_niveau[k], nullptr};
    case kMva: return P{nullptr, &in.mva[k], nullptr};
    case kBestemmingLast: return P{nullptr, nullptr, &in.bestemmingsreserve_last};
    case kSignalPct: return P{&in.signal_pct[k], nullptr, nullptr};
    case kSignalMin: return P{nullptr, &in.signal_min[k], nullptr};
    case kFlow: return P{&in.flows.rate[static_cast<size_t>(sub)][k], nullptr, nullptr};
    default: break;
  }
  throw std::logic_error("bind: onbekend veld");
}

}  // namespace

std::vector<Target> bind_parameter(const Inputs& in, const std::string& path, int year) {
  const ParamSpec* spec = find_spec(path);
  if (!spec) spec = find_flow_spec(path);
  if (!spec) throw std::invalid_argument("onbekende parameter '" + path + "'");
  const Horizon& h = in.horizon;
  Field field{};
  int sub = 0;
  bool found = false;
  for (const auto& n : kNamed)
    if (path == n.path) { field = n.field; found = true; }
  if (!found && path.rfind("leerlingen.", 0) == 0) {
    for (int p = 0; p < kPopCount; ++p) {
      const std::string base = "leerlingen." + std::string(pop_key(static_cast<Pop>(p)));
      if (path == base + ".teldatum") { field = kPopGiven; sub = p; found = true; }
      if (path == base + ".groei") { field = kPopGrowth; sub = p; found = true; }
    }
  }
  if (!found && path.rfind("bedragen.", 0) == 0)
    if (auto l = find_line(path.substr(9)); l && def(*l).kind == LineKind::Amount) {
      field = kAmount;
      sub = static_cast<int>(*l);
      found = true;
    }
  if (!found && path.rfind("stromen.", 0) == 0) {
    if (!in.flows.active)
      throw std::invalid_argument(path + ": het scenario rekent met groeivoeten, niet met stromen; verwacht een sectie stromen:");
    for (int f = 0; f < kFlowCount; ++f)
      if (flow_schema()[static_cast<size_t>(f)].path == path) { field = kFlow; sub = f; found = true; }
  }
  if (!found) throw std::invalid_argument("parameter '" + path + "' is niet te koppelen aan de rekenkern");

  const Target::Kind kind = (spec->unit == Unit::Euro || spec->unit == Unit::EuroPerLeerling) ? Target::Kind::Money
                            : spec->unit == Unit::Jaar                                       ? Target::Kind::Integer
                                                                                              : Target::Kind::Real;
  auto make = [&](int index, int y) {
    return Target{kind, field, sub, index, y, spec->min, spec->max, spec->min_exclusive};
  };
  std::vector<Target> out;
  if (spec->shape == Shape::Single) {
    if (year != 0) throw std::invalid_argument("parameter '" + path + "' heeft geen jaren; verwacht geen jaar");
    out.push_back(make(-1, 0));
    return out;
  }
  const YearRange r = years_for(spec->shape, h);
  // Index of a year key in the Inputs series: pupil series start at teldatum F-1, the
  // personnel growth series at begrotingsjaar F (index 0 unused), the others at F.
  const int origin = (spec->shape == Shape::Teldatum || spec->shape == Shape::TeldatumGrowth) ? h.first - 1 : h.first;
  if (year != 0 && (year < r.first || year > r.last))
    throw std::invalid_argument("parameter '" + path + "': jaar " + std::to_string(year) + " valt buiten " +
                                std::to_string(r.first) + "-" + std::to_string(r.last));
  const int y0 = year != 0 ? year : r.first, y1 = year != 0 ? year : r.last;
  for (int y = y0; y <= y1; ++y) {
    const Target t = make(y - origin, y);
    if (spec->shape == Shape::Teldatum && year == 0) {
      // every given teldatum; projected ones stay projected
      const double* p = storage(const_cast<Inputs&>(in), t.field, t.sub, t.index).d;  // read only
      if (std::isnan(*p)) continue;
    }
    out.push_back(t);
  }
  return out;
}

Slot resolve(Inputs& in, const Target& t) {
  auto p = storage(in, t.field, t.sub, t.index);
  Slot s;
  s.kind = t.kind;
  s.ptr = t.kind == Target::Kind::Real ? static_cast<void*>(p.d)
          : t.kind == Target::Kind::Money ? static_cast<void*>(p.c)
                                          : static_cast<void*>(p.i);
  s.lo = t.lo;
  s.hi = t.hi;
  s.lo_exclusive = t.lo_exclusive;
  s.year = t.year;
  return s;
}

void Slot::throw_nan() { throw ArithmeticError("getrokken waarde is geen getal (NaN)"); }

}  // namespace begroting
