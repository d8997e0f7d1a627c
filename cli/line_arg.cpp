#include "line_arg.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "begroting/loader.hpp"
#include "common.hpp"

namespace begroting::cli {

Line line_arg(const std::string& id, const std::string& what, const Model& m) {
  if (const int l = m.find(id); l >= 0) return static_cast<Line>(l);
  // Suggestions: ids that contain the text (a user often types the last part), else the
  // closest ids by edit distance, also against the last part of each id.
  std::vector<std::string> contains;
  for (const auto& d : m.lines)
    if (!id.empty() && d.id.find(id) != std::string::npos) contains.emplace_back(d.id);
  std::string hint;
  if (!contains.empty() && contains.size() <= 6) {
    for (const auto& c : contains) hint += (hint.empty() ? "" : "' of '") + c;
  } else {
    std::vector<std::string> ids;
    for (const auto& d : m.lines) ids.emplace_back(d.id);
    hint = did_you_mean(id, ids);
  }
  std::string msg = what + " '" + id + "': onbekende regel";
  if (!hint.empty()) msg += "; bedoelt u '" + hint + "'?";
  else msg += "; verwacht een regel-id zoals 'resultaat' of 'eigen_vermogen_31_december' (zie begroting run --format csv)";
  throw UsageError(msg);
}

int year_arg(const std::string& text, const std::string& what) {
  if (text.size() != 4 || !std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    throw UsageError(what + " '" + text + "': geen jaartal; verwacht een jaar als 2027");
  return std::stoi(text);
}

void check_in_horizon(int year, const Horizon& h, const std::string& what) {
  if (!h.contains(year))
    throw UsageError(what + " " + std::to_string(year) + " valt buiten de horizon van het scenario; verwacht een jaar in " +
                     std::to_string(h.first) + "-" + std::to_string(h.last));
}

}  // namespace begroting::cli
