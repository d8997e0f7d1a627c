// The golden test of issue 2: the baseline scenario reproduces every printed 2024-2028 figure
// of the plan's meerjarenbegroting (tests/golden/, a copy of shared/reference) within EUR 2, through the CLI's JSON.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

namespace {
// Flatten the reference into dotted ids -> amounts (null for blanks).
void flatten(const YAML::Node& n, const std::string& prefix, std::map<std::string, std::vector<YAML::Node>>& out) {
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string key = it->first.as<std::string>();
    const std::string id = prefix.empty() ? key : prefix + "." + key;
    if (it->second.IsMap()) flatten(it->second, id, out);
    else if (it->second.IsSequence()) {
      // Copy the node first: `it->second` lives in a temporary proxy, and a range-for over it
      // reads freed stack (ASan: stack-use-after-scope).
      const YAML::Node seq = it->second;
      std::vector<YAML::Node> v;
      for (const auto& e : seq) v.push_back(e);
      out[id] = v;
    }
  }
}
}  // namespace

TEST_CASE("baseline reproduces every printed 2024-2028 figure of the reference within EUR 2") {
  REQUIRE_MESSAGE(std::filesystem::exists(BEGROTING_REFERENCE), "reference file missing: " BEGROTING_REFERENCE);
  const YAML::Node ref = YAML::LoadFile(BEGROTING_REFERENCE);
  std::map<std::string, std::vector<YAML::Node>> printed;
  for (const char* top : {"baten", "lasten"}) flatten(ref[top], top, printed);
  for (const char* id : {"resultaat", "eigen_vermogen_31_december", "waarvan_weerstandsvermogen",
                         "waarvan_bestemmingsreserve_ondersteuningsbedrag", "signaleringswaarde_inspectie"}) {
    std::vector<YAML::Node> v;
    for (const auto& e : ref[id]) v.push_back(e);
    printed[id] = v;
  }
  // baten 11 rows, lasten 43 (regulier 6, sbo 4, so 3, overdrachten 1, M&O 15, UO 13, totaal 1), 5 below
  REQUIRE(printed.size() == 59);

  const auto cli = testutil::run_cli("run scenarios/zuid-kennemerland-2024.yaml --format json");
  REQUIRE(cli.exit_code == 0);
  const auto j = nlohmann::json::parse(cli.out);
  REQUIRE(j["years"] == nlohmann::json({2024, 2025, 2026, 2027, 2028}));
  const auto ref_years = ref["years"].as<std::vector<int>>();
  int checked = 0;
  for (const auto& [id, values] : printed) {
    INFO("line " << id);
    REQUIRE_MESSAGE(j["lines"].contains(id), "JSON lacks line " << id);
    for (size_t k = 0; k < ref_years.size(); ++k) {
      const int year = ref_years[k];
      if (year < 2024 || values[k].IsNull()) continue;
      const double want = values[k].as<double>();
      const double got = j["lines"][id][static_cast<size_t>(year - 2024)].get<double>();
      INFO("year " << year << ": plan " << want << ", begroting " << got);
      CHECK(std::fabs(got - want) <= 2.0);
      ++checked;
    }
  }
  CHECK(checked == static_cast<int>(printed.size()) * 5);
}
