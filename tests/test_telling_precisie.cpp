// Issue 12.7: pupil counts. A fractional count on a teldatum is accepted on purpose (an expected
// count from a prognosis; README "Leerlingaantallen") and used unrounded; JSON and CSV print
// counts at 2 decimals, never with float noise such as 609.1542000000001.
#include <doctest/doctest.h>

#include <cmath>

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

TEST_CASE("pupil counts: the ikc and scholen views print counts at 2 decimals and euros per pupil to the cent") {
  // IKC: 620 on 1-2-2023, growth 2%: 632.4; 645.048 -> 645.05; 657.94896 -> 657.95;
  // 671.1079392 -> 671.11
  const auto ikc = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --view ikc --format csv").out;
  CHECK(testutil::line_starting(ikc, "leerlingen.ikc,") == "leerlingen.ikc,620,632.4,645.05,657.95,671.11");
  const auto ij = nlohmann::json::parse(testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --view ikc --format json").out);
  CHECK(ij["lines"]["leerlingen.ikc"].dump() == "[620.0,632.4,645.05,657.95,671.11]");
  // ZK001: 261 pupils, following the SWV's bo count (x 0.993 a year): 259.173; 257.358789 ->
  // 257.36; 255.557277477 -> 255.56; 253.76837653466 -> 253.77. Euros per pupil: the school's
  // budget / its pupils, to the cent (2028: totaal / 253.768376534661).
  const auto sj = nlohmann::json::parse(
      testutil::run_cli("run scenarios/zuid-kennemerland-2024-scholen.yaml --view scholen --format json").out);
  const auto& zk = sj["scholen"][0];
  REQUIRE(zk["id"] == "ZK001");
  std::string counts;
  for (const auto& y : zk["jaren"]) counts += y["leerlingen"].dump() + " ";
  CHECK(counts == "261.0 259.17 257.36 255.56 253.77 ");
  const double totaal = zk["jaren"][4]["totaal"].get<double>();
  CHECK(zk["jaren"][4]["per_leerling"].get<double>() == std::round(totaal / 253.76837653466103 * 100.0) / 100.0);
  for (const auto& y : zk["jaren"]) CHECK(y["per_leerling"].dump().size() <= std::to_string(static_cast<long>(y["totaal"].get<double>())).size() + 3);
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
