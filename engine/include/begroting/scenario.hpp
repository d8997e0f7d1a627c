// A Scenario is plain data: every parameter keeps its value per year, and for each value
// where it came from (plan paragraph via the schema, scenario file:line:column, or --set).
// It is filled by the loader (loader/) and compiled into engine Inputs (inputs.hpp).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "begroting/uncertainty.hpp"
#include "begroting/verdeling.hpp"
#include "begroting/years.hpp"

namespace begroting {

enum class Unit { Euro, EuroPerLeerling, Leerlingen, Leerlingjaren, Fractie, Jaar };
std::string_view unit_name(Unit u);  ///< Dutch: "EUR", "EUR per leerling", ...

/// Which years a parameter is keyed by, relative to the horizon F..L.
enum class Shape {
  Single,          ///< one value, no year
  PerYear,         ///< every begrotingsjaar F..L
  Teldatum,        ///< pupil counts on 1 February of F-1..L-1; F-1 required, later ones optional
  TeldatumGrowth,  ///< growth into teldatum F..L-1 (from 1 Feb y-1 to 1 Feb y)
  YearGrowth,      ///< growth into begrotingsjaar F+1..L
};

struct ParamSpec {
  std::string path;        ///< dotted path in the scenario file, e.g. "tarieven.sbo"
  Shape shape;
  Unit unit;
  double min;              ///< inclusive lower bound
  double max;              ///< inclusive upper bound
  bool min_exclusive;      ///< true: value must be strictly above min (growth > -100%)
  std::optional<double> default_value;  ///< nullopt: required
  std::string reference;   ///< plan paragraph or table row
  std::string description; ///< Dutch, one line
};

/// Year range a shape is keyed by, for a horizon.
struct YearRange { int first; int last; };
YearRange years_for(Shape s, const Horizon& h);

/// The full parameter schema, including one "bedragen.<line id>" entry per amount line.
const std::vector<ParamSpec>& schema();
const ParamSpec* find_spec(std::string_view path);

/// Where a value came from.
struct Provenance {
  enum class Kind { Default, File, Set };
  Kind kind = Kind::Default;
  std::string file;  ///< scenario file (Kind::File)
  int line = 0;      ///< 1-based
  int column = 0;    ///< 1-based
  std::string text;  ///< the --set argument (Kind::Set)
  [[nodiscard]] std::string describe() const;
};

struct ParamValue {
  std::map<int, double> by_year;        ///< key 0 for Shape::Single
  std::map<int, Provenance> provenance;  ///< same keys
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> files;  ///< the file and its extends chain, child first
  Horizon horizon;
  std::map<std::string, ParamValue> params;  ///< by ParamSpec::path; complete after loading
  std::vector<Uncertainty> onzekerheden;     ///< section onzekerheden: (risk, sensitivity), in file order
  /// Section stromen: (flows.hpp) by "stromen.<key>"; empty: pupils follow the growth rates.
  std::map<std::string, ParamValue> stromen;
  Verdeling verdeling;  ///< non-parameter data of the 8.1 rules (IKC key, vangnet, schools)

  /// Value of a parameter in a year (0 for Single). Throws std::out_of_range if absent.
  [[nodiscard]] double value(const std::string& path, int year = 0) const;
  [[nodiscard]] const Provenance& provenance(const std::string& path, int year = 0) const;
  /// Set a value (used by solve, sensitivity and tests); provenance says who set it.
  void set(const std::string& path, int year, double v, Provenance p);
};

}  // namespace begroting
