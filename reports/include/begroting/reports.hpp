// Renderers: they read a Scenario and its Result and compute nothing new.
#pragma once
#include <locale>
#include <string>
#include <vector>

#include "begroting/engine.hpp"
#include "begroting/scenario.hpp"

namespace begroting {

/// A std::locale with Dutch punctuation (1.234.567,89) for fmt; the global locale is never
/// changed (that would break yaml-cpp's number parsing).
const std::locale& dutch_locale();
/// Whole euros in Dutch notation, rounded half away from zero: 1234567.50 -> "1.234.568".
std::string format_euro(Cents c);
/// Euros with cents in Dutch notation: "8.525,67".
std::string format_euro_cents(Cents c);
/// A fraction as a Dutch percentage with `decimals` decimals: 0.0393 -> "3,9%"; NaN -> "n.v.t.".
std::string format_percent(double fraction, int decimals = 1);
/// A real number in Dutch notation with `decimals` decimals: 21594.771 -> "21.594,8".
std::string format_number(double v, int decimals);
/// Exact decimal euros from cents, "." as decimal point: -76295712 -> "-762957.12".
std::string cents_plain(Cents c);
/// Pad `s` on the left/right to `width` display columns (UTF-8 aware).
std::string pad_left(const std::string& s, size_t width);
std::string pad_right(const std::string& s, size_t width);

/// One row of the plan's layout of chapter 12, shared by every renderer.
struct LayoutRow {
  enum class Kind { Section, Line, Blank } kind;
  std::string text;  ///< section title (Kind::Section)
  Line line{};       ///< Kind::Line
  int indent = 0;
  bool emphasis = false;  ///< subtotals and totals
};
const std::vector<LayoutRow>& plan_layout();

/// Title lines, a year header and `rows` as a fixed-width table (44 + 11 per year columns);
/// shared by the plan's table and the 8.1 views.
std::string layout_table(const std::string& title, const Result& r, const std::vector<LayoutRow>& rows);
std::string render_table(const Scenario& s, const Result& r);
std::string render_json(const Scenario& s, const Result& r);

/// CSV dialect: international (',' separator, '.' decimal point) or Dutch Excel (';' and ',').
struct CsvDialect {
  char separator = ',';
  char decimal = '.';
  static CsvDialect dutch() { return {';', ','}; }
};
std::string render_csv(const Scenario& s, const Result& r, const CsvDialect& d = {});

/// One scenario with its result, as the multi-scenario reports take them (first = reference
/// for comparisons).
struct ScenarioRun {
  const Scenario* scenario;
  const Result* result;
};

/// Risk results for the HTML report (filled by the risk analysis when it runs; optional).
/// Percentile series of eigen vermogen per year give a fan chart; the tornado bars give the
/// effect of each uncertain parameter at its low and high value on eigen vermogen at the horizon.
struct RiskView {
  struct Percentile {
    double p = 0;                 ///< 0.05 .. 0.95
    std::vector<Cents> values;    ///< per year of the horizon
  };
  std::vector<Percentile> eigen_vermogen;  ///< sorted by p; a fan needs P5..P95 (P50 in the middle)
  struct Bar {
    std::string label;  ///< Dutch description of the parameter
    Cents low = 0;      ///< eigen vermogen at the horizon with the parameter at its low value
    Cents high = 0;     ///< idem at its high value
  };
  std::vector<Bar> tornado;  ///< sorted largest effect first
  Cents tornado_base = 0;    ///< eigen vermogen at the horizon in the scenario itself
};

struct ReportOptions {
  std::string run_date;               ///< shown in the heading (YYYY-MM-DD); passed in for determinism
  const RiskView* risk = nullptr;     ///< optional: fan chart and tornado in the HTML report
};

/// CSV of one or more scenarios: one scenario gives exactly render_csv; several prefix every
/// row with a "scenario" column.
std::string render_csv_runs(const std::vector<ScenarioRun>& runs, const CsvDialect& d = {});
/// Markdown for the written report to the algemene vergadering.
std::string render_markdown(const std::vector<ScenarioRun>& runs, const ReportOptions& o);
/// One self-contained HTML file (inline CSS and SVG, no scripts, no network), A4 printable.
std::string render_html(const std::vector<ScenarioRun>& runs, const ReportOptions& o);
/// An Excel workbook written (atomically) to `path`: a sheet per scenario in the plan's layout
/// with real formulas, a kengetallen sheet, a comparison sheet for several scenarios.
void write_xlsx(const std::vector<ScenarioRun>& runs, const ReportOptions& o, const std::string& path);

/// Lines the comparison tables and charts show, in order.
const std::vector<Line>& comparison_lines();
/// Where the rijksbijdrage goes (waterbed, 8.1.1): parts that add up to totaal lasten, with labels.
struct WaterbedPart {
  std::string label;
  std::vector<Line> lines;  ///< summed
};
const std::vector<WaterbedPart>& waterbed_parts();
/// Signal texts of a scenario in a year (Dutch), from the result's findings.
std::vector<std::string> signals_in(const Result& r, int year);
/// The rentabiliteit against its goal of 0% (DOMAIN 4): "" when on or above it.
std::string rentabiliteit_signal(double rentabiliteit);

/// Views of `begroting run --view` (plan 8.1): "begroting" (the full budget, default),
/// "waterbed", "ikc", "vangnet", "scholen". `format` is table, json or csv.
const std::vector<std::string>& view_names();
std::string render_view(const Scenario& s, const Result& r, const std::string& view, const std::string& format);
/// Per-school and per-bestuur budgets (plan 8.1.2-8.1.5); a note when the scenario has no schools file.
std::string render_scholen(const Scenario& s, const Result& r, const std::string& format);

/// Write `content` to `path` atomically: a temporary file beside it, flushed, then renamed
/// into place. On any error the existing file is untouched. Throws std::runtime_error.
void write_atomically(const std::string& path, const std::string& content);

}  // namespace begroting

namespace begroting {
/// The text of one cell in Dutch notation, by the line's unit (shared by table, md, html).
std::string cell_text(const Result& r, Line l, int i);
}  // namespace begroting
