// Scenario files: YAML -> Scenario. Every error names FILE:LINE:COLUMN (1-based) and says what
// was expected, in words a finance person understands.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "begroting/scenario.hpp"

namespace begroting {

/// Bad input: a scenario file, an --set argument, a command-line value. Exit code 2.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// "PATH=VALUE", e.g. "leerlingen.so_cat1.groei=0.06" or "tarieven.sbo.2026=6700".
struct Override {
  std::string text;
};

/// Load a scenario file with its `extends` chain and apply overrides (precedence:
/// parent file < child file < --set). Validates everything; throws InputError.
Scenario load_scenario(const std::string& path, const std::vector<Override>& overrides = {});

/// Same, from text in memory (for tests and the fuzzer); `name` is used in messages.
/// `extends` is resolved relative to the directory of `name`.
Scenario load_scenario_text(const std::string& text, const std::string& name,
                            const std::vector<Override>& overrides = {});

/// A value the user wrote (a key, a scalar, a command-line value) as a message shows it: control
/// characters and bytes that are not UTF-8 escaped ("\n", "\x1b"), and at most 40 characters
/// (the middle elided with "..."), so a message cannot rewrite the terminal, forge a log line or
/// run for pages.
std::string shown_value(const std::string& s);

/// A whole message made safe to print: every control character (C0, DEL, C1) and every byte that
/// is not UTF-8 escaped, so it stays one line of plain text. The CLI prints every message so.
std::string printable(const std::string& msg);

/// Levenshtein distance, for did-you-mean suggestions.
int edit_distance(const std::string& a, const std::string& b);

/// The one did-you-mean of every message (keys, paths, onzekerheden, CSV columns, lines,
/// options): the candidate nearest to `word`, or "" when none is near. Distance: the edit
/// distance; a word without a '.' is also compared with the last part of a dotted candidate
/// (plus one edit). Near: within max(2, length of word / 3) edits, or the candidate starts
/// with the word (an abbreviation of 3 or more letters). Ties: the first candidate.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace begroting
