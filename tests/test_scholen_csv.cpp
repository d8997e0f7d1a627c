// The schools file as CSV tables (issue 3: "a schools file (CSV or YAML)"): the synthetic
// Zuid-Kennemerland data as CSV gives exactly the YAML results; the CSV reader (separator
// detection, RFC 4180 quotes, BOM, CRLF, empty cells) and its errors at FILE:LINE:COLUMN.
// The small two-school data set is the one of test_scholen.cpp (kScholen) with its
// hand-derived amounts; the column numbers are counted by hand (1-based, in characters).
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {

// test_scholen.cpp's kScholen as three tables
const char* kTabel =
    "id;naam;bestuur;leerlingen 2023;sbo_ikc 2024;so_cat3 2024;dws 2024;tlv_op_bao 2024;so_cat1 2025;so_cat1 2026\n"
    "S1;School een;Bestuur X;200;1;1;1;1;;\n"
    "S2;School twee;Bestuur Y;100;;;;;1;1\n";
const char* kStromen =
    "school;soort;inschrijving;vertrek\n"
    "S1;instroom;2024-03-15;\n"
    "S1;terugplaatsing;2024-03-15;2024-06-15\n";
const char* kBaoBao =
    "van;naar;overstap;verwijzing\n"
    "S1;S2;2023-06-01;2025-05-31\n"
    "S1;S2;2024-06-01;2026-06-01\n";

struct Files {
  std::string dir, scenario;
};
/// A scenario on the baseline with `scholen: <scholen>` and the given CSV files in one directory.
Files write(const std::vector<std::pair<std::string, std::string>>& csv,
            const std::string& scholen = "{bestand: scholen.csv, stromen: stromen.csv, bao_bao: bao-bao.csv}") {
  Files f{testutil::temp_dir(), ""};
  for (const auto& [name, text] : csv) std::ofstream(f.dir + "/" + name, std::ios::binary) << text;
  f.scenario = f.dir + "/scenario.yaml";
  std::ofstream(f.scenario) << "extends: " << testutil::baseline_path() << "\n"
                            << "scholen: " << scholen << "\n"
                            << "leerlingen:\n  bo:\n    teldatum: {2023: 300}\n"
                               "top:\n  dws_prijs: 1350\n  tlv_op_bao_per_leerling: 12600\n";
  return f;
}
Files write_all(const std::string& tabel = kTabel, const std::string& stromen = kStromen, const std::string& bao = kBaoBao) {
  return write({{"scholen.csv", tabel}, {"stromen.csv", stromen}, {"bao-bao.csv", bao}});
}

std::string error_of(const Files& f) {
  try {
    (void)load_scenario(f.scenario);
  } catch (const InputError& e) {
    return e.what();
  }
  return "geen fout";
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

/// The hand-derived totals of test_scholen.cpp for the two schools (cents).
void check_kscholen_totals(const Result& r) {
  REQUIRE(r.verdeling.scholen.size() == 2);
  auto t = [&](size_t s, int y) { return r.verdeling.scholen.at(s).jaren.at(static_cast<size_t>(y - 2024)).totaal; };
  // 2024: S1 90,000 - 13,270 - 1,350 + 12,600 + 6,000 + 2,000 = 95,980; S2 100 x 450 = 45,000
  CHECK(t(0, 2024) == 9598000);
  CHECK(t(1, 2024) == 4500000);
  // 2025: S1 85,398 - 6,635 (pays S2's placement: bao-bao within two years) + 8,000 = 86,763; S2 42,699
  CHECK(t(0, 2025) == 8539800 - 663500 + 800000);
  CHECK(t(1, 2025) == 4269900);
  // 2026: S1 82,828.12 + 2,000 = 84,828.12; S2 41,414.06 - 6,635 = 34,779.06
  CHECK(t(0, 2026) == 8482812);
  CHECK(t(1, 2026) == 3477906);
}

std::string semis_to_commas(std::string s) {
  for (char& c : s)
    if (c == ';') c = ',';
  return s;
}

}  // namespace

TEST_CASE("scholen csv: the synthetic data as CSV gives the YAML results for every school and year to the cent") {
  const Scenario y = load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-scholen.yaml"));
  const Scenario c = load_scenario(testutil::source("scenarios/zuid-kennemerland-2024-scholen-csv.yaml"));
  REQUIRE(y.verdeling.scholen);
  REQUIRE(c.verdeling.scholen);
  const auto& ys = *y.verdeling.scholen;
  const auto& cs = *c.verdeling.scholen;
  CHECK(cs.bestand == testutil::source("scenarios/gegevens/scholen-zuid-kennemerland.csv"));
  // the input itself: every school, every field
  REQUIRE(cs.scholen.size() == 86);
  REQUIRE(cs.scholen.size() == ys.scholen.size());
  size_t stromen = 0;
  for (size_t i = 0; i < ys.scholen.size(); ++i) {
    const School& a = ys.scholen[i];
    const School& b = cs.scholen[i];
    INFO("school " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.naam == b.naam);
    CHECK(a.bestuur == b.bestuur);
    CHECK(a.leerlingen == b.leerlingen);
    CHECK(a.tlv_op_bao == b.tlv_op_bao);
    REQUIRE(a.plaatsingen.size() == b.plaatsingen.size());
    for (const auto& [jaar, p] : a.plaatsingen) {
      REQUIRE(b.plaatsingen.count(jaar));
      const Plaatsingen& q = b.plaatsingen.at(jaar);
      CHECK((p.sbo_ikc == q.sbo_ikc && p.so_cat1 == q.so_cat1 && p.so_cat2 == q.so_cat2 && p.so_cat3 == q.so_cat3 && p.dws == q.dws));
    }
    REQUIRE(a.stromen.size() == b.stromen.size());
    for (size_t k = 0; k < a.stromen.size(); ++k) {
      CHECK(a.stromen[k].soort == b.stromen[k].soort);
      CHECK(a.stromen[k].inschrijving == b.stromen[k].inschrijving);
      CHECK(a.stromen[k].vertrek == b.stromen[k].vertrek);
    }
    stromen += b.stromen.size();
  }
  CHECK(stromen == 97);  // the stromen CSV has 98 lines: header + 97 pupils
  REQUIRE(cs.bao_bao.size() == 9);
  for (size_t k = 0; k < 9; ++k) {
    CHECK(ys.bao_bao[k].van == cs.bao_bao[k].van);
    CHECK(ys.bao_bao[k].naar == cs.bao_bao[k].naar);
    CHECK(ys.bao_bao[k].overstap == cs.bao_bao[k].overstap);
    CHECK(ys.bao_bao[k].verwijzing == cs.bao_bao[k].verwijzing);
  }
  // ZK001, line 2 of the CSV, read by hand: 261 pupils; 2024 sbo_ikc 1, so_cat1 2, dws 1, tlv 2
  const School& zk1 = cs.scholen[0];
  CHECK(zk1.leerlingen.at(2023) == 261.0);
  CHECK(zk1.plaatsingen.at(2024).sbo_ikc == 1.0);
  CHECK(zk1.plaatsingen.at(2024).so_cat1 == 2.0);
  CHECK(zk1.plaatsingen.at(2024).so_cat2 == 0.0);  // empty cell
  CHECK(zk1.plaatsingen.at(2024).dws == 1.0);
  CHECK(zk1.tlv_op_bao.at(2024) == 2.0);
  CHECK(zk1.herkomst.str() == cs.bestand + ":2:1");
  // the results: per school, per bestuur and every SWV line, every year, to the cent
  const Result ry = run(y);
  const Result rc = run(c);
  auto same = [](const std::vector<SchoolResultaat>& a, const std::vector<SchoolResultaat>& b) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      INFO(a[i].id);
      CHECK(a[i].id == b[i].id);
      REQUIRE(a[i].jaren.size() == b[i].jaren.size());
      for (size_t j = 0; j < a[i].jaren.size(); ++j) {
        const SchoolJaar& p = a[i].jaren[j];
        const SchoolJaar& q = b[i].jaren[j];
        INFO("jaar " << 2024 + static_cast<int>(j));
        CHECK(p.leerlingen == q.leerlingen);
        CHECK(p.basis == q.basis);
        CHECK(p.plaatsingen == q.plaatsingen);
        CHECK(p.afdracht_plaatsingen == q.afdracht_plaatsingen);
        CHECK(p.afdracht_dws == q.afdracht_dws);
        CHECK(p.tlv_op_bao == q.tlv_op_bao);
        CHECK(p.instroom == q.instroom);
        CHECK(p.terugplaatsing == q.terugplaatsing);
        CHECK(p.totaal == q.totaal);
      }
    }
  };
  same(ry.verdeling.scholen, rc.verdeling.scholen);
  same(ry.verdeling.besturen, rc.verdeling.besturen);
  CHECK(rc.verdeling.besturen.size() == 16);
  for (int l = 0; l < kLineCount; ++l)
    for (int yy = 2024; yy <= 2028; ++yy) {
      INFO("line " << l << " year " << yy);
      CHECK(ry.c(static_cast<Line>(l), ry.horizon.index(yy)) == rc.c(static_cast<Line>(l), rc.horizon.index(yy)));
    }
  // the CLI gives the same scholen view (JSON) for both
  const auto jy = nlohmann::json::parse(testutil::run_cli("run scenarios/zuid-kennemerland-2024-scholen.yaml --view scholen --format json").out);
  const auto jc = nlohmann::json::parse(testutil::run_cli("run scenarios/zuid-kennemerland-2024-scholen-csv.yaml --view scholen --format json").out);
  CHECK(jy["scholen"] == jc["scholen"]);
  CHECK(jy["besturen"] == jc["besturen"]);
  CHECK(jy["swv_regels"] == jc["swv_regels"]);
}

TEST_CASE("scholen csv: the two-school tables give the hand-derived budgets - separator semicolon and comma") {
  const Files semi = write_all();
  const Scenario s = load_scenario(semi.scenario);
  check_kscholen_totals(run(s));
  // empty cells are values not given: S2 has no placements in 2024, the instroom pupil no vertrek
  const auto& sc = s.verdeling.scholen->scholen;
  CHECK(sc[1].plaatsingen.count(2024) == 0);
  CHECK(sc[1].tlv_op_bao.empty());
  CHECK(!sc[0].stromen[0].vertrek.has_value());
  CHECK(sc[0].stromen[1].vertrek == Datum{2024, 6, 15});
  CHECK(sc[0].stromen[1].herkomst.str() == semi.dir + "/stromen.csv:3:1");
  CHECK(s.verdeling.scholen->bao_bao[1].verwijzing == Datum{2026, 6, 1});
  // the same tables with ',' (detected from the header line)
  const Files comma = write_all(semis_to_commas(kTabel), semis_to_commas(kStromen), semis_to_commas(kBaoBao));
  check_kscholen_totals(run(load_scenario(comma.scenario)));
  // the column order is free
  const Files order = write_all(
      "so_cat1 2026;leerlingen 2023;bestuur;naam;id;so_cat1 2025;tlv_op_bao 2024;dws 2024;so_cat3 2024;sbo_ikc 2024\n"
      "1;100;Bestuur Y;School twee;S2;1;;;;\n"
      "\"\";200;Bestuur X;School een;S1;;1;1;1;1\n",
      "vertrek;inschrijving;soort;school\n;2024-03-15;instroom;S1\n2024-06-15;2024-03-15;terugplaatsing;S1\n");
  const Result ro = run(load_scenario(order.scenario));
  REQUIRE(ro.verdeling.scholen.size() == 2);
  CHECK(ro.verdeling.scholen[1].id == "S1");
  CHECK(ro.verdeling.scholen[1].jaren[0].totaal == 9598000);  // 95,980 as above
  CHECK(ro.verdeling.scholen[0].jaren[0].totaal == 4500000);
}

TEST_CASE("scholen csv: quoted fields with separator and doubled quotes - BOM - CRLF - a newline in a cell") {
  // Excel's "CSV UTF-8 (met scheidingstekens)": BOM, CRLF, ';' inside quotes, "" for a quote
  const std::string tabel =
      "\xEF\xBB\xBF"
      "id;naam;bestuur;leerlingen 2023;sbo_ikc 2024;so_cat3 2024;dws 2024;tlv_op_bao 2024;so_cat1 2025;so_cat1 2026\r\n"
      "S1;\"School een; Haarlem\";\"Stichting \"\"De Linde\"\"\";200;1;1;1;1;;\r\n"
      "\"S2\";\"School\r\ntwee\";Bestuur Y;100;;;;;1;1\r\n"
      "\r\n"
      ";;;;;;;;;\r\n";  // blank rows (also as Excel writes them: only separators) are left out
  const Files f = write_all(tabel, replace(kStromen, "\n", "\r\n"));
  const Scenario s = load_scenario(f.scenario);
  const auto& sc = s.verdeling.scholen->scholen;
  REQUIRE(sc.size() == 2);
  CHECK(sc[0].id == "S1");  // not "\xEF\xBB\xBFid"-shifted: the BOM is not part of the first column
  CHECK(sc[0].naam == "School een; Haarlem");
  CHECK(sc[0].bestuur == "Stichting \"De Linde\"");
  CHECK(sc[1].id == "S2");
  CHECK(sc[1].naam == "School\ntwee");  // CRLF inside quotes becomes one newline
  CHECK(sc[1].herkomst.str() == f.dir + "/scholen.csv:3:1");
  check_kscholen_totals(run(s));
  // after the two-line cell the lines still count: the row of S2 ends on line 4, which starts with
  // 'twee";Bestuur Y;' = 5 + 1 + 10 = 16 characters, so a bad count there is at 4:17
  const Files bad = write_all(replace(tabel, "Bestuur Y;100;", "Bestuur Y;honderd;"), kStromen);
  CHECK(error_of(bad) == bad.dir + "/scholen.csv:4:17: scholen[2].leerlingen: 'honderd' is geen getal; verwacht een getal met een punt als decimaalteken");
  // the BOM does not count as a column: an unknown first column is at 1:1
  const Files bom = write_all("\xEF\xBB\xBF" "ID;naam;bestuur;leerlingen 2023\nS1;a;b;300\n", kStromen);
  CHECK(error_of(bom) == bom.dir + "/scholen.csv:1:1: onbekende kolom 'ID' in de kopregel; bedoelt u 'id'?");
}

TEST_CASE("scholen csv errors: unknown column - wrong cell count - not a number - unknown school - bad date") {
  // unknown column: "id;naam;bestuur;" is 16 characters, 'leerling 2023' starts at column 17
  const Files kolom = write_all(replace(kTabel, "leerlingen 2023", "leerling 2023"));
  CHECK(error_of(kolom) == kolom.dir + "/scholen.csv:1:17: onbekende kolom 'leerling 2023' in de kopregel; bedoelt u 'leerlingen 2023'?");
  // far from every column name: the list of what is expected. Header cells: "id;" 3, "naam;" 5,
  // "bestuur;" 8, "leerlingen 2023;" 16, "sbo_ikc 2024;" 13, "so_cat3 2024;" 13 = 58: 'dws 2024' is at 59
  const Files ver = write_all(replace(kTabel, "dws 2024", "opmerking"));
  CHECK(error_of(ver).rfind(ver.dir + "/scholen.csv:1:59: onbekende kolom 'opmerking' in de kopregel; verwacht id, naam, bestuur, leerlingen JJJJ", 0) == 0);
  // wrong cell count: S2's row (line 3) without its last cell: 9 cells, the header has 10
  const Files cellen = write_all(replace(kTabel, "S2;School twee;Bestuur Y;100;;;;;1;1", "S2;School twee;Bestuur Y;100;;;;;1"));
  CHECK(error_of(cellen) == cellen.dir + "/scholen.csv:3:1: de rij op regel 3 heeft 9 cellen, de kopregel 10; verwacht in elke rij evenveel cellen "
                                         "als kolommen in de kopregel (scheidingsteken ';')");
  // not a number: "S2;School twee;Bestuur Y;" = 3 + 12 + 10 = 25 characters: the count is at 26
  const Files getal = write_all(replace(kTabel, "Bestuur Y;100;", "Bestuur Y;honderd;"));
  CHECK(error_of(getal) == getal.dir + "/scholen.csv:3:26: scholen[2].leerlingen: 'honderd' is geen getal; verwacht een getal met een punt als decimaalteken");
  // columns count characters, not bytes: "S2;Basisschool Één;Bestuur Y;" = 3 + 16 + 10 = 29 -> 30
  const Files accent = write_all(replace(kTabel, "S2;School twee;Bestuur Y;100;", "S2;Basisschool Één;Bestuur Y;100.5;"));
  CHECK(error_of(accent) == accent.dir + "/scholen.csv:3:30: scholen[2].leerlingen: '100.5' is geen heel getal; verwacht een heel getal");
  // a Dutch decimal comma: with ';' as separator "1,5" is one cell, and not a number (column 34: below)
  const Files plaatsing = write_all(replace(kTabel, "100;;;;;1;1", "100;;;;;1,5;1"));
  CHECK(error_of(plaatsing) == plaatsing.dir + "/scholen.csv:3:34: scholen[2].plaatsingen.2025.so_cat1: '1,5' is geen getal; verwacht een "
                                               "getal met een punt als decimaalteken");
  // not a number in 'so_cat1 2025': "S2;School twee;Bestuur Y;100;" is 29 characters, then four
  // empty cells (columns 30-33): the cell starts at column 34
  const Files plaatsing2 = write_all(replace(kTabel, "100;;;;;1;1", "100;;;;;een;1"));
  CHECK(error_of(plaatsing2) == plaatsing2.dir + "/scholen.csv:3:34: scholen[2].plaatsingen.2025.so_cat1: 'een' is geen getal; verwacht een getal met een punt als decimaalteken");
  // unknown school id in stromen: line 2, the id is the first cell
  const Files school = write_all(kTabel, replace(kStromen, "S1;instroom", "S3;instroom"));
  CHECK(error_of(school) == school.dir + "/stromen.csv:2:1: school S3 staat niet in " + school.dir +
                                "/scholen.csv; verwacht een id uit de kolom id van het scholenbestand");
  // bad date: 31 June, line 3 of stromen; "S1;terugplaatsing;2024-03-15;" = 3 + 15 + 11 = 29 -> 30
  const Files datum = write_all(kTabel, replace(kStromen, "2024-06-15", "2024-06-31"));
  CHECK(error_of(datum) == datum.dir + "/stromen.csv:3:30: scholen[1].stromen[2].vertrek '2024-06-31' is geen datum; verwacht JJJJ-MM-DD, bijvoorbeeld 2024-03-15");
  // bao_bao: an unknown school, checked by the same code as for YAML: line 3, "S1;" -> column 4
  const Files bao = write_all(kTabel, kStromen, replace(kBaoBao, "S1;S2;2024", "S1;S9;2024"));
  CHECK(error_of(bao) == bao.dir + "/bao-bao.csv:3:4: bao_bao[2]: school S9 staat niet in het bestand; verwacht een id uit 'scholen'");
  // a missing required column of the stromen table: at the header line
  const Files mist = write_all(kTabel, "school;soort;vertrek\nS1;instroom;\n");
  CHECK(error_of(mist) == mist.dir + "/stromen.csv:1:1: de kopregel van de stromen mist de kolom 'inschrijving'; verwacht de kolommen "
                                     "school, soort, inschrijving, vertrek en vorige_school (school, soort en inschrijving verplicht)");
  // a quote that is never closed: at the opening quote, line 2 column 4 ("S1;" is 3 characters)
  const Files quote = write_all(replace(kTabel, "S1;School een", "S1;\"School een"));
  CHECK(error_of(quote) == quote.dir + "/scholen.csv:2:4: aanhalingsteken niet gesloten; verwacht een \" aan het eind van dit veld");
}

TEST_CASE("scholen key: a csv file alone - a map of csv files - anything else is an error at the key") {
  // the table alone (no stromen, no bao_bao): S1 2024 without instroom and terugplaatsing
  // 95,980 - 6,000 - 2,000 = 87,980
  const Files alleen = write({{"scholen.csv", kTabel}}, "scholen.csv");
  const Result r = run(load_scenario(alleen.scenario));
  REQUIRE(r.verdeling.scholen.size() == 2);
  CHECK(r.verdeling.scholen[0].jaren[0].totaal == 8798000);
  // the scenario is line 1 'extends: ...', line 2 'scholen: ...': the value starts at column 10
  const Files txt = write({{"scholen.txt", kTabel}}, "scholen.txt");
  CHECK(error_of(txt) == txt.scenario + ":2:10: scholen: 'scholen.txt' eindigt niet op .yaml, .yml of .csv; verwacht een bestandsnaam "
                                        "(.yaml, .yml of .csv), bijvoorbeeld 'scholen: scholen.yaml', of {bestand: scholen.csv, "
                                        "stromen: stromen.csv, bao_bao: bao-bao.csv}");
  // a typo in the map: "scholen: {bestand: scholen.csv, " is 32 characters -> 'stroomen' at 33
  const Files typo = write({{"scholen.csv", kTabel}}, "{bestand: scholen.csv, stroomen: stromen.csv}");
  CHECK(error_of(typo) == typo.scenario + ":2:33: onbekende sleutel 'stroomen' onder scholen; bedoelt u 'stromen'?");
  // a file that does not exist: at its value, "scholen: {bestand: scholen.csv, stromen: " = 41 -> 42
  const Files weg = write({{"scholen.csv", kTabel}}, "{bestand: scholen.csv, stromen: weg.csv}");
  CHECK(error_of(weg) == weg.scenario + ":2:42: bestand " + weg.dir + "/weg.csv bestaat niet; verwacht een CSV-bestand (pad ten opzichte van het scenario)");
  // a list is neither a file name nor a map
  const Files lijst = write({{"scholen.csv", kTabel}}, "[scholen.csv]");
  CHECK(error_of(lijst).rfind(lijst.scenario + ":2:10: scholen: verwacht een bestandsnaam (.yaml, .yml of .csv)", 0) == 0);
}

TEST_CASE("scholen csv errors: header and quote problems - a duplicate id - not UTF-8 - an empty file") {
  auto err = [](const std::string& tabel, const std::string& stromen = "") {
    const Files f = stromen.empty() ? write({{"scholen.csv", tabel}}, "scholen.csv")
                                    : write({{"scholen.csv", tabel}, {"stromen.csv", stromen}}, "{bestand: scholen.csv, stromen: stromen.csv}");
    std::string e = error_of(f);
    if (e.rfind(f.dir + "/", 0) == 0) e = e.substr(f.dir.size() + 1);  // messages below relative to the directory
    for (size_t at; (at = e.find(f.dir + "/")) != std::string::npos;) e.replace(at, f.dir.size() + 1, "");
    return e;
  };
  // the second 'naam': "id;naam;bestuur;leerlingen 2023;" = 3 + 5 + 8 + 16 = 32 -> column 33; the first at 4
  CHECK(err("id;naam;bestuur;leerlingen 2023;naam\nS1;a;b;300;c\n") ==
        "scholen.csv:1:33: kolom 'naam' staat twee keer in de kopregel (eerst in kolom 4); verwacht elke kolom een keer");
  // a year that is no year: the header cell at 17
  CHECK(err("id;naam;bestuur;leerlingen 20x3\nS1;a;b;300\n") ==
        "scholen.csv:1:17: kolom 'leerlingen 20x3': '20x3' is geen jaartal; verwacht bijvoorbeeld 'leerlingen 2024'");
  CHECK(err("id;naam;bestuur\nS1;a;b\n").rfind("scholen.csv:1:1: de kopregel van het scholenbestand mist de kolom 'leerlingen JJJJ'; verwacht id, naam", 0) == 0);
  // the same id twice: the shared check (as for YAML), at the second row (line 3)
  CHECK(err("id;naam;bestuur;leerlingen 2023\nS1;a;X;200\nS1;b;Y;100\n") ==
        "scholen.csv:3:1: school-id S1 staat twee keer in het bestand (eerst op scholen.csv:2:1); verwacht unieke id's");
  // text after a closing quote: 'S1;' 3, '"School"' columns 4-11, a blank at 12: 'een' at 13
  CHECK(err("id;naam;bestuur;leerlingen 2023\nS1;\"School\" een;X;300\n") ==
        "scholen.csv:2:13: tekst na het sluitende aanhalingsteken; verwacht ';' of het einde van de regel");
  // a quote inside an unquoted field: 'S1;School ' is 10 characters -> column 11
  CHECK(err("id;naam;bestuur;leerlingen 2023\nS1;School \"een\";X;300\n") ==
        "scholen.csv:2:11: aanhalingsteken midden in een veld; verwacht het hele veld tussen aanhalingstekens, met \"\" voor een aanhalingsteken erin");
  // Excel's plain "CSV" in Windows-1252: the byte E9 (e acute) after "S1;Sch" (6 characters) -> column 7
  CHECK(err("id;naam;bestuur;leerlingen 2023\nS1;Sch\xE9ol;X;300\n") ==
        "scholen.csv:2:7: geen geldige UTF-8-tekst; sla het bestand op als 'CSV UTF-8'");
  CHECK(err("") == "scholen.csv:1:1: het bestand is leeg; verwacht een kopregel met de kolomnamen en daaronder de rijen");
  CHECK(err("\r\n\r\n") == "scholen.csv:1:1: het bestand is leeg; verwacht een kopregel met de kolomnamen en daaronder de rijen");
  // a stromen row without a school: at its (empty) first cell
  CHECK(err("id;naam;bestuur;leerlingen 2023\nS1;a;X;300\n", "school;soort;inschrijving;vertrek\n;instroom;2024-03-15;\n") ==
        "stromen.csv:2:1: deze rij heeft geen school; verwacht een id uit scholen.csv");
}
