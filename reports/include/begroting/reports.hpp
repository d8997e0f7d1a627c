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

std::string render_table(const Scenario& s, const Result& r);
std::string render_json(const Scenario& s, const Result& r);
std::string render_csv(const Scenario& s, const Result& r);

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
