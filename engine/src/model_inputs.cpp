// compile_model (inputs.hpp): the model part of compile(): the evaluation graph of the
// scenario's model and the values its own lines read (formula parameters, declared amounts).
#include <cmath>
#include <map>
#include <mutex>

#include "begroting/inputs.hpp"
#include "begroting/model.hpp"

namespace begroting {

namespace {

std::string dim_text(Unit u) {
  switch (u) {
    case Unit::Euro: return "EUR";
    case Unit::EuroPerLeerling: return "EUR per leerling";
    case Unit::Leerlingen: return "leerlingen";
    case Unit::Leerlingjaren: return "leerlingjaren";
    case Unit::Fractie: return "fractie";
    case Unit::Jaar: return "jaar";
  }
  return "";
}

}  // namespace

std::vector<FormulaParam> formula_params(const Model& m) {
  std::vector<FormulaParam> out;
  for (const auto& p : schema()) {
    if (p.shape != Shape::Single && p.shape != Shape::PerYear && p.shape != Shape::YearGrowth) continue;
    if (p.path.rfind("bedragen.", 0) == 0) continue;  // an amount line: use the line's id
    out.push_back({p.path, dim_text(p.unit), p.unit == Unit::Euro || p.unit == Unit::EuroPerLeerling});
  }
  for (const auto& p : m.params) {
    const Dim d = parse_dim(p.unit_text);
    out.push_back({p.path, p.unit_text, d.exp.count("EUR") > 0});
  }
  return out;
}

namespace {

/// The graph of the built-in model: built once (scenarios without a model file share it).
std::shared_ptr<const Graph> builtin_graph() {
  static const std::shared_ptr<const Graph> g = build_graph(Model::builtin(), formula_params(*Model::builtin()));
  return g;
}

}  // namespace

void compile_model(const Scenario& s, Inputs& in) {
  const std::shared_ptr<const Model> model = s.model ? s.model : Model::builtin();
  in.graph = model == Model::builtin() ? builtin_graph() : build_graph(model, formula_params(*model));
  const Graph& g = *in.graph;
  const Horizon& h = s.horizon;
  const auto n = static_cast<size_t>(h.size());
  in.model_values.assign(g.slots.size() * n, 0.0);
  for (size_t k = 0; k < g.slots.size(); ++k) {
    const std::string& path = g.slots[k];
    const auto it = s.params.find(path);
    if (it == s.params.end()) throw std::invalid_argument("parameter ontbreekt: " + path);
    const auto& by = it->second.by_year;
    for (size_t i = 0; i < n; ++i) {
      const int y = h.first + static_cast<int>(i);
      auto jt = by.find(y);
      if (jt == by.end()) jt = by.find(0);  // a single value: every year
      const double v = jt == by.end() ? 0.0 : jt->second;  // growth into the first year: none
      in.model_values[k * n + i] = std::isnan(v) ? 0.0 : v;
    }
  }
  in.model_amounts.clear();
  // Amount lines the model declares: their values are parameters bedragen.<id>.
  for (const auto& node : g.nodes) {
    if (node.kind != GraphNode::Kind::Amount) continue;
    const std::string path = "bedragen." + node.name;
    std::vector<Cents> v(n, 0);
    if (const auto it = s.params.find(path); it != s.params.end())
      for (size_t i = 0; i < n; ++i)
        if (const auto jt = it->second.by_year.find(h.first + static_cast<int>(i)); jt != it->second.by_year.end())
          v[i] = round_to_cent(jt->second * 100.0);
    in.model_amounts.push_back(std::move(v));
  }
}

}  // namespace begroting
