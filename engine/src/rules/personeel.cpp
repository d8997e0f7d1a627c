// Personeelskosten (chapter 12, II.1): the first year's amount, then +groei a year (the plan
// uses +2%). Each year is the previous year's exact cents x (1 + groei), rounded once to the
// cent: 958,363 -> 977,530.26 -> 997,080.87 ... as the plan prints (977,530; 997,081).
#include "rules.hpp"

namespace begroting::rules {

void personeel(Ctx& c) {
  personeel_pad(pad_of(c));  // the figures (below); here the trace
  if (!c.tr) return;
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    auto& e = c.tr->at(Line::personeelskosten, y);
    if (i == 0) {
      e.formula = "personeelskosten eerste begrotingsjaar (hfst 12 II.1)";
      e.terms = {param("personeelskosten eerste jaar", eur(c.in.personeel_first), Unit::Euro,
                       "personeel.personeelskosten_eerste_jaar", 0)};
    } else {
      e.formula = "personeelskosten vorig jaar x (1 + groei) (hfst 12 II.1)";
      e.rounding = "product eenmaal afgerond op de cent";
      e.terms = {line(c, Line::personeelskosten, i - 1),
                 param("groei personeelskosten", c.in.personeel_groei[static_cast<size_t>(i)], Unit::Fractie,
                       "personeel.groei", y)};
    }
  }
}

// The figures, for compute() (through the rule above) and the Monte Carlo kernel alike (rules.hpp, Pad).
void personeel_pad(const Pad& p) {
  Cents* pk = p.c(Line::personeelskosten);
  const double* groei = p.in.personeel_groei.data();
  Cents prev = p.in.personeel_first;
  if (p.n > 0) pk[0] = prev;
  for (int i = 1; i < p.n; ++i) {
    prev = mul_round(prev, 1.0 + groei[i]);
    pk[i] = prev;
  }
}

}  // namespace begroting::rules
