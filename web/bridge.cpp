// The WebAssembly entry points of the what-if page (begroting report --interactief): a C ABI
// over the engine, JSON in and JSON out (json/scenario_json.hpp, the same serialisation the CLI
// writes the page with). The page never computes a figure itself: every number it shows comes
// from compute(), solve() or run_risk() here, the same C++ as `begroting run`.
//
//   bg_laad(scenario)        load the compiled scenario the CLI wrote into the page
//   bg_reken(wijzigingen)    {pad: {jaar: waarde}} on top of it -> every line per year, signals
//   bg_zoek(opdracht)        goal seek with the engine's solve() (see zoek below)
//   bg_risico(opdracht)      Monte Carlo with the engine's run_risk() (one thread: a Web Worker)
//
// Every answer is {"ok": true, ...} or {"ok": false, "fout": "<Dutch message>"}; nothing throws
// across the boundary. The returned pointer stays valid until the next call.
#include <cmath>
#include <exception>
#include <optional>
#include <string>

#include "begroting/engine.hpp"
#include "begroting/risk.hpp"
#include "begroting/solve.hpp"
#include "scenario_json.hpp"

using nlohmann::json;
using namespace begroting;

namespace {

std::optional<Scenario> g_base;
std::string g_answer;

const char* answer(const json& j) {
  g_answer = j.dump();
  return g_answer.c_str();
}

template <class F>
const char* guarded(F&& f) {
  try {
    json j = f();
    j["ok"] = true;
    return answer(j);
  } catch (const std::exception& e) {
    return answer(json::object({{"ok", false}, {"fout", e.what()}}));
  } catch (...) {
    return answer(json::object({{"ok", false}, {"fout", "onbekende fout in de rekenkern"}}));
  }
}

const Scenario& base() {
  if (!g_base) throw std::logic_error("geen scenario geladen");
  return *g_base;
}

Scenario with_changes(const json& changes) {
  Scenario s = base();
  if (!changes.is_null()) apply_changes(s, changes);
  return s;
}

json point_json(const SolvePoint& p) {
  return json::object({{"waarde", p.value}, {"uitkomst", p.figure}, {"doel", p.reference}, {"gehaald", p.meets}, {"jaar", p.year}});
}

// Goal seek "the highest value of PARAM (one value for the years JAREN) with eigen vermogen
// 31-12 at or above the niveau weerstandsvermogen in every year": the engine's solve() with the
// target in every year, exactly `begroting solve --target eigen_vermogen_31_december
// --every-year --at-least-line weerstandsvermogen_niveau`; the year with the smallest margin
// decides (bindend_jaar).
json zoek(const json& opdracht) {
  Scenario s = with_changes(opdracht.value("wijzigingen", json()));
  const std::string param = opdracht.at("parameter").get<std::string>();
  const ParamSpec* ps = find_spec(param);
  if (!ps) throw std::invalid_argument("onbekende parameter '" + param + "'");
  SolveSpec spec;
  spec.param = param;
  spec.years = opdracht.at("jaren").get<std::vector<int>>();
  spec.step = solve_step(ps->unit);
  spec.min = ps->min_exclusive ? ps->min + spec.step : ps->min;
  spec.max = ps->max;
  spec.target.line = Line::eigen_vermogen;
  spec.target.op = SolveTarget::Op::AtLeast;
  spec.target.other = Line::weerstandsvermogen_niveau;
  spec.target.every_year = true;
  spec.target.first_year = s.horizon.first;
  spec.target.year = s.horizon.last;
  SolveOutcome o;
  try {
    o = solve(s, spec);
  } catch (const SolveError& e) {
    if (e.reason == SolveError::Reason::NotMet)
      throw std::invalid_argument("in " + std::to_string(e.at_min.year) + " blijft het eigen vermogen onder het niveau weerstandsvermogen, welk bedrag ook");
    if (e.reason == SolveError::Reason::Flat) throw std::invalid_argument("het eigen vermogen hangt in geen jaar van " + param + " af");
    throw std::invalid_argument(e.what());
  }
  if (!o.highest) throw std::invalid_argument("het eigen vermogen daalt niet bij een hoger bedrag");
  return json::object({{"waarde", o.answer.value},
                       {"bindend_jaar", o.answer.year},
                       {"heel_bereik", o.whole_range},
                       {"antwoord", point_json(o.answer)},
                       {"buur", o.neighbour ? point_json(*o.neighbour) : json(nullptr)}});
}

json risico(const json& opdracht) {
  const Scenario s = with_changes(opdracht.value("wijzigingen", json()));
  if (s.onzekerheden.empty()) throw std::invalid_argument("dit scenario declareert geen onzekerheden");
  const RiskModel m(s);
  RiskOptions o;
  o.paths = opdracht.value("paden", 10000u);
  o.seed = opdracht.value("seed", 2024u);
  o.threads = 1;  // no threads in the page: the Monte Carlo runs in its own Web Worker
  const RiskResult r = run_risk(m, o);
  json jaren = json::array();
  for (const auto& y : r.years)
    jaren.push_back(json::object({{"jaar", y.year},
                                  {"ev_plan", y.ev_plan},
                                  {"signaleringswaarde", y.signaleringswaarde_plan},
                                  {"niveau", y.wv_niveau_plan},
                                  {"ev_p", y.ev_q},
                                  {"benodigd", y.benodigd},
                                  {"p_onder_signaleringswaarde", y.p_onder_signaleringswaarde},
                                  {"p_onder_weerstandsvermogen", y.p_onder_weerstandsvermogen},
                                  {"p_onder_nul", y.p_onder_nul}}));
  return json::object({{"paden", r.paths}, {"seed", r.seed}, {"percentielen", kRiskPercentiles},
                       {"zekerheden", kRiskCertainties}, {"onzekerheden", r.uncertainties}, {"jaren", jaren}});
}

}  // namespace

extern "C" {

const char* bg_laad(const char* scenario) {
  return guarded([&] {
    g_base.reset();
    Scenario s = scenario_from_json(json::parse(scenario));
    (void)compile(s);  // a scenario the engine cannot compile is refused here, not at the first change
    g_base = std::move(s);
    return json::object({{"parameters", parameters_json(*g_base)}, {"regels", lines_json(model_of(*g_base))}});
  });
}

const char* bg_reken(const char* wijzigingen) {
  return guarded([&] { return result_to_json(run(with_changes(json::parse(wijzigingen)))); });
}

const char* bg_zoek(const char* opdracht) {
  return guarded([&] { return zoek(json::parse(opdracht)); });
}

const char* bg_risico(const char* opdracht) {
  return guarded([&] { return risico(json::parse(opdracht)); });
}

}  // extern "C"
