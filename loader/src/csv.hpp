// Internal: the schools file as CSV (loader/src/csv.cpp). A spreadsheet's tabs exported as CSV
// (Dutch Excel: ';', elsewhere ','), read into the schools directly: each school row becomes the
// Tree a YAML school gives only while it is read (verdeling.cpp validates both the same way, and
// every message points into the CSV file: every scalar carries its cell's 1-based line and
// column, every map key its header cell's), so memory holds the CSV text once and the schools.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

/// A CSV table kept compactly: every cell's text in one string, per cell where it is in that
/// string and in the file (about 20 bytes a cell besides its text; the file name once).
struct CsvTabel {
  struct Cel {
    std::uint32_t begin = 0, len = 0;  ///< in `tekst`
    int line = 1, column = 1;          ///< where the cell starts (its opening quote, or its first non-blank)
    bool quoted = false;
  };
  std::string file;
  std::string tekst;                 ///< the cells' texts one after the other (without quotes)
  std::vector<Cel> cellen;           ///< row by row
  std::vector<std::uint32_t> begin;  ///< per row its first cell in `cellen`; one more at the end
  std::vector<int> regel;            ///< per row the line it starts on

  [[nodiscard]] size_t rijen() const { return regel.size(); }  ///< rows, the header (row 0) included
  [[nodiscard]] size_t cellen_in(size_t r) const { return begin[r + 1] - begin[r]; }
  [[nodiscard]] const Cel& cel(size_t r, size_t c) const { return cellen[begin[r] + c]; }
  [[nodiscard]] std::string_view text(size_t r, size_t c) const {
    const Cel& x = cel(r, c);
    return std::string_view(tekst).substr(x.begin, x.len);
  }
  [[nodiscard]] Loc loc(size_t r, size_t c) const { return Loc{file, cel(r, c).line, cel(r, c).column}; }
  [[nodiscard]] Loc rij_loc(size_t r) const { return Loc{file, regel[r], 1}; }
  /// The same as a Tree's location: the file name shared, not copied (the Trees of the schools).
  [[nodiscard]] TreeLoc tree_loc(size_t r, size_t c) const { return TreeLoc{file_gedeeld, cel(r, c).line, cel(r, c).column}; }
  [[nodiscard]] TreeLoc tree_rij_loc(size_t r) const { return TreeLoc{file_gedeeld, regel[r], 1}; }
  std::shared_ptr<const std::string> file_gedeeld;  ///< `file`, for tree_loc
  [[nodiscard]] CsvCell cell(size_t r, size_t c) const { return CsvCell{std::string(text(r, c)), cel(r, c).quoted, loc(r, c)}; }
  [[nodiscard]] CsvRow rij(size_t r) const;
};

/// Parse CSV text (RFC 4180: "..." fields with "" inside, separators and newlines inside
/// quotes; separator ';' or ',' detected from the header line; UTF-8 with optional BOM; CRLF
/// or LF). Row 0 is the header; blank rows (also ';;;') are left out; every other row must
/// have as many cells as the header. Throws InputError FILE:LINE:COLUMN.
CsvTabel parse_csv(const std::string& text, const std::string& file);

/// A column of the schools table: id, naam, bestuur, itk, or a value per year (csv.cpp).
struct CsvKolom {
  std::string soort;  ///< id, naam, bestuur, itk, or leerlingen, sbo_ikc, ... (csv.cpp)
  std::string jaar;   ///< for the values per year
};

/// A file named in the scenario: its resolved path and where the scenario names it.
struct CsvBron {
  std::string path;
  Loc from;
};

/// The schools table (one row per school) and the optional per-pupil lists stromen
/// (school;soort;inschrijving;vertrek) and bao_bao (van;naar;overstap;verwijzing), read and
/// checked as far as the CSV form goes (header, the stromen's school ids). The schools are
/// then read one at a time by verdeling.cpp: school(i) is the Tree a YAML schools file gives
/// for school i (its stromen included), bao_bao the Tree of the bao_bao list.
struct ScholenCsv {
  CsvTabel scholen, stromen;
  std::vector<CsvKolom> kolommen;          ///< per column of the schools table
  std::vector<int> stromen_at;             ///< columns school, soort, inschrijving, vertrek, vorige_school (-1: absent)
  std::vector<std::uint32_t> stromen_van;  ///< per school its stromen rows: [stromen_begin[i], stromen_begin[i+1])
  std::vector<std::uint32_t> stromen_begin;
  std::optional<Tree> bao_bao;
  Loc root_loc;

  [[nodiscard]] size_t aantal() const { return scholen.rijen() - 1; }
  /// School i (0-based, row i + 1) as the map a YAML school gives.
  [[nodiscard]] Tree school(size_t i) const;
  /// Where stroom k of school i gives its vorige_school (for the message that it is unknown).
  [[nodiscard]] Loc vorige_school_loc(size_t i, size_t k) const;
};

ScholenCsv scholen_uit_csv(const CsvBron& scholen, const std::optional<CsvBron>& stromen, const std::optional<CsvBron>& bao_bao);

}  // namespace begroting::detail
