// Shared pieces of the begroting commands: option parsing style, output, exit codes.
#pragma once
#include <boost/program_options.hpp>

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

/// Write to --output atomically, or to stdout.
void emit(const std::string& content, const std::string& output_path);

/// --strict, shared by every command that computes a scenario: add it with add_strict_option
/// and end with `return strict_exit(vm, result.findings);` (or the findings of all scenarios).
/// Exit 1 when --strict is given and the run raised any finding, else 0. Every Finding counts
/// (kExitCodesHelp says which in words); a rule that adds a Finding kind (vangnet, bandbreedte,
/// ...) is covered without touching the commands.
void add_strict_option(po::options_description& o);
int strict_exit(const po::variables_map& vm, const std::vector<Finding>& findings);

/// The exit codes, for the end of every --help text (main's and each command's).
extern const char* const kExitCodesHelp;

/// Check `value` is one of `allowed`, else UsageError naming the option.
void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed);

}  // namespace begroting::cli
