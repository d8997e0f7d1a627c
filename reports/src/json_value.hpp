// Internal: one figure of a result as JSON, shared by every JSON renderer. Money lines are
// euros with cents (exact decimal from the cents); a non-finite ratio (a zero denominator) is
// null, never NaN (which JSON cannot hold).
#pragma once
#include <nlohmann/json.hpp>

#include <cmath>

#include "begroting/engine.hpp"

namespace begroting {

inline nlohmann::json value_json(const Result& r, Line l, int i) {
  if (r.m().line(l).money()) return nlohmann::json(cents_to_euros(r.c(l, i)));
  const double v = r.r(l, i);
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace begroting
