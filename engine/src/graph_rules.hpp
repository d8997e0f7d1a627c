// Internal: the table of built-in rules the graph orders (graph.cpp) and compute() runs.
#pragma once
#include <string>
#include <vector>

#include "rules/rules.hpp"

namespace begroting {

struct RuleSpec {
  std::string name;
  void (*fn)(rules::Ctx&);
  int phase;                        ///< 1: before the totals, 3: after them
  std::vector<int> writes;          ///< lines
  std::vector<int> overwrites;      ///< lines an earlier rule wrote that this rule replaces
  std::vector<int> reads;           ///< lines
  std::vector<std::string> params;  ///< parameter paths (or prefixes) it reads
};

const std::vector<RuleSpec>& builtin_rules();

}  // namespace begroting
