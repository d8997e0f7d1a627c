#include "begroting/engine.hpp"

#include "rules/rules.hpp"

namespace begroting {

void Result::reset(const Horizon& h) {
  horizon = h;
  const auto size = static_cast<size_t>(kLineCount * h.size());
  cents.assign(size, 0);  // assign() reuses the capacity: no allocation once sized
  real.assign(size, 0.0);
  findings.clear();
  verdeling.clear();
}

double Result::value(Line l, int year) const {
  const int i = horizon.index(year);
  return is_money(l) ? cents_to_euros(c(l, i)) : r(l, i);
}

void compute(const Inputs& in, Result& out, Trace* trace, Findings findings) {
  // Every rule writes every line of every year, so a Result already sized for this horizon
  // needs no zeroing (tests/test_risk.cpp checks a Result full of garbage gives the same
  // figures). This saves a memset of the whole Result per Monte Carlo path.
  const auto size = static_cast<size_t>(kLineCount * in.horizon.size());
  if (out.horizon.first != in.horizon.first || out.horizon.last != in.horizon.last || out.cents.size() != size ||
      out.real.size() != size)
    out.reset(in.horizon);
  else {
    out.findings.clear();
    out.verdeling.clear();  // clear() keeps the capacity
  }
  rules::Ctx c{in, out, trace, in.horizon.size(), in.horizon.first, findings == Findings::Collect};
  // Order matters: each rule reads only lines computed before it.
  rules::population(c);
  rules::rijksbijdrage(c);
  rules::inhouding_duo(c);
  rules::ikc_volumebekostiging(c);
  rules::ikc_bandbreedte(c);
  rules::ondersteuningsbedrag_bao(c);
  rules::instroom_terugplaatsing(c);
  rules::personeel(c);
  rules::amounts(c);
  rules::vangnet(c);  // after amounts: reads the budgeted maximale ruimte
  rules::scholen(c);  // after amounts: replaces the SWV transfer lines by the sums over the schools
  rules::totals(c);
  rules::scholen_check(c);
  rules::reserves(c);
  rules::signaleringswaarde(c);
  rules::kengetallen(c);
  rules::waterbed(c);  // last: reads the final lines and checks the waterbed identity
  if (c.findings) sort_findings(out.findings);  // one list, in year order (issue 12.3)
}

Result run(const Scenario& s, Trace* trace) {
  const Inputs in = compile(s);
  Result r;
  compute(in, r, trace);
  return r;
}

}  // namespace begroting
