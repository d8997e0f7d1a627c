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
    const auto t = begroting::detail::parse_csv(text, "fuzz.csv");
    if (t.rijen() == 0) return 0;
    if (t.begin.size() != t.rijen() + 1 || t.begin.back() != t.cellen.size()) bug("rij-index past niet bij de cellen");
    const std::size_t width = t.cellen_in(0);
    int previous = 0;
    for (std::size_t r = 0; r < t.rijen(); ++r) {
      if (t.cellen_in(r) != width) bug("een rij met een ander aantal cellen dan de kop");
      if (t.regel[r] <= previous || t.regel[r] > lines) bug("regelnummer van een rij buiten de tekst of niet oplopend");
      previous = t.regel[r];
      bool blank = true;
      for (std::size_t c = 0; c < width; ++c) {
        const auto& cel = t.cel(r, c);
        if (static_cast<std::size_t>(cel.begin) + cel.len > t.tekst.size()) bug("tekst van een cel buiten de opgeslagen tekst");
        blank = blank && cel.len == 0 && !cel.quoted;
        if (cel.line < t.regel[r] || cel.line > lines || cel.column < 1 || cel.column > static_cast<int>(size) + 1)
          bug("plaats van een cel buiten de tekst");
      }
      if (blank && r != 0) bug("een lege rij in de uitkomst");
    }
  } catch (const begroting::InputError&) {
    // bad input, reported with FILE:LINE:COLUMN: fine
  } catch (const std::exception& e) {
    bug(std::string("onverwachte uitzondering: ") + e.what());
  }
  return 0;
}
