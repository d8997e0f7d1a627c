// The graph's dependency table is complete (issue 15, item 2): the Monte Carlo kernel
// (engine/src/risk.cpp) re-runs only the nodes the graph says a bound parameter reaches, so a
// rule that reads a parameter or line its entry in graph.cpp does not name would make the kernel
// silently wrong (its self-check would then fall back to compute()). Reference: compute() itself.
// For every parameter of the registry and every value it has in the scenario (each year): change
// the value, compute(), and every (line, year) that changed must be written by a node in
// Graph::downstream_of(parameter). Several scenarios, so that the schools file, the flow model, an
// IKC later count and a second SWV's own model are covered.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "begroting/bind.hpp"
#include "begroting/graph.hpp"
#include "begroting/registry.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

/// A different value inside the bounds: +10% (at least +1), or -10% when the upper bound stops it.
double other_value(const Slot& s, double v) {
  if (std::isnan(v)) return std::max(s.lo + 1, std::min(s.hi, 100.0));
  const double d = std::max(std::fabs(v) * 0.1, 1.0);
  const double up = std::min(s.hi, v + d);
  return up != v ? up : std::max(s.lo_exclusive ? s.lo + 0.5 * (v - s.lo) : s.lo, v - d);
}

struct Counts {
  int params = 0, values = 0, changed_cells = 0;
};

Counts check_complete(const Scenario& s) {
  const Inputs base = compile(s);
  Result plan;
  compute(base, plan);
  const Graph& g = *base.graph;
  const Model& m = *g.model;
  const int n = base.horizon.size();
  Counts out;
  for (const ParamSpec& spec : base.registry->entries()) {
    std::vector<Target> targets;
    for (int year = 0; year <= base.horizon.last; year = year == 0 ? base.horizon.first - 2 : year + 1) {
      try {
        const auto t = bind_parameter(base, spec.path, year);
        targets.insert(targets.end(), t.begin(), t.end());
      } catch (const std::exception&) {
        // no such year for this parameter (or the scenario does not use it)
      }
      if (year == 0 && !targets.empty() && targets.front().year == 0) break;  // a Single parameter
    }
    if (targets.empty()) continue;
    ++out.params;
    std::set<int> may;  // lines written by the nodes downstream of the parameter
    for (int k : g.downstream_of(spec.path))
    {
      for (int w : g.nodes[static_cast<size_t>(k)].writes) may.insert(w);
      // a phase-3 rule that replaces an earlier line (korting_ocw: zware ondersteuning and the
      // totals above it) names it under overwrites, not writes (graph.cpp)
      for (int w : g.nodes[static_cast<size_t>(k)].overwrites) may.insert(w);
    }
    std::set<std::string> missing;  // "line (year of the changed value)"
    for (const Target& t : targets) {
      Inputs in = base;
      const Slot slot = resolve(in, t);
      const double v = slot.get();
      slot.set(other_value(slot, v));
      if (slot.get() == v) continue;
      Result r;
      try {
        compute(in, r);
      } catch (const std::exception&) {
        continue;  // the changed value is not computable (an arithmetic error): no verdict
      }
      ++out.values;
      for (int l = 0; l < m.size(); ++l)
        for (int i = 0; i < n; ++i) {
          const auto line = static_cast<Line>(l);
          const bool same = m.line(l).money() ? r.c(line, i) == plan.c(line, i)
                                              : (r.r(line, i) == plan.r(line, i) || (std::isnan(r.r(line, i)) && std::isnan(plan.r(line, i))));
          if (same) continue;
          ++out.changed_cells;
          if (!may.count(l)) missing.insert(m.line(l).id + " (waarde " + std::to_string(t.year) + ")");
        }
    }
    std::string list;
    for (const auto& x : missing) list += "\n  " + x;
    INFO(spec.path << " changes lines that no node in downstream_of() writes:" << list);
    CHECK(missing.empty());
  }
  return out;
}

}  // namespace

TEST_CASE("graph dependency table complete: every registry parameter of the plan reaches only lines the graph names") {
  const Counts c = check_complete(testutil::baseline());
  // the built-in registry has well over 50 parameters with a value in the plan; most change a line
  CHECK(c.params > 50);
  CHECK(c.changed_cells > 100);
}

TEST_CASE("graph dependency table complete with a schools file and with the flow model") {
  CHECK(check_complete(load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml"))).changed_cells > 100);
  CHECK(check_complete(load_scenario(testutil::source("tests/data/risico-stromen.yaml"))).changed_cells > 100);
}

TEST_CASE("graph dependency table complete with an IKC later count and for a second SWV's own model") {
  const Scenario ikc = load_scenario_text("extends: zuid-kennemerland-2024.yaml\nnaam: test\n"
                                          "ikc: {verrekening: volledig, teldatum_later: {2025: 330, 2027: 300}}\n",
                                          testutil::source("scenarios/test-ikc.yaml"));
  CHECK(check_complete(ikc).changed_cells > 100);
  CHECK(check_complete(load_scenario(testutil::source("scenarios/voorbeeld-swv/voorbeeld-swv.yaml"))).changed_cells > 100);
  CHECK(check_complete(load_scenario(testutil::source("scenarios/nieuwe-regel.yaml"))).changed_cells > 100);
}
