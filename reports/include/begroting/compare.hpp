// `begroting compare`: several scenarios side by side per line and year, with the differences
// against the first scenario, and per scenario the eigen vermogen path with the first year it
// falls below the signaleringswaarde and below the niveau weerstandsvermogen.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "begroting/engine.hpp"
#include "begroting/reports.hpp"
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
  CsvDialect csv;            ///< --dutch: Dutch Excel CSV
};

/// The comparison of several scenarios, computed ONCE (issue 14.5) and read by every renderer
/// (compare table/json/csv, report html, md and xlsx): the lines shown, per scenario and line
/// the differences against the first scenario per year (exact in cents; fractions as a
/// difference of fractions), and per scenario its own yardsticks: the first year below its own
/// signaleringswaarde, its own niveau weerstandsvermogen and zero.
class Comparison {
 public:
  Comparison(std::vector<CompareEntry> entries, const CompareOptions& o);
  [[nodiscard]] const std::vector<CompareEntry>& entries() const { return e_; }
  [[nodiscard]] const Horizon& years() const { return years_; }
  [[nodiscard]] const std::vector<Line>& lines() const { return lines_; }
  /// Money line: scenario k minus scenario 0 in cents, in year `y`.
  [[nodiscard]] Cents delta_cents(size_t k, Line l, int y) const;
  /// Non-money line: the difference of the values (NaN when either is not a number).
  [[nodiscard]] double delta_real(size_t k, Line l, int y) const;
  /// Whether scenario k has the same figure as scenario 0 (money: to the cent).
  [[nodiscard]] bool same(size_t k, Line l, int y) const;
  /// The difference in Dutch notation with its sign: "+64.610", "-1.234", "0", "+0,5%-pt".
  [[nodiscard]] std::string delta_text(size_t k, Line l, int y) const;
  struct Yardsticks {
    std::optional<int> onder_signaleringswaarde, onder_niveau, onder_nul;
  };
  [[nodiscard]] const Yardsticks& yardsticks(size_t k) const { return ys_[k]; }

 private:
  std::vector<Result> aligned_;  ///< the results on one model (align_results); e_ points here
  std::vector<CompareEntry> e_;
  Horizon years_{};
  std::vector<Line> lines_;
  std::vector<std::vector<Cents>> dc_;   ///< [k][line * years + i]
  std::vector<std::vector<double>> dr_;  ///< idem, non-money lines
  std::vector<Yardsticks> ys_;
  [[nodiscard]] size_t at(Line l, int y) const;
};

/// The comparison the multi-scenario reports show: comparison_lines(), every one of them.
Comparison report_comparison(const std::vector<ScenarioRun>& runs);

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
