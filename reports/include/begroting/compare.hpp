// `begroting compare`: several scenarios side by side per line and year, with the differences
// against the first scenario, and per scenario the eigen vermogen path with the first year it
// falls below the signaleringswaarde and below the niveau weerstandsvermogen.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "begroting/engine.hpp"
#include "begroting/scenario.hpp"

namespace begroting {

struct CompareEntry {
  const Scenario* scenario;
  const Result* result;
  std::string source;  ///< the file as given on the command line
};

struct CompareOptions {
  bool all = false;          ///< every line, not only the lines that differ
  std::vector<Line> lines;   ///< restrict to these lines (empty: every line)
};

/// Years every scenario covers (the intersection of their horizons); nullopt when none.
std::optional<Horizon> common_years(const std::vector<CompareEntry>& e);
/// First year in `years` in which line `a` < line `b`, or nullopt ("nooit").
std::optional<int> first_year_below(const Result& r, Line a, Line b, const Horizon& years);
/// The letter a scenario is shown as: A, B, ... Z, then S27, S28, ...
std::string scenario_key(size_t index);

/// Formats: table (Dutch notation, whole euros), json and csv (exact euros with cents).
std::string render_compare_table(const std::vector<CompareEntry>& e, const CompareOptions& o);
std::string render_compare_json(const std::vector<CompareEntry>& e, const CompareOptions& o);
std::string render_compare_csv(const std::vector<CompareEntry>& e, const CompareOptions& o);

}  // namespace begroting
