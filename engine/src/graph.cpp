// Compiling a begrotingsmodel into the evaluation graph (graph.hpp).
#include "begroting/graph.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "graph_rules.hpp"

namespace begroting {

namespace {
using L = Line;
constexpr int I(L l) { return static_cast<int>(l); }

}  // namespace

const std::vector<RuleSpec>& builtin_rules() {
  // What each built-in rule writes, reads and which parameters it reads (its Inputs fields),
  // in the fixed order of the plan. Written by hand from the rules' code; tests/test_graph_complete.cpp
  // proves the lists complete (it changes every registry parameter and checks that every line that
  // moves is written by a node downstream of it): a rule that starts reading a new parameter or
  // line must be added here, or that test fails. The Monte Carlo kernel (risk.cpp) relies on it.
  static const std::vector<RuleSpec> v = {
      {"population", rules::population, 1,
       {I(L::leerlingen_bo), I(L::leerlingen_sbo), I(L::leerlingen_so_cat1), I(L::leerlingen_so_cat2), I(L::leerlingen_so_cat3),
        I(L::leerlingen_ikc), I(L::leerlingen_ikc_ander_swv)},
       {}, {}, {"leerlingen", "stromen"}},
      {"rijksbijdrage", rules::rijksbijdrage, 1, {I(L::lichte_ondersteuning), I(L::zware_ondersteuning)}, {},
       {I(L::leerlingen_bo), I(L::leerlingen_sbo)},
       {"tarieven.lichte_ondersteuning", "tarieven.zware_ondersteuning", "kalibratie.zware_ondersteuning"}},
      {"inhouding_duo", rules::inhouding_duo, 1, {I(L::sbo_inhouding), I(L::so_inhouding)}, {},
       {I(L::leerlingen_sbo), I(L::leerlingen_so_cat1), I(L::leerlingen_so_cat2), I(L::leerlingen_so_cat3)},
       {"tarieven.sbo", "tarieven.so_cat1", "tarieven.so_cat2", "tarieven.so_cat3"}},
      {"ikc_volumebekostiging", rules::ikc_volumebekostiging, 1, {I(L::ikc_tarief), I(L::ikc_aanvulling), I(L::ikc_ander_swv)}, {},
       {I(L::leerlingen_ikc), I(L::leerlingen_ikc_ander_swv)},
       {"tarieven.sbo", "tarieven.so_cat1", "tarieven.ikc_aandeel_sbo", "tarieven.ikc_aandeel_so_cat1"}},
      {"ikc_bandbreedte", rules::ikc_bandbreedte, 1,
       {I(L::ikc_volumebekostiging), I(L::ikc_aanvulling_teldatum), I(L::ikc_leerlingen_later), I(L::ikc_afwijking),
        I(L::ikc_verrekening), I(L::ikc_aanvulling)},
       {I(L::ikc_aanvulling)},  // overwrites ikc_volumebekostiging's aanvulling IKC (8.1.6)
       {I(L::leerlingen_ikc), I(L::ikc_tarief), I(L::ikc_aanvulling)},
       {"ikc", "tarieven.sbo", "tarieven.so_cat1", "tarieven.ikc_aandeel_sbo", "tarieven.ikc_aandeel_so_cat1"}},
      // 8.1.2: the afdracht follows the pupils in SBO/IKC and SO (rules/afdracht_verwijzingen.cpp)
      {"afdracht_verwijzingen", rules::afdracht_verwijzingen, 1,
       {I(L::plaatsingen_nieuw), I(L::plaatsingen_betaald), I(L::afdracht_verwijzingen_dws)}, {},
       {I(L::leerlingen_sbo), I(L::leerlingen_so_cat1), I(L::leerlingen_so_cat2), I(L::leerlingen_so_cat3)},
       {"regulier_onderwijs.afdracht_verwijzingen_dws", "top.tlv_sbo_tarief", "top.uitstroom_gespecialiseerd", "top.plaatsing_jaren",
        "top.dws_plaatsen", "top.dws_prijs", "kalibratie.afdracht_verwijzingen_dws"}},
      {"ondersteuningsbedrag_bao", rules::ondersteuningsbedrag_bao, 1,
       {I(L::ondersteuningsbedrag_per_leerling), I(L::ondersteuningsbedrag_bruto), I(L::ondersteuningsbedrag_bao)},
       {}, {I(L::leerlingen_bo), I(L::afdracht_verwijzingen_dws)},
       {"regulier_onderwijs.ondersteuningsbedrag_per_leerling"}},
      {"instroom_terugplaatsing", rules::instroom_terugplaatsing, 1, {I(L::instroombudget), I(L::terugplaatsing)}, {}, {},
       {"regulier_onderwijs.instroom_leerlingjaren", "regulier_onderwijs.terugplaatsing_leerlingjaren",
        "regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar"}},
      {"personeel", rules::personeel, 1, {I(L::personeelskosten)}, {}, {}, {"personeel"}},
      {"amounts", rules::amounts, 1, {}, {}, {}, {"bedragen"}},  // writes: every built-in Amount line (filled below)
      {"vangnet", rules::vangnet, 1, {I(L::vangnet_claims), I(L::vangnet_overschrijding)}, {}, {I(L::vangnet_ruimte)},
       {"vangnet", "tarieven.so_cat1", "tarieven.so_cat2", "tarieven.so_cat3"}},
      {"opmaat", rules::opmaat, 1, {I(L::opmaat_molenduin), I(L::opmaat_afdracht)}, {}, {},
       {"opmaat", "tarieven.so_cat1", "tarieven.so_cat2", "tarieven.so_cat3"}},
      {"scholen", rules::scholen, 1,
       {I(L::ondersteuningsbedrag_bruto), I(L::afdracht_verwijzingen_dws), I(L::ondersteuningsbedrag_bao), I(L::tlv_op_bao),
        I(L::instroombudget), I(L::terugplaatsing), I(L::opmaat_molenduin), I(L::opmaat_afdracht)},
       // with a schools file: replaces the SWV lines of ondersteuningsbedrag_bao, instroom_terugplaatsing, opmaat and amounts
       {I(L::ondersteuningsbedrag_bruto), I(L::afdracht_verwijzingen_dws), I(L::ondersteuningsbedrag_bao), I(L::tlv_op_bao),
        I(L::instroombudget), I(L::terugplaatsing), I(L::opmaat_molenduin), I(L::opmaat_afdracht)},
       {I(L::leerlingen_bo)},
       {"scholen", "top", "regulier_onderwijs.ondersteuningsbedrag_per_leerling", "regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar",
        "opmaat.weken_per_jaar", "tarieven.so_cat1", "tarieven.so_cat2", "tarieven.so_cat3"}},
      {"scholen_check", rules::scholen_check, 3, {}, {}, {I(L::regulier_subtotaal), I(L::leerlingen_bo)}, {"scholen"}},
      // hfst 12: the korting OCW only down to the signaleringswaarde. It needs the year's baten and
      // lasten, so it runs after the totals and lowers zware ondersteuning and the totals above it
      // (in the plan's model: rijksbijdragen, baten); the model's own lines never see it.
      {"korting_ocw", rules::korting_ocw, 3, {I(L::ocw_korting_bruto), I(L::ocw_korting_opgelegd)},
       {I(L::zware_ondersteuning), I(L::rijksbijdragen_totaal), I(L::baten_totaal)},
       {I(L::leerlingen_bo), I(L::leerlingen_sbo), I(L::zware_ondersteuning), I(L::rijksbijdragen_totaal), I(L::baten_totaal),
        I(L::lasten_totaal)},
       {"ocw_korting", "signaleringswaarde", "reserves.eigen_vermogen_begin"}},
      {"reserves", rules::reserves, 3,
       {I(L::resultaat), I(L::eigen_vermogen), I(L::weerstandsvermogen_niveau), I(L::bestemmingsreserve), I(L::weerstandsvermogen)},
       {}, {I(L::baten_totaal), I(L::lasten_totaal)},
       {"reserves.eigen_vermogen_begin", "reserves.weerstandsvermogen_niveau", "reserves.bestemmingsreserve_laatste_jaar"}},
      {"signaleringswaarde", rules::signaleringswaarde, 3, {I(L::signaleringswaarde), I(L::boven_signaleringswaarde)}, {},
       {I(L::baten_totaal), I(L::eigen_vermogen)}, {"signaleringswaarde"}},
      {"kengetallen", rules::kengetallen, 3, {I(L::rentabiliteit), I(L::weerstandsvermogen_pct)}, {},
       {I(L::baten_totaal), I(L::resultaat), I(L::eigen_vermogen), I(L::rijksbijdragen_totaal)}, {"reserves.materiele_vaste_activa"}},
      {"waterbed", rules::waterbed, 3,
       {I(L::waterbed_rijksbijdragen), I(L::waterbed_inhouding_sbo), I(L::waterbed_inhouding_so_cat1),
        I(L::waterbed_inhouding_so_cat2), I(L::waterbed_inhouding_so_cat3), I(L::waterbed_aanvulling_ikc),
        I(L::waterbed_overig_gespecialiseerd), I(L::waterbed_eigen_kosten), I(L::waterbed_ruimte_regulier),
        I(L::waterbed_regulier), I(L::waterbed_af_overige_baten), I(L::waterbed_naar_eigen_vermogen)},
       {},
       {I(L::rijksbijdragen_totaal), I(L::baten_totaal), I(L::lasten_totaal), I(L::overdrachten_totaal),
        I(L::regulier_subtotaal), I(L::sbo_inhouding), I(L::so_inhouding), I(L::ikc_aanvulling), I(L::resultaat),
        I(L::leerlingen_so_cat1), I(L::leerlingen_so_cat2)},
       {"tarieven.so_cat1", "tarieven.so_cat2"}},
  };
  return v;
}

namespace {

Dim unit_dim(Unit u) {
  switch (u) {
    case Unit::Euro: return parse_dim("EUR");
    case Unit::EuroPerLeerling: return parse_dim("EUR per leerling");
    case Unit::Leerlingen: return parse_dim("leerlingen");
    case Unit::Leerlingjaren: return parse_dim("leerlingjaren");
    case Unit::Fractie: return parse_dim("fractie");
    case Unit::Jaar: return parse_dim("jaar");
    case Unit::Weken: return parse_dim("weken");
  }
  return {};
}

ModelLoc at_offset(const ModelLine& l, int offset) {
  ModelLoc loc = l.loc;
  loc.column += offset;
  return loc;
}

struct Compiler {
  const Model& m;
  const std::vector<FormulaParam>& params;
  Graph& g;

  int slot(const std::string& path, bool money) {
    for (size_t i = 0; i < g.slots.size(); ++i)
      if (g.slots[i] == path) return static_cast<int>(i);
    g.slots.push_back(path);
    g.slot_money.push_back(money ? 1 : 0);
    return static_cast<int>(g.slots.size()) - 1;
  }

  /// Compile node `k` of line `li`'s formula; returns its unit. `lit` = a bare number (adapts).
  Dim emit(const ModelLine& l, int li, const Formula& f, int k, GraphNode& node, bool& lit) {
    const FormulaNode& n = f.nodes[static_cast<size_t>(k)];
    using Op = FormulaNode::Op;
    using IOp = FormulaInstr::Op;
    auto bin = [&](IOp op) {
      bool la = false, lb = false;
      Dim a = emit(l, li, f, n.args[0], node, la);
      Dim b = emit(l, li, f, n.args[1], node, lb);
      node.program.push_back({op, 0, 0});
      if (op == IOp::Mul) { lit = la && lb; return dim_mul(a, b); }
      if (op == IOp::Div) { lit = la && lb; return dim_div(a, b); }
      lit = la && lb;
      if (la) return b;
      if (lb) return a;
      if (!(a == b))
        throw ModelError("eenheden passen niet in de formule van " + l.id + ": '" + render_formula(f, {}, n.args[0]) + "' is " +
                             a.text() + ", '" + render_formula(f, {}, n.args[1]) + "' is " + b.text() +
                             "; verwacht bij + en - twee bedragen of twee aantallen van dezelfde eenheid",
                         at_offset(l, n.offset));
      return a;
    };
    switch (n.op) {
      case Op::Number:
        node.program.push_back({IOp::Num, 0, n.number});
        lit = true;
        return {};
      case Op::Name: return name(l, li, n, node, false);
      case Op::Add: return bin(IOp::Add);
      case Op::Sub: return bin(IOp::Sub);
      case Op::Mul: return bin(IOp::Mul);
      case Op::Div: return bin(IOp::Div);
      case Op::Neg: {
        Dim d = emit(l, li, f, n.args[0], node, lit);
        node.program.push_back({IOp::Neg, 0, 0});
        return d;
      }
      case Op::Min:
      case Op::Max: {
        Dim d;
        bool have = false;
        lit = true;
        for (int a : n.args) {
          bool la = false;
          Dim x = emit(l, li, f, a, node, la);
          if (!la) {
            if (have && !(x == d))
              throw ModelError("eenheden passen niet in " + std::string(n.op == Op::Min ? "min" : "max") + "() in de formule van " +
                                   l.id + ": " + d.text() + " en " + x.text() + "; verwacht argumenten van dezelfde eenheid",
                               at_offset(l, n.offset));
            d = x;
            have = true;
            lit = false;
          }
        }
        node.program.push_back({n.op == Op::Min ? IOp::Min : IOp::Max, static_cast<int>(n.args.size()), 0});
        return d;
      }
      case Op::Vorig: {
        Dim d = name(l, li, f.nodes[static_cast<size_t>(n.args[0])], node, true);
        if (n.args.size() > 1) {
          bool lb = false;
          Dim b = emit(l, li, f, n.args[1], node, lb);
          if (!lb && !(b == d))
            throw ModelError("eenheden passen niet in vorig() in de formule van " + l.id + ": " + d.text() + " en " + b.text(),
                             at_offset(l, n.offset));
        } else
          node.program.push_back({IOp::Num, 0, 0.0});
        node.program.push_back({IOp::Vorig, 0, 0});
        return d;
      }
      case Op::Groei: {
        bool la = false, lb = false;
        Dim b = emit(l, li, f, n.args[0], node, la);
        Dim gr = emit(l, li, f, n.args[1], node, lb);
        if (!lb && !gr.exp.empty())
          throw ModelError("groei() in de formule van " + l.id + ": de groeivoet is " + gr.text() +
                               "; verwacht een fractie (0.02 = 2% per jaar)",
                           at_offset(l, f.nodes[static_cast<size_t>(n.args[1])].offset));
        node.program.push_back({IOp::Groei, li, 0});
        lit = la;
        return b;
      }
    }
    return {};
  }

  Dim name(const ModelLine& l, int li, const FormulaNode& n, GraphNode& node, bool previous) {
    const int target = m.find(n.name);
    if (target >= 0) {
      if (target == li && !previous)
        throw ModelError("de formule van " + l.id + " gebruikt de regel zelf; verwacht vorig(" + l.id + ") of groei(...)",
                         at_offset(l, n.offset));
      node.program.push_back({previous ? FormulaInstr::Op::LinePrev : FormulaInstr::Op::Line, target, 0});
      if (target != li && std::find(node.reads.begin(), node.reads.end(), target) == node.reads.end()) node.reads.push_back(target);
      return line_dim(m.line(target));
    }
    for (const auto& p : params)
      if (p.path == n.name) {
        node.program.push_back({previous ? FormulaInstr::Op::ParamPrev : FormulaInstr::Op::Param, slot(p.path, p.money), 0});
        if (std::find(node.params.begin(), node.params.end(), p.path) == node.params.end()) node.params.push_back(p.path);
        return parse_dim(p.unit);
      }
    ModelError e("onbekende naam '" + n.name + "' in de formule van " + l.id, at_offset(l, n.offset));
    e.unknown = n.name;
    for (const auto& x : m.lines) e.candidates.push_back(x.id);
    for (const auto& p : params) e.candidates.push_back(p.path);
    throw e;
  }
};

}  // namespace

Dim line_dim(const ModelLine& l) { return l.unit_text.empty() ? unit_dim(l.unit) : parse_dim(l.unit_text); }

std::shared_ptr<const Graph> build_graph(std::shared_ptr<const Model> model, const std::vector<FormulaParam>& params) {
  auto g = std::make_shared<Graph>();
  g->model = model;
  const Model& m = *model;
  const auto& rs = builtin_rules();
  std::vector<GraphNode> pre, post;
  for (size_t r = 0; r < rs.size(); ++r) {
    GraphNode n;
    n.kind = GraphNode::Kind::Rule;
    n.name = rs[r].name;
    n.rule = static_cast<int>(r);
    n.writes = rs[r].writes;
    n.overwrites = rs[r].overwrites;
    n.reads = rs[r].reads;
    n.params = rs[r].params;
    if (n.name == "amounts") {
      for (int l = 0; l < kLineCount; ++l)
        if (def(static_cast<Line>(l)).kind == LineKind::Amount) n.writes.push_back(l);
    }
    (rs[r].phase == 1 ? pre : post).push_back(std::move(n));
  }
  // Phase 2: the model's own lines and the subtotals.
  std::vector<GraphNode> mid;
  Compiler c{m, params, *g};
  for (int li = kLineCount; li < m.size(); ++li) {
    const ModelLine& l = m.line(li);
    GraphNode n;
    n.name = l.id;
    n.line = li;
    n.writes = {li};
    if (l.kind == LineKind::Formula) {
      n.kind = GraphNode::Kind::Formula;
      bool lit = false;
      const Dim d = c.emit(l, li, *l.formula, l.formula->root, n, lit);
      const Dim want = line_dim(l);
      if (!lit && !(d == want))
        throw ModelError("eenheden passen niet: de formule van " + l.id + " geeft " + d.text() + ", de regel is " + want.text() +
                             "; verwacht een formule in " + want.text(),
                         l.loc);
    } else if (l.kind == LineKind::Subtotal) {
      continue;  // below
    } else {
      n.kind = GraphNode::Kind::Amount;
      n.params = {"bedragen." + l.id};
    }
    mid.push_back(std::move(n));
  }
  std::vector<int> totals;
  for (const auto& s : m.sections)
    if (s.total >= 0) totals.push_back(s.total);
  const auto edges = m.sum_edges();
  for (int t : totals) {
    GraphNode n;
    n.kind = GraphNode::Kind::Subtotal;
    n.name = m.line(t).id;
    n.line = t;
    n.writes = {t};
    for (const auto& [ch, tt] : edges)
      if (tt == t) n.children.push_back(ch);
    n.reads = n.children;
    mid.push_back(std::move(n));
  }
  // Topological order of phase 2 (stable: declaration order among ready nodes). A phase-2 node
  // may read lines of phase 1; reading a line of phase 3 is refused (it is computed from the totals).
  std::vector<int> mid_writer(static_cast<size_t>(m.size()), -1);
  for (size_t k = 0; k < mid.size(); ++k) mid_writer[static_cast<size_t>(mid[k].line)] = static_cast<int>(k);
  for (const auto& n : post)
    for (int w : n.writes)
      for (const auto& x : mid)
        if (std::find(x.reads.begin(), x.reads.end(), w) != x.reads.end()) {
          const ModelLine& l = m.line(x.line);
          throw ModelError("de formule van " + l.id + " leest " + m.line(w).id +
                               ", dat pas na de totalen wordt berekend (" + n.name + "); verwacht een regel van de baten of lasten, een telling of een parameter",
                           l.loc);
        }
  std::vector<int> state(mid.size(), 0), order;
  std::vector<int> stack;
  std::function<void(int)> visit = [&](int k) {
    if (state[static_cast<size_t>(k)] == 2) return;
    if (state[static_cast<size_t>(k)] == 1) {
      // name the cycle: from k's position in the stack to the end
      auto it = std::find(stack.begin(), stack.end(), k);
      std::string cyc;
      for (auto j = it; j != stack.end(); ++j) cyc += mid[static_cast<size_t>(*j)].name + " -> ";
      cyc += mid[static_cast<size_t>(k)].name;
      // point at a formula line of the cycle
      ModelLoc loc;
      for (auto j = it; j != stack.end(); ++j)
        if (mid[static_cast<size_t>(*j)].kind == GraphNode::Kind::Formula) {
          loc = m.line(mid[static_cast<size_t>(*j)].line).loc;
          break;
        }
      throw ModelError("kring tussen regels: " + cyc + "; een regel kan niet (via andere regels) van zichzelf afhangen", loc);
    }
    state[static_cast<size_t>(k)] = 1;
    stack.push_back(k);
    for (int r : mid[static_cast<size_t>(k)].reads)
      if (int w = mid_writer[static_cast<size_t>(r)]; w >= 0) visit(w);
    stack.pop_back();
    state[static_cast<size_t>(k)] = 2;
    order.push_back(k);
  };
  for (size_t k = 0; k < mid.size(); ++k) visit(static_cast<int>(k));
  for (auto& n : pre) g->nodes.push_back(std::move(n));
  for (int k : order) g->nodes.push_back(std::move(mid[static_cast<size_t>(k)]));
  for (auto& n : post) g->nodes.push_back(std::move(n));
  int amounts = 0;
  for (auto& n : g->nodes)
    if (n.kind == GraphNode::Kind::Amount) n.amount = amounts++;  // row in Inputs::model_amounts
  g->writer.assign(static_cast<size_t>(m.size()), -1);
  for (size_t k = 0; k < g->nodes.size(); ++k) {
    for (int w : g->nodes[k].writes) g->writer[static_cast<size_t>(w)] = static_cast<int>(k);
    for (int w : g->nodes[k].overwrites) g->writer[static_cast<size_t>(w)] = static_cast<int>(k);  // korting_ocw: after the totals
  }
  return g;
}

std::vector<std::string> Graph::param_closure(int node) const {
  std::set<std::string> out;
  std::vector<int> todo{node};
  std::set<int> seen;
  while (!todo.empty()) {
    const int k = todo.back();
    todo.pop_back();
    if (!seen.insert(k).second) continue;
    const GraphNode& n = nodes[static_cast<size_t>(k)];
    out.insert(n.params.begin(), n.params.end());
    for (int r : n.reads)
      // every earlier node that writes the line (an overwriting rule reads what it replaces)
      for (int j = 0; j < k; ++j) {
        const auto& w = nodes[static_cast<size_t>(j)].writes;
        const auto& o = nodes[static_cast<size_t>(j)].overwrites;
        if (std::find(w.begin(), w.end(), r) != w.end() || std::find(o.begin(), o.end(), r) != o.end()) todo.push_back(j);
      }
  }
  return {out.begin(), out.end()};
}

bool Graph::depends_on(int node, const std::string& param) const {
  for (const auto& p : param_closure(node))
    if (param == p || param.rfind(p + ".", 0) == 0 || p.rfind(param + ".", 0) == 0) return true;
  return false;
}

std::vector<int> Graph::downstream_of(const std::string& param) const {
  std::vector<int> out;
  for (int k = 0; k < static_cast<int>(nodes.size()); ++k)
    if (depends_on(k, param)) out.push_back(k);
  return out;
}

}  // namespace begroting
