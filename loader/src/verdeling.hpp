// Internal: the non-parameter sections of a scenario for the rules of plan paragraph 8.1
// (loader/src/verdeling.cpp): ikc.verrekening, ikc.verdeelsleutel, vangnet.tellingen and the
// schools file `scholen:`. Parameters of these rules (ikc.bandbreedte, ...) are in the schema.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "begroting/scenario.hpp"
#include "tree.hpp"

namespace begroting::detail {

/// Dotted paths this file reads; the schema walk skips them.
const std::set<std::string>& verdeling_paths();

/// Read the sections from each file of the extends chain (parent first; a child replaces a
/// section it gives) into sc.verdeling. `docs`: each file's tree and name. Throws InputError.
void read_verdeling(const std::vector<std::pair<const Tree*, std::string>>& docs, Scenario& sc);

}  // namespace begroting::detail
