// The begrotingsmodel: which lines a budget has, their Dutch labels, sections, order, units and
// sources, and how each line gets its value (an amount per year, a driver formula, a built-in
// rule, or the sum of a section). Pure data, no I/O: the loader reads it from a model file
// (scenarios/modellen/*.yaml) and the `regels:` section of a scenario.
//
// Line indices: the built-in rule slots of `enum Line` (lines.hpp) keep their indices
// 0..kLineCount-1 in every model (the C++ rules read and write them by name); lines a model file
// or scenario declares get indices from kLineCount on. A Result holds one row per model line.
// Subtotals follow from the tree: a section's total line is the exact sum of the summed lines
// directly in the section and the totals of its subsections. baten.totaal and lasten.totaal
// (what resultaat reads) are fixed roles.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "begroting/formula.hpp"
#include "begroting/lines.hpp"

namespace begroting {

/// A place in a source file (1-based line and column); file empty = built in.
struct ModelLoc {
  std::string file;
  int line = 0;
  int column = 0;
};

struct ModelLine {
  std::string id;
  std::string label;
  LineKind kind = LineKind::Amount;  ///< Amount, Computed (a rule), Subtotal, Memo, Formula
  Unit unit = Unit::Euro;
  std::string unit_text;             ///< the unit as declared ("EUR", "uren", ...); empty: from `unit`
  std::string reference;             ///< plan paragraph or table row, or the model file's `bron:`
  int section = -1;                  ///< the section it is shown in (-1: not shown)
  bool summed = true;                ///< adds into its section's total (false: memo, shown only)
  int indent = -1;                   ///< shown indentation override (-1: from the section depth)
  bool emphasis = false;             ///< shown bold (totals; resultaat)
  std::string rule;                  ///< Computed: the built-in rule that writes it
  std::shared_ptr<const Formula> formula;  ///< Formula lines
  bool builtin = false;              ///< index < kLineCount
  ModelLoc loc;                      ///< where the line is declared
  [[nodiscard]] bool money() const { return unit == Unit::Euro || unit == Unit::EuroPerLeerling; }
};

/// An item of a section, in display order: a line, a subsection, or a blank row.
struct SectionItem {
  enum class Kind { Line, Section, Blank } kind = Kind::Line;
  int index = -1;
};

struct ModelSection {
  std::string id;     ///< dotted path ("baten.rijksbijdragen"); "" for the root
  std::string title;  ///< printed heading ("I Rijksbijdragen"); empty: no heading row
  int parent = -1;    ///< -1 for the root (index 0)
  int total = -1;     ///< its total line (a Subtotal), shown after its items; -1: none
  std::vector<SectionItem> items;
  ModelLoc loc;
};

/// A parameter a model file declares for its formulas (amounts per year or one value).
struct ModelParam {
  std::string path;         ///< e.g. "ondersteuning.uurtarief"
  std::string unit_text;    ///< "EUR per uur", "uren", "aanvragen", "fractie", ...
  bool per_year = true;     ///< false: one value for every year
  std::string reference;    ///< `bron:`
  std::string description;  ///< `omschrijving:`
  bool assumption = false;  ///< `aanname: ja`: not from a source, a stated assumption
  ModelLoc loc;
};

/// A row of the printed layout (table, md, html, xlsx): heading, line or blank.
struct ModelRow {
  enum class Kind { Section, Line, Blank } kind;
  std::string text;  ///< section title
  int line = -1;
  int indent = 0;
  bool emphasis = false;
};

class Model {
 public:
  std::string name;  ///< e.g. "SWV PO Zuid-Kennemerland"
  std::string file;  ///< the model file ("" for the built-in model)
  std::vector<ModelLine> lines;        ///< index = line slot
  std::vector<ModelSection> sections;  ///< index 0 = root
  std::vector<ModelParam> params;

  /// The structure of chapter 12 of the plan of Zuid-Kennemerland (scenarios without `model:`),
  /// identical to scenarios/modellen/zuid-kennemerland.yaml (tests/test_model.cpp).
  static std::shared_ptr<const Model> builtin();

  [[nodiscard]] int size() const { return static_cast<int>(lines.size()); }
  [[nodiscard]] const ModelLine& line(int l) const { return lines[static_cast<size_t>(l)]; }
  [[nodiscard]] const ModelLine& line(Line l) const { return lines[static_cast<size_t>(l)]; }
  [[nodiscard]] int find(std::string_view id) const;  ///< -1 when absent
  [[nodiscard]] int find_section(std::string_view id) const;
  /// The printed rows in order (recomputed; cheap).
  [[nodiscard]] std::vector<ModelRow> layout() const;
  /// Depth of a section (root = -1, its children 0, ...).
  [[nodiscard]] int depth(int section) const;
  /// Which line's total a summed line in `section` adds into (its section's total, or the
  /// nearest enclosing section's total); -1 when none.
  [[nodiscard]] int total_of(int section) const;
  /// The lines each Subtotal adds, in display order: (child line, subtotal).
  [[nodiscard]] std::vector<std::pair<int, int>> sum_edges() const;
  /// Remove a line from its section (it stays a slot: rules may still write it).
  void detach(int line);
  /// Place a line in a section after item `after` (a line index; -1: at the end, before a
  /// total). Returns false if `after` is not in that section.
  bool place(int line, int section, int after_line = -1, bool before = false);
};

/// The model of a scenario (the built-in one when it has none).
inline const Model& model_of(const Scenario& s) { return s.model ? *s.model : *Model::builtin(); }

}  // namespace begroting
