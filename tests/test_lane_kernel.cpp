// The lane kernel (issue 15: eight Monte Carlo paths at once in AVX-512 lanes,
// engine/src/rules/pads8.cpp and PathEvaluator::evaluate_lanes). Its reference is the kernel path
// by path (itself checked against compute() in test_risk_kernel.cpp): after draw_block, every
// line of every lane must be, bit for bit, what use(j) and evaluate() give that path on its own.
// On a processor without AVX-512 the lanes are never used (evaluate_lanes() is false) and the
// comparisons below check that instead.
#include <doctest/doctest.h>

#include <bit>
#include <cstring>

#include "begroting/risk.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

Scenario text(const std::string& extends, const std::string& extra) {
  return load_scenario_text("extends: " + extends + "\nnaam: test\n" + extra, testutil::source("scenarios/test-lanes.yaml"));
}

struct Compared {
  long blocks = 0;  ///< blocks drawn
  long lanes = 0;   ///< of them, evaluated in the lanes
  long cells = 0;   ///< (lane, line, year) values compared
};

/// Draws `blocks` blocks of eight paths (the last one of five: a partial block, as at the end of
/// a chunk) and compares every lane with the path evaluated on its own.
Compared compare(const Scenario& s, long blocks, std::uint64_t seed = 99) {
  const RiskModel m(s);
  PathEvaluator pe(m);
  const int n = m.base().horizon.size();
  const int lines = m.plan().m().size();
  Compared c;
  for (long b = 0; b < blocks; ++b) {
    const std::size_t count = b + 1 == blocks ? 5 : PathEvaluator::kBlock;
    pe.draw_block(seed, static_cast<std::uint64_t>(b) * PathEvaluator::kBlock, count);
    ++c.blocks;
    if (!pe.evaluate_lanes()) continue;
    ++c.lanes;
    for (std::size_t j = 0; j < count; ++j) {
      pe.use(j);
      const Result& r = pe.evaluate();
      for (int l = 0; l < lines; ++l)
        for (int i = 0; i < n; ++i) {
          const auto line = static_cast<Line>(l);
          // doctest only on a difference (a REQUIRE per cell would cost seconds)
          if (pe.lane_cents(line, i, j) != r.c(line, i) ||
              std::bit_cast<std::uint64_t>(pe.lane_real(line, i, j)) != std::bit_cast<std::uint64_t>(r.r(line, i))) {
            CAPTURE(m.plan().m().line(l).id);
            CAPTURE(i);
            CAPTURE(b);
            CAPTURE(j);
            REQUIRE(pe.lane_cents(line, i, j) == r.c(line, i));
            REQUIRE(pe.lane_real(line, i, j) == r.r(line, i));
            FAIL("the same value with other bits (the sign of a zero or a NaN's payload)");
          }
          ++c.cells;
        }
    }
  }
  return c;
}

/// The risk result's figures, every one, as text (to compare two runs exactly).
std::string figures(const RiskResult& r) {
  std::string out;
  auto add = [&](double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    out += std::to_string(b) + " ";
  };
  for (const auto& y : r.years) {
    for (Cents q : y.ev_q) out += std::to_string(q) + " ";
    for (Cents q : y.resultaat_q) out += std::to_string(q) + " ";
    for (Cents q : y.benodigd) out += std::to_string(q) + " ";
    for (double x : {y.ev_mean, y.ev_sd, y.resultaat_mean, y.resultaat_sd, y.p_onder_signaleringswaarde, y.p_onder_weerstandsvermogen,
                     y.p_onder_nul})
      add(x);
    out += "\n";
  }
  return out;
}

RiskResult risk(const RiskModel& m, std::uint64_t paths, int threads, bool lanes) {
  PathEvaluator::vector_kernel(lanes);
  RiskOptions o;
  o.paths = paths;
  o.seed = 2024;
  o.threads = threads;
  RiskResult r = run_risk(m, o);
  PathEvaluator::vector_kernel(true);
  return r;
}

}  // namespace

TEST_CASE("lane kernel: every lane is the path on its own, the plan's onzekerheden") {
  const Scenario s = load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml"));
  const RiskModel m(s);
  MESSAGE("AVX-512 lanes on this processor: " << std::string(PathEvaluator::vector_lanes() ? "yes" : "no"));
  // Every step of this model has a lane form (12 rules, 2 amount lines, the subtotals).
  CHECK(m.lane_kernel() == PathEvaluator::vector_lanes());
  const Compared c = compare(s, 150);
  CHECK(c.lanes == (PathEvaluator::vector_lanes() ? 150 : 0));  // no block fell back
  if (PathEvaluator::vector_lanes()) CHECK(c.cells > 150 * 8 * 5 * 90);
}

TEST_CASE("lane kernel: IKC inside and outside the bandbreedte in one block, each verrekening") {
  // IKC growth -8% .. +10% a year: some lanes stay inside the 3% band, others settle (8.1.6),
  // with a later count given in 2025 and projected in the other years.
  for (const char* keuze : {"geen", "deel_buiten_band", "volledig"}) {
    CAPTURE(keuze);
    const Scenario s = text("zuid-kennemerland-2024.yaml", std::string("ikc:\n  verrekening: ") + keuze +
                                                               "\n  teldatum_later: {2025: 640}\n"
                                                               "onzekerheden:\n"
                                                               "  ikc: {parameter: leerlingen.ikc.groei, verdeling: uniform, min: -0.08, max: 0.10, "
                                                               "trekking: per_jaar}\n"
                                                               "  so: {parameter: leerlingen.so_cat1.groei, verdeling: normaal, gemiddelde: 0.04, "
                                                               "sd: 0.03, trekking: per_jaar}\n");
    const Compared c = compare(s, 60);
    CHECK(c.lanes == (PathEvaluator::vector_lanes() ? 60 : 0));
  }
}

TEST_CASE("lane kernel: a value the lanes branch on falls back to path by path, with the same figures") {
  // top.plaatsing_jaren sets how many years of placements the afdracht sums (8.1.2): a loop
  // bound, which the eight lanes must share. Drawn per path, the lanes differ: every block is
  // evaluated path by path, and the result is the same as with the lanes off.
  const Scenario s = text("zuid-kennemerland-2024.yaml",
                          "onzekerheden:\n"
                          "  jaren: {parameter: top.plaatsing_jaren, verdeling: uniform, min: 1, max: 3}\n"
                          "  so: {parameter: leerlingen.so_cat1.groei, verdeling: normaal, gemiddelde: 0.04, sd: 0.03, trekking: per_jaar}\n");
  const Compared c = compare(s, 20);
  CHECK(c.lanes == 0);
  const RiskModel m(s);
  CHECK(figures(risk(m, 3000, 2, true)) == figures(risk(m, 3000, 2, false)));
}

TEST_CASE("lane kernel: run_risk gives the same figures with and without the lanes, for 1, 2 and 3 threads") {
  const RiskModel m(load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml")));
  const std::string path_by_path = figures(risk(m, 5003, 1, false));  // 5,003: a partial block at the end
  for (int threads : {1, 2, 3}) {
    CAPTURE(threads);
    CHECK(figures(risk(m, 5003, threads, true)) == path_by_path);
  }
}

TEST_CASE("lane kernel: a model with a step without a lane form evaluates path by path") {
  // A schools file: the per-school basis has no lane form (scholen.cpp), so no lanes.
  const RiskModel m(load_scenario(testutil::source("tests/data/risico-scholen.yaml")));
  CHECK_FALSE(m.lane_kernel());
  PathEvaluator pe(m);
  pe.draw_block(1, 0, 8);
  CHECK_FALSE(pe.evaluate_lanes());
}
