// Goal seek (`begroting solve`): find the value of one scenario parameter (one value, or one
// value set for a range of years) at which a computed figure in a year meets a target.
//
// Method: the parameter moves on a grid of whole steps (a cent for money, 0.000001 for a
// fraction, one pupil, 0.001 leerlingjaar). The allowed range is sampled at 17 points to find where the target
// switches from met to not met (a figure that switches more than once is refused as not
// monotone); bisection on whole steps between the two samples then gives the exact boundary: a
// value that meets the target whose neighbour one step further does not. No rounding of the
// answer is needed: every value tried is already a whole cent.
#pragma once
#include <optional>
#include <stdexcept>
#include <memory>
#include <string>
#include <vector>

#include "begroting/lines.hpp"
#include "begroting/model.hpp"
#include "begroting/scenario.hpp"

namespace begroting {

struct SolveTarget {
  enum class Op { AtLeast, AtMost, Equals };
  Line line{};
  int year = 0;
  Op op = Op::AtLeast;
  double value = 0;          ///< the target value (euros for money lines), when `other` is empty
  std::optional<Line> other;  ///< compare with this line in the same year instead of a value
  /// The condition must hold in every year from `first_year` to `year` (begroting solve
  /// --every-year): the worst year decides (the smallest margin for AtLeast, the largest for
  /// AtMost). Not with Equals. The minimum of figures that each move one way with the parameter
  /// moves that way too, so the 17 samples and the bisection stay valid.
  bool every_year = false;
  int first_year = 0;
};

struct SolveSpec {
  std::string param;       ///< schema path
  std::vector<int> years;  ///< parameter year keys to set to the value (0 for a Single parameter)
  double min = 0, max = 0; ///< allowed range, inclusive
  double step = 0.01;      ///< grid (a cent for money)
  SolveTarget target;
  /// The model the target lines belong to (ids in messages); null: the built-in model.
  std::shared_ptr<const Model> model;
  /// The scenario's declaration of `param` when a model file declares it (its unit in output);
  /// null: the built-in registry's. Must outlive the spec's use (it points into the scenario).
  const ParamSpec* declared = nullptr;
};

/// One evaluation: the parameter value and the target figure it gives.
struct SolvePoint {
  double value = 0;
  double figure = 0;     ///< the target line in the target year (euros for money)
  double reference = 0;  ///< the target value or the other line in the target year
  int year = 0;          ///< the year of figure and reference (every_year: the worst year)
  bool meets = false;
};

struct SolveOutcome {
  SolvePoint answer;
  std::optional<SolvePoint> neighbour;  ///< one step past the answer: does not meet the target
  bool highest = true;      ///< the answer is the highest (else lowest) value meeting the target
  bool whole_range = false; ///< every value in the range meets the target: the answer is a range end
  int evaluations = 0;
};

/// No answer: the target is met nowhere in the range (NotMet), `Equals` is met everywhere so
/// there is no crossing (NoCrossing), the figure does not depend on the parameter (Flat), it
/// switches more than once (NotMonotone), or a value in the range overflows (Overflow).
/// The renderer turns it into a Dutch message; `at_min`/`at_max` are the range ends.
struct SolveError : std::runtime_error {
  enum class Reason { NotMet, NoCrossing, Flat, NotMonotone, Overflow };
  Reason reason;
  SolvePoint at_min, at_max;
  SolveError(Reason r, SolvePoint lo, SolvePoint hi, const std::string& what)
      : std::runtime_error(what), reason(r), at_min(lo), at_max(hi) {}
};

/// Default grid step for a unit: 0.01 (money), 0.000001 (fraction), 1 (pupils), 0.001 (leerlingjaren), 1 (year).
double solve_step(Unit u);

/// Goal seek on a copy of `base`. Throws SolveError (in Dutch) when no value meets the target.
SolveOutcome solve(const Scenario& base, const SolveSpec& spec);

}  // namespace begroting
