// Internal: a YAML document as plain data with 1-based locations, duplicate keys refused.
#pragma once
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "begroting/location.hpp"

namespace begroting::detail {

/// The engine's one location type (location.hpp).
using Loc = SourceLoc;

/// Where a node of a Tree is: 1-based line and column, and its file, one string shared by every
/// node read from that file (a Loc of its own per node allocated a copy of the file name for
/// each of the half million nodes of a large schools file). Converts to a Loc where one is needed.
struct TreeLoc {
  std::shared_ptr<const std::string> file;
  int line = 1;    ///< 1-based
  int column = 1;  ///< 1-based
  TreeLoc() = default;
  TreeLoc(std::shared_ptr<const std::string> f, int l, int c) : file(std::move(f)), line(l), column(c) {}
  explicit TreeLoc(const Loc& l) : file(std::make_shared<const std::string>(l.file)), line(l.line), column(l.column) {}
  operator Loc() const { return Loc{file ? *file : std::string(), line, column}; }  // NOLINT: implicit on purpose
  [[nodiscard]] std::string str() const { return Loc(*this).str(); }
};

struct Tree {
  enum class Kind { Null, Scalar, Seq, Map } kind = Kind::Null;
  std::string scalar;
  bool quoted = false;
  std::vector<Tree> seq;
  std::vector<std::pair<std::string, Tree>> map;  ///< in file order
  std::vector<TreeLoc> key_locs;                  ///< location of each map key
  TreeLoc loc;
  [[nodiscard]] const Tree* get(std::string_view key) const;

  // Declared here, defaulted in tree.cpp: with implicit ones, clang (libFuzzer build) and
  // libstdc++ 12 in C++20 instantiate std::pair<std::string, Tree> while Tree is incomplete.
  Tree();
  Tree(const Tree&);
  Tree(Tree&&) noexcept;
  Tree& operator=(const Tree&);
  Tree& operator=(Tree&&) noexcept;
  ~Tree();
};

inline const Tree* Tree::get(std::string_view key) const {
  for (const auto& [k, v] : map)
    if (k == key) return &v;
  return nullptr;
}

/// Throw InputError "FILE:LINE:COLUMN: msg" (every loader source reports this way).
[[noreturn]] void fail(const Loc& l, const std::string& msg);

/// A number as the user would write it (shortest form), for messages.
inline std::string fmt_num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// Position (1-based line, column) of the first byte that is not valid UTF-8, or {0,0}.
std::pair<int, int> first_invalid_utf8(const std::string& s);

/// A file name as a message shows it: control characters escaped (the rest as given).
std::string shown_path(const std::string& path);

/// Read a YAML file the loader was pointed at (by the command line, `extends:` at `from`, or
/// `scholen:`): it must exist, be a regular file (no device, FIFO, directory) and hold at most
/// 4 MB; at most that much is read. `noun`: "een scenariobestand", "een scholenbestand".
std::string read_text_file(const std::string& path, const Loc* from, const std::string& noun);
/// The checks of a YAML text before it is parsed: at most 4 MB, not UTF-16, no NUL byte, UTF-8.
void check_text(const std::string& text, const std::string& name, const std::string& noun);
/// A map none of whose top-level keys is (or resembles) one of `keys` is not such a file: an
/// InputError that says so without quoting any of its content.
void check_is_a(const Tree& t, const std::string& name, const std::set<std::string>& keys, const std::string& noun);

/// The items of the list under one top-level key, handed to `item` one by one as they are read
/// instead of kept in the tree (a schools file: each school is read and dropped while the file
/// is parsed, so 6,500 schools are never one tree in memory). That list stays in the tree,
/// empty, with its location. `item` must not throw an InputError: parse errors come first, and
/// items handed over before a parse error count for nothing.
struct ListItems {
  std::string key;
  std::function<void(Tree&&)> item;
};

/// Parse YAML text into a Tree. Throws InputError with file:line:column. The fast reader first,
/// then (when it declines) libyaml.
Tree parse_yaml(const std::string& text, const std::string& file, const ListItems* items = nullptr);

/// The fast reader (tree_fast.cpp) alone: true and the Tree in `out` when the text is in its
/// subset of YAML, the Tree libyaml would give; false when it leaves the text to libyaml (it
/// never refuses). `handed`: how many items it handed over to `items` either way, each as libyaml
/// reads it. Before a text that libyaml refuses, it may hand over items that libyaml would not
/// have reached (libyaml looks ahead): the parse error comes first (ListItems).
bool parse_yaml_fast(const std::string& text, const std::string& file, const ListItems* items, Tree& out, size_t& handed);

/// The first difference between two trees (kind, text, quoted, a location, a key), with the path
/// to it; "" when they are the same (the fast reader's tests and fuzzer compare it with libyaml).
std::string tree_difference(const Tree& a, const Tree& b, const std::string& path = "");

/// libyaml alone (tree.cpp), not handing over the first `skip` items (handed over before).
Tree parse_yaml_libyaml(const std::string& text, const std::string& file, const ListItems* items = nullptr,
                        size_t skip = 0);

}  // namespace begroting::detail
