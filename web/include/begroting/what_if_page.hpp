// The what-if page (`begroting report SCENARIO --format html --interactief`): one self-contained
// HTML file holding the engine compiled to WebAssembly (web/bridge.cpp), the page's own script
// and style (web/page/), and the loaded scenario as JSON data (json/scenario_json.hpp). Every
// figure the page shows is computed by the embedded engine from that data.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "begroting/scenario.hpp"

namespace begroting {

struct WhatIfOptions {
  std::string run_date;      ///< JJJJ-MM-DD, shown in the header
  std::string bestand;       ///< the scenario file as the user named it (shown)
  std::string extends_path;  ///< absolute path of that file: `extends:` of a saved child scenario
  unsigned paths = 10000;    ///< Monte Carlo paths of the fan chart (scenarios with onzekerheden)
  unsigned seed = 2024;      ///< and its seed (as `begroting risk --seed`)
  /// Provenance (issue 12.2), made by the caller from reports.hpp: the title (a variant says
  /// "VARIANT van ... (--set ...)"; empty: the scenario's name) and the header rows (Scenario-
  /// bestanden, Overschreven met --set, ...). The page shows both in its header.
  std::string titel;
  std::vector<std::pair<std::string, std::string>> herkomst;
};

/// False when this build has no WebAssembly engine (configured without emscripten).
bool what_if_available();

/// The page. Throws std::logic_error when !what_if_available().
std::string render_what_if_page(const Scenario& s, const WhatIfOptions& o);

}  // namespace begroting
