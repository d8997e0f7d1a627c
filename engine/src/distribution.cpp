// Distributions of declared uncertainties (uncertainty.hpp): inverse CDFs, so that one uniform
// number gives one draw (a fixed number of random numbers per path, whatever the values) and
// sensitivity can ask for exact P5/P95 values.
#include <cmath>
#include <limits>

#include "begroting/uncertainty.hpp"

#include "as241.hpp"

namespace begroting {

// Wichura, M.J. (1988) Algorithm AS 241 (PPND16: accurate to about 1 part in 10^16); the
// coefficients and the Horner evaluation are in as241.hpp, shared with the Monte Carlo's lanes.
double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) {
    if (p == 0.0) return -std::numeric_limits<double>::infinity();
    if (p == 1.0) return std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * as241::horner(as241::kCentralNum, r) / as241::horner(as241::kCentralDen, r);
  }
  double r = q < 0 ? p : 1.0 - p;
  r = std::sqrt(-std::log(r));
  double x;
  if (r <= 5.0) {
    r -= 1.6;
    x = as241::horner(as241::kNearNum, r) / as241::horner(as241::kNearDen, r);
  } else {
    r -= 5.0;
    x = as241::horner(as241::kFarNum, r) / as241::horner(as241::kFarDen, r);
  }
  return q < 0 ? -x : x;
}

double Distribution::quantile(double p) const {
  switch (kind) {
    case Kind::Vast: return a;
    case Kind::Normaal: return a + b * normal_quantile(p);
    case Kind::Uniform: return a + p * (b - a);
    case Kind::Driehoek: {
      // min a, modus b, max c: F(b) = (b - a) / (c - a).
      const double w = c - a;
      if (w <= 0) return a;
      const double fm = (b - a) / w;
      return p < fm ? a + std::sqrt(p * w * (b - a)) : c - std::sqrt((1.0 - p) * w * (c - b));
    }
  }
  return a;
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::Vast: return a;
    case Kind::Normaal: return a;
    case Kind::Uniform: return (a + b) / 2.0;
    case Kind::Driehoek: return (a + b + c) / 3.0;
  }
  return a;
}

}  // namespace begroting
