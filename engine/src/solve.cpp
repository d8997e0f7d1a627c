// Goal seek on one scenario parameter (see solve.hpp for the method). Every trial value is a
// whole number of grid steps (whole cents for money), so the answer needs no rounding; the
// target is compared exactly in cents for money lines.
#include "begroting/solve.hpp"

#include <cmath>

#include "begroting/engine.hpp"

namespace begroting {

double solve_step(Unit u) {
  switch (u) {
    case Unit::Euro:
    case Unit::EuroPerLeerling: return 0.01;
    case Unit::Fractie: return 0.000001;
    case Unit::Leerlingen: return 1.0;  // solve steps in whole pupils (a scenario may give fractional, expected counts: README)
    case Unit::Leerlingjaren: return 0.001;
    case Unit::Jaar: return 1.0;
    case Unit::Weken: return 1.0;  // whole weeks
  }
  return 0.01;
}

namespace {

struct Evaluator {
  Scenario sc;
  const SolveSpec& spec;
  Result r;
  int evaluations = 0;

  /// Set the parameter to k steps and compute; margin > 0 means above the reference.
  SolvePoint at(long long k, double& margin) {
    const double v = static_cast<double>(k) * spec.step;
    for (int y : spec.years) sc.set(spec.param, y, v, Provenance::from_set("solve"));
    r = run(sc);
    ++evaluations;
    const auto& t = spec.target;
    if (!t.every_year) return point(v, t.year, margin);
    // every year: the worst margin decides (ties: the earliest year)
    SolvePoint worst;
    for (int y = t.first_year; y <= t.year; ++y) {
      double m = 0;
      const SolvePoint p = point(v, y, m);
      const bool worse = t.op == SolveTarget::Op::AtMost ? m > margin : m < margin;
      if (y == t.first_year || worse) { worst = p; margin = m; }
    }
    return worst;
  }
  /// The target figure in year y of the last run; margin > 0 means above the reference.
  SolvePoint point(double v, int y, double& margin) const {
    const auto& t = spec.target;
    const int i = r.horizon.index(y);
    SolvePoint p;
    p.value = v;
    p.year = y;
    if (r.m().line(t.line).money()) {
      const Cents f = r.c(t.line, i);
      const Cents ref = t.other ? (r.m().line(*t.other).money() ? r.c(*t.other, i) : static_cast<Cents>(std::llround(r.r(*t.other, i) * 100)))
                                : static_cast<Cents>(std::llround(t.value * 100.0));
      p.figure = cents_to_euros(f);
      p.reference = cents_to_euros(ref);
      margin = static_cast<double>(f - ref);
    } else {
      p.figure = r.r(t.line, i);
      p.reference = t.other ? r.value(*t.other, y) : t.value;
      margin = p.figure - p.reference;
    }
    p.meets = t.op == SolveTarget::Op::AtMost ? margin <= 0 : margin >= 0;
    return p;
  }
  SolvePoint at(long long k) {
    double m = 0;
    return at(k, m);
  }
};

}  // namespace

SolveOutcome solve(const Scenario& base, const SolveSpec& spec) {
  Evaluator ev{base, spec, {}, 0};
  const double eps = 1e-9;
  const auto kmin = static_cast<long long>(std::ceil(spec.min / spec.step - eps));
  const auto kmax = static_cast<long long>(std::floor(spec.max / spec.step + eps));
  if (kmax < kmin) throw std::invalid_argument("solve: leeg bereik");
  if (spec.target.every_year && spec.target.op == SolveTarget::Op::Equals)
    throw std::invalid_argument("solve: 'in elk jaar' gaat niet samen met een doel 'gelijk aan'");
  if (spec.target.every_year && spec.target.first_year > spec.target.year) throw std::invalid_argument("solve: leeg jarenbereik");
  // Sample the range: 17 points including both ends.
  constexpr int kSamples = 17;
  std::vector<long long> ks;
  for (int s = 0; s < kSamples; ++s) {
    const long long k = kmin + static_cast<long long>(std::llround(static_cast<double>(kmax - kmin) * s / (kSamples - 1)));
    if (ks.empty() || k != ks.back()) ks.push_back(k);
  }
  std::vector<SolvePoint> pts;
  std::vector<double> margins;
  SolvePoint lo_pt, hi_pt;
  try {
    for (long long k : ks) {
      double m = 0;
      pts.push_back(ev.at(k, m));
      margins.push_back(m);
    }
  } catch (const ArithmeticError& e) {
    throw SolveError(SolveError::Reason::Overflow, pts.empty() ? SolvePoint{} : pts.front(), SolvePoint{}, e.what());
  }
  lo_pt = pts.front();
  hi_pt = pts.back();
  int switches = 0;
  size_t at_switch = 0;
  for (size_t s = 1; s < pts.size(); ++s)
    if (pts[s].meets != pts[s - 1].meets) { ++switches; at_switch = s; }
  bool flat = true;
  for (double m : margins) flat = flat && m == margins.front();
  if (flat) throw SolveError(SolveError::Reason::Flat, lo_pt, hi_pt, "het doel hangt niet af van de parameter");
  if (switches > 1) throw SolveError(SolveError::Reason::NotMonotone, lo_pt, hi_pt, "het doel is niet monotoon in de parameter");
  SolveOutcome out;
  if (switches == 0) {
    if (!lo_pt.meets) throw SolveError(SolveError::Reason::NotMet, lo_pt, hi_pt, "geen waarde in het bereik haalt het doel");
    if (spec.target.op == SolveTarget::Op::Equals)
      throw SolveError(SolveError::Reason::NoCrossing, lo_pt, hi_pt, "het doel wordt in het bereik niet bereikt maar overal overschreden");
    // Every value meets the target: the boundary lies outside the range. Answer the range end
    // the figure moves toward the reference: where the margin is smallest.
    out.whole_range = true;
    const bool toward_max = std::fabs(margins.back()) < std::fabs(margins.front());
    out.highest = toward_max;
    out.answer = toward_max ? hi_pt : lo_pt;
    out.evaluations = ev.evaluations;
    return out;
  }
  // Bisection on whole steps between the samples either side of the switch.
  long long a = ks[at_switch - 1], b = ks[at_switch];
  const bool a_meets = pts[at_switch - 1].meets;
  try {
    while (b - a > 1) {
      const long long mid = a + (b - a) / 2;
      if (ev.at(mid).meets == a_meets) a = mid;
      else b = mid;
    }
    // a and b are neighbours; the one that meets is the answer, the other its neighbour.
    out.highest = a_meets;
    out.answer = ev.at(a_meets ? a : b);
    out.neighbour = ev.at(a_meets ? b : a);
  } catch (const ArithmeticError& e) {
    throw SolveError(SolveError::Reason::Overflow, lo_pt, hi_pt, e.what());
  }
  out.evaluations = ev.evaluations;
  return out;
}

}  // namespace begroting
