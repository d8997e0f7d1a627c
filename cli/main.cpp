// begroting: the command-line runner. Parses the command, maps errors to exit codes:
// 0 success; 1 (only with --strict) findings; 2 bad input or usage; 3 internal error.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "begroting/money.hpp"
#include "begroting/reports.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace {

std::string usage() {
  return
    "begroting: meerjarenbegroting en scenario's voor een samenwerkingsverband passend onderwijs\n"
    "\n"
    "Gebruik: begroting COMMANDO [opties]   (begroting COMMANDO --help voor de opties)\n"
    "\n"
    "Commando's:\n"
    "  run SCENARIO.yaml     reken een scenario door: alle regels per jaar (table, json, csv)\n"
    "  compare A.yaml B.yaml [...]\n"
    "                        scenario's naast elkaar met verschillen ten opzichte van A, en per\n"
    "                        scenario het eerste jaar onder signaleringswaarde en weerstandsvermogen\n"
    "  report SCENARIO.yaml...  rapport voor AV en kwaliteitscommissie (" + begroting::cli::report_formats_text() + ");\n"
    "                        met meer scenario's ook een vergelijking\n"
    "  solve SCENARIO.yaml --param PAD --target REGEL (--equals V | --at-least V | ...)\n"
    "                        doelzoeken: de waarde van een parameter waarbij een uitkomst het doel haalt\n"
    "  explain REGEL JAAR SCENARIO.yaml [--depth N]\n"
    "                        hoe een bedrag tot stand kwam: formule en elke invoer met waarde en bron\n"
    "  risk SCENARIO.yaml    Monte Carlo over de onzekerheden: percentielen, kansen, benodigd\n"
    "                        weerstandsvermogen\n"
    "  sensitivity SCENARIO.yaml  tornado: effect van elke onzekerheid op het eigen vermogen\n"
    "\n"
    "Voorbeelden:\n"
    "  begroting run scenarios/zuid-kennemerland-2024.yaml\n"
    "  begroting run scenarios/zuid-kennemerland-2024.yaml --format json\n"
    "  begroting run scenarios/zuid-kennemerland-2024.yaml --format csv --output begroting.csv\n"
    "  begroting run scenarios/zuid-kennemerland-2024.yaml --set leerlingen.so_cat1.groei=0.06\n"
    "  begroting compare scenarios/zuid-kennemerland-2024.yaml scenarios/so-groei-6.yaml\n"
    "  begroting report scenarios/zuid-kennemerland-2024.yaml --format html --output begroting.html\n"
    "  begroting solve scenarios/zuid-kennemerland-2024.yaml \\\n"
    "      --param regulier_onderwijs.ondersteuningsbedrag_per_leerling \\\n"
    "      --year 2027 --target resultaat --target-year 2027 --equals 0\n"
    "  begroting explain resultaat 2027 scenarios/zuid-kennemerland-2024.yaml --depth 2\n"
    "  begroting risk scenarios/zuid-kennemerland-2024-risico.yaml --paths 100000 --seed 7\n"
    "  begroting sensitivity scenarios/zuid-kennemerland-2024-risico.yaml\n"
    "\n";
}

}  // namespace

namespace {
int dispatch(const std::string& cmd, const std::vector<std::string>& args) {
  using namespace begroting::cli;
  if (cmd == "run") return cmd_run(args);
  if (cmd == "compare") return cmd_compare(args);
  if (cmd == "report") return cmd_report(args);
  if (cmd == "solve") return cmd_solve(args);
  if (cmd == "explain") return cmd_explain(args);
  if (cmd == "risk") return cmd_risk(args);
  if (cmd == "sensitivity") return cmd_sensitivity(args);
  std::cerr << "begroting: onbekend commando '" << begroting::shown_value(cmd)
            << "'; verwacht een van: run, compare, report, solve, explain, risk, sensitivity (zie begroting --help)\n";
  return kBadInput;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace begroting::cli;
  guard_standard_streams();
  begroting::remove_temp_files_on_signals();
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    int code = kOk;
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      std::cout << usage() << kExitCodesHelp;
      code = args.empty() ? kBadInput : kOk;
    } else {
      const std::string cmd = args[0];
      args.erase(args.begin());
      code = dispatch(cmd, args);
    }
    finish_stdout();  // a failed write to stdout (full disk, closed) is exit 2, never silence
    return code;
  } catch (const begroting::InputError& e) {
    std::cerr << begroting::printable(e.what()) << "\n";  // one line of plain text, whatever it echoes
    return kBadInput;
  } catch (const begroting::OutputError& e) {
    std::cerr << begroting::printable(e.what()) << "\n";
    return kBadInput;
  } catch (const begroting::ArithmeticError& e) {
    std::cerr << "begroting: rekenfout: " << begroting::printable(e.what())
              << "; de invoer leidt tot bedragen buiten het rekenbereik (controleer groeivoeten, aantallen en bedragen)\n";
    return kInternal;
  } catch (const std::exception& e) {
    std::cerr << "begroting: interne fout: " << begroting::printable(e.what()) << "\n";
    return kInternal;
  }
}
