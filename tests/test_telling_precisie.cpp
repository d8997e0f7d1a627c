// Issue 12.7: pupil counts. A fractional count on a teldatum is accepted on purpose (an expected
// count from a prognosis; README "Leerlingaantallen") and used unrounded; JSON and CSV print
// counts at 2 decimals, never with float noise such as 609.1542000000001.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"
#include "report_helpers.hpp"

using namespace begroting;
using testutil::cents;

TEST_CASE("pupil counts: a fractional teldatum is used unrounded") {
  // half a pupil more in SO cat. I on 1-2-2023: inhouding SO 2024 + 0.5 x 12,938.34 = 6,469.17
  const Result a = run(testutil::baseline());
  const Result b = run(testutil::baseline({{"leerlingen.so_cat1.teldatum.2023=115.5"}}));
  CHECK(cents(b, Line::so_inhouding, 2024) - cents(a, Line::so_inhouding, 2024) == 646917);
  CHECK(b.r(Line::leerlingen_so_cat1, 0) == 115.5);
}

TEST_CASE("pupil counts: json and csv print projected counts at 2 decimals") {
  // SO cat. I: 115 on 1-2-2023, growth 4%: 119.6; 124.384 -> 124.38; 129.35936 -> 129.36;
  // 134.5337344 -> 134.53 (teldatum 1-2 t-1 for begrotingsjaar t)
  const auto out = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --format json").out;
  const auto j = nlohmann::json::parse(out);
  const auto& so1 = j["lines"]["leerlingen.so_cat1"];
  CHECK(so1.dump() == "[115.0,119.6,124.38,129.36,134.53]");
  // no float noise in any count line
  for (const auto& [id, v] : j["lines"].items())
    if (id.rfind("leerlingen.", 0) == 0 || id.find("plaatsingen") != std::string::npos) {
      INFO(id << " " << v.dump());
      CHECK(v.dump().find("0000000") == std::string::npos);
      CHECK(v.dump().find("9999999") == std::string::npos);
    }
  const auto csv = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --format csv").out;
  const auto row = testutil::line_starting(csv, "leerlingen.so_cat1,");
  REQUIRE(!row.empty());
  CHECK(row.find(",115,119.6,124.38,129.36,134.53") != std::string::npos);
}
