// Internal: readers of the non-parameter sections of a scenario file. Each reads one top-level
// key of one file of the extends chain (parent first) into the Scenario being built; errors
// are InputError with FILE:LINE:COLUMN. The key must also be in the reserved list of
// loader.cpp (Builder::children_of and walk).
#pragma once
#include <map>
#include <string>

#include "begroting/scenario.hpp"
#include "tree.hpp"

namespace begroting::detail {

/// The YAML of each onzekerheid as last declared, by name (for --set onzekerheden.NAAM.VELD).
struct OnzekerheidBron {
  Tree tree;  ///< its map of keys
  Loc key;    ///< where its name stands
};
using OnzekerheidBronnen = std::map<std::string, OnzekerheidBron>;

/// `onzekerheden:` (onzekerheden.cpp). A child file's entry replaces the parent's entry of
/// the same name; new names are added after the parent's. Each entry's reference values
/// (Uncertainty::reference) are the scenario's values at this point (read the file's own
/// parameters and stromen first). `bronnen` keeps the YAML for --set.
void read_onzekerheden(const Tree& section, Scenario& sc, OnzekerheidBronnen& bronnen);

/// --set onzekerheden.NAAM.VELD=WAARDE: change the fields given for one onzekerheid, all
/// together (`parameter` takes a comma-separated list; a new `verdeling` drops the keys of the
/// old one), then read it again with every check of the file. If a field that places the
/// distribution is among them (gemiddelde, min, modus, max, waarde, verdeling, toepassing,
/// parameter) the scenario's current values become its reference (no shift); otherwise the
/// reference stays. `at` locates each WAARDE for messages.
struct VeldWaarde {
  std::string field, value;
  Loc at;
};
void set_onzekerheid(Scenario& sc, OnzekerheidBronnen& bronnen, const std::string& name, const std::vector<VeldWaarde>& velden);

/// After defaults: a reference year the scenario had no value for when the onzekerheid was
/// declared takes the parameter's default (that is the value it had then).
void complete_references(Scenario& sc);

/// `stromen:` (stromen.cpp): per key, per year; a child overrides the years it gives. `sc.horizon`
/// is the file's own horizon (its lists count those years); `final` the scenario's.
void read_stromen(const Tree& section, Scenario& sc, const Horizon& final);

/// Drop the values (and their provenance) of years outside `r`: a parent with a longer horizon
/// than the scenario's, or a default filled for a range wider than the parameter's.
inline void keep_years(ParamValue& pv, const YearRange& r) {
  for (auto it = pv.by_year.begin(); it != pv.by_year.end();) {
    if (it->first < r.first || it->first > r.last) { pv.provenance.erase(it->first); it = pv.by_year.erase(it); }
    else ++it;
  }
}

/// The years one value for "every year" fills: those of the file's own horizon and of the
/// scenario's final one (a child may lengthen the horizon; years outside it are dropped later).
inline YearRange every_year(Shape shape, const Horizon& own, const Horizon& final) {
  const YearRange a = years_for(shape, own), b = years_for(shape, final);
  return YearRange{a.first < b.first ? a.first : b.first, a.last > b.last ? a.last : b.last};
}
/// After the whole chain: with a stromen section every flow is required for every year, and
/// the outflows of a state are at most 1.
/// `section`: the last `stromen:` key read (for messages when no value is left to point at).
void finish_stromen(Scenario& sc, const Loc& section);

}  // namespace begroting::detail
