// JSON: {"scenario", "files", "herkomst", "years", "lines": {id: [euros per year]}, "units", "findings"}.
// Money lines are euros with cents (exact decimal from the cents); non-finite ratios are null.
#include <nlohmann/json.hpp>

#include <cmath>

#include "begroting/reports.hpp"
#include "json_value.hpp"

namespace begroting {


std::string render_json(const Scenario& s, const Result& r) {
  nlohmann::ordered_json j;
  j["scenario"] = s.name;
  j["files"] = s.files;
  j["herkomst"] = herkomst_json(s);
  auto years = nlohmann::json::array();
  for (int y = r.horizon.first; y <= r.horizon.last; ++y) years.push_back(y);
  j["years"] = years;
  nlohmann::ordered_json lines = nlohmann::ordered_json::object(), units = nlohmann::ordered_json::object(),
                         labels = nlohmann::ordered_json::object();
  const Model& m = r.m();
  for (int li = 0; li < m.size(); ++li) {  // every line of the model (a declared line too)
    const ModelLine& d = m.line(li);
    auto arr = nlohmann::json::array();
    for (int i = 0; i < r.n(); ++i) arr.push_back(value_json(r, static_cast<Line>(li), i));
    lines[d.id] = arr;
    units[d.id] = d.unit_text.empty() ? std::string(unit_name(d.unit)) : d.unit_text;
    labels[d.id] = d.label;
  }
  j["lines"] = lines;
  j["units"] = units;
  j["labels"] = labels;
  // What a kengetal means, next to its figure (issue 12.7)
  j["definities"] = {{"kengetallen.weerstandsvermogen_pct", kWeerstandsvermogenPctDefinitie}};
  auto f = nlohmann::json::array();
  for (const auto& x : r.findings)
    f.push_back({{"year", x.year}, {"kind", finding_id(x.kind)}, {"aard", finding_aard_text(finding_aard(x.kind))},
                 {"message", x.message}});
  j["findings"] = f;
  return j.dump(2) + "\n";
}

}  // namespace begroting
