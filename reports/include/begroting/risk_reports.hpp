// Renderers for risk (Monte Carlo) and sensitivity results: they compute nothing new.
#pragma once
#include <string>

#include "begroting/reports.hpp"
#include "begroting/risk.hpp"

namespace begroting {

std::string render_risk_table(const RiskResult& r);
/// {"scenario", "paths", "seed", "uncertainties", "years", "resultaat": {"plan", "P5".., "gemiddelde", "sd"},
///  "eigen_vermogen": {...}, "kans": {"onder_signaleringswaarde", "onder_weerstandsvermogen", "onder_nul"},
///  "benodigd_weerstandsvermogen": {"80", "90", "95"}, "niveau_weerstandsvermogen", "signaleringswaarde"}; euros.
std::string render_risk_json(const RiskResult& r);

std::string render_sensitivity_table(const SensitivityResult& s);
/// {"scenario", "horizon", "eigen_vermogen_plan", "rows": [{"naam", "gebeurtenis", "laag", "hoog",
///  "eigen_vermogen_laag", "eigen_vermogen_hoog", "effect_laag", "effect_hoog", "bron"}]}; euros.
std::string render_sensitivity_json(const SensitivityResult& s);

/// The risk results as the HTML report takes them (reports.hpp RiskView): the eigen vermogen
/// percentiles P5..P95 per year for the fan chart, and the sensitivity rows (eigen vermogen at
/// the horizon at low and high) for the tornado. A reshaping, nothing computed.
RiskView risk_view(const RiskResult& r, const SensitivityResult& s);

}  // namespace begroting
