// Shared pieces of the begroting commands: option parsing style, output, exit codes.
#pragma once
#include <boost/program_options.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "begroting/engine.hpp"
#include "begroting/loader.hpp"

namespace begroting::cli {

namespace po = boost::program_options;

/// Exit codes (documented in --help and the README).
enum Exit : int { kOk = 0, kFindings = 1, kBadInput = 2, kInternal = 3 };

/// Usage error (bad option, missing file argument): exit 2.
struct UsageError : InputError {
  using InputError::InputError;
};

/// Parse `args` (without the command name) strictly: no abbreviated options.
po::variables_map parse(const std::vector<std::string>& args, const po::options_description& opts,
                        const po::positional_options_description& pos);

/// Options every scenario command takes: --set (repeatable).
void add_set_option(po::options_description& o);
std::vector<Override> overrides_from(const po::variables_map& vm);

/// Load a scenario for a command (begroting::load_scenario) and remember every file it read: the
/// scenario, its extends parents and its schools files. emit refuses an --output that is one of
/// them (the same file by device and inode: also through a link or another path).
Scenario load_input(const std::string& path, const std::vector<Override>& overrides);

/// Write to --output (write_atomically: see README "Veiligheid"), or to stdout when it is empty or
/// "-", checking every write. Throws OutputError (exit 2) on failure, UsageError when --output is
/// an input file.
void emit(const std::string& content, const std::string& output_path);

/// At the start of main: a closed stdin, stdout or stderr (`>&-`) is opened on /dev/null, so no
/// file the program opens lands on descriptor 1 and receives the output; a closed stdout is
/// remembered, and writing to it is then an error (exit 2), not silence.
void guard_standard_streams();
/// At the end of main: flush stdout and close it, reporting a failed write or close (a full
/// disk, a closed stdout) as OutputError. Everything printed with std::cout is covered.
void finish_stdout();

/// --strict, shared by every command that computes a scenario: add it with add_strict_option
/// and end with `return strict_exit(vm, result.findings);` (or the findings of all scenarios).
/// Exit 1 when --strict is given and the run raised any finding, else 0. Every Finding counts
/// (kExitCodesHelp says which in words); a rule that adds a Finding kind (vangnet, bandbreedte,
/// ...) is covered without touching the commands.
void add_strict_option(po::options_description& o);
int strict_exit(const po::variables_map& vm, const std::vector<Finding>& findings);

/// The exit codes, for the end of every --help text (main's and each command's).
extern const char* const kExitCodesHelp;

/// A command's --help text: the usage after "Gebruik: " (may span lines), what it does, and its
/// examples (lines indented two spaces). The options and the exit codes are added by parse_or_help.
struct Help {
  std::string usage;
  std::string about;
  std::string examples;
};

/// --format (one of `formats`: the first is the default, or no default when `required`) and
/// --output, in that order; every command that writes a result has this pair.
void add_format_output(po::options_description& o, const std::vector<std::string>& formats, bool required = false,
                       const std::string& output_help = "schrijf naar dit bestand (atomair) in plaats van stdout");
/// The scenario file argument(s): option `name` (one file, or any number when `many`) given
/// by position, described by `help`; then --set and, when `strict`, --strict.
void add_scenario_args(po::options_description& o, po::positional_options_description& pos, const char* name, bool many,
                       const char* help, bool strict = true);

/// The --format given, checked against `formats` (UsageError naming the choices).
std::string format_of(const po::variables_map& vm, const std::vector<std::string>& formats);

/// Parse strictly (see parse). With --help: print the usage, what the command does, the options
/// in `shown`, the examples and the exit codes, and return nothing (the command then exits 0).
/// `all` may hold hidden options besides those in `shown`.
std::optional<po::variables_map> parse_or_help(const std::vector<std::string>& args, const po::options_description& shown,
                                               const po::options_description& all,
                                               const po::positional_options_description& pos, const Help& help);
inline std::optional<po::variables_map> parse_or_help(const std::vector<std::string>& args, const po::options_description& o,
                                                      const po::positional_options_description& pos, const Help& help) {
  return parse_or_help(args, o, o, pos, help);
}

/// Options that several commands take, defined once: the same name, default, bounds, checks and
/// Dutch messages in every command. Each value is read as text and checked here (no Boost
/// conversion: no English message, and -1 is not read as 4294967295).
///   --paths,-n N    1 to 100.000.000 (default 10.000)
///   --seed,-s S     0 to 18446744073709551615 (default 2024)
///   --threads,-t T  1 to 256 (default: the number of cores)
///   --date D        a real calendar date JJJJ-MM-DD from 2000-01-01 to 2100-12-31 (default today, UTC)
///   --depth N       1 to 50 (default 2)
void add_paths_option(po::options_description& o, const char* help);
std::uint64_t paths_of(const po::variables_map& vm);
void add_seed_option(po::options_description& o, const char* help);
std::uint64_t seed_of(const po::variables_map& vm);
void add_threads_option(po::options_description& o);
int threads_of(const po::variables_map& vm);
void add_date_option(po::options_description& o, const char* help);
std::string date_of(const po::variables_map& vm);
void add_depth_option(po::options_description& o, const char* help);
int depth_of(const po::variables_map& vm);

/// Check `value` is one of `allowed`, else UsageError naming the option.
void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed);

}  // namespace begroting::cli
