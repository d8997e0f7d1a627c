// Rendering of `begroting solve`: the answer to the cent, the target figure it gives and the
// neighbouring value that no longer meets the target; or why there is no answer.
#pragma once
#include <string>

#include "begroting/scenario.hpp"
#include "begroting/solve.hpp"

namespace begroting {

std::string render_solve_table(const Scenario& s, const SolveSpec& spec, const SolveOutcome& o);
std::string render_solve_json(const Scenario& s, const SolveSpec& spec, const SolveOutcome& o);
/// Dutch explanation of a SolveError, naming the range and the figure at both ends.
std::string solve_error_message(const SolveSpec& spec, const SolveError& e);
/// "2025-2028", "2027", "" (Single) for the years a solve sets.
std::string solve_years_text(const std::vector<int>& years);

}  // namespace begroting
