// The parameter registry: every scenario parameter is declared here once, with its path,
// shape, unit, bounds, default, plan reference, description and where compile() puts it in
// Inputs. Everything else derives from it:
//   - the loader (which keys a scenario file may hold, how a value is read and checked, the
//     defaults and what is required), `--set PATH[.YEAR]=VALUE`;
//   - compile() (inputs.cpp) fills Inputs by walking the registry, using each entry's `input`;
//   - bind (bind.hpp: risk, sensitivity) and `solve --param` find a value through the same entry;
//   - explain names the entry's reference and description.
// A test (tests/test_registry.cpp) walks the registry and proves every entry can be set,
// bound, solved for and explained.
//
// Adding a parameter: one `add()` in registry.cpp (builtin) with an `input` accessor to the
// Inputs field the rules read. A model file may declare its own parameters at load time:
// copy the builtin registry, `add()` entries without an accessor, and put the copy in
// Scenario::registry; such a parameter gets a series in Inputs::extra (parameter units, see
// ParamSpec::extra) that compile() fills and bind can move.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "begroting/money.hpp"
#include "begroting/years.hpp"

namespace begroting {

struct Inputs;

enum class Unit { Euro, EuroPerLeerling, Leerlingen, Leerlingjaren, Fractie, Jaar, Weken };
std::string_view unit_name(Unit u);  ///< Dutch: "EUR", "EUR per leerling", ...
/// Money parameters (Euro, EuroPerLeerling) are stored in Inputs as int64 cents.
inline bool is_money_unit(Unit u) { return u == Unit::Euro || u == Unit::EuroPerLeerling; }

/// Which years a parameter is keyed by, relative to the horizon F..L.
enum class Shape {
  Single,          ///< one value, no year
  PerYear,         ///< every begrotingsjaar F..L
  Teldatum,        ///< pupil counts on 1 February of F-1..L-1; F-1 required, later ones optional
  TeldatumGrowth,  ///< growth into teldatum F..L-1 (from 1 Feb y-1 to 1 Feb y)
  YearGrowth,      ///< growth into begrotingsjaar F+1..L
};

/// Year range a shape is keyed by, for a horizon.
struct YearRange { int first; int last; };
YearRange years_for(Shape s, const Horizon& h);
/// The year of index 0 of a parameter's series in Inputs: F-1 for the pupil shapes (Teldatum,
/// TeldatumGrowth: index i = teldatum F-1+i), F for the others (index i = begrotingsjaar F+i).
/// Series have horizon.size() elements; indices without a year key (growth into F-1) stay 0.
int series_origin(Shape s, const Horizon& h);

/// Where a parameter lives in Inputs: exactly one pointer is set. A series (`reals`, `money`)
/// is indexed by year - series_origin(); a Single parameter uses `real`, `cents` or `integer`.
/// The kind follows the unit: money units -> cents, Jaar -> int, the others -> double.
struct InputRef {
  std::vector<double>* reals = nullptr;
  std::vector<Cents>* money = nullptr;
  double* real = nullptr;
  Cents* cents = nullptr;
  int* integer = nullptr;
};

struct ParamSpec {
  std::string path;        ///< dotted path in the scenario file, e.g. "tarieven.sbo"
  Shape shape;
  Unit unit;
  double min;              ///< inclusive lower bound
  double max;              ///< inclusive upper bound
  bool min_exclusive;      ///< true: value must be strictly above min (growth > -100%)
  std::optional<double> default_value;  ///< nullopt: required; NaN: optional, "not given"
  std::string reference;   ///< plan paragraph or table row
  std::string description; ///< Dutch, one line
  /// Non-empty: the parameter exists only when the scenario has this top-level section
  /// ("stromen": the flow model). Its values are kept in Scenario::stromen, it is not
  /// required or defaulted by the loader, and compile() reads it only with the section.
  std::string section;
  /// Where compile() writes the values and where bind finds them. Null for a parameter a model
  /// file declares: it gets Inputs::extra[extra] (doubles in parameter units, a series of
  /// horizon.size() for a shape with years, one element for Single).
  std::function<InputRef(Inputs&)> input;
  int extra = -1;  ///< index into Inputs::extra (registry-assigned) when `input` is null
  /// The unit as a model file declares it ("EUR per uur", "aanvragen"); empty for a built-in
  /// parameter, whose unit is unit_name(unit). `unit` then only says money or not.
  std::string unit_text;
};

/// The unit to print next to a parameter's value: the declared text, else unit_name(unit).
std::string unit_label(const ParamSpec& p);

/// An ordered set of ParamSpecs, unique by path. Entries are never removed or moved, so an
/// entry's index (Target::entry in bind.hpp) stays valid for the registry's life.
class Registry {
 public:
  /// The parameters of the built-in rules (engine/src/registry.cpp).
  static const Registry& builtin();
  /// A shared handle to builtin() (what a Scenario without a model file points to).
  static std::shared_ptr<const Registry> builtin_ptr();

  /// Add an entry; throws std::invalid_argument when the path exists already or is empty.
  /// Without `input` the entry gets the next Inputs::extra slot.
  const ParamSpec& add(ParamSpec p);
  [[nodiscard]] const ParamSpec* find(std::string_view path) const;
  [[nodiscard]] int index_of(std::string_view path) const;  ///< -1 when absent
  [[nodiscard]] const std::vector<ParamSpec>& entries() const { return entries_; }
  [[nodiscard]] int extra_count() const { return extras_; }

 private:
  std::vector<ParamSpec> entries_;
  std::map<std::string, int, std::less<>> index_;  ///< path -> position in entries_
  int extras_ = 0;
};

/// The builtin entries (including one "bedragen.<line id>" per amount line and the
/// "stromen.*" entries): Registry::builtin().entries(). Kept for existing callers.
const std::vector<ParamSpec>& schema();
const ParamSpec* find_spec(std::string_view path);

}  // namespace begroting
