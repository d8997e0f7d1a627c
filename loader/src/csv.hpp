// Internal: the schools file as CSV (loader/src/csv.cpp). A spreadsheet's tabs exported as CSV
// (Dutch Excel: ';', elsewhere ','), turned into the same Tree a YAML schools file gives, so that
// verdeling.cpp validates both the same way and every message points into the CSV file:
// every scalar carries its cell's 1-based line and column, every map key its header cell's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "tree.hpp"

namespace begroting::detail {

struct CsvCell {
  std::string text;     ///< without the quotes; unquoted cells without surrounding blanks
  bool quoted = false;
  Loc loc;              ///< where the cell starts (its opening quote, or its first non-blank)
};
struct CsvRow {
  Loc loc;  ///< line of the row's start, column 1
  std::vector<CsvCell> cells;
};

/// Parse CSV text (RFC 4180: "..." fields with "" inside, separators and newlines inside
/// quotes; separator ';' or ',' detected from the header line; UTF-8 with optional BOM; CRLF
/// or LF). rows[0] is the header; blank rows (also ';;;') are left out; every other row must
/// have as many cells as the header. Throws InputError FILE:LINE:COLUMN.
std::vector<CsvRow> parse_csv(const std::string& text, const std::string& file);

/// A file named in the scenario: its resolved path and where the scenario names it.
struct CsvBron {
  std::string path;
  Loc from;
};

/// The schools table (one row per school) and the optional per-pupil lists stromen
/// (school;soort;inschrijving;vertrek) and bao_bao (van;naar;overstap;verwijzing) as the Tree
/// of a YAML schools file: {scholen: [...], bao_bao: [...]}. Throws InputError.
Tree scholen_uit_csv(const CsvBron& scholen, const std::optional<CsvBron>& stromen, const std::optional<CsvBron>& bao_bao);

}  // namespace begroting::detail
