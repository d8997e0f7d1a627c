// The one table of Dutch words per enum (begroting/names.hpp) that the loader, the what-if page's
// scenario JSON and the reports share: every value has exactly one word, words are unique, and
// word -> value -> word is the identity. The words themselves are the ones the README documents
// for scenario files, spelled out here independently.
#include <doctest/doctest.h>

#include <set>

#include "begroting/names.hpp"

using namespace begroting;

namespace {
template <class E> void check_table(std::initializer_list<std::string_view> documented, int enum_count) {
  const auto& t = EnumNames<E>::table;
  CHECK(static_cast<int>(t.size()) == enum_count);
  std::set<int> values;
  std::set<std::string_view> words;
  for (const auto& [e, n] : t) {
    values.insert(static_cast<int>(e));
    words.insert(n);
    CHECK(name_of(e) == n);
    REQUIRE(enum_of<E>(n).has_value());
    CHECK(*enum_of<E>(n) == e);
  }
  CHECK(values.size() == t.size());  // no value twice
  CHECK(words.size() == t.size());   // no word twice
  CHECK(std::set<std::string_view>(documented) == words);
  for (int v = 0; v < enum_count; ++v) CHECK(!name_of(static_cast<E>(v)).empty());
  CHECK(!enum_of<E>("Normaal ").has_value());
  CHECK(!enum_of<E>("").has_value());
}
}  // namespace

TEST_CASE("names: one Dutch word per enum value and back") {
  check_table<Distribution::Kind>({"normaal", "driehoek", "uniform", "vast"}, 4);
  check_table<Uncertainty::Apply>({"waarde", "verschil", "factor"}, 3);
  check_table<Uncertainty::Draw>({"eenmalig", "per_jaar"}, 2);
  check_table<IkcAfspraak::Verrekening>({"geen", "deel_buiten_band", "volledig"}, 3);
  check_table<Leerlingstroom::Soort>({"instroom", "terugplaatsing", "tlv_op_bao"}, 3);
  check_table<Shape>({"enkel", "per_jaar", "teldatum", "groei_teldatum", "groei_jaar"}, 5);
}

TEST_CASE("names: the list a message shows") {
  CHECK(names_list<IkcAfspraak::Verrekening>() == "geen, deel_buiten_band of volledig");
  CHECK(names_list<Leerlingstroom::Soort>() == "instroom, terugplaatsing of tlv_op_bao");
  CHECK(names_list<Distribution::Kind>() == "normaal, driehoek, uniform of vast");
}

TEST_CASE("names: units and line kinds") {
  check_table<Unit>({"EUR", "EUR per leerling", "leerlingen", "leerlingjaren", "fractie (0,04 = 4%)", "kalenderjaar", "weken"}, 7);
  check_table<LineKind>({"bedrag", "berekend", "subtotaal", "memo", "formule"}, 5);
  CHECK(unit_name(Unit::EuroPerLeerling) == "EUR per leerling");
}
