// Instroombudget en terugplaatsingsbudget (plan 8.1.5, 6.3): EUR 8,000 a year for two years for
// each pupil entering a regular school from special education or with a voorschoolse TLV, from
// the first of the month after enrolment, pro rata per month. At SWV level the scenario gives
// the pupil-years funded in the calendar year (12 pupil-months = 1 pupil-year).
#include "rules.hpp"

namespace begroting::rules {

void instroom_terugplaatsing(Ctx& c) {
  instroom_terugplaatsing_pad(pad_of(c));  // the figures (instroom_terugplaatsing_pad.inc); here the trace
  if (!c.tr) return;
  for (int i = 0; i < c.n; ++i) {
    const int y = c.year(i);
    const auto k = static_cast<size_t>(i);
    for (auto [l, lj, path, what] :
         {std::tuple{Line::instroombudget, c.in.instroom_lj[k], "regulier_onderwijs.instroom_leerlingjaren", "instroom"},
          std::tuple{Line::terugplaatsing, c.in.terug_lj[k], "regulier_onderwijs.terugplaatsing_leerlingjaren",
                     "terugplaatsing"}}) {
      auto& e = c.tr->at(l, y);
      e.formula = std::string("leerlingjaren ") + what + " x bedrag per leerling per jaar (8.1.5)";
      e.rounding = "product eenmaal afgerond op de cent";
      e.terms = {param(std::string("leerlingjaren ") + what, lj, Unit::Leerlingjaren, path, y),
                 param("bedrag per leerling per jaar", eur(c.in.bedrag_instroom[k]), Unit::Euro,
                       "regulier_onderwijs.bedrag_instroom_per_leerling_per_jaar", y)};
    }
  }
}

#include "instroom_terugplaatsing_pad.inc"
void instroom_terugplaatsing_pad(const Pad& p) { instroom_terugplaatsing_pad_t(p); }

}  // namespace begroting::rules
