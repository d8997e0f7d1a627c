// Renderers: they read a Scenario and its Result and compute nothing new.
#pragma once
#include <array>
#include <cstdint>
#include <locale>
#include <optional>
#include <stdexcept>
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
/// The display columns of UTF-8 text (one per character).
size_t display_width(const std::string& s);
/// Pad `s` on the left/right to `width` display columns (UTF-8 aware). pad_left puts a space
/// before a text that fills or overflows its column, so right-aligned columns never run together.
std::string pad_left(const std::string& s, size_t width);
std::string pad_right(const std::string& s, size_t width);

/// The label and figure column widths of a table of year columns, from the widest figure of each
/// column: the plan's layout (44 + 5 x 11 = 99 columns) unless a figure is wider than `col` - 1
/// characters (-12.311.192; a national budget: 1.186.274.988). Then that column widens to keep a
/// space before each figure, and the label column gives way (down to 24) so that the table stays
/// within 99 columns; a longer label gets a line of its own (layout_table, the risk table).
struct TableWidths {
  size_t label;
  std::vector<size_t> cols;
  [[nodiscard]] size_t total() const {
    size_t t = label;
    for (const size_t c : cols) t += c;
    return t;
  }
};
TableWidths table_widths(const std::vector<size_t>& widest, size_t label = 44, size_t col = 11);

/// One row of a year table: a label and a figure per year, or (no figures) a line of text; a
/// rule ('-') after it when `rule_after`.
struct YearRow {
  std::string label;
  std::vector<std::string> cells;
  bool rule_after = false;
};
/// The year table: `corner` and the years as its header, a rule, then the rows, in the widths of
/// table_widths. A label longer than its column gets a line of its own, the figures on the next
/// (indented two more than the label): never cut. `rule_at_end`: a rule after the last row.
std::string year_table(const std::string& corner, const std::vector<int>& years, const std::vector<YearRow>& rows,
                       bool rule_at_end = false);
/// Words of `text` in lines of at most `width` display columns, every line after the first
/// starting with `indent`; each line ends in '\n'.
std::string wrap_text(const std::string& text, size_t width, const std::string& indent = "");

/// One row of the plan's layout of chapter 12, shared by every renderer.
struct LayoutRow {
  enum class Kind { Section, Line, Blank } kind;
  std::string text;  ///< section title (Kind::Section)
  Line line{};       ///< Kind::Line
  int indent = 0;
  bool emphasis = false;  ///< subtotals and totals
};
/// The rows of the result's begrotingsmodel (Result::model; model.hpp), in order.
std::vector<LayoutRow> plan_layout(const Result& r);

/// Title lines, a year header and `rows` as a fixed-width table (44 + 11 per year columns);
/// shared by the plan's table and the 8.1 views.
std::string layout_table(const std::string& title, const Result& r, const std::vector<LayoutRow>& rows);
std::string render_table(const Scenario& s, const Result& r);
std::string render_json(const Scenario& s, const Result& r);

/// CSV dialect: international (',' separator, '.' decimal point) or Dutch Excel (';' and ',').
struct CsvDialect {
  char separator = ',';
  char decimal = '.';
  bool dutch = false;  ///< also: UTF-8 BOM, a Dutch label column, fractions as percentages
  static CsvDialect dutch_excel() { return {';', ',', true}; }
};
/// A text cell: quoted when needed (RFC 4180); a leading '=', '+', '-' or '@' gets an apostrophe
/// so that a spreadsheet never reads it as a formula.
std::string csv_text(const std::string& s, const CsvDialect& d = {});
/// A non-money figure without float noise (12 significant digits); Dutch: fractions as "3,93%".
std::string csv_real(double v, Unit unit, const CsvDialect& d = {});
std::string render_csv(const Scenario& s, const Result& r, const CsvDialect& d = {});

/// One scenario with its result, as the multi-scenario reports take them (first = reference
/// for comparisons).
struct ScenarioRun {
  const Scenario* scenario;
  const Result* result;
};

/// Risk results for the reports (filled by the risk analysis when it runs; optional).
/// Percentile series of eigen vermogen per year give a fan chart; the tornado bars give the
/// effect of each uncertain parameter at its low and high value on eigen vermogen at the horizon;
/// the answers (issue 14.2): needed weerstandsvermogen at 80/90/95% per year, the chances, paths
/// and seed, and the weerstandsratio at the chosen certainty.
struct RiskView {
  struct Percentile {
    double p = 0;                 ///< 0.05 .. 0.95
    std::vector<Cents> values;    ///< per year of the horizon
  };
  std::vector<Percentile> eigen_vermogen;  ///< sorted by p; a fan needs P5..P95 (P50 in the middle)
  struct Bar {
    std::string label;  ///< Dutch description of the onzekerheid (its `omschrijving`, else the parameter's)
    Cents low = 0;      ///< eigen vermogen at the horizon with the parameter at its low value
    Cents high = 0;     ///< idem at its high value
    std::string low_text, high_text;  ///< the low and high value in the parameter's unit ("0,7%", "niet")
    std::string name;   ///< the onzekerheid's key in the scenario
  };
  std::vector<Bar> tornado;  ///< sorted largest effect first
  Cents tornado_base = 0;    ///< eigen vermogen at the horizon in the scenario itself

  std::uint64_t paths = 0, seed = 0;
  struct Year {
    int year = 0;
    Cents plan = 0;         ///< eigen vermogen 31-12 of the scenario itself (the plan line)
    Cents beschikbaar = 0;  ///< the plan's weerstandsvermogen (algemene reserve) 31-12
    Cents niveau = 0, signaleringswaarde = 0;
    std::array<Cents, 3> benodigd{};  ///< at 80, 90 and 95% certainty
    double p_onder_nul = 0, p_onder_niveau = 0, p_onder_signaleringswaarde = 0;
  };
  std::vector<Year> years;
  size_t zekerheid = 1;  ///< index into kCertainties: the certainty the weerstandsratio uses (90%)
  static constexpr std::array<int, 3> kCertainties{80, 90, 95};
};

struct ReportOptions {
  std::string run_date;               ///< shown in the heading (YYYY-MM-DD); passed in for determinism
  const RiskView* risk = nullptr;     ///< optional: risk answers, fan chart and tornado (first scenario)
};

/// Provenance of a run (issue 12.2). A run with --set overrides is a variant of its scenario.
[[nodiscard]] inline bool is_variant(const Scenario& s) { return !s.overrides.empty(); }
/// The scenario's name, and for a variant "VARIANT van <naam> (--set ...)".
std::string scenario_title(const Scenario& s);
/// The file chain, child first: "scenarios/so-groei-6.yaml (breidt uit: scenarios/zuid-kennemerland-2024.yaml)".
std::string chain_text(const Scenario& s);
/// The --set overrides: "leerlingen.so_cat1.groei=0.06; ..." or "geen".
std::string overrides_text(const Scenario& s);
/// Label/value pairs for a header: Scenario, Scenariobestanden, Overschreven met --set, Soort run.
std::vector<std::pair<std::string, std::string>> provenance_rows(const Scenario& s);
/// The heading lines every text table starts with: the title (a variant says so), the file chain,
/// and for a variant every --set; wrapped at 99 columns.
std::string provenance_heading(const Scenario& s);
/// The CSV rows herkomst.scenario, herkomst.bestanden, herkomst.set and herkomst.variant, each
/// starting with `lead` (a scenario column, or empty); a Dutch dialect adds the label column.
std::string csv_provenance_rows(const Scenario& s, const CsvDialect& d, const std::string& lead = "");

/// What the summary page says (issue 14.1): the years eigen vermogen crosses a yardstick and
/// three or four plain Dutch sentences made from the figures. Reads the Result, computes nothing.
struct Summary {
  std::optional<int> eerste_onder_niveau;       ///< first year eigen vermogen < niveau weerstandsvermogen
  std::optional<int> eerste_onder_nul;          ///< first year eigen vermogen < 0
  std::optional<int> eerste_niet_bovenmatig;    ///< first year eigen vermogen <= signaleringswaarde
  std::vector<std::string> zinnen;              ///< Dutch sentences
};
Summary summarize(const Result& r);
/// "2027" or "nooit" (within the horizon).
std::string year_or_never(const std::optional<int>& y);

/// Risk answers as text rows shared by md, html, xlsx and `risk`: the weerstandsratio of a year
/// ("1,23 (C, voldoende)") and a plain verdict sentence for the horizon.
std::string ratio_text(const RiskView::Year& y, size_t zekerheid);
std::string ratio_verdict(const RiskView& v);

/// A small table as text, shared by md, html and xlsx: a label column and one column per year.
struct TextTable {
  struct Row {
    std::string label;
    std::vector<std::string> cells;
    std::string key;  ///< stable id (html data-row)
  };
  std::vector<int> years;
  std::vector<Row> rows;
};
/// The summary page's table: eigen vermogen, niveau, signaleringswaarde, resultaat, signals.
TextTable summary_table(const Result& r);
/// The risk answers per year (issue 14.2): plan, available and needed weerstandsvermogen at 80,
/// 90 and 95%, the weerstandsratio, the chances (risks) and, worded apart, the chance of no
/// longer being above the signaleringswaarde.
TextTable risk_answer_table(const RiskView& v);
/// Sentences that say how the risk figures were made: paths and seed, what each fan band is,
/// what the ratio scale means.
std::vector<std::string> risk_notes(const RiskView& v);

/// CSV of one or more scenarios: one scenario gives exactly render_csv; several prefix every
/// row with a "scenario" column.
std::string render_csv_runs(const std::vector<ScenarioRun>& runs, const CsvDialect& d = {});
/// Markdown for the written report to the algemene vergadering.
std::string render_markdown(const std::vector<ScenarioRun>& runs, const ReportOptions& o);
/// One self-contained HTML file (inline CSS and SVG, no scripts, no network), A4 printable.
std::string render_html(const std::vector<ScenarioRun>& runs, const ReportOptions& o);
/// The HTML report printed to PDF by headless Chromium (A4; scenario and run date on every
/// page, page numbers; see html.cpp's print CSS). Returns the PDF's bytes. Throws
/// std::runtime_error when Chromium cannot run (env BEGROTING_CHROMIUM overrides "chromium").
std::string html_to_pdf(const std::string& html);
/// An Excel workbook (the bytes of the .xlsx file): a sheet per scenario in the plan's layout
/// with real formulas, a kengetallen sheet, a comparison sheet for several scenarios. Written
/// like every other output (write_atomically). Throws OutputError when it cannot be assembled.
std::string render_xlsx(const std::vector<ScenarioRun>& runs, const ReportOptions& o);
/// render_xlsx written to `path` with write_atomically.
void write_xlsx(const std::vector<ScenarioRun>& runs, const ReportOptions& o, const std::string& path);

/// Lines the comparison tables and charts show, in order.
const std::vector<Line>& comparison_lines();
/// Where the rijksbijdrage goes (waterbed, 8.1.1): parts that add up to totaal lasten, with labels.
struct WaterbedPart {
  std::string label;
  std::vector<Line> lines;  ///< summed
};
const std::vector<WaterbedPart>& waterbed_parts();
/// The colour of waterbed part k in the HTML chart ("#4e79a7", ...): distinguishable colours.
const char* waterbed_color(size_t k);
/// Short signal labels of a scenario in a year (Dutch), from the engine's findings only.
std::vector<std::string> signals_in(const Result& r, int year);

/// Views of `begroting run --view` (plan 8.1): "begroting" (the full budget, default),
/// "waterbed", "ikc", "vangnet", "scholen". `format` is table, json or csv.
const std::vector<std::string>& view_names();
std::string render_view(const Scenario& s, const Result& r, const std::string& view, const std::string& format);
/// Per-school and per-bestuur budgets (plan 8.1.2-8.1.5); a note when the scenario has no schools file.
std::string render_scholen(const Scenario& s, const Result& r, const std::string& format);
/// One school's budget built up per year (`run --view scholen --school ID`): pupils, basis,
/// placements and afdracht, TLV op bao (and what leavers gave back), instroom, terugplaatsing,
/// Opmaat klas, total and per pupil. Throws std::invalid_argument for an id not in the schools file.
std::string render_school_detail(const Scenario& s, const Result& r, const std::string& id, const std::string& format);

/// An output could not be written, or --output names something that may not be replaced; the
/// message is Dutch and starts with the path. The CLI exits 2.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Write `content` to `path` as --output does (README "Veiligheid"):
/// - nothing there: a new file, written to a temporary file beside it, fsync'ed, renamed into
///   place, mode 0666 minus the umask;
/// - a regular file: replaced the same way, keeping its mode and (where allowed) owner and group;
/// - a symbolic link: the file it points to is written (as above); the link itself stays;
/// - a character device or FIFO (/dev/null, a terminal, a named pipe): written through;
/// - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: written to that descriptor;
/// - a directory, socket, block device or a link to nothing: refused.
/// Throws OutputError. On any error an existing file is untouched and no temporary file is left;
/// with remove_temp_files_on_signals() also not on SIGINT, SIGTERM or SIGHUP.
void write_atomically(const std::string& path, const std::string& content);
/// Why a write failed, in Dutch for the common errno values (a full disk, no permission, ...).
std::string io_reason(int err);
/// Every byte of `content` to the open descriptor `fd` (stdout); OutputError naming `shown`.
void write_to_descriptor(int fd, const std::string& content, const std::string& shown);
/// Install handlers for SIGINT, SIGTERM and SIGHUP that remove write_atomically's temporary file
/// (async-signal-safe) and then die of the signal as before. A signal ignored (nohup) stays so.
void remove_temp_files_on_signals();

}  // namespace begroting

namespace begroting {
/// The text of one cell in Dutch notation, by the line's unit (shared by table, md, html).
std::string cell_text(const Result& r, Line l, int i);
}  // namespace begroting
