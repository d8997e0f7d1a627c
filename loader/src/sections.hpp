// Internal: readers of the non-parameter sections of a scenario file. Each reads one top-level
// key of one file of the extends chain (parent first) into the Scenario being built; errors
// are InputError with FILE:LINE:COLUMN. The key must also be in the reserved list of
// loader.cpp (Builder::children_of and walk).
#pragma once
#include "begroting/scenario.hpp"
#include "tree.hpp"

namespace begroting::detail {

/// `onzekerheden:` (onzekerheden.cpp). A child file's entry replaces the parent's entry of
/// the same name; new names are added after the parent's.
void read_onzekerheden(const Tree& section, Scenario& sc);

/// `stromen:` (stromen.cpp): per key, per year; a child overrides the years it gives.
void read_stromen(const Tree& section, Scenario& sc);
/// After the whole chain: with a stromen section every flow is required for every year, and
/// the outflows of a state are at most 1.
void finish_stromen(Scenario& sc);

}  // namespace begroting::detail
