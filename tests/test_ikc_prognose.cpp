// IKC bandbreedte without ikc.teldatum_later (plan 8.1.6; rules/ikc_bandbreedte.cpp): the funded
// count (teldatum 1-2 t-1) is compared with the projection's own count on 1-2-t.
#include <doctest/doctest.h>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {
std::vector<int> overleg_years(const Result& r) {
  std::vector<int> y;
  for (const auto& f : r.findings)
    if (f.kind == Finding::Kind::IkcBandbreedte) y.push_back(f.year);
  return y;
}
}  // namespace

TEST_CASE("IKC bandbreedte: scenario ikc-groei-6 raises its overleg signal from the projection") {
  const Result r = run(load_scenario(testutil::source("scenarios/ikc-groei-6.yaml")));
  // 2024: funded 620 (1-2-2023); projection 1-2-2024 = 620 x 1.06 = 657.2: +6.00% > 3%: overleg.
  // Every year until 2027 grows 6%; 2028 has no count on 1-2-2028 in the horizon: no test.
  CHECK(overleg_years(r) == std::vector<int>{2024, 2025, 2026, 2027});
  REQUIRE(r.verdeling.ikc.size() == 5);
  CHECK(r.verdeling.ikc[0].geprojecteerd);
  CHECK(r.verdeling.ikc[0].later == doctest::Approx(657.2));
  CHECK(r.verdeling.ikc[0].afwijking == doctest::Approx(0.06));
  CHECK_FALSE(r.verdeling.ikc[0].binnen_band);
  // verrekening geen (the plan only says overleg follows): the aanvulling stays 620 x 1,891.146
  CHECK(r.c(Line::ikc_verrekening, 0) == 0);
  CHECK_FALSE(r.verdeling.ikc[4].geprojecteerd);
  bool named = false;
  for (const auto& f : r.findings)
    named = named || f.message.find("657,2 leerlingen op 1-2-2024 volgens de prognose tegen 620,0 bekostigd (+6,00%)") != std::string::npos;
  CHECK(named);
}

TEST_CASE("IKC bandbreedte: the baseline grows 2% and stays inside the band") {
  const Result r = run(testutil::baseline());
  // 620 -> 632.4 (+2%): inside 3%; no signal in any year
  CHECK(overleg_years(r).empty());
  CHECK(r.verdeling.ikc[0].later == doctest::Approx(632.4));
  CHECK(r.verdeling.ikc[0].binnen_band);
  // a given later count still wins over the projection
  const Result g = run(testutil::baseline({{"ikc.teldatum_later.2025=700"}}));
  CHECK_FALSE(g.verdeling.ikc[1].geprojecteerd);
  CHECK(g.verdeling.ikc[1].later == 700.0);
  CHECK(overleg_years(g) == std::vector<int>{2025});  // 700 / 632.4 = +10.7%
}
