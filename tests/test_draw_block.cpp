// Paths drawn eight at a time (PathEvaluator::draw_block, issue 15 item 3): each path of a block
// must get exactly the numbers draw() gives it alone, the same SplitMix64 stream and the same
// inverse CDF bit for bit, so that every line of the evaluated budget is the same to the cent
// and every applied value the same double. On a processor with AVX-512 this compares the vector
// lanes with the scalar code; elsewhere draw_block is the scalar code per lane.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "begroting/risk.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

/// Paths first .. first + count - 1: drawn as a block and one by one; returns the cells compared.
long compare_block(const RiskModel& m, std::uint64_t seed, std::uint64_t first, std::size_t count) {
  PathEvaluator block(m), single(m);
  block.draw_block(seed, first, count);
  long cells = 0;
  for (std::size_t i = 0; i < count; ++i) {
    single.draw(seed, first + i);
    block.use(i);
    const Result& a = block.evaluate();
    const Result& b = single.evaluate();
    REQUIRE(a.cents.size() == b.cents.size());
    REQUIRE(a.real.size() == b.real.size());
    CAPTURE(first + i);
    for (std::size_t c = 0; c < a.cents.size(); ++c, ++cells) REQUIRE(a.cents[c] == b.cents[c]);
    for (std::size_t c = 0; c < a.real.size(); ++c, ++cells) REQUIRE((same_bits(a.real[c], b.real[c]) || (std::isnan(a.real[c]) && std::isnan(b.real[c]))));
    for (std::size_t k = 0; k < m.size(); ++k) {
      const auto [alo, ahi] = block.applied(k);
      const auto [blo, bhi] = single.applied(k);
      CAPTURE(m.uncertainty(k).name);
      CHECK((same_bits(alo, blo) || (std::isnan(alo) && std::isnan(blo))));
      CHECK((same_bits(ahi, bhi) || (std::isnan(ahi) && std::isnan(bhi))));
    }
  }
  return cells;
}

}  // namespace

TEST_CASE("draw_block gives every path the numbers draw gives it alone") {
  // The plan's risk inventory: normal and triangular per year, a triangular factor drawn once,
  // a uniform factor, a fixed event that lasts (korting OCW), triangular events per year.
  const RiskModel m(load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-risico.yaml")));
  const std::string which = PathEvaluator::vector_lanes() ? "draw_block: AVX-512-banen en scalaire code vergeleken met draw()"
                                                         : "draw_block: geen AVX-512 op deze processor, alleen de scalaire code vergeleken";
  MESSAGE(which);
  long cells = 0;
  for (bool vector : {true, false}) {  // the vector lanes (where the processor has them) and the scalar code
    PathEvaluator::vector_draws(vector);
    for (std::uint64_t seed : {1ULL, 2024ULL, 0xFFFFFFFFFFFFFFFFULL})
      for (std::uint64_t first : {0ULL, 5ULL, 1000003ULL, 0xFFFFFFFFFFFFFFF0ULL, 0xFFFFFFFFFFFFFFFDULL})  // the last wraps past 2^64
        cells += compare_block(m, seed, first, 8);
  }
  PathEvaluator::vector_draws(true);
  CHECK(cells > 0);
}

TEST_CASE("draw_block with fewer than eight paths and with normal tails drawn once") {
  // A normal drawn once with a wide spread: P(|p - 0.5| > 0.425) = 15% per path, so among 8 x 40
  // paths many lanes take the tail (log) branch while their neighbours do not.
  const Scenario s = load_scenario_text(
      "extends: zuid-kennemerland-2024-risico.yaml\nnaam: test\nonzekerheden:\n"
      "  personeel_eenmalig:\n    parameter: personeel.groei\n    verdeling: normaal\n    gemiddelde: 0.02\n    sd: 0.01\n"
      "    trekking: eenmalig\n    bron: test\n",
      testutil::source("scenarios/test-draw-block.yaml"));
  const RiskModel m(s);
  long cells = 0;
  for (bool vector : {true, false}) {
    PathEvaluator::vector_draws(vector);
    for (std::uint64_t b = 0; b < 40; ++b) cells += compare_block(m, 77, 8 * b, 8);
    for (std::size_t count = 1; count < 8; ++count) cells += compare_block(m, 3, 100 * count, count);
  }
  PathEvaluator::vector_draws(true);
  CHECK(cells > 0);
  PathEvaluator pe(m);
  CHECK_THROWS(pe.draw_block(1, 0, 0));
  CHECK_THROWS(pe.draw_block(1, 0, 9));
  CHECK_THROWS(pe.use(8));
  pe.draw_block(1, 0, 3);
  CHECK_NOTHROW(pe.use(2));
  CHECK_THROWS(pe.use(3));  // a lane the last draw did not fill
  pe.draw(1, 0);
  CHECK_NOTHROW(pe.use(0));
  CHECK_THROWS(pe.use(1));
}

TEST_CASE("the inverse normal in vector lanes equals normal_quantile bit for bit, in the centre and both tails") {
  // Central region |p - 0.5| <= 0.425, the near tails (r = sqrt(-log(min(p, 1 - p))) <= 5) and
  // the far tails (r > 5: p below about 1.4e-11), mixed in one block and block by block; the
  // boundaries 0.075 and 0.925, the smallest double a uniform() gives and 1.0, which it gives
  // when the top 53 bits are all ones ((2^53 - 1 + 0.5) x 2^-53 rounds to 1).
  const std::vector<double> ps = {0.5,    0.075,  0.925,  0.0749999999999,
                                  0.9250000000001, 0.02, 0.98, 1e-3,
                                  1 - 1e-3, 1e-10, 1 - 1e-10, 1.3e-11,
                                  1.5e-11, 1e-12, 1e-16, 0x1.0p-54,
                                  1 - 0x1.0p-53, 0.3, 0.6, 1e-300,
                                  2.5e-12, 0.999999999999, 0.4, 0.0001,
                                  1.0,    0.5,    0.7,    0.2,  // uniform() can give 1.0 itself: +inf
                                  0.1,    0.9,    0.95,   0.05};
  for (std::size_t at = 0; at + PathEvaluator::kBlock <= ps.size(); ++at) {
    double z[PathEvaluator::kBlock];
    PathEvaluator::normal_quantile_lanes(ps.data() + at, z);
    for (std::size_t l = 0; l < PathEvaluator::kBlock; ++l) {
      const double p = ps[at + l];
      CAPTURE(p);
      const double expected = normal_quantile(p);
      CHECK(std::memcmp(&z[l], &expected, sizeof(double)) == 0);
    }
  }
  // the far tail is reached: z(1e-12) is about -7.03 (r > 5)
  CHECK(normal_quantile(1e-12) < -7.0);
  CHECK(std::sqrt(-std::log(1e-12)) > 5.0);
  CHECK(std::isinf(normal_quantile(1.0)));
}
