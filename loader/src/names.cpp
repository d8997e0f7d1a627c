// did_you_mean (loader.hpp): one rule for every suggestion.
#include <algorithm>

#include "begroting/loader.hpp"

namespace begroting {

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  if (word.empty()) return "";
  const bool dotted_word = word.find('.') != std::string::npos;
  std::string best;
  int best_d = 1 << 30;
  bool best_prefix = false;
  for (const auto& c : candidates) {
    int d = edit_distance(word, c);
    if (!dotted_word) {
      const auto dot = c.rfind('.');
      if (dot != std::string::npos) d = std::min(d, edit_distance(word, c.substr(dot + 1)) + 1);
    }
    const bool prefix = word.size() >= 3 && c.rfind(word, 0) == 0;
    if (d < best_d || (d == best_d && prefix && !best_prefix)) {
      best_d = d;
      best = c;
      best_prefix = prefix;
    }
  }
  if (best.empty()) return "";
  const int near = std::max<int>(2, static_cast<int>(word.size()) / 3);
  return best_d <= near || best_prefix ? best : "";
}

}  // namespace begroting
