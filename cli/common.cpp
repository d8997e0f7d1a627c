#include "common.hpp"

#include <algorithm>
#include <iostream>

#include "begroting/reports.hpp"

namespace begroting::cli {

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& opts,
                        const po::positional_options_description& pos) {
  po::variables_map vm;
  try {
    namespace st = po::command_line_style;
    const int style = st::default_style & ~st::allow_guessing;
    po::store(po::command_line_parser(args).options(opts).positional(pos).style(style).run(), vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    // Did-you-mean over the command's own long options (never a silent guess: allow_guessing is off).
    const std::string given = e.get_option_name();
    std::string bare = given.substr(given.find_first_not_of('-'));
    bare = bare.substr(0, bare.find('='));
    std::vector<std::string> names;
    for (const auto& o : opts.options()) {
      const std::string name = o->long_name();
      if (name.empty() || name == "file" || name == "files") continue;  // positional, not typed as options
      names.push_back(name);
    }
    const std::string best = did_you_mean(bare, names);
    throw UsageError("ongeldige aanroep: onbekende optie '" + given + "'" +
                     (!best.empty() ? "; bedoelt u '--" + best + "'?" : "; zie --help voor de opties"));
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("ongeldige aanroep: te veel bestanden of waarden zonder optie; zie --help");
  } catch (const po::invalid_command_line_syntax& e) {
    if (e.kind() == po::invalid_syntax::missing_parameter)
      throw UsageError("ongeldige aanroep: optie '" + e.get_option_name() + "' mist een waarde; zie --help");
    throw UsageError(std::string("ongeldige aanroep: ") + e.what() + "; zie --help");
  } catch (const po::multiple_occurrences& e) {
    throw UsageError("ongeldige aanroep: optie '" + e.get_option_name() + "' staat er meer dan een keer; verwacht haar hooguit een keer");
  } catch (const po::error& e) {
    throw UsageError(std::string("ongeldige aanroep: ") + e.what() + "; zie --help");
  }
  return vm;
}

void add_set_option(po::options_description& o) {
  o.add_options()("set", po::value<std::vector<std::string>>()->composing(),
                  "PAD=WAARDE: overschrijf een waarde uit het scenario (herhaalbaar), "
                  "bijvoorbeeld --set leerlingen.so_cat1.groei=0.06 of --set tarieven.sbo.2026=6700");
}

std::vector<Override> overrides_from(const po::variables_map& vm) {
  std::vector<Override> out;
  if (vm.count("set"))
    for (const auto& s : vm["set"].as<std::vector<std::string>>()) out.push_back(Override{s});
  return out;
}

void emit(const std::string& content, const std::string& output_path) {
  if (output_path.empty() || output_path == "-") {
    std::cout << content << std::flush;
    return;
  }
  try {
    write_atomically(output_path, content);
  } catch (const std::runtime_error& e) {
    // A path that cannot be written (missing folder, no permission) is bad usage, not an
    // internal error; write_atomically has already removed its temporary file.
    throw UsageError(std::string("--output ") + e.what() + "; verwacht een pad in een bestaande map waarin u mag schrijven");
  }
}

const char* const kExitCodesHelp =
    "Afsluitcodes:\n"
    "  0  gelukt\n"
    "  1  alleen met --strict: de run is gelukt maar gaf signalen; telt mee: elk signaal van de run:\n"
    "     eigen vermogen negatief, onder het niveau van het weerstandsvermogen of boven de\n"
    "     signaleringswaarde, en elk signaal van een verdeelregel (vangnet, bandbreedte, ...)\n"
    "  2  fout in de invoer of de aanroep (bestand, regel en kolom staan in de melding); een\n"
    "     bestaand --output-bestand blijft dan onaangeroerd\n"
    "  3  interne fout of rekenfout (bijvoorbeeld een bedrag dat niet meer in centen past)\n";

void add_strict_option(po::options_description& o) {
  o.add_options()("strict", "afsluitcode 1 als de run signalen gaf (eigen vermogen onder het weerstandsvermogen, "
                            "boven de signaleringswaarde, negatief; signalen van verdeelregels)");
}

int strict_exit(const po::variables_map& vm, const std::vector<Finding>& findings) {
  return vm.count("strict") && !findings.empty() ? kFindings : kOk;
}

void add_format_output(po::options_description& o, const std::vector<std::string>& formats, bool required,
                       const std::string& output_help) {
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : " | ") + f;
  if (required) o.add_options()("format,f", po::value<std::string>(), (list + " (verplicht)").c_str());
  else o.add_options()("format,f", po::value<std::string>()->default_value(formats.front()), list.c_str());
  o.add_options()("output,o", po::value<std::string>()->default_value(""), output_help.c_str());
}

void add_scenario_args(po::options_description& o, po::positional_options_description& pos, const char* name, bool many,
                       const char* help, bool strict) {
  if (many) o.add_options()(name, po::value<std::vector<std::string>>(), help);
  else o.add_options()(name, po::value<std::string>(), help);
  add_set_option(o);
  if (strict) add_strict_option(o);
  pos.add(name, many ? -1 : 1);
}

std::string format_of(const po::variables_map& vm, const std::vector<std::string>& formats) {
  if (!vm.count("format")) {
    std::string list;
    for (const auto& f : formats) list += (list.empty() ? "" : ", ") + f;
    throw UsageError("--format ontbreekt; verwacht een van: " + list);
  }
  const std::string format = vm["format"].as<std::string>();
  check_choice("format", format, formats);
  return format;
}

std::optional<po::variables_map> parse_or_help(const std::vector<std::string>& args, const po::options_description& shown,
                                               const po::options_description& all,
                                               const po::positional_options_description& pos, const Help& help) {
  po::variables_map vm = parse(args, all, pos);
  if (!vm.count("help")) return vm;
  std::cout << "Gebruik: " << help.usage << "\n\n" << help.about << "\n\n"
            << shown << "\nVoorbeelden:\n"
            << help.examples << "\n"
            << kExitCodesHelp;
  return std::nullopt;
}

void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed) {
  for (const auto& a : allowed)
    if (a == value) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw UsageError("--" + option + " " + value + ": onbekende waarde; verwacht een van: " + list);
}

}  // namespace begroting::cli
