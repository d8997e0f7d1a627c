// Internal: one figure of a result as JSON, shared by every JSON renderer. Money lines are
// euros with cents (exact decimal from the cents); a non-finite ratio (a zero denominator) is
// null, never NaN (which JSON cannot hold).
#pragma once
#include <nlohmann/json.hpp>

#include <cmath>

#include "begroting/engine.hpp"
#include "begroting/reports.hpp"

namespace begroting {

/// A count of pupils (or pupil-years, placements) as printed in JSON and CSV: rounded to 2
/// decimals (README, "Leerlingaantallen"), so a projection prints 609.15, never
/// 609.1542000000001. Only the output is rounded; the engine computes with the exact count.
inline double count_printed(double v) { return std::round(v * 100.0) / 100.0; }
inline bool is_count(Unit u) { return u == Unit::Leerlingen || u == Unit::Leerlingjaren; }

/// Provenance (issue 12.2): the file chain (child first) and every --set; a variant says so.
inline nlohmann::json herkomst_json(const Scenario& s) {
  return {{"bestanden", s.files}, {"set", s.overrides}, {"variant", is_variant(s)}};
}

inline nlohmann::json value_json(const Result& r, Line l, int i) {
  if (r.m().line(l).money()) return nlohmann::json(cents_to_euros(r.c(l, i)));
  const double v = r.r(l, i);
  if (!std::isfinite(v)) return nlohmann::json(nullptr);
  return nlohmann::json(is_count(r.m().line(l).unit) ? count_printed(v) : v);
}

}  // namespace begroting
