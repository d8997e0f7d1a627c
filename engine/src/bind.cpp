// Parameter path -> Inputs value (see bind.hpp), through the registry entry's `input` accessor:
// the same one compile() (inputs.cpp) writes with. tests/test_registry.cpp checks that setting
// every parameter through its binding gives the same Result as --set and a fresh compile.
#include "begroting/bind.hpp"

#include <cmath>
#include <stdexcept>

namespace begroting {

namespace {

const Registry& registry_of(const Inputs& in) { return in.registry ? *in.registry : Registry::builtin(); }

InputRef ref_of(Inputs& in, const ParamSpec& spec) {
  if (spec.input) return spec.input(in);
  InputRef r;
  auto& v = in.extra.at(static_cast<size_t>(spec.extra));
  if (spec.shape == Shape::Single) r.real = v.data();
  else r.reals = &v;
  return r;
}

/// The address of one value: exactly one of the three pointers is set.
struct P { double* d = nullptr; Cents* c = nullptr; int* i = nullptr; };
P storage(Inputs& in, const ParamSpec& spec, int index) {
  const InputRef r = ref_of(in, spec);
  const auto k = static_cast<size_t>(index);
  if (r.reals) return P{&r.reals->at(k), nullptr, nullptr};
  if (r.money) return P{nullptr, &r.money->at(k), nullptr};
  if (r.real) return P{r.real, nullptr, nullptr};
  if (r.cents) return P{nullptr, r.cents, nullptr};
  if (r.integer) return P{nullptr, nullptr, r.integer};
  throw std::logic_error("bind: " + spec.path + " heeft geen plaats in Inputs");
}

}  // namespace

std::vector<Target> bind_parameter(const Inputs& in, const std::string& path, int year) {
  const Registry& reg = registry_of(in);
  const int entry = reg.index_of(path);
  if (entry < 0) throw std::invalid_argument("onbekende parameter '" + path + "'");
  const ParamSpec& spec = reg.entries()[static_cast<size_t>(entry)];
  if (spec.section == "stromen" && !in.flows.active)
    throw std::invalid_argument(path + ": het scenario rekent met groeivoeten, niet met stromen; verwacht een sectie stromen:");
  const Horizon& h = in.horizon;
  const Target::Kind kind = !spec.input                 ? Target::Kind::Real  // extra: doubles in parameter units
                            : is_money_unit(spec.unit)  ? Target::Kind::Money
                            : spec.unit == Unit::Jaar   ? Target::Kind::Integer
                                                        : Target::Kind::Real;
  auto make = [&](int index, int y) { return Target{kind, entry, index, y, spec.min, spec.max, spec.min_exclusive}; };
  std::vector<Target> out;
  if (spec.shape == Shape::Single) {
    if (year != 0) throw std::invalid_argument("parameter '" + path + "' heeft geen jaren; verwacht geen jaar");
    out.push_back(make(-1, 0));
    return out;
  }
  const YearRange r = years_for(spec.shape, h);
  const int origin = series_origin(spec.shape, h);
  if (year != 0 && (year < r.first || year > r.last))
    throw std::invalid_argument("parameter '" + path + "': jaar " + std::to_string(year) + " valt buiten " +
                                std::to_string(r.first) + "-" + std::to_string(r.last));
  const int y0 = year != 0 ? year : r.first, y1 = year != 0 ? year : r.last;
  for (int y = y0; y <= y1; ++y) {
    const Target t = make(y - origin, y);
    if (spec.shape == Shape::Teldatum && year == 0) {
      // every given teldatum; projected ones stay projected
      const double* p = storage(const_cast<Inputs&>(in), spec, t.index).d;  // read only
      if (std::isnan(*p)) continue;
    }
    out.push_back(t);
  }
  return out;
}

Slot resolve(Inputs& in, const Target& t) {
  const ParamSpec& spec = registry_of(in).entries().at(static_cast<size_t>(t.entry));
  const P p = storage(in, spec, t.index < 0 ? 0 : t.index);
  Slot s;
  s.kind = t.kind;
  s.ptr = t.kind == Target::Kind::Real ? static_cast<void*>(p.d)
          : t.kind == Target::Kind::Money ? static_cast<void*>(p.c)
                                          : static_cast<void*>(p.i);
  if (!s.ptr) throw std::logic_error("bind: " + spec.path + ": soort waarde past niet bij Inputs");
  s.lo = t.lo;
  s.hi = t.hi;
  s.lo_exclusive = t.lo_exclusive;
  s.year = t.year;
  return s;
}

void Slot::throw_nan() { throw ArithmeticError("getrokken waarde is geen getal (NaN)"); }

}  // namespace begroting
