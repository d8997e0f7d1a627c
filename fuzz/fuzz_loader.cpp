// libFuzzer target: scenario text (and --set overrides) -> loader -> engine -> every renderer.
//
// Input: the YAML text, then optionally '\0'-separated --set arguments ("PATH=VALUE"); the
// loader refuses NUL bytes in a file, so the split loses nothing. The text is loaded as if it
// were a file in tests/bad/ (when it extends "../../scenarios/...", as the bad-input corpus
// does) or in scenarios/ (the scenario library), so `extends` reaches the real baseline.
//
// What counts as a bug: a crash, a sanitizer report (ASan, UBSan), a hang (-timeout), an
// exception other than InputError (bad input) or ArithmeticError (overflow from extreme but
// valid input), or a non-finite number ("nan", "inf") in any rendered report.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "begroting/engine.hpp"
#include "begroting/loader.hpp"
#include "begroting/reports.hpp"

namespace {

[[noreturn]] void bug(const std::string& what) {
  std::fprintf(stderr, "fuzz_loader: %s\n", what.c_str());
  std::abort();
}

/// A "nan" or "inf" word or csv cell anywhere in a rendered report.
bool non_finite_token(const std::string& text) {
  std::istringstream in(text);
  for (std::string tok; in >> tok;) {
    std::istringstream cells(tok);
    for (std::string c; std::getline(cells, c, ',');)
      if (c == "nan" || c == "-nan" || c == "inf" || c == "-inf" || c == "NaN" || c == "Infinity") return true;
  }
  return false;
}

void check_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) bug("render_json gaf geen geldige JSON");
  std::vector<const nlohmann::json*> todo{&j};
  while (!todo.empty()) {
    const auto* n = todo.back();
    todo.pop_back();
    if (n->is_number_float() && !std::isfinite(n->get<double>())) bug("niet-eindig getal in JSON");
    if (n->is_structured())
      for (const auto& c : *n) todo.push_back(&c);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t nul = input.find('\0', start);
    parts.push_back(input.substr(start, nul == std::string::npos ? std::string::npos : nul - start));
    if (nul == std::string::npos) break;
    start = nul + 1;
  }
  std::vector<begroting::Override> overrides;
  for (size_t i = 1; i < parts.size(); ++i) overrides.push_back({parts[i]});
  const std::string& text = parts[0];
  const std::string dir = text.find("../../scenarios/") != std::string::npos ? "/tests/bad/" : "/scenarios/";
  const std::string name = std::string(BEGROTING_SOURCE_DIR) + dir + "fuzz-invoer.yaml";
  try {
    const begroting::Scenario s = begroting::load_scenario_text(text, name, overrides);
    begroting::Trace trace;
    const begroting::Result r = begroting::run(s, &trace);
    const std::string table = begroting::render_table(s, r);
    const std::string csv = begroting::render_csv(s, r);
    const std::string json = begroting::render_json(s, r);
    if (non_finite_token(table)) bug("nan of inf in de tabel");
    if (non_finite_token(csv)) bug("nan of inf in de csv");
    check_json(json);
  } catch (const begroting::InputError&) {
    // bad input, reported to the user with FILE:LINE:COLUMN: fine
  } catch (const begroting::ArithmeticError&) {
    // overflow from extreme but valid input: reported as a rekenfout (exit 3): fine
  } catch (const std::exception& e) {
    bug(std::string("onverwachte uitzondering: ") + e.what());
  }
  return 0;
}
