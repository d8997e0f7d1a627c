// begroting risk FILE --paths N --seed S [--threads T] [--format table|json] [--output PATH] [--set ...]
// begroting sensitivity FILE [--format table|json] [--output PATH] [--set ...]
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <thread>

#include "begroting/risk.hpp"
#include "begroting/risk_reports.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace begroting::cli {

namespace {

/// The scenario prepared for risk: errors in `onzekerheden:` that only the engine can see
/// (a parameter year without a value, ...) are bad input.
RiskModel* make_model(const Scenario& s) {
  try {
    return new RiskModel(s);
  } catch (const std::invalid_argument& e) {
    throw InputError(e.what());
  }
}

/// Progress on stderr: only when stderr is a terminal, and only after the run took a second.
struct Progress {
  bool tty = isatty(STDERR_FILENO) != 0;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  bool shown = false;
  void operator()(std::uint64_t done, std::uint64_t total) {
    if (!tty || std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) return;
    constexpr int kWidth = 40;
    const int filled = static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * kWidth);
    std::fprintf(stderr, "\r[%s%s] %3d%% (%llu / %llu paden)", std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(kWidth - filled), ' ').c_str(),
                 static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total)),
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
    std::fflush(stderr);
    shown = true;
  }
  /// Clear the bar before anything else is printed.
  void finish() {
    if (shown) std::fprintf(stderr, "\r%*s\r", 80, "");
    shown = false;
  }
  ~Progress() { finish(); }
};

}  // namespace

int cmd_risk(const std::vector<std::string>& args) {
  const std::vector<std::string> formats{"table", "json"};
  po::options_description o("Opties voor 'begroting risk'");
  o.add_options()("help,h", "deze hulp");
  add_paths_option(o, "aantal paden (trekkingen)");
  add_seed_option(o, "startwaarde van de toevalsgenerator; zelfde seed = zelfde uitkomst");
  add_threads_option(o);
  add_format_output(o, formats);
  po::positional_options_description pos;
  // --strict: the findings of the scenario itself (without uncertainty)
  add_scenario_args(o, pos, "file", false, "scenariobestand met een sectie onzekerheden:");
  const auto parsed = parse_or_help(args, o, pos, {"begroting risk SCENARIO.yaml [opties]",
                 "Monte Carlo over de onzekerheden van het scenario (sectie onzekerheden:): per jaar de\n"
                 "percentielen P5-P95 van resultaat en eigen vermogen, de kans op een eigen vermogen onder de\n"
                 "signaleringswaarde, onder het niveau weerstandsvermogen en onder nul, en het benodigde\n"
                 "weerstandsvermogen bij 80%, 90% en 95% zekerheid. Zelfde seed: zelfde getallen, ongeacht\n"
                 "het aantal threads. Een voortgangsbalk verschijnt op stderr (alleen op een terminal, na 1 s).",
                 "  begroting risk scenarios/zuid-kennemerland-2024-risico.yaml\n"
                 "  begroting risk scenarios/zuid-kennemerland-2024-risico.yaml --paths 1000000 --seed 7 --threads 2\n"
                 "  begroting risk scenarios/zuid-kennemerland-2024-risico.yaml --format json --output risico.json\n"});
  if (!parsed) return kOk;
  const po::variables_map& vm = *parsed;
  if (!vm.count("file")) throw UsageError("begroting risk: geen scenariobestand opgegeven; verwacht 'begroting risk SCENARIO.yaml'");
  const std::string format = format_of(vm, formats);
  RiskOptions ro;
  ro.paths = paths_of(vm);
  ro.seed = seed_of(vm);
  ro.threads = threads_of(vm);
  const Scenario s = load_input(vm["file"].as<std::string>(), overrides_from(vm));
  if (s.onzekerheden.empty())
    throw InputError(s.files.front() + ":1:1: het scenario declareert geen onzekerheden; verwacht een sectie 'onzekerheden:' "
                     "(zie scenarios/zuid-kennemerland-2024-risico.yaml)");
  std::unique_ptr<RiskModel> m(make_model(s));
  Progress progress;
  // Only a terminal gets a bar: otherwise no callback at all, and the calling thread runs paths too.
  if (progress.tty) ro.progress = [&progress](std::uint64_t d, std::uint64_t t) { progress(d, t); };
  const RiskResult r = run_risk(*m, ro);
  progress.finish();
  emit(format == "json" ? render_risk_json(r, &s) : render_risk_table(r, &s), vm["output"].as<std::string>());
  return strict_exit(vm, run(s).findings);
}

int cmd_sensitivity(const std::vector<std::string>& args) {
  const std::vector<std::string> formats{"table", "json"};
  po::options_description o("Opties voor 'begroting sensitivity'");
  o.add_options()("help,h", "deze hulp");
  add_format_output(o, formats);
  po::positional_options_description pos;
  // --strict: the findings of the scenario itself (without uncertainty)
  add_scenario_args(o, pos, "file", false, "scenariobestand met een sectie onzekerheden:");
  const auto parsed = parse_or_help(args, o, pos, {"begroting sensitivity SCENARIO.yaml [opties]",
                 "Tornado: elke onzekerheid apart op haar lage en hoge waarde (verdeling: P5 en P95, in alle\n"
                 "jaren; gebeurtenis: niet, of wel in haar eerste mogelijke jaar met de mediaan van haar impact),\n"
                 "de andere op de waarde van het scenario; het effect op het eigen vermogen op 31-12 van het\n"
                 "laatste jaar, grootste bandbreedte eerst.",
                 "  begroting sensitivity scenarios/zuid-kennemerland-2024-risico.yaml\n"
                 "  begroting sensitivity scenarios/zuid-kennemerland-2024-risico.yaml --format json\n"});
  if (!parsed) return kOk;
  const po::variables_map& vm = *parsed;
  if (!vm.count("file"))
    throw UsageError("begroting sensitivity: geen scenariobestand opgegeven; verwacht 'begroting sensitivity SCENARIO.yaml'");
  const std::string format = format_of(vm, formats);
  const Scenario s = load_input(vm["file"].as<std::string>(), overrides_from(vm));
  if (s.onzekerheden.empty())
    throw InputError(s.files.front() + ":1:1: het scenario declareert geen onzekerheden; verwacht een sectie 'onzekerheden:'");
  std::unique_ptr<RiskModel> m(make_model(s));
  const SensitivityResult r = run_sensitivity(*m);
  emit(format == "json" ? render_sensitivity_json(r, &s) : render_sensitivity_table(r, &s), vm["output"].as<std::string>());
  return strict_exit(vm, run(s).findings);
}

}  // namespace begroting::cli
