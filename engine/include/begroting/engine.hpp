// The engine: pure computation of every line per year from Inputs.
#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "begroting/inputs.hpp"
#include "begroting/lines.hpp"
#include "begroting/model.hpp"

namespace begroting {

/// A signal the run raised: the ONE list every command and format shows and `--strict` counts
/// (issue 12.3). compute() sorts it by year, then by kind (sort_findings). No renderer adds
/// signals of its own.
struct Finding {
  enum class Kind {
    OnderWeerstandsvermogen, BovenSignaleringswaarde, NegatiefEigenVermogen, Other,
    IkcBandbreedte,          ///< 8.1.6: later IKC count beyond the bandbreedte: "overleg"
    VangnetOverschrijding,   ///< 8.1.7: vangnet claims above the budgeted maximale ruimte
  };
  Kind kind;
  int year;
  std::string message;  ///< Dutch, one sentence that says whether it is a risk or a question
};

/// What a signal is, so that the words say which is which: a risk to the reserves (below zero,
/// below the niveau weerstandsvermogen, a vangnet overrun), a question the Inspectie may ask
/// (above the signaleringswaarde: "mogelijk bovenmatig"), an agreement to talk (IKC
/// bandbreedte), or a check on the input (schools).
enum class FindingAard { Risico, Inspectievraag, Overleg, Controle };
FindingAard finding_aard(Finding::Kind k);
/// "risico", "vraag van de Inspectie", "overleg", "controle".
std::string_view finding_aard_text(FindingAard a);
/// Stable id for JSON and CSV: "negatief_eigen_vermogen", "onder_weerstandsvermogen", ...
std::string_view finding_id(Finding::Kind k);
/// Short Dutch label for tables and charts: "onder nul", "onder niveau weerstandsvermogen",
/// "mogelijk bovenmatig", ...
std::string_view finding_label(Finding::Kind k);
/// The order within a year: below zero, below the niveau, vangnet, IKC, schools, above the
/// signaleringswaarde last (the most serious first).
int finding_rank(Finding::Kind k);
/// Sort by year, then rank (stable: messages of one kind keep the order the rule gave them).
void sort_findings(std::vector<Finding>& f);

struct Result {
  Horizon horizon;
  std::vector<Cents> cents;   ///< money lines: [line * n + i]
  std::vector<double> real;   ///< count and ratio lines: [line * n + i]
  std::vector<Finding> findings;
  VerdelingResultaat verdeling;  ///< per bestuur / claim / school results of the 8.1 rules
  /// The begrotingsmodel the lines belong to (ids, labels, layout): renderers iterate it.
  std::shared_ptr<const Model> model;

  /// Size for a horizon and `lines` lines (a model's line count; kLineCount: the built-in slots).
  void reset(const Horizon& h, int lines = kLineCount);
  /// The model (the built-in one when none was set).
  [[nodiscard]] const Model& m() const { return model ? *model : *Model::builtin(); }
  /// Number of lines the Result holds.
  [[nodiscard]] int lines() const { return n() ? static_cast<int>(cents.size()) / n() : 0; }
  [[nodiscard]] int n() const { return horizon.size(); }
  Cents& c(Line l, int i) { return cents[static_cast<size_t>(static_cast<int>(l) * n() + i)]; }
  [[nodiscard]] Cents c(Line l, int i) const { return cents[static_cast<size_t>(static_cast<int>(l) * n() + i)]; }
  double& r(Line l, int i) { return real[static_cast<size_t>(static_cast<int>(l) * n() + i)]; }
  [[nodiscard]] double r(Line l, int i) const { return real[static_cast<size_t>(static_cast<int>(l) * n() + i)]; }
  /// The value of any line in a year as a double: euros for money lines.
  [[nodiscard]] double value(Line l, int year) const;
};

/// A bookkeeping identity the engine checks on every run failed (for example the waterbed
/// parts do not sum to the rijksbijdrage to the cent). A bug, never bad input: exit code 3.
struct IdentityError : std::logic_error {
  using std::logic_error::logic_error;
};

/// The waterbed identity (plan 8.1.1, rules/waterbed.cpp), checked by compute() on every run:
/// in every year the parts (memo lines waterbed_inhouding_sbo ... waterbed_naar_eigen_vermogen,
/// not waterbed_ruimte_regulier) sum to waterbed_rijksbijdragen to the cent. Throws
/// IdentityError naming the year and the difference in cents.
void check_waterbed(const Result& r);

/// One input of a traced figure.
struct TraceTerm {
  std::string name;        ///< Dutch description
  double value = 0;        ///< in `unit` (euros for money)
  Unit unit = Unit::Euro;
  std::string param;       ///< scenario parameter path, if it is one
  int param_year = 0;      ///< year key of that parameter (0 for Single)
  int line = -1;           ///< a line of the result, if it is one (for recursion)
  int line_year = 0;
};

struct TraceEntry {
  std::string formula;   ///< Dutch, with the plan paragraph
  std::string rounding;  ///< which rounding step applied
  std::vector<TraceTerm> terms;
};

/// Filled by compute() when given: how each (line, year) was computed.
struct Trace {
  std::map<std::pair<int, int>, TraceEntry> entries;  ///< key (line, year)
  TraceEntry& at(Line l, int year) { return entries[{static_cast<int>(l), year}]; }
};

/// Whether compute() collects findings (Dutch messages: allocates) and the detail records of
/// Result::verdeling (per bestuur, per claim). Repeated evaluation (Monte Carlo, sensitivity)
/// passes Skip: then compute() fills only the lines and allocates nothing once `out` is sized.
enum class Findings { Collect, Skip };

/// Compute every line for every year. `out` is reused (no allocation when sized).
void compute(const Inputs& in, Result& out, Trace* trace = nullptr, Findings findings = Findings::Collect);
/// Evaluate node `node` of the Inputs' graph alone (graph.hpp), as compute() does, without a
/// trace or findings; `out` must be sized for the horizon (a Result compute() filled). For the
/// Monte Carlo kernel (risk.cpp), which re-runs only the nodes the draws reach.
void compute_node(const Inputs& in, Result& out, int node);

/// Results of scenarios with different models on one model (compare, multi-scenario reports):
/// the first result's model plus, in order, every line another result has that it lacks
/// (matched by id). A line a result does not have is 0 in it. When every result has the same
/// model the copies are plain copies.
std::vector<Result> align_results(const std::vector<const Result*>& rs);

/// Convenience: compile + compute.
Result run(const Scenario& s, Trace* trace = nullptr);

}  // namespace begroting
