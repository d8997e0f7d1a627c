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
    case Unit::Weken: return "weken";
  }
  return "";
}

}  // namespace

std::vector<FormulaParam> formula_params(const Model& m, const Registry& reg) {
  std::vector<FormulaParam> out;
  for (const auto& p : reg.entries()) {
    if (p.shape != Shape::Single && p.shape != Shape::PerYear && p.shape != Shape::YearGrowth) continue;
    if (p.path.rfind("bedragen.", 0) == 0 || !p.section.empty()) continue;  // an amount line: use the line's id
    std::string unit = dim_text(p.unit);
    for (const auto& q : m.params)
      if (q.path == p.path) unit = q.unit_text;  // a model's own parameter: its declared unit
    const bool money = p.input ? is_money_unit(p.unit) : false;  // a model parameter is kept in euros
    out.push_back({p.path, unit, money});
  }
  return out;
}

namespace {

/// The graph of the built-in model: built once (scenarios without a model file share it).
std::shared_ptr<const Graph> builtin_graph() {
  static const std::shared_ptr<const Graph> g = build_graph(Model::builtin(), formula_params(*Model::builtin(), Registry::builtin()));
  return g;
}

}  // namespace

void compile_model(const Scenario& s, Inputs& in) {
  const std::shared_ptr<const Model> model = s.model ? s.model : Model::builtin();
  const Registry& reg = in.registry ? *in.registry : Registry::builtin();
  in.graph = model == Model::builtin() && &reg == &Registry::builtin() ? builtin_graph()
                                                                       : build_graph(model, formula_params(*model, reg));
  const Graph& g = *in.graph;
  auto entry = [&](const std::string& path) {
    const int k = reg.index_of(path);
    if (k < 0) throw std::invalid_argument("parameter ontbreekt in het register: " + path);
    return k;
  };
  in.slot_entry.clear();
  for (const auto& p : g.slots) in.slot_entry.push_back(entry(p));
  in.amount_entry.clear();
  for (const auto& node : g.nodes)
    if (node.kind == GraphNode::Kind::Amount) in.amount_entry.push_back(entry("bedragen." + node.name));
}

}  // namespace begroting
