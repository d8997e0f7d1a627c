// Binding a scenario parameter (registry path + year) to the Inputs value(s) it feeds, so that
// repeated evaluation (Monte Carlo, sensitivity) changes Inputs in place: no re-parse, no
// re-compile, no allocation per evaluation. Resolve once per Inputs copy, then read/write.
// Derived from the registry (registry.hpp): a parameter is bound through the same `input`
// accessor compile() wrote it with, so every registered parameter is bindable.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "begroting/inputs.hpp"

namespace begroting {

/// One Inputs value that a parameter feeds, independent of any Inputs instance.
struct Target {
  enum class Kind : std::uint8_t { Real, Money, Integer };
  Kind kind = Kind::Real;
  int entry = 0;  ///< index of the parameter in the Inputs' registry (registry.hpp)
  int index = 0;  ///< position in the series (-1 for a single value)
  int year = 0;   ///< the parameter's year key (0 for a Single parameter)
  double lo = 0, hi = 0;     ///< allowed range of the value, in parameter units (schema)
  bool lo_exclusive = false;  ///< value must stay strictly above lo (growth > -100%)
};

/// The targets of `path` in year `year` (0: every year of the parameter). For pupil counts
/// (Shape::Teldatum) "every year" means every teldatum the scenario gives a count for (others
/// are projected). Throws std::invalid_argument naming the path or year when it does not exist.
std::vector<Target> bind_parameter(const Inputs& in, const std::string& path, int year = 0);

/// A Target resolved against one Inputs instance: a raw pointer for the hot loop.
struct Slot {
  Target::Kind kind = Target::Kind::Real;
  void* ptr = nullptr;
  double lo = 0, hi = 0;
  bool lo_exclusive = false;
  int year = 0;
  /// Value in parameter units (euros for money).
  [[nodiscard]] double get() const {
    switch (kind) {
      case Target::Kind::Real: return *static_cast<const double*>(ptr);
      case Target::Kind::Money: return cents_to_euros(*static_cast<const Cents*>(ptr));
      case Target::Kind::Integer: return *static_cast<const int*>(ptr);
    }
    return 0;
  }
  /// Set a value in parameter units, clamped to [lo, hi] (a normal draw must not give a
  /// negative pupil count or a growth of -100% or less; an exclusive lower bound keeps a
  /// margin of 1e-9). Money: rounded once to the cent, half away from zero (money.hpp rule 2).
  /// Inline: it runs for every bound value of every Monte Carlo path.
  void set(double v) const {
    if (v != v) throw_nan();
    const double lo_eff = lo_exclusive ? lo + 1e-9 : lo;
    v = v < lo_eff ? lo_eff : v > hi ? hi : v;
    switch (kind) {
      case Target::Kind::Real: *static_cast<double*>(ptr) = v; return;
      case Target::Kind::Money: *static_cast<Cents*>(ptr) = round_to_cent(v * 100.0); return;
      case Target::Kind::Integer: *static_cast<int*>(ptr) = static_cast<int>(v < 0 ? v - 0.5 : v + 0.5); return;
    }
  }
  [[noreturn]] static void throw_nan();
};
Slot resolve(Inputs& in, const Target& t);

}  // namespace begroting
