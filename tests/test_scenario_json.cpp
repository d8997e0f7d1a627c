// The scenario JSON shared by the CLI and the WebAssembly page (web/json/scenario_json.hpp):
// a round trip loses nothing the engine reads, and apply_changes means what --set means.
#include <doctest/doctest.h>

#include <filesystem>

#include "begroting/engine.hpp"
#include "helpers.hpp"
#include "scenario_json.hpp"

using namespace begroting;

namespace {
void check_same_cents(const Result& a, const Result& b, const std::string& what) {
  REQUIRE(a.n() == b.n());
  int compared = 0;
  for (const auto& d : line_table()) {
    for (int i = 0; i < a.n(); ++i) {
      if (is_money(d.line)) {
        INFO(what, " ", d.id, " ", a.horizon.first + i);
        CHECK(a.c(d.line, i) == b.c(d.line, i));
        ++compared;
      }
    }
  }
  CHECK(compared > 100);
  // every line of the model, also the lines a model file or scenario declares
  CHECK(a.m().size() == b.m().size());
  CHECK(a.cents == b.cents);
  CHECK(a.findings.size() == b.findings.size());
}
}  // namespace

TEST_CASE("scenario json round trip gives the same figures for every scenario") {
  namespace fs = std::filesystem;
  int seen = 0;
  int own_lines = 0;
  for (const auto& e : fs::recursive_directory_iterator(testutil::source("scenarios"))) {
    // model files and national tarieven are not scenarios on their own
    const std::string name = e.path().filename().string();
    const std::string dir = e.path().parent_path().filename().string();
    if (e.path().extension() != ".yaml" || dir == "modellen" || dir == "gegevens" || name == "model.yaml" ||
        name == "landelijk-2024.yaml")
      continue;
    const Scenario s = load_scenario(e.path().string());
    ++seen;
    // nieuwe-regel, ondersteuning-so-sbo and the voorbeeld-swv files declare lines of their own
    if (s.model && s.model->size() > kLineCount) ++own_lines;
    const nlohmann::json j = scenario_to_json(s);
    // Through text, as the page holds it.
    const Scenario back = scenario_from_json(nlohmann::json::parse(j.dump()));
    CHECK(scenario_to_json(back) == j);
    CHECK(back.params.size() == s.params.size());
    CHECK(back.onzekerheden.size() == s.onzekerheden.size());
    CHECK(back.verdeling.scholen.has_value() == s.verdeling.scholen.has_value());
    check_same_cents(run(s), run(back), e.path().filename().string());
  }
  CHECK(seen >= 14);
  CHECK(own_lines >= 5);
}

TEST_CASE("apply_changes gives what --set gives") {
  const Scenario base = testutil::baseline();
  Scenario changed = base;
  nlohmann::json years = nlohmann::json::object();
  for (const auto& [y, v] : base.params.at("leerlingen.so_cat1.groei").by_year) years[std::to_string(y)] = 0.06;
  apply_changes(changed, {{"leerlingen.so_cat1.groei", years},
                          {"regulier_onderwijs.ondersteuningsbedrag_per_leerling", {{"2027", 452.37}}}});
  const Scenario set = testutil::baseline({{"leerlingen.so_cat1.groei=0.06"},
                                           {"regulier_onderwijs.ondersteuningsbedrag_per_leerling.2027=452.37"}});
  check_same_cents(run(changed), run(set), "wijzigingen tegen --set");
  CHECK(changed.provenance("regulier_onderwijs.ondersteuningsbedrag_per_leerling", 2027).describe() ==
        "--set regulier_onderwijs.ondersteuningsbedrag_per_leerling.2027=452.37");
}

TEST_CASE("apply_changes moves the ondersteuningsbedrag by bedrag times pupils") {
  // Definition (8.1.2): ondersteuningsbedrag bruto = bo-leerlingen x bedrag per leerling, rounded
  // once to the cent. Ten euro more per pupil in 2027 therefore lowers the eigen vermogen 31-12-2027
  // by 10 x bo-leerlingen 2027 (within the one-cent rounding of each product) and leaves 2026 alone.
  const Scenario base = testutil::baseline();
  Scenario changed = base;
  const double bedrag = base.value("regulier_onderwijs.ondersteuningsbedrag_per_leerling", 2027);
  apply_changes(changed, {{"regulier_onderwijs.ondersteuningsbedrag_per_leerling", {{"2027", bedrag + 10}}}});
  const Result a = run(base), b = run(changed);
  const double pupils = a.value(Line::leerlingen_bo, 2027);
  const auto expected = static_cast<Cents>(std::llround(pupils * 1000.0));  // 10 euro = 1000 cents per pupil
  CHECK(std::llabs(testutil::cents(a, Line::eigen_vermogen, 2027) - testutil::cents(b, Line::eigen_vermogen, 2027) - expected) <= 1);
  CHECK(testutil::cents(a, Line::eigen_vermogen, 2026) == testutil::cents(b, Line::eigen_vermogen, 2026));
}

TEST_CASE("apply_changes refuses what the loader refuses") {
  Scenario s = testutil::baseline();
  auto refused = [&](const nlohmann::json& c, const std::string& part) {
    try {
      apply_changes(s, c);
      FAIL("geaccepteerd: ", c.dump());
    } catch (const std::invalid_argument& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).find(part) != std::string::npos);
    }
  };
  refused({{"leerlingen.so_cat1.groie", {{"2025", 0.06}}}}, "onbekende parameter");
  refused({{"leerlingen.so_cat1.groei", {{"2025", -1.0}}}}, "buiten het bereik");
  refused({{"leerlingen.so_cat1.groei", {{"2031", 0.06}}}}, "jaar buiten");
  refused({{"tarieven.sbo", {{"2026", 6700.123}}}}, "hooguit twee decimalen");
  refused({{"stromen.instroom_4_jarigen", {{"2025", 10}}}}, "geen sectie stromen");
}
