// libFuzzer target: the CSV reader of the schools file (loader/src/csv.cpp, parse_csv).
//
// What counts as a bug: a crash, a sanitizer report, a hang, an exception other than
// InputError, or a result that breaks the reader's promises: every row has as many cells as
// the header, no row is blank, and every location is inside the text (1-based line and column,
// lines increasing from row to row).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../loader/src/csv.hpp"
#include "begroting/loader.hpp"

namespace {
[[noreturn]] void bug(const std::string& what) {
  std::fprintf(stderr, "fuzz_csv: %s\n", what.c_str());
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Line breaks: LF, CRLF and a bare CR (old Mac files) each end a line.
  int lines = 1;
  for (std::size_t i = 0; i < size; ++i) lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == size || text[i + 1] != '\n'));
  try {
    const auto rows = begroting::detail::parse_csv(text, "fuzz.csv");
    if (rows.empty()) return 0;
    const std::size_t width = rows.front().cells.size();
    int previous = 0;
    for (const auto& row : rows) {
      if (row.cells.size() != width) bug("een rij met een ander aantal cellen dan de kop");
      if (row.loc.line <= previous || row.loc.line > lines) bug("regelnummer van een rij buiten de tekst of niet oplopend");
      previous = row.loc.line;
      bool blank = true;
      for (const auto& c : row.cells) {
        blank = blank && c.text.empty() && !c.quoted;
        if (c.loc.line < row.loc.line || c.loc.line > lines || c.loc.column < 1 ||
            c.loc.column > static_cast<int>(size) + 1)
          bug("plaats van een cel buiten de tekst");
      }
      if (blank && &row != &rows.front()) bug("een lege rij in de uitkomst");
    }
  } catch (const begroting::InputError&) {
    // bad input, reported with FILE:LINE:COLUMN: fine
  } catch (const std::exception& e) {
    bug(std::string("onverwachte uitzondering: ") + e.what());
  }
  return 0;
}
