// The begrotingsmodel as data (issue 11): the model file of Zuid-Kennemerland is the built-in
// structure, a scenario adds, relabels, moves and drops lines in YAML, driver formulas are
// parsed, evaluated and rendered, and the evaluation graph knows its order and dependencies.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "begroting/graph.hpp"
#include "begroting/model.hpp"
#include "begroting/reports.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {
Scenario from_text(const std::string& text) {
  // resolved relative to scenarios/ (extends: zuid-kennemerland-2024.yaml)
  return load_scenario_text(text, testutil::source("scenarios/test-model.yaml"));
}
Cents at(const Result& r, const std::string& id, int year) {
  const int l = r.m().find(id);
  REQUIRE(l >= 0);
  return r.c(static_cast<Line>(l), r.horizon.index(year));
}
}  // namespace

TEST_CASE("model: the Zuid-Kennemerland model file is the built-in structure") {
  const Scenario s = testutil::baseline();
  REQUIRE(s.model);
  const Model& file = *s.model;
  const Model& built = *Model::builtin();
  REQUIRE(file.size() == built.size());
  for (int l = 0; l < built.size(); ++l) {
    INFO("line ", built.line(l).id);
    CHECK(file.line(l).id == built.line(l).id);
    CHECK(file.line(l).label == built.line(l).label);
    CHECK(file.line(l).reference == built.line(l).reference);
    CHECK(file.line(l).summed == built.line(l).summed);
  }
  const auto a = file.layout(), b = built.layout();
  REQUIRE(a.size() == b.size());
  for (size_t k = 0; k < a.size(); ++k) {
    INFO("row ", k);
    CHECK(static_cast<int>(a[k].kind) == static_cast<int>(b[k].kind));
    CHECK(a[k].text == b[k].text);
    CHECK(a[k].line == b[k].line);
    CHECK(a[k].indent == b[k].indent);
    CHECK(a[k].emphasis == b[k].emphasis);
  }
  CHECK(file.sum_edges() == built.sum_edges());
  // the old parent table of chapter 12 (lines.cpp) gives the same sums
  for (const auto& d : line_table()) {
    if (!d.parent) continue;
    const auto e = built.sum_edges();
    CHECK(std::find(e.begin(), e.end(), std::pair{static_cast<int>(d.line), static_cast<int>(*d.parent)}) != e.end());
  }
}

TEST_CASE("model: nieuwe-regel adds Project taalklas and lowers eigen vermogen 2028 by exactly 300000") {
  const Result base = run(testutil::baseline());
  const Scenario s = load_scenario(testutil::source("scenarios/nieuwe-regel.yaml"));
  const Result r = run(s);
  const std::string id = "lasten.uitvoeringsorganisatie.project_taalklas";
  // 0, 0, then EUR 100,000 a year (the scenario's own figures)
  CHECK(at(r, id, 2024) == 0);
  CHECK(at(r, id, 2026) == 10'000'000);
  CHECK(at(r, id, 2028) == 10'000'000);
  // uitvoeringsorganisatie and lasten up by 100,000 in 2026-2028, by 0 before
  CHECK(testutil::cents(r, Line::uo_totaal, 2025) == testutil::cents(base, Line::uo_totaal, 2025));
  CHECK(testutil::cents(r, Line::uo_totaal, 2027) - testutil::cents(base, Line::uo_totaal, 2027) == 10'000'000);
  CHECK(testutil::cents(r, Line::lasten_totaal, 2028) - testutil::cents(base, Line::lasten_totaal, 2028) == 10'000'000);
  // three years of 100,000 less resultaat: eigen vermogen 31-12-2028 lower by 300,000.00
  CHECK(testutil::cents(base, Line::eigen_vermogen, 2028) - testutil::cents(r, Line::eigen_vermogen, 2028) == 30'000'000);
  CHECK(testutil::cents(base, Line::eigen_vermogen, 2025) == testutil::cents(r, Line::eigen_vermogen, 2025));
  // placed directly after Projecten, before the total
  const auto rows = r.m().layout();
  const auto pos = [&](int line) {
    return std::find_if(rows.begin(), rows.end(), [&](const ModelRow& x) { return x.kind == ModelRow::Kind::Line && x.line == line; }) -
           rows.begin();
  };
  CHECK(pos(r.m().find(id)) == pos(static_cast<int>(Line::projecten)) + 1);
}

TEST_CASE("model: the new line's label shows in every format") {
  const std::string dir = testutil::temp_dir();
  const std::string sc = testutil::source("scenarios/nieuwe-regel.yaml");
  for (const std::string f : {"table", "json", "csv"}) {
    const auto c = testutil::run_cli("run " + sc + " --format " + f);
    REQUIRE(c.exit_code == 0);
    // csv carries ids (as for every line), the others the label
    CHECK(c.out.find(f == "csv" ? "lasten.uitvoeringsorganisatie.project_taalklas" : "Project taalklas") != std::string::npos);
  }
  for (const std::string f : {"md", "html"}) {
    const auto c = testutil::run_cli("report " + sc + " --format " + f + " --date 2026-11-30");
    REQUIRE(c.exit_code == 0);
    CHECK(c.out.find("Project taalklas") != std::string::npos);
  }
  const auto x = testutil::run_cli("report " + sc + " --format xlsx --date 2026-11-30 --output " + dir + "/r.xlsx");
  REQUIRE(x.exit_code == 0);
  const auto u = testutil::run_cli("explain lasten.uitvoeringsorganisatie.project_taalklas 2027 " + sc);
  REQUIRE(u.exit_code == 0);
  CHECK(u.out.find("Project taalklas 2027 = 100.000,00") != std::string::npos);
  const auto cmp = testutil::run_cli("compare " + testutil::baseline_path() + " " + sc);
  REQUIRE(cmp.exit_code == 0);
  CHECK(cmp.out.find("Project taalklas") != std::string::npos);
}

TEST_CASE("model: relabel move and drop a line in a child scenario") {
  const Result base = run(testutil::baseline());
  const Result r = run(from_text(R"(extends: zuid-kennemerland-2024.yaml
regels:
  wijzig:
    - id: lasten.uitvoeringsorganisatie.projecten
      naam: Projecten en pilots
    - id: lasten.uitvoeringsorganisatie.expertisepool
      onder: lasten.management_en_organisatie
  vervalt:
    - lasten.uitvoeringsorganisatie.vormgeving_drukwerk
)"));
  CHECK(r.m().line(Line::projecten).label == "Projecten en pilots");
  const Cents pool = testutil::cents(base, Line::expertisepool, 2026);
  const Cents druk = testutil::cents(base, Line::drukwerk, 2026);
  REQUIRE(pool > 0);
  REQUIRE(druk > 0);
  // the expertisepool moved from uitvoeringsorganisatie to M&O; drukwerk dropped from the totals
  CHECK(testutil::cents(r, Line::mo_totaal, 2026) == testutil::cents(base, Line::mo_totaal, 2026) + pool);
  CHECK(testutil::cents(r, Line::uo_totaal, 2026) == testutil::cents(base, Line::uo_totaal, 2026) - pool - druk);
  CHECK(testutil::cents(r, Line::resultaat, 2026) == testutil::cents(base, Line::resultaat, 2026) + druk);
  for (const auto& row : r.m().layout()) CHECK(row.line != static_cast<int>(Line::drukwerk));
}

TEST_CASE("model: a new section and a formula line with its own parameters") {
  const Result base = run(testutil::baseline());
  const Scenario s = from_text(R"(extends: zuid-kennemerland-2024.yaml
regels:
  parameters:
    - {pad: taal.uren, eenheid: uren, waarde: [0, 0, 400, 420, 440], bron: aanname}
    - {pad: taal.uurtarief, eenheid: EUR per uur, per_jaar: nee, waarde: 92.5, bron: aanname}
  secties:
    - sectie: lasten.taal
      titel: IV Taal
      onder: lasten
      totaal: {id: lasten.taal.totaal, naam: Totaal taal}
  nieuw:
    - id: lasten.taal.begeleiding
      naam: Taalbegeleiding
      onder: lasten.taal
      formule: taal.uren * taal.uurtarief
    - id: lasten.taal.per_leerling
      naam: Taal per bo-leerling
      onder: lasten.taal
      eenheid: EUR per leerling
      optellen: nee
      formule: lasten.taal.begeleiding / leerlingen.bo
)");
  const Result r = run(s);
  // 420 h x EUR 92.50 = EUR 38,850.00 in 2027 (by hand)
  CHECK(at(r, "lasten.taal.begeleiding", 2027) == 3'885'000);
  CHECK(at(r, "lasten.taal.totaal", 2027) == 3'885'000);
  CHECK(testutil::cents(r, Line::lasten_totaal, 2027) - testutil::cents(base, Line::lasten_totaal, 2027) == 3'885'000);
  // per pupil: 38,850 / bo pupils (21747 x 0.993^3 on teldatum 1-2-2026), rounded once to the cent
  const double bo = 21747.0 * 0.993 * 0.993 * 0.993;
  CHECK(at(r, "lasten.taal.per_leerling", 2027) == static_cast<Cents>(std::llround(38850.0 / bo * 100.0)));
  // the per-pupil line is shown, not summed
  CHECK(at(r, "lasten.taal.totaal", 2028) == 440 * 9250);
  // explain prints the formula and its inputs
  Trace t;
  const Result rt = run(s, &t);
  const auto& e = t.at(static_cast<Line>(rt.m().find("lasten.taal.begeleiding")), 2027);
  CHECK(e.formula.find("taal.uren * taal.uurtarief") != std::string::npos);
  REQUIRE(e.terms.size() == 2);
  CHECK(e.terms[0].value == 420.0);
  CHECK(e.terms[1].value == 92.5);
}

TEST_CASE("model: vorig and groei in a formula line") {
  const Result r = run(from_text(R"Y(extends: zuid-kennemerland-2024.yaml
regels:
  parameters:
    - {pad: pilot.start, eenheid: EUR, per_jaar: nee, waarde: 10000}
    - {pad: pilot.groei, eenheid: fractie, waarde: 0.1}
  nieuw:
    - {id: lasten.uitvoeringsorganisatie.pilot, naam: Pilot, onder: lasten.uitvoeringsorganisatie, formule: "groei(pilot.start, pilot.groei)"}
    - {id: lasten.uitvoeringsorganisatie.pilot_extra, naam: Pilot extra, onder: lasten.uitvoeringsorganisatie,
       formule: "max(0, lasten.uitvoeringsorganisatie.pilot - vorig(lasten.uitvoeringsorganisatie.pilot))"}
)Y"));
  // 10,000; 11,000; 12,100; 13,310; 14,641 (x 1.1 a year, each year from the previous cents)
  CHECK(at(r, "lasten.uitvoeringsorganisatie.pilot", 2024) == 1'000'000);
  CHECK(at(r, "lasten.uitvoeringsorganisatie.pilot", 2026) == 1'210'000);
  CHECK(at(r, "lasten.uitvoeringsorganisatie.pilot", 2028) == 1'464'100);
  // first year: vorig() = 0, so 10,000; then the growth: 1,000, 1,100, ...
  CHECK(at(r, "lasten.uitvoeringsorganisatie.pilot_extra", 2024) == 1'000'000);
  CHECK(at(r, "lasten.uitvoeringsorganisatie.pilot_extra", 2025) == 100'000);
  CHECK(at(r, "lasten.uitvoeringsorganisatie.pilot_extra", 2027) == 121'000);
}

TEST_CASE("formula: parse and render for explain and Excel") {
  const Formula f = parse_formula("min(a.b * 2, c) + -(d - e) / f");
  CHECK(render_formula(f, {}) == "min(a.b * 2, c) + -(d - e) / f");
  FormulaStyle x;
  x.excel = true;
  x.name = [](const std::string& n, bool) { return n == "a.b" ? std::string("B7") : "C" + std::to_string(n.size()); };
  CHECK(render_formula(f, x) == "MIN(B7 * 2, C1) + -(C1 - C1) / C1");
  CHECK(f.names() == std::vector<std::string>{"a.b", "c", "d", "e", "f"});
  CHECK_THROWS_AS(parse_formula("a +"), FormulaError);
  CHECK_THROWS_AS(parse_formula("a * (b"), FormulaError);
  CHECK_THROWS_AS(parse_formula("wortel(a)"), FormulaError);
  CHECK_THROWS_AS(parse_formula("1,5 * a"), FormulaError);
  try {
    parse_formula("uren * * tarief");
    FAIL("no error");
  } catch (const FormulaError& e) {
    CHECK(e.offset == 7);  // the second '*'
  }
  CHECK(parse_dim("EUR per uur") == dim_div(parse_dim("EUR"), parse_dim("uren")));
  CHECK(dim_mul(parse_dim("uren"), parse_dim("EUR per uur")) == parse_dim("EUR"));
}

TEST_CASE("graph: fixed order and the parameters each node depends on") {
  const Inputs in = compile(testutil::baseline());
  const Graph& g = *in.graph;
  auto index = [&](const std::string& name) {
    for (size_t k = 0; k < g.nodes.size(); ++k)
      if (g.nodes[k].name == name) return static_cast<int>(k);
    return -1;
  };
  // amounts before scholen (which may overwrite its TOP lines); volumebekostiging before bandbreedte
  CHECK(index("amounts") < index("scholen"));
  CHECK(index("ikc_volumebekostiging") < index("ikc_bandbreedte"));
  CHECK(index("lasten.totaal") < index("reserves"));
  CHECK(index("lasten.overdrachten.totaal") < index("lasten.totaal"));
  const int ikc = index("ikc_bandbreedte");
  REQUIRE(ikc >= 0);
  CHECK(std::find(g.nodes[static_cast<size_t>(ikc)].overwrites.begin(), g.nodes[static_cast<size_t>(ikc)].overwrites.end(),
                  static_cast<int>(Line::ikc_aanvulling)) != g.nodes[static_cast<size_t>(ikc)].overwrites.end());
  // personeelskosten depend on personeel.*, not on tarieven; totaal lasten on both
  const int pers = g.node_of(static_cast<int>(Line::personeelskosten));
  CHECK(g.depends_on(pers, "personeel.groei"));
  CHECK_FALSE(g.depends_on(pers, "tarieven.sbo"));
  const int lasten = g.node_of(static_cast<int>(Line::lasten_totaal));
  CHECK(g.depends_on(lasten, "personeel.groei"));
  CHECK(g.depends_on(lasten, "tarieven.sbo"));
  CHECK_FALSE(g.depends_on(lasten, "tarieven.lichte_ondersteuning"));  // a baten line
  const auto down = g.downstream_of("tarieven.lichte_ondersteuning");
  CHECK(std::find(down.begin(), down.end(), index("rijksbijdrage")) != down.end());
  CHECK(std::find(down.begin(), down.end(), index("reserves")) != down.end());
  CHECK(std::find(down.begin(), down.end(), pers) == down.end());
}
