// Helpers for the report tests: read rows of Markdown and CSV output back into numbers.
#pragma once
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.hpp"

namespace testutil {

inline std::string slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

/// Standard output of a shell command (for poppler's pdfinfo and pdftotext).
inline std::string capture(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE_MESSAGE(p != nullptr, "cannot run " << cmd);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  REQUIRE_MESSAGE(::pclose(p) == 0, "failed: " << cmd);
  return out;
}

/// The first line of `text` that starts with `prefix` ("" if none).
inline std::string line_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line;
  return "";
}

/// A number in Dutch notation ("-1.797.043", "7749760,92", "**18.812.002**").
inline double parse_dutch(std::string s) {
  std::string t;
  for (char ch : s) {
    if (ch == '.' || ch == '*' || ch == ' ') continue;
    t += ch == ',' ? '.' : ch;
  }
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  REQUIRE_MESSAGE((!t.empty() && end && *end == '\0'), "not a Dutch number: '" << s << "'");
  return v;
}

/// The numbers of a Markdown table row (after its first cell).
inline std::vector<double> md_cells(const std::string& row) {
  std::vector<double> out;
  std::vector<std::string> cells;
  std::string cur;
  for (char ch : row) {
    if (ch == '|') { cells.push_back(cur); cur.clear(); } else cur += ch;
  }
  // cells[0] is before the first '|', cells[1] the label; the rest are numbers.
  for (size_t i = 2; i < cells.size(); ++i) out.push_back(parse_dutch(cells[i]));
  return out;
}
inline std::vector<double> md_row(const std::string& text, const std::string& prefix) {
  const auto row = line_starting(text, prefix);
  REQUIRE_MESSAGE(!row.empty(), "no row starting with " << prefix);
  return md_cells(row);
}
/// The numbers of the first row starting with `prefix` after the line starting with `anchor`.
inline std::vector<double> md_row_after(const std::string& text, const std::string& anchor, const std::string& prefix) {
  const auto at = text.find("\n" + anchor);
  REQUIRE_MESSAGE(at != std::string::npos, "no row starting with " << anchor);
  return md_row(text.substr(at + 1), prefix);
}

/// The numeric fields of a CSV row after its label fields (all fields that parse as numbers
/// after the last non-numeric one).
inline std::vector<double> csv_numbers(const std::string& row, char sep, char decimal) {
  std::vector<std::string> f;
  std::string cur;
  for (char ch : row) {
    if (ch == sep) { f.push_back(cur); cur.clear(); } else cur += ch == decimal ? '.' : ch;
  }
  f.push_back(cur);
  std::vector<double> out;
  for (const auto& x : f) {
    char* end = nullptr;
    const double v = std::strtod(x.c_str(), &end);
    if (x.empty() || *end != '\0') { out.clear(); continue; }
    out.push_back(v);
  }
  return out;
}

inline void check_close(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("index " << i << ": got " << got[i] << ", want " << want[i]);
    CHECK(std::abs(got[i] - want[i]) <= tol);
  }
}

}  // namespace testutil
