// Internal: the begrotingsmodel in YAML. A model file (`model: modellen/NAAM.yaml` in a
// scenario) declares the structure; a scenario's `regels:` section changes it (a new line or
// section, relabel, move, drop). Errors are InputError with FILE:LINE:COLUMN.
#pragma once
#include <memory>
#include <string>

#include "begroting/model.hpp"
#include "begroting/scenario.hpp"
#include "tree.hpp"

namespace begroting::detail {

/// Read the model file that `key` (the value of `model:`) names, relative to the scenario file
/// `from`. Amounts and parameter values it declares go into `sc` (read against `own`, the
/// file's horizon).
std::shared_ptr<Model> read_model_file(const Tree& key, const std::string& from, Scenario& sc, const Horizon& own);

/// Apply a scenario's `regels:` section to `m` (a copy the caller owns).
void apply_regels(const Tree& section, Model& m, Scenario& sc, const Horizon& own);

/// After the chain and --set: build the evaluation graph once to refuse what cannot be
/// computed (unknown names, cycles, unit mismatches), with the place in the file.
void check_model(const Scenario& sc);

/// The number parser of the loader (loader.cpp), for amounts and parameter values.
double parse_number_for(const std::string& text, bool is_null, const ParamSpec& spec, const Loc& loc);

}  // namespace begroting::detail
