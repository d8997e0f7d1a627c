#include "common.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <ctime>
#include <thread>
#include <cstdio>
#include <cstring>
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
    throw UsageError("ongeldige aanroep: onbekende optie '" + shown_value(given) + "'" +
                     (!best.empty() ? "; bedoelt u '--" + best + "'?" : "; zie --help voor de opties"));
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("ongeldige aanroep: te veel bestanden of waarden zonder optie; zie --help");
  } catch (const po::invalid_command_line_syntax& e) {
    const std::string name = shown_value(e.get_option_name());
    switch (e.kind()) {
      case po::invalid_syntax::missing_parameter:
        throw UsageError("ongeldige aanroep: optie '" + name + "' mist een waarde; zie --help");
      case po::invalid_syntax::extra_parameter:
        throw UsageError("ongeldige aanroep: optie '" + name + "' neemt geen waarde; zie --help");
      case po::invalid_syntax::empty_adjacent_parameter:
        throw UsageError("ongeldige aanroep: optie '" + name + "' met een lege waarde; verwacht een waarde na '='");
      default:
        throw UsageError("ongeldige aanroep: optie '" + name + "' is verkeerd geschreven; verwacht --optie WAARDE of --optie=WAARDE");
    }
  } catch (const po::multiple_occurrences& e) {
    throw UsageError("ongeldige aanroep: optie '" + shown_value(e.get_option_name()) + "' staat er meer dan een keer; verwacht haar hooguit een keer");
  } catch (const po::error_with_option_name& e) {
    // Every value is read as text and checked by the command, so Boost has nothing left to
    // convert; what remains is put in Dutch without Boost's English text.
    throw UsageError("ongeldige aanroep: optie '" + shown_value(e.get_option_name()) + "' klopt niet; zie --help");
  } catch (const po::error&) {
    throw UsageError("ongeldige aanroep: de opties kloppen niet; zie --help");
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

namespace {
std::vector<std::string> g_inputs;  ///< every file the command read (load_input)
bool g_stdout_closed = false;       ///< stdout was closed when the program started
const char* const kStdout = "de standaarduitvoer (stdout)";

[[noreturn]] void stdout_closed() {
  throw OutputError(std::string("begroting: ") + kStdout + " is gesloten; verwacht een terminal, een bestand of een pijp, of --output PAD");
}
}  // namespace

Scenario load_input(const std::string& path, const std::vector<Override>& overrides) {
  Scenario s = load_scenario(path, overrides);
  g_inputs.insert(g_inputs.end(), s.files.begin(), s.files.end());
  if (s.verdeling.scholen) g_inputs.insert(g_inputs.end(), s.verdeling.scholen->bestanden.begin(), s.verdeling.scholen->bestanden.end());
  return s;
}

void emit(const std::string& content, const std::string& output_path) {
  if (output_path.empty() || output_path == "-") {
    if (g_stdout_closed) stdout_closed();
    std::cout.flush();  // what was printed before stays before
    std::fflush(stdout);
    write_to_descriptor(STDOUT_FILENO, content, std::string("begroting: ") + kStdout);
    return;
  }
  struct stat out {};
  if (::stat(output_path.c_str(), &out) == 0)
    for (const auto& in : g_inputs) {
      struct stat st {};
      if (::stat(in.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
        throw UsageError("--output " + output_path + ": is ook een invoerbestand (" + in +
                         "); verwacht een ander pad, anders gaat de invoer verloren");
    }
  try {
    write_atomically(output_path, content);
  } catch (const OutputError& e) {
    // A path that cannot be written (missing folder, no permission, full disk) is exit 2 with
    // the path and the reason; write_atomically has already removed its temporary file.
    throw OutputError(std::string("--output ") + e.what());
  }
}

void guard_standard_streams() {
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    if (fd == STDOUT_FILENO) g_stdout_closed = true;
    // stdout: /dev/full, so that anything printed to it (--help) fails and is reported; the
    // others: /dev/null.
    const int nul = ::open(fd == STDOUT_FILENO ? "/dev/full" : "/dev/null", O_RDWR);
    if (nul >= 0 && nul != fd) {
      ::dup2(nul, fd);
      ::close(nul);
    }
  }
}

void finish_stdout() {
  std::cout.flush();
  errno = 0;
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) || std::cout.bad();
  const int err = errno;
  if (failed && g_stdout_closed) stdout_closed();
  if (failed) throw OutputError(std::string("begroting: ") + kStdout + ": schrijven mislukt (" + io_reason(err) + ")");
  if (::close(STDOUT_FILENO) != 0 && errno != EBADF)
    throw OutputError(std::string("begroting: ") + kStdout + ": schrijven mislukt (" + io_reason(errno) + ")");
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

namespace {

/// An unsigned whole number written plainly (digits only) within [lo, hi], else UsageError.
std::uint64_t whole_number(const po::variables_map& vm, const std::string& opt, std::uint64_t lo, std::uint64_t hi,
                           const std::string& expected) {
  const std::string s = vm[opt].as<std::string>();
  std::uint64_t v = 0;
  const bool digits = !s.empty() && s.size() <= 20 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (!digits || ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi)
    throw UsageError("--" + opt + " " + shown_value(s) + ": " + expected);
  return v;
}

std::string dotted(std::uint64_t v) {  // 100000000 -> 100.000.000
  std::string d = std::to_string(v);
  for (int i = static_cast<int>(d.size()) - 3; i > 0; i -= 3) d.insert(static_cast<size_t>(i), ".");
  return d;
}

constexpr std::uint64_t kMaxPaths = 100000000;
constexpr std::uint64_t kMaxThreads = 256;

std::string today_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

void add_paths_option(po::options_description& o, const char* help) {
  o.add_options()("paths,n", po::value<std::string>()->default_value("10000"),
                  (std::string(help) + " (1 tot en met " + dotted(kMaxPaths) + ")").c_str());
}
std::uint64_t paths_of(const po::variables_map& vm) {
  return whole_number(vm, "paths", 1, kMaxPaths, "verwacht een geheel aantal paden van 1 tot en met " + dotted(kMaxPaths));
}

void add_seed_option(po::options_description& o, const char* help) {
  o.add_options()("seed,s", po::value<std::string>()->default_value("2024"), help);
}
std::uint64_t seed_of(const po::variables_map& vm) {
  return whole_number(vm, "seed", 0, UINT64_MAX, "verwacht een geheel getal van 0 tot en met 18446744073709551615");
}

void add_threads_option(po::options_description& o) {
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  o.add_options()("threads,t", po::value<std::string>()->default_value(std::to_string(std::min<unsigned>(hw, kMaxThreads))),
                  "aantal threads, 1 tot en met 256 (de uitkomst hangt er niet van af)");
}
int threads_of(const po::variables_map& vm) {
  return static_cast<int>(whole_number(vm, "threads", 1, kMaxThreads, "verwacht een geheel aantal threads van 1 tot en met 256"));
}

void add_date_option(po::options_description& o, const char* help) {
  o.add_options()("date", po::value<std::string>()->default_value(""), help);
}
std::string date_of(const po::variables_map& vm) {
  const std::string d = vm["date"].as<std::string>();
  if (d.empty()) return today_utc();
  const auto bad = [&] {
    return UsageError("--date " + shown_value(d) + ": geen bestaande datum; verwacht JJJJ-MM-DD tussen 2000-01-01 en 2100-12-31, "
                      "bijvoorbeeld 2026-11-22");
  };
  const bool shape = d.size() == 10 && d[4] == '-' && d[7] == '-' &&
                     std::all_of(d.begin(), d.end(), [](char ch) { return ch == '-' || (ch >= '0' && ch <= '9'); });
  if (!shape) throw bad();
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || day < 1 || day > days[m - 1]) throw bad();
  return d;
}

void add_depth_option(po::options_description& o, const char* help) {
  o.add_options()("depth", po::value<std::string>()->default_value("2"), (std::string(help) + " (1 tot en met 50)").c_str());
}
int depth_of(const po::variables_map& vm) {
  return static_cast<int>(whole_number(vm, "depth", 1, 50, "verwacht een diepte van 1 tot en met 50"));
}

void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed) {
  for (const auto& a : allowed)
    if (a == value) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw UsageError("--" + option + " " + shown_value(value) + ": onbekende waarde; verwacht een van: " + list);
}

}  // namespace begroting::cli
