// A Scenario is plain data: every parameter keeps its value per year, and for each value
// where it came from (plan paragraph via the schema, scenario file:line:column, or --set).
// It is filled by the loader (loader/) and compiled into engine Inputs (inputs.hpp).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "begroting/location.hpp"
#include "begroting/registry.hpp"
#include "begroting/uncertainty.hpp"
#include "begroting/verdeling.hpp"
#include "begroting/years.hpp"

namespace begroting {

class Model;

/// Where a value came from: a default of the registry, a place in a scenario file (the
/// SourceLoc it derives from), or a --set argument.
struct Provenance : SourceLoc {
  enum class Kind { Default, File, Set };
  Kind kind = Kind::Default;
  std::string text;  ///< the --set argument (Kind::Set)
  Provenance() = default;
  Provenance(Kind k, SourceLoc at, std::string t = "") : SourceLoc(std::move(at)), kind(k), text(std::move(t)) {}
  static Provenance from_file(const SourceLoc& at) { return Provenance(Kind::File, at); }
  static Provenance from_set(const std::string& set_text) { return Provenance(Kind::Set, SourceLoc{"", 0, 0}, set_text); }
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
  /// The --set arguments applied after the files ("PAD=WAARDE"), in order. Not empty: the run
  /// is a variant of the scenario, and every output says so (issue 12.2).
  std::vector<std::string> overrides;
  Horizon horizon;
  std::map<std::string, ParamValue> params;  ///< by ParamSpec::path; complete after loading
  std::vector<Uncertainty> onzekerheden;     ///< section onzekerheden: (risk, sensitivity), in file order
  /// Section stromen: (flows.hpp) by "stromen.<key>"; empty: pupils follow the growth rates.
  std::map<std::string, ParamValue> stromen;
  Verdeling verdeling;  ///< non-parameter data of the 8.1 rules (IKC key, vangnet, schools)
  /// The parameters this scenario knows (registry.hpp); null: Registry::builtin().
  std::shared_ptr<const Registry> registry;
  [[nodiscard]] const Registry& reg() const { return registry ? *registry : Registry::builtin(); }

  /// The values of a parameter (Scenario::params, or Scenario::stromen for an entry of section
  /// stromen), or nullptr when the scenario has none.
  [[nodiscard]] const ParamValue* values(const std::string& path) const;
  /// The begrotingsmodel (model.hpp): lines, sections, formulas. Null: Model::builtin().
  std::shared_ptr<const Model> model;

  /// Value of a parameter in a year (0 for Single). Throws std::out_of_range if absent.
  [[nodiscard]] double value(const std::string& path, int year = 0) const;
  [[nodiscard]] const Provenance& provenance(const std::string& path, int year = 0) const;
  /// Set a value (used by solve, sensitivity and tests); provenance says who set it.
  void set(const std::string& path, int year, double v, Provenance p);
};

}  // namespace begroting
