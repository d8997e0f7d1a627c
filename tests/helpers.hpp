// Test helpers: paths, the baseline scenario, running the CLI.
#pragma once
#include <cstdio>
#include <string>
#include <vector>

#include "begroting/engine.hpp"
#include "begroting/loader.hpp"

namespace testutil {

inline std::string source(const std::string& rel) { return std::string(BEGROTING_SOURCE_DIR) + "/" + rel; }
inline std::string baseline_path() { return source("scenarios/zuid-kennemerland-2024.yaml"); }
inline begroting::Scenario baseline(const std::vector<begroting::Override>& o = {}) {
  return begroting::load_scenario(baseline_path(), o);
}
/// Cents of a line in a year.
inline begroting::Cents cents(const begroting::Result& r, begroting::Line l, int year) {
  return r.c(l, r.horizon.index(year));
}

struct CliResult {
  int exit_code;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Run the begroting executable with a shell-quoted argument string.
CliResult run_cli(const std::string& args);

/// A fresh temporary directory for a test.
std::string temp_dir();

/// The values an option of a command advertises in its --help, e.g. ("run", "format") ->
/// {"table", "json", "csv"} from "table | json | csv" (parenthesised explanations dropped).
/// Tests that must cover every format or view use it, so a new one is covered when it lands.
std::vector<std::string> option_values(const std::string& command, const std::string& option);

/// Whole file as bytes.
std::string slurp_file(const std::string& path);

}  // namespace testutil
