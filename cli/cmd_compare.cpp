// begroting compare A.yaml B.yaml [...] [--all] [--line ID]... [--format table|json|csv]
//                   [--output PATH] [--set PATH=VALUE]...

#include "begroting/compare.hpp"
#include "begroting/engine.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "line_arg.hpp"

namespace begroting::cli {

int cmd_compare(const std::vector<std::string>& args) {
  const std::vector<std::string> formats{"table", "json", "csv"};
  po::options_description o("Opties voor 'begroting compare'");
  o.add_options()("help,h", "deze hulp")
      ("all", "toon alle regels, ook die niet verschillen (standaard: alleen regels die verschillen)")
      ("line", po::value<std::vector<std::string>>()->composing(),
       "ID: toon alleen deze regel (herhaalbaar), bijvoorbeeld --line resultaat");
  add_format_output(o, formats);
  o.add_options()("dutch", "csv voor Nederlandse Excel: BOM, ';', decimale komma, omschrijving naast de id");
  po::positional_options_description pos;
  add_scenario_args(o, pos, "files", true, "scenariobestanden");
  const auto parsed = parse_or_help(args, o, pos, {"begroting compare A.yaml B.yaml [C.yaml ...] [opties]",
                 "Zet scenario's naast elkaar, per regel en jaar, met het verschil ten opzichte van het eerste\n"
                 "scenario (A). Standaard alleen de regels die verschillen. Daaronder per scenario het eigen\n"
                 "vermogen op 31-12 en het eerste jaar dat het lager is dan de signaleringswaarde en dan het\n"
                 "niveau van het weerstandsvermogen (of 'nooit'). --set geldt voor elk scenario.\n"
                 "table: hele euro's in Nederlandse notatie; json en csv: exacte euro's met centen.\n"
                 "csv: id,scenario,soort,JAAR...; soort is herkomst, waarde, verschil_met_A of signaal (1 = de\n"
                 "rekenkern gaf dat signaal in dat jaar, bijvoorbeeld signaal.onder_weerstandsvermogen).",
                 "  begroting compare scenarios/zuid-kennemerland-2024.yaml scenarios/so-groei-6.yaml\n"
                 "  begroting compare scenarios/zuid-kennemerland-2024.yaml scenarios/ocw-korting-2025-2028.yaml \\\n"
                 "      scenarios/bo-krimp-1-5.yaml --line resultaat --line eigen_vermogen_31_december\n"
                 "  begroting compare scenarios/zuid-kennemerland-2024.yaml scenarios/so-groei-6.yaml \\\n"
                 "      --format csv --output v.csv\n"});
  if (!parsed) return kOk;
  const po::variables_map& vm = *parsed;
  const auto files = vm.count("files") ? vm["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (files.size() < 2)
    throw UsageError("begroting compare: verwacht minstens twee scenariobestanden, bijvoorbeeld "
                     "'begroting compare scenarios/zuid-kennemerland-2024.yaml scenarios/so-groei-6.yaml'");
  const std::string format = format_of(vm, formats);
  if (vm.count("dutch") && format != "csv") throw UsageError("begroting compare: --dutch geldt alleen voor --format csv");
  CompareOptions opt;
  if (vm.count("dutch")) opt.csv = CsvDialect::dutch_excel();
  opt.all = vm.count("all") > 0;
  if (vm.count("line"))
    for (const auto& id : vm["line"].as<std::vector<std::string>>()) opt.lines.push_back(line_arg(id, "--line"));
  const auto overrides = overrides_from(vm);
  std::vector<Scenario> scenarios;
  std::vector<Result> results;
  scenarios.reserve(files.size());
  results.reserve(files.size());
  for (const auto& f : files) {
    scenarios.push_back(load_input(f, overrides));
    results.push_back(run(scenarios.back()));
  }
  std::vector<CompareEntry> entries;
  for (size_t k = 0; k < files.size(); ++k) entries.push_back({&scenarios[k], &results[k], files[k]});
  if (!common_years(entries))
    throw UsageError("begroting compare: de scenario's hebben geen gemeenschappelijk begrotingsjaar; verwacht overlappende 'jaren'");
  const std::string out = format == "json" ? render_compare_json(entries, opt)
                          : format == "csv" ? render_compare_csv(entries, opt)
                                            : render_compare_table(entries, opt);
  emit(out, vm["output"].as<std::string>());
  std::vector<Finding> findings;  // --strict: a finding in any of the scenarios counts
  for (const auto& r : results) findings.insert(findings.end(), r.findings.begin(), r.findings.end());
  return strict_exit(vm, findings);
}

}  // namespace begroting::cli
