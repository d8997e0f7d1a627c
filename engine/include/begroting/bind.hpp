// Binding a scenario parameter (schema path + year) to the Inputs value(s) it feeds, so that
// repeated evaluation (Monte Carlo, sensitivity) changes Inputs in place: no re-parse, no
// re-compile, no allocation per evaluation. Resolve once per Inputs copy, then read/write.
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
  int field = 0;  ///< internal field id (bind.cpp)
  int sub = 0;    ///< population or line, where the field is an array of series
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
  [[nodiscard]] double get() const;
  /// Set a value in parameter units, clamped to [lo, hi]. Money: rounded once to the cent,
  /// half away from zero (money.hpp rule 2: a drawn amount is an exact product of chance).
  void set(double v) const;
};
Slot resolve(Inputs& in, const Target& t);

}  // namespace begroting
