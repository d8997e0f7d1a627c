// One number rule for every section and --set (loader/src/number.hpp, README "Getallen"), and
// one did-you-mean (loader.hpp) for every suggestion.
#include <doctest/doctest.h>

#include <string>

#include "begroting/engine.hpp"
#include "begroting/loader.hpp"
#include "helpers.hpp"

using namespace begroting;

namespace {
Scenario with(const std::string& extra, const std::vector<Override>& o = {}) {
  return load_scenario_text("extends: zuid-kennemerland-2024.yaml\nnaam: test\n" + extra,
                            testutil::source("scenarios/test-getallen.yaml"), o);
}
std::string error_of(const std::string& extra, const std::vector<Override>& o = {}) {
  try {
    (void)with(extra, o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
const std::string kFile = testutil::source("scenarios/test-getallen.yaml");
}  // namespace

TEST_CASE("numbers: an exponent is accepted in every section - the same value as written out") {
  // parameters: 2e-2 = 0.02, a money amount 6.63452e3 = 6634.52 (two decimals)
  const Scenario a = with("leerlingen:\n  bo:\n    groei: 2e-2\ntarieven:\n  sbo: 6.63452e3\n");
  CHECK(a.value("leerlingen.bo.groei", 2025) == 0.02);
  CHECK(a.value("tarieven.sbo", 2026) == 6634.52);
  // --set
  CHECK(testutil::baseline({{"leerlingen.bo.groei=2E-2"}}).value("leerlingen.bo.groei", 2024) == 0.02);
  // the IKC verdeelsleutel (8.1 section): 1e0 = 1
  const Scenario k = with("ikc:\n  verdeelsleutel: {A: 1e0}\n");
  REQUIRE(k.verdeling.ikc.verdeelsleutel.size() == 1);
  CHECK(k.verdeling.ikc.verdeelsleutel.begin()->second == 1.0);
  // onzekerheden
  const Scenario u = with("onzekerheden:\n  g:\n    parameter: leerlingen.bo.groei\n    verdeling: normaal\n"
                          "    gemiddelde: -7e-3\n    sd: 3E-3\n");
  CHECK(u.onzekerheden.at(0).dist.a == -0.007);
  CHECK(u.onzekerheden.at(0).dist.b == 0.003);
}

TEST_CASE("numbers: the same refusals in every section") {
  // more than two decimals in money, also through an exponent: 6.634521e3 = 6634.521
  CHECK(error_of("tarieven:\n  sbo: 6.634521e3\n") ==
        kFile + ":4:8: '6.634521e3' heeft meer dan twee decimalen; verwacht een bedrag in hele centen "
                "(een bedrag per leerling in euro's, bijvoorbeeld 356.36)");
  // no digit after the point, no percent, no comma: in parameters, stromen, onzekerheden and ikc
  CHECK(error_of("leerlingen:\n  bo:\n    groei: 2.\n").find("'2.' is geen getal") != std::string::npos);
  CHECK(error_of("ikc:\n  verdeelsleutel: {A: 1.}\n").find("'1.' is geen getal") != std::string::npos);
  CHECK(error_of("onzekerheden:\n  g:\n    parameter: leerlingen.bo.groei\n    verdeling: vast\n    waarde: .5\n")
            .find("'.5' is geen getal") != std::string::npos);
  CHECK(error_of("ikc:\n  verdeelsleutel: {A: 0x1}\n").find("'0x1' is geen getal") != std::string::npos);
  CHECK(error_of("leerlingen:\n  bo:\n    groei: 1e\n").find("'1e' is geen getal") != std::string::npos);
}

TEST_CASE("did you mean: one rule for keys and paths and options") {
  // within max(2, length / 3) edits
  CHECK(did_you_mean("tarieven.sbbo", {"tarieven.sbo", "tarieven.so_cat1"}) == "tarieven.sbo");
  CHECK(did_you_mean("groie", {"groei", "teldatum"}) == "groei");
  CHECK(did_you_mean("xyz", {"groei", "teldatum"}).empty());
  // a word without a dot against the last part of a dotted id (one extra edit)
  CHECK(did_you_mean("resultat", {"baten.totaal", "resultaat"}) == "resultaat");
  CHECK(did_you_mean("rentebatn", {"baten.overige_baten.rentebaten", "resultaat"}) == "baten.overige_baten.rentebaten");
  // an abbreviation of three or more letters
  CHECK(did_you_mean("out", {"output", "format"}) == "output");
  // the same rule in the loader's messages: a key, a --set path, an onzekerheid field
  CHECK(error_of("tarieven:\n  sbbo: 6634.52\n") == kFile + ":4:3: onbekende sleutel 'sbbo' onder tarieven; bedoelt u 'sbo'?");
  CHECK(error_of("", {{"tarieven.sbbo=1"}}) == "--set tarieven.sbbo=1: onbekende parameter 'tarieven.sbbo'; bedoelt u 'tarieven.sbo'?");
}
