// `begroting explain`: how one figure was computed, from the engine's Trace: its formula, the
// rounding step, and every input with value, unit and source (the plan paragraph from the
// parameter schema, the scenario file:line:column or the --set that gave it), recursively into
// the input lines down to a depth.
#pragma once
#include <string>

#include "begroting/engine.hpp"
#include "begroting/scenario.hpp"

namespace begroting {

/// `depth`: levels of inputs shown (1 = only the direct inputs of the figure).
std::string render_explain_table(const Scenario& s, const Result& r, const Trace& t, Line line, int year, int depth);
std::string render_explain_json(const Scenario& s, const Result& r, const Trace& t, Line line, int year, int depth);

}  // namespace begroting
