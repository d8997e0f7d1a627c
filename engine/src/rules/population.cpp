// Pupils per begrotingsjaar t = the count on the teldatum 1 February t-1 (DOMAIN 1; plan 8.1.1:
// "Het aantal leerlingen bepaalt de hoogte van het ondersteuningsbedrag"). Later teldata are
// projected as count(y) = count(y-1) x (1 + groei(y)) unless the scenario gives the count.
// Projected counts are expected values and stay fractional: no rounding here.
// With a section `stromen:` bo, SBO and SO by category come from the pupil-flow model instead
// (flows.hpp, flow.cpp: DOMAIN 1 and 4) and IKC follows the SBO/IKC state; IKC pupils from
// other SWVs keep their own growth.
#include "begroting/flows.hpp"
#include "rules.hpp"

namespace begroting::rules {

#include "population_pad.inc"

namespace {
bool by_flows(const Ctx& c, int p) {
  return c.in.flows.active && p != static_cast<int>(Pop::ikc_ander_swv);
}

void flows(Ctx& c) {
  constexpr int kMax = 64;  // the loader allows at most 50 years
  if (c.n > kMax) throw std::invalid_argument("stromenmodel: meer dan 64 jaren");
  std::array<double, kMax> buiten{};
  auto given = [&](Pop p) { return c.in.pop[static_cast<size_t>(p)].given.data(); };
  const std::array<const double*, kFlowStates> g{given(Pop::bo), given(Pop::sbo), given(Pop::so_cat1),
                                                 given(Pop::so_cat2), given(Pop::so_cat3), nullptr};
  const std::array<double*, kFlowStates> out{&c.r.r(Line::leerlingen_bo, 0), &c.r.r(Line::leerlingen_sbo, 0),
                                             &c.r.r(Line::leerlingen_so_cat1, 0), &c.r.r(Line::leerlingen_so_cat2, 0),
                                             &c.r.r(Line::leerlingen_so_cat3, 0), buiten.data()};
  project_flows(c.in.flows, g, c.n, out);
  // IKC follows the SBO/IKC state (a given count wins)
  const auto& ikc = c.in.pop[static_cast<size_t>(Pop::ikc)];
  const double sbo0 = c.r.r(Line::leerlingen_sbo, 0);
  for (int i = 0; i < c.n; ++i) {
    const double gi = ikc.given[static_cast<size_t>(i)];
    c.r.r(Line::leerlingen_ikc, i) =
        !std::isnan(gi) ? gi : (sbo0 != 0 ? ikc.given[0] * c.r.r(Line::leerlingen_sbo, i) / sbo0 : ikc.given[0]);
  }
}

void trace_flows(Ctx& c, int p, int i) {
  const Line l = kPopLine[p];
  auto& e = c.tr->at(l, c.year(i));
  const int teldatum = c.year(i) - 1;
  auto rate = [&](Flow f, const char* what) {
    const std::string key = std::string(flow_schema()[static_cast<size_t>(f)].path);
    return param(what, c.in.flows.rate[static_cast<size_t>(f)][static_cast<size_t>(i)],
                 f == Flow::instroom_4_jarigen ? Unit::Leerlingen : Unit::Fractie, key, teldatum);
  };
  const std::string t = std::to_string(teldatum), t0 = std::to_string(teldatum - 1);
  switch (static_cast<Pop>(p)) {
    case Pop::bo:
      e.formula = "stromenmodel: bo(1-2-" + t + ") = bo(1-2-" + t0 + ") x (1 - uitstroom - verwijzingen) + terugplaatsingen + instroom vierjarigen";
      e.terms = {line(c, Line::leerlingen_bo, i - 1), rate(Flow::uitstroom_groep_8, "uitstroom na groep 8"),
                 rate(Flow::verwijzing_sbo, "verwijzing naar SBO/IKC"), rate(Flow::verwijzing_so_cat1, "verwijzing naar SO cat. I"),
                 rate(Flow::verwijzing_so_cat2, "verwijzing naar SO cat. II"), rate(Flow::verwijzing_so_cat3, "verwijzing naar SO cat. III"),
                 line(c, Line::leerlingen_sbo, i - 1), rate(Flow::terugplaatsing_sbo, "terugplaatsing uit SBO/IKC"),
                 rate(Flow::terugplaatsing_so, "terugplaatsing uit SO"), rate(Flow::instroom_4_jarigen, "instroom vierjarigen")};
      break;
    case Pop::sbo:
      e.formula = "stromenmodel: sbo(1-2-" + t + ") = verwijzing x bo + sbo x (1 - uitstroom - terugplaatsing)";
      e.terms = {line(c, Line::leerlingen_bo, i - 1), rate(Flow::verwijzing_sbo, "verwijzing naar SBO/IKC"),
                 line(c, Line::leerlingen_sbo, i - 1), rate(Flow::uitstroom_sbo, "uitstroom SBO/IKC"),
                 rate(Flow::terugplaatsing_sbo, "terugplaatsing uit SBO/IKC")};
      break;
    case Pop::ikc:
      e.formula = "stromenmodel: IKC volgt SBO/IKC: ikc(eerste teldatum) x sbo(1-2-" + t + ") / sbo(eerste teldatum)";
      e.terms = {line(c, Line::leerlingen_ikc, 0), line(c, Line::leerlingen_sbo, i), line(c, Line::leerlingen_sbo, 0)};
      break;
    default: {
      const Flow ref = p == static_cast<int>(Pop::so_cat1) ? Flow::verwijzing_so_cat1
                       : p == static_cast<int>(Pop::so_cat2) ? Flow::verwijzing_so_cat2
                                                              : Flow::verwijzing_so_cat3;
      e.formula = "stromenmodel: so(1-2-" + t + ") = verwijzing x bo + so x (1 - uitstroom - terugplaatsing)";
      e.terms = {line(c, Line::leerlingen_bo, i - 1), rate(ref, "verwijzing naar deze SO-categorie"), line(c, l, i - 1),
                 rate(Flow::uitstroom_so, "uitstroom SO"), rate(Flow::terugplaatsing_so, "terugplaatsing uit SO")};
    }
  }
}
}  // namespace

void population(Ctx& c) {
  // The figures: the flow model for the populations it covers, the kernel form (population_pad.inc) for the
  // others; here the trace.
  if (c.in.flows.active) flows(c);
  Pad pad = pad_of(c);
  pad.flags = 0;
  for (int p = 0; p < kPopCount; ++p)
    if (!by_flows(c, p)) pad.flags |= 1u << p;
  population_pad(pad);
  if (!c.tr) return;
  for (int p = 0; p < kPopCount; ++p) {
    const Line l = kPopLine[p];
    const auto& pin = c.in.pop[static_cast<size_t>(p)];
    const std::string base = "leerlingen." + std::string(pop_key(static_cast<Pop>(p)));
    for (int i = 0; i < c.n; ++i) {
      auto& e = c.tr->at(l, c.year(i));
      const int teldatum = c.year(i) - 1;
      if (!std::isnan(pin.given[static_cast<size_t>(i)])) {
        e.formula = "aantal op teldatum 1 februari " + std::to_string(teldatum) + " zoals het scenario het geeft (DOMAIN 1)";
        e.terms = {param("leerlingen op 1 februari " + std::to_string(teldatum), pin.given[static_cast<size_t>(i)],
                         Unit::Leerlingen, base + ".teldatum", teldatum)};
      } else if (by_flows(c, p)) {
        trace_flows(c, p, i);
      } else {
        e.formula = "leerlingen(1-2-" + std::to_string(teldatum) + ") = leerlingen(1-2-" + std::to_string(teldatum - 1) +
                    ") x (1 + groei " + std::to_string(teldatum) + ")";
        e.terms = {line(c, l, i - 1), param("groei naar teldatum " + std::to_string(teldatum),
                                            pin.growth[static_cast<size_t>(i)], Unit::Fractie, base + ".groei", teldatum)};
      }
      e.rounding = "geen: verwachte aantallen blijven gebroken";
    }
  }
}

void population_pad(const Pad& p) { population_pad_t(p); }

}  // namespace begroting::rules
