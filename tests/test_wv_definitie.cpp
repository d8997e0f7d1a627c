// Issue 12.7: every format says next to the weerstandsvermogen % which definition it uses, the
// one rules/kengetallen.cpp computes: (eigen vermogen - materiele vaste activa) / rijksbijdrage
// OCW (plan 11.3), the rijksbijdrage OCW being the total of hfst 12 I.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;

TEST_CASE("weerstandsvermogen pct: the definition stands next to the figure in every format") {
  const std::string base = "run scenarios/zuid-kennemerland-2024.yaml";
  const std::string def = "(eigen vermogen 31-12 - materiële vaste activa) / rijksbijdrage OCW (plan 11.3)";
  const auto table = testutil::run_cli(base).out;
  CHECK(table.find("Weerstandsvermogen %") < table.find(def));
  const auto j = nlohmann::json::parse(testutil::run_cli(base + " --format json").out);
  CHECK(j["definities"]["kengetallen.weerstandsvermogen_pct"].get<std::string>().find(def) != std::string::npos);
  CHECK(testutil::run_cli(base + " --format csv").out.find("definitie.kengetallen.weerstandsvermogen_pct,") != std::string::npos);
  const auto md = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format md --date 2026-11-30").out;
  CHECK(md.find("Weerstandsvermogen % (eigen vermogen - mva) / rijksbijdrage OCW, plan 11.3") != std::string::npos);
  const auto html = testutil::run_cli("report scenarios/zuid-kennemerland-2024.yaml --format html --date 2026-11-30").out;
  CHECK(html.find(def) != std::string::npos);
}

TEST_CASE("weerstandsvermogen pct: compare gives the definition in table csv and json") {
  const std::string cmp = "compare scenarios/zuid-kennemerland-2024.yaml scenarios/so-groei-6.yaml --line kengetallen.weerstandsvermogen_pct";
  const std::string def = "(eigen vermogen 31-12 - materiële vaste activa) / rijksbijdrage OCW (plan 11.3)";
  const auto table = testutil::run_cli(cmp).out;
  REQUIRE(table.find("Weerstandsvermogen %") != std::string::npos);
  // The table wraps at 99 columns: the definition's first words stand on one line.
  CHECK(table.find("Weerstandsvermogen % = (eigen vermogen 31-12 - materiële vaste activa) / rijksbijdrage OCW") != std::string::npos);
  const auto j = nlohmann::json::parse(testutil::run_cli(cmp + " --format json").out);
  CHECK(j["definities"]["kengetallen.weerstandsvermogen_pct"].get<std::string>().find(def) != std::string::npos);
  const auto csv = testutil::run_cli(cmp + " --format csv").out;
  CHECK(csv.find("\ndefinitie.kengetallen.weerstandsvermogen_pct,,definitie,") != std::string::npos);
  CHECK(csv.find(def) != std::string::npos);
  const auto dutch = testutil::run_cli(cmp + " --format csv --dutch").out;
  CHECK(dutch.find("\ndefinitie.kengetallen.weerstandsvermogen_pct;Definitie weerstandsvermogen %;;definitie;") != std::string::npos);
}
