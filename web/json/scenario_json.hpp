// Scenario <-> JSON, and a computed Result -> JSON: the one serialisation shared by the native
// CLI (`begroting report --interactief` writes the loaded scenario into the page) and the
// WebAssembly build of the engine (web/bridge.cpp reads it back). Header-only nlohmann-json, so
// it compiles unchanged with emscripten. Generic on purpose: parameters and flows are walked as
// maps (every path the loader filled, whatever the registry holds), so a new parameter flows
// through without touching this file.
//
// Numbers: doubles are written with the shortest text that reads back to the same double
// (nlohmann-json), so a round trip is exact; NaN ("niet opgegeven") is written as null. Money of
// a Result is written as whole cents (int64; exact in JavaScript below 2^53 cents, EUR 90
// trillion), counts and ratios as doubles (null when not finite).
#pragma once
#include <nlohmann/json.hpp>

#include <string>

#include "begroting/engine.hpp"
#include "begroting/scenario.hpp"

namespace begroting {

/// The whole scenario: naam, beschrijving, bestanden, jaren, parameters (path -> {year: value},
/// year "0" for a single value), herkomst (where each value came from), stromen, onzekerheden
/// verdeling (IKC afspraak, vangnet tellingen, scholen), gedeclareerde_parameters (what a
/// model file adds to the registry) and model (the begrotingsmodel: lines, sections, formulas as
/// text, parameters; null for the built-in one), so a scenario with lines of its own computes
/// in the page exactly as in the CLI.
nlohmann::json scenario_to_json(const Scenario& s);
/// The inverse of scenario_to_json. Throws std::invalid_argument (Dutch) on a malformed document.
Scenario scenario_from_json(const nlohmann::json& j);

/// Every line of the result's model per year: {"jaren": [...], "regels": {id: [...]}, "eenheden": {id: unit},
/// "geld": [ids held in cents], "signalen": [{jaar, soort, melding}]}.
nlohmann::json result_to_json(const Result& r);

/// The parameters a page may change: the scenario's registry (registry.hpp; entries of section
/// stromen only when the scenario has that section): [{pad, eenheid, vorm, min, max, min_exclusief, beschrijving, bron,
/// jaren: [eerste, laatste] (0, 0 for a single value)}], in schema order.
nlohmann::json parameters_json(const Scenario& s);

/// Apply changes {pad: {jaar: waarde}} (jaar "0" for a single value) on top of a loaded
/// scenario, as `--set pad.jaar=waarde` would, with provenance "--set pad.jaar=waarde". Checks
/// what the loader checks for a value: a known path, a year of that parameter, inside the
/// parameter's bounds, at most two decimals for money. Throws std::invalid_argument (Dutch).
void apply_changes(Scenario& s, const nlohmann::json& changes);

/// The lines of a model in display order (the layout's lines first, then lines not shown in the
/// layout, in slot order): [{id, label, soort (bedrag, berekend, subtotaal, memo, formule),
/// eenheid, geld, bron}], for the page's labels and table.
nlohmann::json lines_json(const Model& m);

/// Stable name of a finding kind ("onder_weerstandsvermogen", ...), as `run --format json`.
std::string_view finding_kind_name(Finding::Kind k);

}  // namespace begroting
