// The evaluation graph: a begrotingsmodel plus a scenario compiled once into nodes in a fixed
// order, each with the lines it writes and reads and the parameters it reads. compute() runs
// the nodes in this order; explain and the Excel writer read the same formula nodes; risk can
// ask which nodes depend on which parameters (depends_on / param_closure).
//
// Order (fixed, checked at compile time):
//   1. the built-in rules that compute lines from drivers, in the plan's order:
//      population, rijksbijdrage, inhouding_duo, ikc_volumebekostiging, ikc_bandbreedte
//      (overwrites the aanvulling IKC of ikc_volumebekostiging), afdracht_verwijzingen (reads the
//      pupils in SBO/IKC and SO), ondersteuningsbedrag_bao (reads the afdracht),
//      instroom_terugplaatsing, personeel, amounts, vangnet (reads the amount maximale ruimte),
//      scholen (with a schools file: overwrites the TOP lines of ondersteuningsbedrag_bao,
//      instroom_terugplaatsing and amounts by the sums over the schools);
//   2. the model's own lines (amount and formula lines a model file or scenario declares) and
//      every subtotal, in dependency order (a cycle is a model error naming the cycle);
//   3. the rules that read the totals: scholen_check, korting_ocw (overwrites zware ondersteuning
//      and the totals above it: the korting tot de signaleringswaarde), reserves (resultaat, eigen vermogen),
//      signaleringswaarde, kengetallen, waterbed.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "begroting/model.hpp"
#include "begroting/money.hpp"

namespace begroting {

struct Inputs;
class Registry;

/// One step of a compiled formula (postfix, evaluated with a small fixed stack).
struct FormulaInstr {
  enum class Op : std::uint8_t { Num, Line, LinePrev, Param, ParamPrev, Add, Sub, Mul, Div, Neg, Min, Max, Vorig, Groei };
  Op op = Op::Num;
  int a = 0;       ///< line index, parameter slot, or argument count (Min/Max)
  double num = 0;  ///< Num
};

struct GraphNode {
  enum class Kind { Rule, Amount, Formula, Subtotal };
  Kind kind = Kind::Rule;
  std::string name;               ///< rule name, or the id of the line it writes
  int rule = -1;                  ///< Kind::Rule: index in the built-in rule table
  int line = -1;                  ///< Amount, Formula, Subtotal: the line it writes
  std::vector<int> writes;        ///< lines
  std::vector<int> overwrites;    ///< lines an earlier node wrote that this node replaces
  std::vector<int> reads;         ///< lines
  std::vector<std::string> params;  ///< parameter paths read directly
  std::vector<FormulaInstr> program;  ///< Formula
  std::vector<int> children;      ///< Subtotal: the lines it sums
  int amount = -1;                ///< Amount: row in Inputs::model_amounts
};

/// A model error: Dutch message and the place in a model or scenario file it points at.
struct ModelError : std::runtime_error {
  ModelLoc loc;
  std::string unknown;                  ///< an unknown name (the loader adds "bedoelt u ...?")
  std::vector<std::string> candidates;  ///< the names it could have meant
  ModelError(const std::string& m, ModelLoc l) : std::runtime_error(m), loc(std::move(l)) {}
};

struct Graph {
  std::shared_ptr<const Model> model;
  std::vector<GraphNode> nodes;  ///< in evaluation order
  std::vector<std::string> slots;  ///< formula parameter slots: the parameter path of each
  std::vector<int> slot_money;     ///< 1 where the slot's parameter is money (values in euros)
  std::vector<int> writer;         ///< per line: the last node that writes it (-1: none)

  /// The parameters a node depends on, transitively through the lines it reads (sorted).
  [[nodiscard]] std::vector<std::string> param_closure(int node) const;
  /// Whether a node depends (transitively) on a parameter path (or a path below it:
  /// "leerlingen.bo" covers "leerlingen.bo.groei").
  [[nodiscard]] bool depends_on(int node, const std::string& param) const;
  /// The nodes that must be re-evaluated when `param` changes, in evaluation order.
  [[nodiscard]] std::vector<int> downstream_of(const std::string& param) const;
  /// The node that writes a line last (-1: none).
  [[nodiscard]] int node_of(int line) const { return line >= 0 && line < static_cast<int>(writer.size()) ? writer[static_cast<size_t>(line)] : -1; }
};

/// Names a formula may use besides lines: parameters with their unit (Dim text) and whether
/// they are money. Filled by the caller (inputs.cpp) from the registry and the model file.
struct FormulaParam {
  std::string path;
  std::string unit;  ///< parse_dim text
  bool money = false;
};

/// The parameters a formula of model `m` may read: the built-in ones with one value or a value
/// per begrotingsjaar (not bedragen.*: a formula names the line), and those the model declares.
std::vector<FormulaParam> formula_params(const Model& m, const Registry& reg);

/// Build the graph for a model: resolve every formula name (line or parameter; unknown names
/// with did-you-mean), check units, order the nodes and find cycles. Throws ModelError.
std::shared_ptr<const Graph> build_graph(std::shared_ptr<const Model> model, const std::vector<FormulaParam>& params);

/// The unit of a line as a Dim (EUR, EUR per leerling, leerlingen, ... or its declared text).
Dim line_dim(const ModelLine& l);

}  // namespace begroting
