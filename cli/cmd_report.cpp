// begroting report FILE... --format html|pdf|xlsx|md|csv [--dutch] --output PATH [--set PATH=VALUE]...
// One file: a report of that scenario; several: the same per scenario plus a comparison with
// the first. Every output is written atomically (a failed run leaves an existing report as it was).
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <memory>
#include <thread>

#include "begroting/engine.hpp"
#include "begroting/reports.hpp"
#include "begroting/risk.hpp"
#include "begroting/risk_reports.hpp"
#include "begroting/what_if_page.hpp"
#include "scenario_json.hpp"
#include "commands.hpp"
#include "scenario_json.hpp"
#include "common.hpp"

namespace begroting::cli {

int cmd_report(const std::vector<std::string>& args) {
  const std::vector<std::string>& formats = report_formats();
  po::options_description o("Opties voor 'begroting report'");
  o.add_options()("help,h", "deze hulp");
  add_format_output(o, formats, true, "schrijf naar dit bestand (atomair); verplicht voor xlsx, anders stdout");
  o.add_options()("interactief", "html: een wat-als-pagina met de rekenkern (WebAssembly) erin: schuiven, doelzoeken, waaier, "
                                 "bewaren als scenario; een bestand, werkt offline (een scenario)");
  o.add_options()("dutch", "csv voor Nederlandse Excel: ';' als scheidingsteken en decimale komma");
  add_date_option(o, "datum van de run in de kop (JJJJ-MM-DD; standaard vandaag, UTC)");
  add_paths_option(o, "als het (eerste) scenario onzekerheden declareert: paden van de risicoanalyse (begroting risk)");
  add_seed_option(o, "met onzekerheden: seed van de risicoanalyse");
  po::positional_options_description pos;
  add_scenario_args(o, pos, "file", true, "scenariobestand(en)");
  const auto parsed = parse_or_help(args, o, pos, {"begroting report SCENARIO.yaml... --format html|pdf|xlsx|md|csv [--output PAD] [opties]",
                 "Maakt een rapport voor de algemene vergadering en de kwaliteitscommissie: de meerjarenbegroting\n"
                 "in de opmaak van het plan, de kengetallen met signalen en (html) grafieken. Met meer scenario's\n"
                 "ook een vergelijking met het eerste. --set geldt voor elk scenario.",
                 "  begroting report scenarios/zuid-kennemerland-2024.yaml --format html --output begroting.html\n"
                 "  begroting report scenarios/zuid-kennemerland-2024.yaml --format xlsx --output begroting.xlsx\n"
                 "  begroting report scenarios/zuid-kennemerland-2024.yaml --format pdf --output begroting.pdf\n"
                 "  begroting report scenarios/zuid-kennemerland-2024.yaml --format csv --dutch --output begroting.csv\n"
                 "  begroting report scenarios/zuid-kennemerland-2024.yaml ander.yaml \\\n"
                 "      --format md --output vergelijking.md\n"
                 "  begroting report scenarios/zuid-kennemerland-2024-risico.yaml \\\n"
                 "      --format html --paths 100000 --output risico.html\n"
                 "  begroting report scenarios/zuid-kennemerland-2024.yaml \\\n"
                 "      --format html --interactief --output wat-als.html\n"});
  if (!parsed) return kOk;
  const po::variables_map& vm = *parsed;
  if (!vm.count("file"))
    throw UsageError("begroting report: geen scenariobestand opgegeven; verwacht 'begroting report SCENARIO.yaml... --format html|pdf|xlsx|md|csv'");
  if (!vm.count("format")) throw UsageError("begroting report: --format ontbreekt; verwacht een van: html, pdf, xlsx, md, csv");
  const std::string format = format_of(vm, formats);
  const std::string output = vm["output"].as<std::string>();
  if ((format == "xlsx" || format == "pdf") && (output.empty() || output == "-"))
    throw UsageError("begroting report: --format " + format + " schrijft een bestand; verwacht --output PAD." + format);
  if (vm.count("dutch") && format != "csv") throw UsageError("begroting report: --dutch geldt alleen voor --format csv");
  ReportOptions opts;
  opts.run_date = date_of(vm);
  RiskOptions ro;  // checked before any scenario is loaded, as in begroting risk
  ro.paths = paths_of(vm);
  ro.seed = seed_of(vm);

  const auto files = vm["file"].as<std::vector<std::string>>();
  const auto overrides = overrides_from(vm);
  if (vm.count("interactief")) {
    if (format != "html") throw UsageError("begroting report: --interactief geldt alleen voor --format html");
    if (files.size() != 1)
      throw UsageError("begroting report: --interactief maakt een pagina van een scenario; verwacht precies een scenariobestand");
    // Load and compute first: a scenario that fails to load gives the same error and exit code
    // as `run`, and never a page.
    const Scenario s = load_input(files.front(), overrides);
    const Result r = run(s);
    if (!what_if_available())
      throw UsageError("begroting report --interactief: deze begroting is gebouwd zonder WebAssembly (emscripten ontbrak); "
                       "installeer emscripten (scripts/setup doet dat) en bouw opnieuw met -DBEGROTING_WASM=ON");
    WhatIfOptions wo;
    wo.run_date = opts.run_date;
    wo.bestand = files.front();
    wo.extends_path = std::filesystem::absolute(files.front()).lexically_normal().string();
    wo.paths = static_cast<decltype(wo.paths)>(ro.paths);
    wo.seed = static_cast<decltype(wo.seed)>(ro.seed);
    wo.titel = scenario_title(s);  // a variant says so, with its --set (issue 12.2)
    wo.herkomst = provenance_rows(s);
    emit(render_what_if_page(s, wo), output);
    return strict_exit(vm, r.findings);
  }
  std::vector<Scenario> scenarios;
  std::vector<Result> results;
  scenarios.reserve(files.size());
  results.reserve(files.size());
  for (const auto& f : files) {
    scenarios.push_back(load_input(f, overrides));
    results.push_back(run(scenarios.back()));
    const Horizon& h0 = results.front().horizon;
    const Horizon& h = results.back().horizon;
    if (h.first != h0.first || h.last != h0.last)
      throw InputError(f + ": jaren " + std::to_string(h.first) + "-" + std::to_string(h.last) +
                       " verschillen van die van " + files.front() + " (" + std::to_string(h0.first) + "-" +
                       std::to_string(h0.last) + "); verwacht scenario's met dezelfde jaren om te vergelijken");
  }
  std::vector<ScenarioRun> runs;
  for (size_t i = 0; i < scenarios.size(); ++i) runs.push_back({&scenarios[i], &results[i]});

  std::vector<Finding> findings;
  for (const auto& r : results) findings.insert(findings.end(), r.findings.begin(), r.findings.end());
  // With uncertainties in the first scenario the HTML report shows the fan chart (percentiles
  // of eigen vermogen, begroting risk) and the tornado (begroting sensitivity) of that scenario.
  RiskView risk;
  if (format != "csv" && !scenarios.front().onzekerheden.empty()) {
    std::unique_ptr<RiskModel> m;
    try {
      m = std::make_unique<RiskModel>(scenarios.front());
    } catch (const std::invalid_argument& e) {
      throw InputError(e.what());
    }
    ro.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    risk = risk_view(run_risk(*m, ro), run_sensitivity(*m), &scenarios.front());
    opts.risk = &risk;
  }
  if (format == "xlsx") {
    emit(render_xlsx(runs, opts), output);  // the same checks and messages as every format
    return strict_exit(vm, findings);
  }
  if (format == "pdf") {
    // Chromium missing or failing is no input error: exit 3 ("interne fout") with its message.
    emit(html_to_pdf(render_html(runs, opts)), output);
    return strict_exit(vm, findings);
  }
  const std::string out = format == "html" ? render_html(runs, opts)
                          : format == "md" ? render_markdown(runs, opts)
                                           : render_csv_runs(runs, vm.count("dutch") ? CsvDialect::dutch_excel() : CsvDialect{});
  emit(out, output);
  return strict_exit(vm, findings);
}

}  // namespace begroting::cli
