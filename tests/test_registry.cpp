// The parameter registry (registry.hpp) is the only declaration of a parameter: this test
// walks it and proves that every entry can be set with --set, bound by an onzekerheid in
// risk, solved for with solve, and explained (a rule's trace names it, with the same unit).
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "begroting/bind.hpp"
#include "begroting/engine.hpp"
#include "begroting/loader.hpp"
#include "begroting/risk.hpp"
#include "begroting/solve.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

/// The scenario file a parameter is exercised on: the flows need a section stromen:, the
/// per-school parameters (top.*) a schools file.
std::string scenario_for(const ParamSpec& p) {
  if (p.section == "stromen") return "scenarios/zuid-kennemerland-2024-stromen.yaml";
  if (p.path.rfind("top.", 0) == 0) return "scenarios/zuid-kennemerland-2024-scholen.yaml";
  return "scenarios/zuid-kennemerland-2024.yaml";
}

/// A valid value inside the parameter's bounds that differs from the plan's.
double test_value(const ParamSpec& p) {
  // the korting tot de signaleringswaarde at 765.43 per pupil would stop at the signaleringswaarde
  // in every year whatever the amount (flat for solve): 1 EUR per pupil is imposed in full
  if (p.path == "ocw_korting.per_leerling") return 1.0;
  switch (p.unit) {
    case Unit::Euro: return 1234.56;
    case Unit::EuroPerLeerling: return 765.43;
    case Unit::Leerlingen: return 123;
    case Unit::Leerlingjaren: return 2.5;
    case Unit::Fractie: return p.path == "stromen.uitstroom_groep_8" ? 0.05 : 0.015;
    case Unit::Jaar: return 2026;
    case Unit::Weken: return 12;
  }
  return 1;
}

/// "--set" text and the year the value goes to (Teldatum: only the first teldatum).
std::string set_text(const ParamSpec& p, int year, double v) {
  std::ostringstream os;  // default precision: the test values have at most 6 digits
  os << p.path << (year != 0 ? "." + std::to_string(year) : "") << "=" << v;
  return os.str();
}

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

}  // namespace

TEST_CASE("registry: every parameter can be set and bound in risk and solved for") {
  int checked = 0;
  for (const ParamSpec& p : Registry::builtin().entries()) {
    INFO(p.path);
    const std::string file = testutil::source(scenario_for(p));
    const Scenario base = load_scenario(file);
    const double v = test_value(p);
    const int year = p.shape == Shape::Teldatum ? base.horizon.first - 1 : 0;
    // 1. --set reaches the scenario
    const Scenario set = load_scenario(file, {{set_text(p, year, v)}});
    const YearRange r = years_for(p.shape, set.horizon);
    for (int y = (year ? year : r.first); y <= (year ? year : r.last); ++y) CHECK(set.value(p.path, y) == v);
    const Result via_set = run(set);

    // 2. bound by an onzekerheid (vast, toepassing waarde): one path equals the --set run
    std::string text = "extends: " + file + "\nonzekerheden:\n  t:\n    parameter: " + p.path +
                       "\n    verdeling: vast\n    waarde: " + num(v) + "\n";
    if (year != 0) text += "    jaar: " + std::to_string(year) + "\n";
    const Scenario risky = load_scenario_text(text, testutil::source("scenarios/test-registry.yaml"));
    RiskModel m(risky);
    // the whole compute(): every line, also the waterbed view and the kengetallen, which the
    // per-path kernel (issue 15) leaves at the plan's values
    PathEvaluator ev(m, true);
    ev.draw(1, 0);
    const Result& drawn = ev.evaluate();
    CHECK(drawn.cents == via_set.cents);
    CHECK(drawn.real == via_set.real);
    // the kernel a Monte Carlo path uses gives the same eigen vermogen and resultaat
    PathEvaluator kernel(m);
    kernel.draw(1, 0);
    const Result& k = kernel.evaluate();
    for (int i = 0; i < set.horizon.size(); ++i) {
      CHECK(k.c(Line::eigen_vermogen, i) == via_set.c(Line::eigen_vermogen, i));
      CHECK(k.c(Line::resultaat, i) == via_set.c(Line::resultaat, i));
      CHECK(k.c(Line::signaleringswaarde, i) == via_set.c(Line::signaleringswaarde, i));
    }

    // 3. solve: the parameter moves over a small range; where it moves the eigen vermogen at
    // the horizon the solver sees it (a target met everywhere: the whole range, not "flat").
    SolveSpec spec;
    spec.param = p.path;
    if (p.shape == Shape::Single) spec.years = {0};
    else if (year != 0) spec.years = {year};
    else for (int y = r.first; y <= r.last; ++y) spec.years.push_back(y);
    spec.step = solve_step(p.unit);
    spec.min = v;
    spec.max = v + 16 * spec.step;
    spec.target.line = Line::eigen_vermogen;
    spec.target.year = base.horizon.last;
    spec.target.op = SolveTarget::Op::AtLeast;
    spec.target.value = -1e13;
    const Result plain = run(base);
    const int last = base.horizon.size() - 1;
    const bool moves_ev = via_set.c(Line::eigen_vermogen, last) != plain.c(Line::eigen_vermogen, last);
    try {
      const SolveOutcome o = solve(base, spec);
      CHECK(o.whole_range);
    } catch (const SolveError& e) {
      CHECK(e.reason == SolveError::Reason::Flat);
      CHECK_MESSAGE(!moves_ev, "solve ziet de parameter niet, maar --set verandert het eigen vermogen");
    }
    ++checked;
  }
  CHECK(checked == static_cast<int>(Registry::builtin().entries().size()));
  CHECK(checked > 60);
}

TEST_CASE("registry: every parameter is explained by a rule's trace with its own unit") {
  // Every trace term that names a parameter names a registry entry with the same unit, and
  // every entry is named by some term in one of the scenarios that use it.
  std::map<std::string, Unit> named;
  for (const char* f : {"scenarios/zuid-kennemerland-2024.yaml", "scenarios/zuid-kennemerland-2024-stromen.yaml",
                        "scenarios/zuid-kennemerland-2024-scholen.yaml", "scenarios/ikc-groei-6.yaml"}) {
    INFO(f);
    // a later IKC count, a vangnet fraction and a fixed afdracht for 2024: the optional
    // parameters appear in the trace
    const Scenario s = load_scenario(testutil::source(f), {{"ikc.teldatum_later=200"}, {"vangnet.fractie_jaar=0.5"},
                                                           {"regulier_onderwijs.afdracht_verwijzingen_dws.2024=1808337"}});
    Trace t;
    (void)run(s, &t);
    for (const auto& [key, e] : t.entries)
      for (const auto& term : e.terms)
        if (!term.param.empty()) {
          INFO(term.param);
          const ParamSpec* p = s.reg().find(term.param);
          REQUIRE(p != nullptr);
          CHECK(p->unit == term.unit);
          named[term.param] = term.unit;
        }
  }
  for (const ParamSpec& p : Registry::builtin().entries()) {
    INFO(p.path);
    CHECK(named.count(p.path) == 1);
  }
}

TEST_CASE("registry: --set and solve --param reach the flows and risk binds ikc.bandbreedte") {
  const std::string stromen = testutil::source("scenarios/zuid-kennemerland-2024-stromen.yaml");
  // Hand check of the flow model's SBO equation (flows.hpp): sbo(1-2-2024) = verwijzing_sbo x
  // bo(2023) + sbo(2023) x (1 - uitstroom_sbo - terugplaatsing_sbo). With uitstroom_sbo 0.1
  // instead of the calibrated 0.2 the SBO count of 1-2-2024 (budget 2025) rises by exactly
  // 0.1 x sbo(1-2-2023) = 0.1 x 585 = 58.5 pupils.
  const Result a = run(load_scenario(stromen));
  const Result b = run(load_scenario(stromen, {{"stromen.uitstroom_sbo=0.1"}}));
  CHECK(b.value(Line::leerlingen_sbo, 2025) - a.value(Line::leerlingen_sbo, 2025) == doctest::Approx(58.5).epsilon(1e-12));
  // On a scenario without stromen: a clear message, exit 2 (InputError).
  try {
    (void)testutil::baseline({{"stromen.uitstroom_sbo=0.1"}});
    FAIL("geen fout");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("hoort bij het stromenmodel, maar het scenario heeft geen sectie stromen:") != std::string::npos);
  }
  const auto cli = testutil::run_cli("solve " + stromen +
                                     " --param stromen.uitstroom_sbo --year 2024 --target leerlingen.sbo --target-year 2025 "
                                     "--at-most 600");
  CHECK(cli.exit_code == 0);
  CHECK(cli.err.empty());
  // risk: an onzekerheid on ikc.bandbreedte binds (issue 11: "niet te koppelen aan de rekenkern")
  const Scenario s = load_scenario_text(
      "extends: zuid-kennemerland-2024.yaml\nonzekerheden:\n  band:\n    parameter: ikc.bandbreedte\n    verdeling: uniform\n"
      "    min: 0.0\n    max: 0.1\n",
      testutil::source("scenarios/test-registry.yaml"));
  RiskModel m(s);
  CHECK(m.size() == 1);
}
