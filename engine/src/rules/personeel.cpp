// Personeelskosten (chapter 12, II.1): the first year's amount, then +groei a year (the plan
// uses +2%). Each year is the previous year's exact cents x (1 + groei), rounded once to the
// cent: 958,363 -> 977,530.26 -> 997,080.87 ... as the plan prints (977,530; 997,081).
#include "rules.hpp"

namespace begroting::rules {

void personeel(Ctx& c) {
  personeel_pad(pad_of(c));  // the figures (personeel_pad.inc); here the trace
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

#include "personeel_pad.inc"
void personeel_pad(const Pad& p) { personeel_pad_t(p); }

}  // namespace begroting::rules
