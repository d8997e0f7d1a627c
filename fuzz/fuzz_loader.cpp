// libFuzzer target: scenario text (and --set overrides) -> loader -> engine -> every renderer
// and every command's computation: run (every view and format), explain, compare, solve, the
// markdown and HTML reports, and with onzekerheden risk (a few paths) and sensitivity.
//
// Input: the YAML text, then optionally '\0'-separated --set arguments ("PATH=VALUE"); the
// loader refuses NUL bytes in a file, so the split loses nothing. The text is loaded as if it
// were a file in tests/bad/ (when it extends "../../scenarios/...", as the bad-input corpus
// does) or in scenarios/ (the scenario library), so `extends` reaches the real baseline.
//
// An input that starts with "#fuzz-scholen" and a newline is a YAML schools file instead
// (LLVMFuzzerTestOneInput below).
//
// What counts as a bug: a crash, a sanitizer report (ASan, UBSan), a hang (-timeout), an
// exception other than InputError (bad input) or ArithmeticError (overflow from extreme but
// valid input), a non-finite number ("nan", "inf") in any rendered report, or the fast YAML
// reader reading a text otherwise than libyaml (check_fast_reader).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../loader/src/tree.hpp"
#include "begroting/compare.hpp"
#include "begroting/engine.hpp"
#include "begroting/explain.hpp"
#include "begroting/loader.hpp"
#include "begroting/reports.hpp"
#include "begroting/risk.hpp"
#include "begroting/risk_reports.hpp"
#include "begroting/solve.hpp"

namespace {

[[noreturn]] void bug(const std::string& what) {
  std::fprintf(stderr, "fuzz_loader: %s\n", what.c_str());
  std::abort();
}

/// Words the input wrote as text (the scenario's name, a description, a comment...): a report
/// repeats them, so a name like "krimp -inf" is not a non-finite number. Split as the reports
/// are scanned: on whitespace and commas.
std::set<std::string> g_text_words;

void add_text_words(const std::string& text) {
  std::istringstream in(text);
  for (std::string tok; in >> tok;) {
    g_text_words.insert(tok);
    std::istringstream cells(tok);
    for (std::string c; std::getline(cells, c, ',');) g_text_words.insert(c);
  }
}

/// A "nan" or "inf" word or csv cell in a rendered report where a number stands: a word the
/// input itself wrote (g_text_words) is text, not a number (issue 13, case 13: a scenario named
/// "... -inf" was flagged).
bool non_finite_token(const std::string& text) {
  std::istringstream in(text);
  for (std::string tok; in >> tok;) {
    std::istringstream cells(tok);
    for (std::string c; std::getline(cells, c, ',');)
      if ((c == "nan" || c == "-nan" || c == "inf" || c == "-inf" || c == "NaN" || c == "Infinity") && !g_text_words.count(c))
        return true;
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


/// A rendered text: no "nan"/"inf" token, and valid JSON without non-finite numbers when json.
void check_text(const std::string& what, const std::string& text, bool json) {
  if (non_finite_token(text)) bug("nan of inf in " + what);
  if (json) check_json(text);
}

/// What every command computes from a loaded scenario, as the CLI calls it: run (every --view,
/// the whole budget included, in every format), explain, compare, solve, report md/html, risk
/// and sensitivity.
void every_command(const begroting::Scenario& s, const begroting::Result& r, const begroting::Trace& trace) {
  using namespace begroting;
  for (const auto& view : view_names())
    for (const char* format : {"table", "json", "csv"})
      check_text("--view " + view + " --format " + format, render_view(s, r, view, format), std::string(format) == "json");
  const int last = r.horizon.last;
  for (Line l : {Line::resultaat, Line::eigen_vermogen}) {
    check_text("explain", render_explain_table(s, r, trace, l, last, 3), false);
    check_text("explain json", render_explain_json(s, r, trace, l, last, 3), true);
  }
  const std::vector<CompareEntry> entries{{&s, &r, "a.yaml"}, {&s, &r, "b.yaml"}};
  CompareOptions co;
  co.all = true;
  check_text("compare", render_compare_table(entries, co), false);
  check_text("compare json", render_compare_json(entries, co), true);
  // solve: the per-pupil amount of the last year for which resultaat of that year is >= 0
  SolveSpec spec;
  spec.param = "regulier_onderwijs.ondersteuningsbedrag_per_leerling";
  spec.years = {last};
  spec.min = 0;
  spec.max = 2000;
  spec.step = solve_step(Unit::EuroPerLeerling);
  spec.target.line = Line::resultaat;
  spec.target.year = last;
  try {
    (void)solve(s, spec);
  } catch (const SolveError&) {
    // no value in the range meets the target (or the figure does not move): a user message
  }
  const std::vector<ScenarioRun> runs{{&s, &r}};
  ReportOptions ro;
  ro.run_date = "2026-11-22";
  RiskView view;
  if (!s.onzekerheden.empty()) {
    std::unique_ptr<RiskModel> m;
    try {
      m = std::make_unique<RiskModel>(s);
    } catch (const std::invalid_argument&) {
      return;  // an uncertainty that cannot be applied: the CLI reports it as bad input
    }
    RiskOptions o;
    o.paths = 16;
    o.seed = 1;
    const RiskResult rr = run_risk(*m, o);
    const SensitivityResult sr = run_sensitivity(*m);
    check_text("risk", render_risk_table(rr), false);
    check_text("risk json", render_risk_json(rr), true);
    check_text("sensitivity", render_sensitivity_table(sr), false);
    check_text("sensitivity json", render_sensitivity_json(sr), true);
    view = risk_view(rr, sr);
    ro.risk = &view;
  }
  check_text("report md", render_markdown(runs, ro), false);
  check_text("report html", render_html(runs, ro), false);
}

}  // namespace

/// Schools-file mode: an input that starts with kScholenMarker is a YAML schools file (the rest
/// of the input). It is written to a file of its own and read by a fixed scenario (the plan's risk
/// inventory with the TOP tariffs), so the schools reader (read school by school while the YAML is
/// parsed) and every command behind it see mutated schools files. Seeds: scripts/fuzz puts the
/// marker before scenarios/gegevens/*.yaml.
constexpr const char* kScholenMarker = "#fuzz-scholen\n";

std::string scholen_dir() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/fuzz-scholen-XXXXXX";
    const char* d = mkdtemp(tmpl);
    if (d == nullptr) bug("mkdtemp mislukt");
    return std::string(d);
  }();
  return dir;
}

void run_all(const std::string& text, const std::string& name, const std::vector<begroting::Override>& overrides,
             const std::vector<std::string>& parts) {
  try {
    g_text_words.clear();
    for (const auto& p : parts) add_text_words(p);
    const begroting::Scenario s = begroting::load_scenario_text(text, name, overrides);
    add_text_words(s.name);  // as decoded from YAML escapes ("\x2Dinf")
    add_text_words(s.description);
    begroting::Trace trace;
    const begroting::Result r = begroting::run(s, &trace);
    every_command(s, r, trace);
  } catch (const begroting::InputError&) {
    // bad input, reported to the user with FILE:LINE:COLUMN: fine
  } catch (const begroting::ArithmeticError&) {
    // overflow from extreme but valid input: reported as a rekenfout (exit 3): fine
  } catch (const std::exception& e) {
    bug(std::string("onverwachte uitzondering: ") + e.what());
  }
}

/// The fast YAML reader (loader/src/tree_fast.cpp) against libyaml on the same text: where it
/// reads a text, libyaml's tree; where libyaml refuses one, it declines (and so never hides an
/// error). Run on every input, before the loader.
void check_fast_reader(const std::string& text) {
  if (text.find('\0') != std::string::npos) return;  // the loader refuses it before parsing
  begroting::detail::Tree fast, ref;
  size_t handed = 0;
  const bool read = begroting::detail::parse_yaml_fast(text, "f.yaml", nullptr, fast, handed);
  try {
    ref = begroting::detail::parse_yaml_libyaml(text, "f.yaml");
  } catch (const begroting::InputError&) {
    if (read) bug("de snelle YAML-lezer las een tekst die libyaml weigert");
    return;
  }
  if (read)
    if (const std::string d = begroting::detail::tree_difference(fast, ref); !d.empty())
      bug("de snelle YAML-lezer leest anders dan libyaml: " + d);
  // the items of the list under "scholen", handed over one by one: the same both ways
  std::vector<begroting::detail::Tree> via_both, via_libyaml;
  const begroting::detail::ListItems both{"scholen", [&](begroting::detail::Tree&& t) { via_both.push_back(std::move(t)); }};
  const begroting::detail::ListItems lib{"scholen", [&](begroting::detail::Tree&& t) { via_libyaml.push_back(std::move(t)); }};
  (void)begroting::detail::parse_yaml(text, "f.yaml", &both);
  (void)begroting::detail::parse_yaml_libyaml(text, "f.yaml", &lib);
  if (via_both.size() != via_libyaml.size()) bug("de snelle YAML-lezer gaf een ander aantal scholen door dan libyaml");
  for (size_t i = 0; i < via_both.size(); ++i)
    if (const std::string d = begroting::detail::tree_difference(via_both[i], via_libyaml[i]); !d.empty())
      bug("de snelle YAML-lezer gaf een school anders door dan libyaml: " + d);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (input.rfind(kScholenMarker, 0) == 0) {
    check_fast_reader(input.substr(std::string(kScholenMarker).size()));
    const std::string dir = scholen_dir();
    {
      std::FILE* f = std::fopen((dir + "/fuzz.scholen.yaml").c_str(), "wb");
      if (f == nullptr) bug("schrijven van het scholenbestand mislukt");
      const std::string body = input.substr(std::string(kScholenMarker).size());
      std::fwrite(body.data(), 1, body.size(), f);
      std::fclose(f);
    }
    const std::string text = std::string("extends: ") + BEGROTING_SOURCE_DIR +
                             "/scenarios/zuid-kennemerland-2024-risico.yaml\nnaam: fuzz scholen\nscholen: fuzz.scholen.yaml\n"
                             "top: {tlv_sbo_tarief: 6635, dws_prijs: 1350, tlv_op_bao_per_leerling: 12600}\n";
    run_all(text, dir + "/fuzz.yaml", {}, {input});
    return 0;
  }
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
  check_fast_reader(text);
  const std::string dir = text.find("../../scenarios/") != std::string::npos ? "/tests/bad/" : "/scenarios/";
  const std::string name = std::string(BEGROTING_SOURCE_DIR) + dir + "fuzz-invoer.yaml";
  run_all(text, name, overrides, parts);
  return 0;
}
