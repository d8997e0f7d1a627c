// begroting explain: the audit trail of one figure, on a golden file checked by hand, provenance
// into the baseline file, --set as a source, depth, json, and the errors.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "begroting/engine.hpp"
#include "helpers.hpp"

namespace {
const std::string kBase = "scenarios/zuid-kennemerland-2024.yaml";
const std::string kSo = "lasten.overdrachten.speciaal_onderwijs.ondersteuningsbekostiging_inhouding_duo";

/// 1-based line number of the first line of the baseline that starts (after spaces) with `text`.
int baseline_line_of(const std::string& text) {
  std::istringstream in(testutil::slurp_file(testutil::baseline_path()));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find_first_not_of(' ') != std::string::npos && line.compare(line.find_first_not_of(' '), text.size(), text) == 0) return n;
  return -1;
}
}  // namespace

TEST_CASE("explain golden: the SO line 2024 with every input and its file:line:column") {
  // tests/data/explain-so-2024.txt, checked by hand:
  //   115 x 12,938.34 = 1,487,909.10; 38 x 21,053.23 = 800,022.74; 30 x 31,419.53 = 942,585.90;
  //   sum 3,230,517.74 (plan hfst 12 I.7: 3,230,518). Sources: tests/data/explain-so.yaml line 6
  //   "  so_cat1: {teldatum: {2023: 115}}" has 115 at column 30 (lines 7 and 8 likewise); line 10
  //   "  so_cat1: 12938.34" has the tarief at column 12 (11 and 12 likewise). Plan paragraphs are
  //   the schema's: 8.1.1; DOMAIN 2 for pupils, 8.1.2 tabel for the SO tarieven.
  const auto r = testutil::run_cli("explain " + kSo + " 2024 tests/data/explain-so.yaml");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == testutil::slurp_file(testutil::source("tests/data/explain-so-2024.txt")));
}

TEST_CASE("explain on the baseline names the scenario lines of the SO parameters") {
  const auto r = testutil::run_cli("explain " + kSo + " 2024 " + kBase);
  REQUIRE(r.exit_code == 0);
  for (const char* v : {"= 115 leerlingen", "= 12.938,34 EUR per leerling", "= 38 leerlingen", "= 21.053,23 EUR per leerling",
                        "= 30 leerlingen", "= 31.419,53 EUR per leerling", "= 3.230.517,74 EUR"})
    CHECK_MESSAGE(r.out.find(v) != std::string::npos, v);
  // tarieven: "  so_cat1: 12938.34" -> value at column 12
  for (const char* t : {"so_cat1: 12938.34", "so_cat2: 21053.23", "so_cat3: 31419.53"}) {
    const int n = baseline_line_of(t);
    REQUIRE(n > 0);
    CHECK_MESSAGE(r.out.find("bron: " + kBase + ":" + std::to_string(n) + ":12\n") != std::string::npos, t);
  }
  // pupils: "    teldatum: {2023: 115}" under so_cat1 -> the line after "so_cat1:" in leerlingen
  const int so1 = baseline_line_of("teldatum: {2023: 115}");
  REQUIRE(so1 > 0);
  CHECK(r.out.find("bron: " + kBase + ":" + std::to_string(so1) + ":") != std::string::npos);
}

TEST_CASE("explain: --set is named as the source and --depth limits the recursion") {
  // personeelskosten 2026 = 958,363 x 1.03 x 1.02 = 1,006,856.17 (2025: 987,113.89 with --set 3%)
  const auto r = testutil::run_cli("explain lasten.management_en_organisatie.personeelskosten 2026 " + kBase +
                                   " --set personeel.groei.2025=0.03 --depth 3");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Personeelskosten 2026 = 1.006.856,17 EUR") != std::string::npos);
  CHECK(r.out.find("Personeelskosten 2025 = 987.113,89 EUR") != std::string::npos);
  CHECK(r.out.find("bron: --set personeel.groei.2025=0.03") != std::string::npos);
  CHECK(r.out.find("personeelskosten eerste jaar = 958.363,00 EUR") != std::string::npos);
  const auto shallow = testutil::run_cli("explain lasten.management_en_organisatie.personeelskosten 2026 " + kBase + " --depth 1");
  REQUIRE(shallow.exit_code == 0);
  CHECK(shallow.out.find("Personeelskosten 2025 = 977.530,26 EUR") != std::string::npos);  // 958,363 x 1.02
  CHECK(shallow.out.find("eerste jaar") == std::string::npos);
}

TEST_CASE("explain json: the tree of inputs with sources") {
  const auto r = testutil::run_cli("explain " + kSo + " 2024 tests/data/explain-so.yaml --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["value"].get<double>() == doctest::Approx(3230517.74).epsilon(1e-14));
  const auto& inputs = j["explained"]["inputs"];
  REQUIRE(inputs.size() == 6);
  CHECK(inputs[1]["param"] == "tarieven.so_cat1");
  CHECK(inputs[1]["value"].get<double>() == doctest::Approx(12938.34).epsilon(1e-14));
  CHECK(inputs[1]["source"] == "tests/data/explain-so.yaml:10:12");
  CHECK(inputs[0]["line"] == "leerlingen.so_cat1");
  CHECK(inputs[0]["explained"]["inputs"][0]["source"] == "tests/data/explain-so.yaml:6:30");
}

TEST_CASE("explain: unknown line suggests the right id and a year outside the horizon exits 2") {
  const auto typo = testutil::run_cli("explain resultat 2027 " + kBase);
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("bedoelt u 'resultaat'?") != std::string::npos);
  const auto year = testutil::run_cli("explain resultaat 2030 " + kBase);
  CHECK(year.exit_code == 2);
  CHECK(year.err.find("2030 valt buiten de horizon") != std::string::npos);
  CHECK(year.err.find("2024-2028") != std::string::npos);
  CHECK(testutil::run_cli("explain resultaat 2027").exit_code == 2);
  CHECK(testutil::run_cli("explain resultaat 2027 " + kBase + " --depth 0").exit_code == 2);
}

TEST_CASE("every figure of the baseline is traced down to scenario parameters") {
  // For explain to reach the inputs of any figure: every line has a formula in every year, and
  // every input term is either a schema parameter or a line with its own trace entry.
  using namespace begroting;
  const Scenario s = testutil::baseline();
  Trace trace;
  (void)run(s, &trace);
  int params = 0;
  for (const auto& d : line_table())
    for (int y = s.horizon.first; y <= s.horizon.last; ++y) {
      INFO(d.id << " " << y);
      const auto it = trace.entries.find({static_cast<int>(d.line), y});
      REQUIRE(it != trace.entries.end());
      CHECK(!it->second.formula.empty());
      for (const auto& t : it->second.terms) {
        INFO("term " << t.name);
        if (t.line >= 0) {
          CHECK(trace.entries.count({t.line, t.line_year}) == 1);
        } else {
          REQUIRE(!t.param.empty());
          CHECK(find_spec(t.param) != nullptr);
          ++params;
        }
      }
    }
  CHECK(params > 0);
}
