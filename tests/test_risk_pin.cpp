// Regression pin of `begroting risk` and `begroting sensitivity` (issue 15, item 5): the JSON for a
// fixed seed must stay byte-identical when the Monte Carlo is made faster, for any thread count.
//
// The stored files in tests/data/risk-pin/ were generated ONCE from main at commit 2081c6f, before
// any of the speed work of issue 15, with the command in each file's header. They pin today's
// output; they are not an independent derivation. That is allowed here because the figures
// themselves are verified independently by tests/test_risk.cpp (hand-derived means and sds,
// quantiles against their definition, events, sensitivity effects). What this test adds: the
// faster kernel draws the same random streams and rounds the same way, to the cent and to the
// last digit of every probability and moment.
//
// Comparison: every member of the stored JSON must be present in the output with exactly the same
// value (numbers compared as parsed doubles and as their printed text). Members the output has on
// top (provenance, added by another part of the program) do not fail the test. Runs with 1, 2 and
// 3 threads must give byte-identical output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"

using namespace testutil;

namespace {

/// The stored file: '#' header lines (how it was made), then the JSON.
std::string stored_json(const std::string& name) {
  std::istringstream in(slurp_file(source("tests/data/risk-pin/" + name)));
  std::string line, json;
  while (std::getline(in, line))
    if (line.rfind('#', 0) != 0) json += line + "\n";
  REQUIRE_MESSAGE(!json.empty(), "tests/data/risk-pin/" << name << " is empty or missing");
  return json;
}

/// Every member of `want` is in `got` with the same value; arrays element by element.
void same(const nlohmann::ordered_json& want, const nlohmann::ordered_json& got, const std::string& where) {
  if (want.is_object()) {
    REQUIRE_MESSAGE(got.is_object(), where << " is no longer an object");
    for (const auto& [k, v] : want.items()) {
      REQUIRE_MESSAGE(got.contains(k), where << "." << k << " is missing");
      same(v, got.at(k), where + "." + k);
    }
    return;
  }
  if (want.is_array()) {
    REQUIRE_MESSAGE(got.is_array(), where << " is no longer an array");
    REQUIRE_MESSAGE(got.size() == want.size(), where << " has " << got.size() << " elements, pinned " << want.size());
    for (size_t i = 0; i < want.size(); ++i) same(want[i], got[i], where + "[" + std::to_string(i) + "]");
    return;
  }
  CHECK_MESSAGE(got.dump() == want.dump(), where << ": " << got.dump() << ", pinned " << want.dump());
}

void check_pin(const std::string& command, const std::string& scenario, const std::string& extra, const std::string& pin) {
  const auto want = nlohmann::ordered_json::parse(stored_json(pin));
  std::string first;
  for (int threads : {1, 2, 3}) {
    CAPTURE(threads);
    const std::string t = command == "risk" ? " --threads " + std::to_string(threads) : "";
    const auto r = run_cli(command + " " + scenario + extra + t + " --format json");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    if (threads == 1) first = r.out;
    else CHECK_MESSAGE(r.out == first, "output with " << threads << " threads differs from 1 thread");
    same(want, nlohmann::ordered_json::parse(r.out), pin);
    if (command != "risk") break;  // sensitivity has no threads
  }
}

}  // namespace

TEST_CASE("risk pin: the plan's onzekerheden give the pinned JSON for seed 7 with 1 2 and 3 threads") {
  check_pin("risk", "scenarios/zuid-kennemerland-2024-risico.yaml", " --paths 3000 --seed 7", "risico-seed7.json");
}

TEST_CASE("risk pin: onzekerheden with a schools file give the pinned JSON for seed 2024") {
  check_pin("risk", "tests/data/risico-scholen.yaml", " --paths 1000 --seed 2024", "risico-scholen-seed2024.json");
}

TEST_CASE("risk pin: onzekerheden on the flow model give the pinned JSON for seed 11") {
  check_pin("risk", "tests/data/risico-stromen.yaml", " --paths 1000 --seed 11", "risico-stromen-seed11.json");
}

TEST_CASE("risk pin: sensitivity of the three scenarios gives the pinned JSON") {
  check_pin("sensitivity", "scenarios/zuid-kennemerland-2024-risico.yaml", "", "gevoeligheid-risico.json");
  check_pin("sensitivity", "tests/data/risico-scholen.yaml", "", "gevoeligheid-scholen.json");
  check_pin("sensitivity", "tests/data/risico-stromen.yaml", "", "gevoeligheid-stromen.json");
}
