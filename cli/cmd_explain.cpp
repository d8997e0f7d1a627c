// begroting explain LINE YEAR FILE [--depth N] [--format table|json] [--output PATH] [--set PATH=VALUE]...

#include "begroting/engine.hpp"
#include "begroting/explain.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "line_arg.hpp"

namespace begroting::cli {

int cmd_explain(const std::vector<std::string>& args) {
  const std::vector<std::string> formats{"table", "json"};
  po::options_description o("Opties voor 'begroting explain'");
  o.add_options()("help,h", "deze hulp");
  add_depth_option(o, "N: zoveel lagen invoer tonen (1 = alleen de directe invoer)");
  add_format_output(o, formats);
  o.add_options()
      ("line", po::value<std::string>(), "regel-id")
      ("year", po::value<std::string>(), "begrotingsjaar");
  po::positional_options_description pos;
  pos.add("line", 1).add("year", 1);
  add_scenario_args(o, pos, "file", false, "scenariobestand", false);
  const auto parsed = parse_or_help(args, o, pos, {"begroting explain REGEL JAAR SCENARIO.yaml [opties]",
                 "Hoe een bedrag tot stand kwam: de formule (met de paragraaf van het plan), de afronding en elke\n"
                 "invoer met waarde, eenheid en bron: de paragraaf van het plan, het scenariobestand met regel en\n"
                 "kolom, of de --set die haar gaf. Invoer die zelf een regel is, wordt uitgelegd tot --depth lagen.\n"
                 "REGEL is een id zoals in 'begroting run --format csv' (bijvoorbeeld resultaat).",
                 "  begroting explain resultaat 2027 scenarios/zuid-kennemerland-2024.yaml\n"
                 "  begroting explain lasten.overdrachten.speciaal_onderwijs.ondersteuningsbekostiging_inhouding_duo \\\n"
                 "      2024 scenarios/zuid-kennemerland-2024.yaml --depth 2\n"
                 "  begroting explain eigen_vermogen_31_december 2028 scenarios/so-groei-6.yaml \\\n"
                 "      --depth 3 --format json\n"});
  if (!parsed) return kOk;
  const po::variables_map& vm = *parsed;
  if (!vm.count("line") || !vm.count("year") || !vm.count("file"))
    throw UsageError("begroting explain: verwacht 'begroting explain REGEL JAAR SCENARIO.yaml', bijvoorbeeld "
                     "'begroting explain resultaat 2027 scenarios/zuid-kennemerland-2024.yaml'");
  const std::string format = format_of(vm, formats);
  const int depth = depth_of(vm);
  // A line of the built-in model is checked before the scenario is read; a line the scenario's
  // model declares after.
  const std::string line_id = vm["line"].as<std::string>();
  const int year = year_arg(vm["year"].as<std::string>(), "jaar");
  const Scenario s = load_input(vm["file"].as<std::string>(), overrides_from(vm));
  const Line line = line_arg(line_id, "regel", model_of(s));
  check_in_horizon(year, s.horizon, "jaar");
  Trace trace;
  const Result r = run(s, &trace);
  emit(format == "json" ? render_explain_json(s, r, trace, line, year, depth) : render_explain_table(s, r, trace, line, year, depth),
       vm["output"].as<std::string>());
  return kOk;
}

}  // namespace begroting::cli
