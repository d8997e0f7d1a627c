// begroting run FILE [--format table|json|csv] [--output PATH] [--set PATH=VALUE]... [--strict]

#include "begroting/engine.hpp"
#include "begroting/reports.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace begroting::cli {

int cmd_run(const std::vector<std::string>& args) {
  po::options_description o("Opties voor 'begroting run'");
  const std::vector<std::string> formats{"table", "json", "csv"};
  o.add_options()("help,h", "deze hulp");
  add_format_output(o, formats);
  o.add_options()("dutch", "csv voor Nederlandse Excel: BOM, ';', decimale komma, omschrijving naast de id, percentages");
  o.add_options()("view", po::value<std::string>()->default_value("begroting"),
       "begroting (de hele begroting) | waterbed (par. 8.1.1: waar de rijksbijdrage heen gaat) | "
       "ikc (par. 8.1.6: volumebekostiging, bandbreedte, verdeling over de besturen) | "
       "vangnet (par. 8.1.7: claims SO cluster 3 tegen de maximale ruimte) | "
       "scholen (par. 8.1.2-8.1.5: budget per school en per bestuur; scenario met 'scholen: BESTAND')");
  o.add_options()("school", po::value<std::string>(),
       "met --view scholen: de opbouw van het budget van deze school per jaar (id uit het scholenbestand)");
  po::positional_options_description pos;
  add_scenario_args(o, pos, "file", false, "scenariobestand");
  const auto parsed = parse_or_help(args, o, pos, {"begroting run SCENARIO.yaml [opties]",
      "Rekent de meerjarenbegroting van een scenario door en toont elke regel per jaar.",
                 "  begroting run scenarios/zuid-kennemerland-2024.yaml\n"
                 "  begroting run scenarios/zuid-kennemerland-2024.yaml --format json --output begroting.json\n"
                 "  begroting run scenarios/zuid-kennemerland-2024.yaml --set leerlingen.so_cat1.groei=0.06\n"
                 "  begroting run scenarios/zuid-kennemerland-2024.yaml --view waterbed\n"
                 "  begroting run scenarios/zuid-kennemerland-2024.yaml --view waterbed --format json\n"
                 "  begroting run scenarios/zuid-kennemerland-2024.yaml --view ikc --set ikc.teldatum_later.2025=660\n"
                 "  begroting run scenarios/zuid-kennemerland-2024-scholen.yaml --view scholen --format json\n"
                 "  begroting run scenarios/zuid-kennemerland-2024-scholen.yaml --view scholen --school ZK001\n"});
  if (!parsed) return kOk;
  const po::variables_map& vm = *parsed;
  if (!vm.count("file")) throw UsageError("begroting run: geen scenariobestand opgegeven; verwacht 'begroting run SCENARIO.yaml'");
  const std::string format = format_of(vm, formats);
  const std::string view = vm["view"].as<std::string>();
  check_choice("view", view, view_names());
  if (vm.count("school") && view != "scholen")
    throw UsageError("begroting run: --school hoort bij --view scholen");
  const Scenario s = load_input(vm["file"].as<std::string>(), overrides_from(vm));
  const Result r = run(s);
  if (vm.count("dutch") && (format != "csv" || view != "begroting"))
    throw UsageError("begroting run: --dutch geldt alleen voor --format csv van de begroting (zonder --view)");
  std::string out;
  if (vm.count("dutch")) out = render_csv(s, r, CsvDialect::dutch_excel());
  else if (vm.count("school")) {
    try {
      out = render_school_detail(s, r, vm["school"].as<std::string>(), format);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("begroting run --school: ") + e.what());
    }
  } else out = render_view(s, r, view, format);
  emit(out, vm["output"].as<std::string>());
  return strict_exit(vm, r.findings);
}

}  // namespace begroting::cli
