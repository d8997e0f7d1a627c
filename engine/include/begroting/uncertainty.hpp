// Declared uncertainties of a scenario (section `onzekerheden:`, loader/src/onzekerheden.cpp):
// plain data, read by the Monte Carlo runner (risk.hpp) and by sensitivity. Each uncertainty
// moves one or more scenario parameters (by their schema path) either through a probability
// distribution or as an event with a probability per year and an impact.
#pragma once
#include <map>

#include "begroting/location.hpp"
#include <string>
#include <vector>

namespace begroting {

/// A univariate distribution; `quantile` is its inverse CDF (used both to draw, from a
/// uniform number, and for the low/high values of sensitivity).
struct Distribution {
  enum class Kind { Vast, Normaal, Driehoek, Uniform };
  Kind kind = Kind::Vast;
  double a = 0;  ///< vast: the value; normaal: gemiddelde; driehoek, uniform: min
  double b = 0;  ///< normaal: standaardafwijking; driehoek: modus; uniform: max
  double c = 0;  ///< driehoek: max
  /// Inverse CDF at p in (0, 1).
  [[nodiscard]] double quantile(double p) const;
  [[nodiscard]] double mean() const;
};

/// Standard normal inverse CDF (Wichura's AS241, relative error ~1e-16), p in (0, 1).
double normal_quantile(double p);

struct Uncertainty {
  /// How a drawn number x changes the parameter value v (the scenario's, after earlier
  /// uncertainties on the same parameter): waarde: v = x; verschil: v + x; factor: v * x.
  enum class Apply { Waarde, Verschil, Factor };
  /// eenmalig: one draw per path for all years; per_jaar: an independent draw per year.
  enum class Draw { Eenmalig, PerJaar };

  std::string name;                 ///< key under onzekerheden:
  std::vector<std::string> params;  ///< schema paths; all move with the same draw
  int year = 0;                     ///< only this parameter year (0: every year of the parameter)
  Distribution dist;                ///< of x (for an event: of its impact)
  Apply apply = Apply::Waarde;
  Draw draw = Draw::Eenmalig;
  // An event (kans > 0): it happens in a year with probability `kans`, independently per year
  // in [vanaf, tot_en_met]; the impact applies in that year, and with `blijvend` also in every
  // later year. Years are the parameter's own year keys (tarieven: begrotingsjaar; groei:
  // the teldatum it grows into).
  bool event = false;
  double kans = 0;
  int vanaf = 0;       ///< 0: from the first year
  int tot_en_met = 0;  ///< 0: to the last year
  bool blijvend = false;
  /// The values of its parameters the distribution was written for: per path, per year key
  /// (0 for Single), as the scenario had them where the onzekerheid was declared (its own file,
  /// after that file's values) or last changed (--set onzekerheden.NAAM.VELD). A year without
  /// a reference (a year a child adds) is not shifted.
  /// With `toepassing: waarde` the drawn x is shifted by (scenario value - reference) per year
  /// and parameter, so an override of the parameter (child file, --set) moves the distribution
  /// with it; verschil and factor work on the scenario's value already (README, "risk").
  std::map<std::string, std::map<int, double>> reference;
  std::string bron;   ///< source / rationale (Dutch)
  std::string omschrijving;  ///< what it is, in plain Dutch (reports; empty: from the parameter's schema)
  SourceLoc where;    ///< its key, for messages
};

}  // namespace begroting
