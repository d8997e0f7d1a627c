// Pupils per begrotingsjaar t = the count on the teldatum 1 February t-1 (DOMAIN 1; plan 8.1.1:
// "Het aantal leerlingen bepaalt de hoogte van het ondersteuningsbedrag"). Later teldata are
// projected as count(y) = count(y-1) x (1 + groei(y)) unless the scenario gives the count.
// Projected counts are expected values and stay fractional: no rounding here.
#include "rules.hpp"

namespace begroting::rules {

namespace {
constexpr Line kPopLine[kPopCount] = {Line::leerlingen_bo,      Line::leerlingen_sbo,     Line::leerlingen_so_cat1,
                                      Line::leerlingen_so_cat2, Line::leerlingen_so_cat3, Line::leerlingen_ikc,
                                      Line::leerlingen_ikc_ander_swv};
}

void population(Ctx& c) {
  for (int p = 0; p < kPopCount; ++p) {
    const Line l = kPopLine[p];
    const auto& pin = c.in.pop[static_cast<size_t>(p)];
    project_population(pin, &c.r.r(l, 0));
    if (!c.tr) continue;
    const std::string base = "leerlingen." + std::string(pop_key(static_cast<Pop>(p)));
    for (int i = 0; i < c.n; ++i) {
      auto& e = c.tr->at(l, c.year(i));
      const int teldatum = c.year(i) - 1;
      if (!std::isnan(pin.given[static_cast<size_t>(i)])) {
        e.formula = "aantal op teldatum 1 februari " + std::to_string(teldatum) + " zoals het scenario het geeft (DOMAIN 1)";
        e.terms = {param("leerlingen op 1 februari " + std::to_string(teldatum), pin.given[static_cast<size_t>(i)],
                         Unit::Leerlingen, base + ".teldatum", teldatum)};
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

}  // namespace begroting::rules
