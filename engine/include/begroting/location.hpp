// The one source-location type: where a value, a key or an error comes from in an input file
// (scenario YAML, schools CSV) or in a --set argument. Lines and columns are 1-based. Used by
// the loader for messages (detail::Loc), by Provenance (scenario.hpp), by the schools data
// (verdeling.hpp, Herkomst) and by Uncertainty::where.
#pragma once
#include <string>

namespace begroting {

struct SourceLoc {
  std::string file;  ///< file name as the user gave it, or "--set PATH=VALUE"
  int line = 1;      ///< 1-based
  int column = 1;    ///< 1-based
  /// FILE:LINE:COLUMN, the prefix of every input message.
  [[nodiscard]] std::string str() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }
  friend bool operator==(const SourceLoc& a, const SourceLoc& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
  }
};

}  // namespace begroting
