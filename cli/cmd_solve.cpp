// begroting solve FILE --param PATH [--years VAN-TOT | --year JAAR] --target LINE [--target-year JAAR | --every-year]
//   (--equals V | --at-least V | --at-most V | --at-least-line LINE | --at-most-line LINE)
//   [--min X] [--max Y] [--format table|json] [--output PATH] [--set PATH=VALUE]...
#include <charconv>
#include <cmath>

#include "begroting/engine.hpp"
#include "begroting/solve.hpp"
#include "begroting/solve_report.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "line_arg.hpp"

namespace begroting::cli {

namespace {

double number_arg(const std::string& text, const std::string& option) {
  double v = 0;
  const char* b = text.data();
  const char* e = text.data() + text.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, v);
  if (text.empty() || ec != std::errc() || p != e || !std::isfinite(v))
    throw UsageError("--" + option + " '" + text + "': geen getal; verwacht een getal met een punt als decimaalteken, bijvoorbeeld 430 of 0.04");
  return v;
}

std::vector<int> years_of_param(const po::variables_map& vm, const ParamSpec& spec, const Horizon& h) {
  const YearRange r = years_for(spec.shape, h);
  const std::string range = std::to_string(r.first) + "-" + std::to_string(r.last);
  const bool has_years = vm.count("years") > 0, has_year = vm.count("year") > 0;
  if (has_years && has_year) throw UsageError("begroting solve: geef --years of --year, niet allebei");
  if (spec.shape == Shape::Single) {
    if (has_years || has_year)
      throw UsageError("--param " + spec.path + " is een enkele waarde zonder jaar; laat --years en --year weg");
    return {0};
  }
  int first = r.first, last = r.last;
  if (has_year) {
    first = last = year_arg(vm["year"].as<std::string>(), "--year");
  } else if (has_years) {
    const std::string t = vm["years"].as<std::string>();
    const auto dash = t.find('-');
    if (dash == std::string::npos) throw UsageError("--years '" + t + "': verwacht VAN-TOT, bijvoorbeeld --years 2025-2028");
    first = year_arg(t.substr(0, dash), "--years");
    last = year_arg(t.substr(dash + 1), "--years");
    if (last < first) throw UsageError("--years '" + t + "': het laatste jaar ligt voor het eerste; verwacht bijvoorbeeld 2025-2028");
  }
  if (first < r.first || last > r.last)
    throw UsageError("--param " + spec.path + ": jaar " + std::to_string(first < r.first ? first : last) +
                     " valt buiten de jaren van deze parameter; verwacht jaren in " + range);
  std::vector<int> ys;
  for (int y = first; y <= last; ++y) ys.push_back(y);
  return ys;
}

const ParamSpec& param_arg(const std::string& path, const Registry& reg = Registry::builtin()) {
  if (const ParamSpec* p = reg.find(path)) return *p;
  std::vector<std::string> paths;
  for (const auto& s : reg.entries()) paths.push_back(s.path);
  const std::string best = did_you_mean(path, paths);
  throw UsageError("--param '" + path + "': onbekende parameter" +
                   (!best.empty() ? "; bedoelt u '" + best + "'?" : "; verwacht een pad uit het scenariobestand, bijvoorbeeld regulier_onderwijs.ondersteuningsbedrag_per_leerling"));
}

}  // namespace

int cmd_solve(const std::vector<std::string>& args) {
  const std::vector<std::string> formats{"table", "json"};
  po::options_description o("Opties voor 'begroting solve'");
  o.add_options()("help,h", "deze hulp")
      ("param", po::value<std::string>(), "PAD: de parameter die gezocht wordt, bijvoorbeeld regulier_onderwijs.ondersteuningsbedrag_per_leerling")
      ("years", po::value<std::string>(), "VAN-TOT: een waarde voor al deze jaren van de parameter (standaard: alle jaren)")
      ("year", po::value<std::string>(), "JAAR: alleen dit jaar van de parameter")
      ("target", po::value<std::string>(), "REGEL: de uitkomst waar het doel over gaat, bijvoorbeeld resultaat")
      ("target-year", po::value<std::string>(), "JAAR van de uitkomst (standaard: het laatste jaar van --years/--year; bij leerlingen op een teldatum het jaar erna; bij een enkele waarde het laatste begrotingsjaar)")
      ("every-year", po::bool_switch(), "het doel in elk begrotingsjaar (het jaar met de kleinste marge beslist); niet met --target-year of --equals")
      ("equals", po::value<std::string>(), "V: de uitkomst gelijk aan V (de cent waarbij zij net >= V is)")
      ("at-least", po::value<std::string>(), "V: de uitkomst minstens V")
      ("at-most", po::value<std::string>(), "V: de uitkomst hooguit V")
      ("at-least-line", po::value<std::string>(), "REGEL: de uitkomst minstens deze regel (zelfde jaar)")
      ("at-most-line", po::value<std::string>(), "REGEL: de uitkomst hooguit deze regel (zelfde jaar)")
      ("min", po::value<std::string>(), "kleinste toegestane waarde (standaard: de ondergrens uit het schema)")
      ("max", po::value<std::string>(), "grootste toegestane waarde (standaard: de bovengrens uit het schema)");
  add_format_output(o, formats);
  po::positional_options_description pos;
  add_scenario_args(o, pos, "file", false, "scenariobestand", false);
  po::options_description hidden;
  hidden.add_options()("year-target", po::value<std::string>(), "alias van --target-year")("alle-jaren", po::bool_switch(), "alias van --every-year");
  po::options_description all;
  all.add(o).add(hidden);
  const auto parsed = parse_or_help(args, o, all, pos, {"begroting solve SCENARIO.yaml --param PAD [--years VAN-TOT | --year JAAR]\n"
                 "           --target REGEL [--target-year JAAR | --every-year]\n"
                 "           (--equals V | --at-least V | --at-most V | --at-least-line REGEL | --at-most-line REGEL)\n"
                 "           [--min X] [--max Y] [opties]",
                 "Doelzoeken: de waarde van een parameter (een waarde, of een waarde voor een reeks jaren) waarbij\n"
                 "een uitkomst in een jaar aan het doel voldoet. De parameter loopt in hele centen (fracties in\n"
                 "stappen van 0,000001, leerlingen in hele aantallen, leerlingjaren in 0,001). Het antwoord is\n"
                 "de grens: de hoogste (of laagste) waarde die voldoet, en de waarde een stap verder voldoet\n"
                 "niet; beide worden getoond met de uitkomst die ze geven. --equals V geeft de waarde waarbij de\n"
                 "uitkomst net >= V is. Met --every-year moet het doel in elk begrotingsjaar gelden; het jaar\n"
                 "met de kleinste marge beslist en wordt getoond. Zonder --min/--max geldt het bereik uit het\n"
                 "parameterschema.\n"
                 "Haalt geen waarde in het bereik het doel, dan afsluitcode 2 met uitleg.\n"
                 "Een negatieve waarde schrijft u met '=': --equals=-50000.",
                 "  Het hoogste vaste ondersteuningsbedrag per leerling voor 2025-2028 waarbij het eigen vermogen op\n"
                 "  31-12 in elk jaar minstens het niveau van het weerstandsvermogen is:\n"
                 "    begroting solve scenarios/zuid-kennemerland-2024.yaml \\\n"
                 "      --param regulier_onderwijs.ondersteuningsbedrag_per_leerling --years 2025-2028 \\\n"
                 "      --target eigen_vermogen_31_december --every-year --at-least-line weerstandsvermogen_niveau\n"
                 "  Het ondersteuningsbedrag voor 2027 waarbij het resultaat van 2027 nul is:\n"
                 "    begroting solve scenarios/zuid-kennemerland-2024.yaml \\\n"
                 "      --param regulier_onderwijs.ondersteuningsbedrag_per_leerling --year 2027 \\\n"
                 "      --target resultaat --target-year 2027 --equals 0 --format json\n"});
  if (!parsed) return kOk;
  const po::variables_map& vm = *parsed;
  if (!vm.count("file")) throw UsageError("begroting solve: geen scenariobestand opgegeven; verwacht 'begroting solve SCENARIO.yaml --param PAD ...' (zie --help)");
  if (!vm.count("param")) throw UsageError("begroting solve: --param ontbreekt; verwacht bijvoorbeeld --param regulier_onderwijs.ondersteuningsbedrag_per_leerling");
  if (!vm.count("target")) throw UsageError("begroting solve: --target ontbreekt; verwacht bijvoorbeeld --target resultaat");
  const std::string format = format_of(vm, formats);

  SolveSpec spec;
  // A built-in parameter is checked before the scenario is read; one the scenario's model
  // declares (registry.hpp) after.
  const std::string param_path = vm["param"].as<std::string>();
  if (Registry::builtin().find(param_path)) (void)param_arg(param_path);
  const std::string target_id = vm["target"].as<std::string>();
  if (Model::builtin()->find(target_id) >= 0) spec.target.line = line_arg(target_id, "--target");

  int conditions = 0;
  for (const char* c : {"equals", "at-least", "at-most", "at-least-line", "at-most-line"}) conditions += static_cast<int>(vm.count(c));
  if (conditions != 1)
    throw UsageError("begroting solve: geef precies een doel: --equals V, --at-least V, --at-most V, --at-least-line REGEL of --at-most-line REGEL");
  if (vm.count("equals")) { spec.target.op = SolveTarget::Op::Equals; spec.target.value = number_arg(vm["equals"].as<std::string>(), "equals"); }
  if (vm.count("at-least")) { spec.target.op = SolveTarget::Op::AtLeast; spec.target.value = number_arg(vm["at-least"].as<std::string>(), "at-least"); }
  if (vm.count("at-most")) { spec.target.op = SolveTarget::Op::AtMost; spec.target.value = number_arg(vm["at-most"].as<std::string>(), "at-most"); }
  if (vm.count("at-least-line")) { spec.target.op = SolveTarget::Op::AtLeast; spec.target.other = line_arg(vm["at-least-line"].as<std::string>(), "--at-least-line"); }
  if (vm.count("at-most-line")) { spec.target.op = SolveTarget::Op::AtMost; spec.target.other = line_arg(vm["at-most-line"].as<std::string>(), "--at-most-line"); }

  const Scenario s = load_input(vm["file"].as<std::string>(), overrides_from(vm));
  const ParamSpec& ps = param_arg(param_path, s.reg());
  spec.param = ps.path;
  if (!ps.unit_text.empty()) spec.declared = &ps;
  if (ps.section == "stromen" && s.stromen.empty())
    throw UsageError("--param " + ps.path + " hoort bij het stromenmodel, maar " + s.files.front() +
                     " heeft geen sectie stromen: (het rekent met groeivoeten); verwacht een scenario met stromen:, zoals "
                     "scenarios/zuid-kennemerland-2024-stromen.yaml");
  spec.model = s.model;
  spec.target.line = line_arg(target_id, "--target", model_of(s));  // a line the scenario's model declares too
  spec.years = years_of_param(vm, ps, s.horizon);

  if (vm.count("target-year") && vm.count("year-target")) throw UsageError("begroting solve: geef --target-year maar een keer");
  const char* ty = vm.count("target-year") ? "target-year" : vm.count("year-target") ? "year-target" : nullptr;
  spec.target.every_year = vm["every-year"].as<bool>() || vm["alle-jaren"].as<bool>();
  if (spec.target.every_year) {
    if (ty) throw UsageError("begroting solve: --every-year geldt voor elk begrotingsjaar; laat --target-year weg of laat --every-year weg");
    if (spec.target.op == SolveTarget::Op::Equals)
      throw UsageError("begroting solve: --every-year gaat niet samen met --equals (gelijk in elk jaar tegelijk bestaat niet); verwacht --at-least of --at-most");
    spec.target.first_year = s.horizon.first;
    spec.target.year = s.horizon.last;
  } else if (ty) spec.target.year = year_arg(vm[ty].as<std::string>(), std::string("--") + ty);
  else if (ps.shape == Shape::Single) spec.target.year = s.horizon.last;
  else if (ps.shape == Shape::Teldatum || ps.shape == Shape::TeldatumGrowth)
    spec.target.year = spec.years.back() + 1;  // a teldatum funds the next begrotingsjaar
  else spec.target.year = spec.years.back();
  check_in_horizon(spec.target.year, s.horizon, "--target-year");

  spec.step = solve_step(ps.unit);
  spec.min = ps.min_exclusive ? ps.min + spec.step : ps.min;
  spec.max = ps.max;
  if (vm.count("min")) spec.min = number_arg(vm["min"].as<std::string>(), "min");
  if (vm.count("max")) spec.max = number_arg(vm["max"].as<std::string>(), "max");
  if ((ps.min_exclusive ? spec.min <= ps.min : spec.min < ps.min) || spec.max > ps.max)
    throw UsageError("begroting solve: --min/--max buiten het toegestane bereik van " + ps.path + "; verwacht waarden van " +
                     std::to_string(ps.min) + (ps.min_exclusive ? " (exclusief)" : "") + " tot en met " + std::to_string(ps.max));
  if (spec.max < spec.min + spec.step / 2)
    throw UsageError("begroting solve: --max ligt niet boven --min; verwacht een bereik met ruimte om te zoeken");

  SolveOutcome outcome;
  try {
    outcome = solve(s, spec);
  } catch (const SolveError& e) {
    throw InputError(solve_error_message(spec, e));
  }
  emit(format == "json" ? render_solve_json(s, spec, outcome) : render_solve_table(s, spec, outcome), vm["output"].as<std::string>());
  return kOk;
}

}  // namespace begroting::cli
