// Renderers for risk (Monte Carlo) and sensitivity results: they compute nothing new.
#pragma once
#include <string>

#include "begroting/reports.hpp"
#include "begroting/risk.hpp"

namespace begroting {

/// With `s`: the heading names the scenario chain and every --set (a variant says so).
std::string render_risk_table(const RiskResult& r, const Scenario* s = nullptr);
/// {"scenario", "herkomst" (with `s`), "paths", "seed", "uncertainties", "years", "resultaat": {"plan", "P5"..,
///  "gemiddelde", "sd"}, "eigen_vermogen": {...}, "kans": {"onder_signaleringswaarde", "onder_weerstandsvermogen",
///  "onder_nul"}, "kans_aard" (per kans: "risico", or for onder_signaleringswaarde "geen risico: ..."),
///  "benodigd_weerstandsvermogen": {"80", "90", "95"}, "niveau_weerstandsvermogen", "signaleringswaarde"}; euros.
std::string render_risk_json(const RiskResult& r, const Scenario* s = nullptr);

/// With `sc`: each onzekerheid's Dutch description and its low/high value in the parameter's unit.
std::string render_sensitivity_table(const SensitivityResult& s, const Scenario* sc = nullptr);
/// {"scenario", "herkomst" (with `sc`), "horizon", "eigen_vermogen_plan", "rows": [{"naam", "gebeurtenis",
///  "laag", "hoog" (the drawn values), "laag_toegepast", "hoog_toegepast" (with `sc`: [kleinste, grootste]
///  value used: toepassing waarde adds the shift of a --set or child scenario), "eigen_vermogen_laag",
///  "eigen_vermogen_hoog", "effect_laag", "effect_hoog", "bron"}]}; euros.
std::string render_sensitivity_json(const SensitivityResult& s, const Scenario* sc = nullptr);

/// The risk results as the HTML report takes them (reports.hpp RiskView): the eigen vermogen
/// percentiles P5..P95 per year for the fan chart, and the sensitivity rows (eigen vermogen at
/// the horizon at low and high) for the tornado. A reshaping, nothing computed.
/// With `sc`: the tornado bars carry the onzekerheid's description and values in its unit.
RiskView risk_view(const RiskResult& r, const SensitivityResult& s, const Scenario* sc = nullptr);
/// The low/high value x of an onzekerheid in its parameter's unit: "0,7%", "+0,5%-punt",
/// "x 0,62", "€ -13,50 per leerling"; an event's low is "niet".
std::string uncertainty_value_text(const Uncertainty& u, double x);
/// The onzekerheid's Dutch description: its `omschrijving`, else its parameter's description.
std::string uncertainty_label(const Uncertainty& u);

}  // namespace begroting
