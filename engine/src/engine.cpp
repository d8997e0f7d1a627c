#include "begroting/engine.hpp"

#include "graph_rules.hpp"
#include "rules/rules.hpp"

namespace begroting {

void Result::reset(const Horizon& h, int lines) {
  horizon = h;
  const auto size = static_cast<size_t>(lines * h.size());
  cents.assign(size, 0);  // assign() reuses the capacity: no allocation once sized
  real.assign(size, 0.0);
  findings.clear();
  verdeling.clear();
}

double Result::value(Line l, int year) const {
  const int i = horizon.index(year);
  return m().line(l).money() ? cents_to_euros(c(l, i)) : r(l, i);
}

namespace {

/// A line's value in year i as the formulas see it: euros for money lines.
double line_value(const Result& r, const Model& m, int line, int i) {
  return m.lines[static_cast<size_t>(line)].money() ? cents_to_euros(r.c(static_cast<Line>(line), i))
                                                     : r.r(static_cast<Line>(line), i);
}

/// The value of registry entry `entry` in begrotingsjaar F+i, read where compile() put it
/// (money in euros): a rule's Inputs field or Inputs::extra (a model's own parameter).
double entry_value(const Inputs& in, int entry, int i) {
  const ParamSpec& spec = in.registry->entries()[static_cast<size_t>(entry)];
  const auto k = static_cast<size_t>(i);
  if (!spec.input) {
    const auto& v = in.extra[static_cast<size_t>(spec.extra)];
    return spec.shape == Shape::Single ? v[0] : v[k];
  }
  const InputRef ref = spec.input(const_cast<Inputs&>(in));  // read only
  if (ref.reals) return (*ref.reals)[k];
  if (ref.money) return cents_to_euros((*ref.money)[k]);
  if (ref.real) return *ref.real;
  if (ref.cents) return cents_to_euros(*ref.cents);
  if (ref.integer) return *ref.integer;
  return 0.0;
}

/// Evaluate a compiled formula for year i (postfix, fixed stack: no allocation).
double eval_formula(const GraphNode& node, const Inputs& in, const Result& r, const Model& m, int i) {
  double st[64];
  int sp = 0;
  const auto slot = [&](int s, int year_index) { return entry_value(in, in.slot_entry[static_cast<size_t>(s)], year_index); };
  using Op = FormulaInstr::Op;
  for (const FormulaInstr& x : node.program) {
    switch (x.op) {
      case Op::Num: st[sp++] = x.num; break;
      case Op::Line: st[sp++] = line_value(r, m, x.a, i); break;
      case Op::LinePrev: st[sp++] = i == 0 ? 0.0 : line_value(r, m, x.a, i - 1); break;
      case Op::Param: st[sp++] = slot(x.a, i); break;
      case Op::ParamPrev: st[sp++] = i == 0 ? 0.0 : slot(x.a, i - 1); break;
      case Op::Add: --sp; st[sp - 1] += st[sp]; break;
      case Op::Sub: --sp; st[sp - 1] -= st[sp]; break;
      case Op::Mul: --sp; st[sp - 1] *= st[sp]; break;
      case Op::Div:
        --sp;
        st[sp - 1] = st[sp] == 0.0 ? 0.0 : st[sp - 1] / st[sp];  // x / 0 = 0 (an empty driver), never inf
        break;
      case Op::Neg: st[sp - 1] = -st[sp - 1]; break;
      case Op::Min:
      case Op::Max: {
        double v = st[sp - x.a];
        for (int k = sp - x.a + 1; k < sp; ++k) v = x.op == Op::Min ? std::min(v, st[k]) : std::max(v, st[k]);
        sp -= x.a;
        st[sp++] = v;
        break;
      }
      case Op::Vorig: {  // stack: value previous year, value in the first year
        --sp;
        if (i == 0) st[sp - 1] = st[sp];
        break;
      }
      case Op::Groei: {  // stack: begin, groei; the line's own previous value x (1 + groei)
        --sp;
        if (i > 0) st[sp - 1] = line_value(r, m, x.a, i - 1) * (1.0 + st[sp]);
        break;
      }
    }
  }
  return st[0];
}

void trace_formula(const GraphNode& node, const Inputs& in, rules::Ctx& c, const Model& m, int i) {
  const ModelLine& l = m.line(node.line);
  auto& e = c.tr->at(static_cast<Line>(node.line), c.year(i));
  e.formula = "formule " + l.formula->text + " (" + (l.reference.empty() ? std::string("model") : l.reference) + ")";
  e.rounding = l.money() ? "uitkomst eenmaal afgerond op de cent" : "niet afgerond";
  for (const auto& f : l.formula->names()) {
    const int target = m.find(f);
    if (target >= 0) {
      if (target == node.line) {
        if (i > 0) e.terms.push_back(rules::line(c, static_cast<Line>(target), i - 1));
        continue;
      }
      e.terms.push_back(rules::line(c, static_cast<Line>(target), i));
      continue;
    }
    const auto& g = *in.graph;
    for (size_t s = 0; s < g.slots.size(); ++s)
      if (g.slots[s] == f) {
        const auto spec = find_spec(f);
        Unit u = spec ? spec->unit : (g.slot_money[s] ? Unit::Euro : Unit::Leerlingen);
        int year = c.year(i);
        for (const auto& p : m.params)
          if (p.path == f && !p.per_year) year = 0;
        if (spec && spec->shape == Shape::Single) year = 0;
        e.terms.push_back(rules::param(f, entry_value(in, in.slot_entry[s], i), u, f, year));
      }
  }
}

}  // namespace

namespace {
const Graph& graph_of(const Inputs& in) {
  static const std::shared_ptr<const Graph> kDefault = [] {
    Scenario none;
    Inputs x;
    compile_model(none, x);
    return x.graph;
  }();
  return in.graph ? *in.graph : *kDefault;
}

/// One node of the graph: a built-in rule, an amount line, a formula line or a subtotal.
void run_node(const GraphNode& node, const Inputs& in, Result& out, rules::Ctx& c, const Model& m, Trace* trace) {
  const auto& rs = builtin_rules();
  switch (node.kind) {
    case GraphNode::Kind::Rule: rs[static_cast<size_t>(node.rule)].fn(c); break;
    case GraphNode::Kind::Amount: {
      // exact: the loader allows at most two decimals in an amount (rounding step 1)
      const int entry = in.amount_entry[static_cast<size_t>(node.amount)];
      const auto l = static_cast<Line>(node.line);
      for (int i = 0; i < c.n; ++i) out.c(l, i) = round_to_cent(entry_value(in, entry, i) * 100.0);
      if (!trace) break;
      const ModelLine& d = m.line(node.line);
      for (int i = 0; i < c.n; ++i) {
        auto& e = trace->at(l, c.year(i));
        e.formula = "bedrag uit het scenario (" + (d.reference.empty() ? std::string("model") : d.reference) + ")";
        e.terms = {rules::param(d.label, cents_to_euros(out.c(l, i)), Unit::Euro, "bedragen." + d.id, c.year(i))};
      }
      break;
    }
    case GraphNode::Kind::Formula: {
      const auto l = static_cast<Line>(node.line);
      const bool money = m.line(node.line).money();
      for (int i = 0; i < c.n; ++i) {
        const double v = eval_formula(node, in, out, m, i);
        if (money) out.c(l, i) = round_to_cent(v * 100.0);
        else out.r(l, i) = v;
        if (trace) trace_formula(node, in, c, m, i);
      }
      break;
    }
    case GraphNode::Kind::Subtotal: {
      // hfst 12: the exact sum in cents of the lines of the section; no rounding, overflow-checked
      const auto t = static_cast<Line>(node.line);
      for (int i = 0; i < c.n; ++i) {
        Cents s = 0;
        for (int ch : node.children) s = add_checked(s, out.c(static_cast<Line>(ch), i));
        out.c(t, i) = s;
      }
      if (!trace) break;
      const ModelLine& d = m.line(node.line);
      for (int i = 0; i < c.n; ++i) {
        auto& e = trace->at(t, c.year(i));
        e.formula = "som van de regels van " + d.label + " (" + d.reference + ")";
        e.rounding = "exacte som in centen";
        e.terms.clear();
        for (int ch : node.children) e.terms.push_back(rules::line(c, static_cast<Line>(ch), i));
      }
      break;
    }
  }
}
}  // namespace

void compute_node(const Inputs& in, Result& out, int node) {
  const Graph& g = graph_of(in);
  rules::Ctx c{in, out, nullptr, in.horizon.size(), in.horizon.first, false};
  run_node(g.nodes[static_cast<size_t>(node)], in, out, c, *g.model, nullptr);
}

void compute(const Inputs& in, Result& out, Trace* trace, Findings findings) {
  const Graph& g = graph_of(in);
  const Model& m = *g.model;
  // Every node writes every line of every year, so a Result already sized for this horizon
  // needs no zeroing (tests/test_risk.cpp checks a Result full of garbage gives the same
  // figures). This saves a memset of the whole Result per Monte Carlo path.
  const auto size = static_cast<size_t>(m.size() * in.horizon.size());
  if (out.horizon.first != in.horizon.first || out.horizon.last != in.horizon.last || out.cents.size() != size ||
      out.real.size() != size)
    out.reset(in.horizon, m.size());
  else {
    out.findings.clear();
    out.verdeling.clear();  // clear() keeps the capacity
  }
  if (out.model.get() != g.model.get()) out.model = g.model;
  rules::Ctx c{in, out, trace, in.horizon.size(), in.horizon.first, findings == Findings::Collect};
  // The graph's fixed order (graph.hpp): each node reads only lines computed before it.
  for (const GraphNode& node : g.nodes) run_node(node, in, out, c, m, trace);
  if (c.findings) sort_findings(out.findings);  // one list, in year order (issue 12.3)
}

std::vector<Result> align_results(const std::vector<const Result*>& rs) {
  std::vector<Result> out;
  if (rs.empty()) return out;
  bool same = true;
  for (const Result* r : rs) same = same && &r->m() == &rs[0]->m();
  if (same) {
    for (const Result* r : rs) out.push_back(*r);
    return out;
  }
  auto u = std::make_shared<Model>(rs[0]->m());
  for (const Result* r : rs)
    for (const auto& l : r->m().lines)
      if (u->find(l.id) < 0) {
        ModelLine x = l;
        x.section = -1;  // shown by the comparison, not in the layout
        x.formula.reset();
        u->lines.push_back(std::move(x));
      }
  const std::shared_ptr<const Model> um = u;
  for (const Result* r : rs) {
    Result a;
    a.reset(r->horizon, um->size());
    a.findings = r->findings;
    a.verdeling = r->verdeling;
    a.model = um;
    for (int li = 0; li < um->size(); ++li) {
      const int src = r->m().find(um->line(li).id);
      if (src < 0) continue;
      for (int i = 0; i < r->n(); ++i) {
        a.c(static_cast<Line>(li), i) = r->c(static_cast<Line>(src), i);
        a.r(static_cast<Line>(li), i) = r->r(static_cast<Line>(src), i);
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result run(const Scenario& s, Trace* trace) {
  const Inputs in = compile(s);
  Result r;
  compute(in, r, trace);
  return r;
}

}  // namespace begroting
