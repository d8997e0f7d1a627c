// Internal: the coefficients of Wichura's AS 241 (PPND16), shared by the scalar normal_quantile()
// (distribution.cpp) and the eight-lane draws of the Monte Carlo (risk.cpp), so that both evaluate
// the same polynomials in the same order and give the same bits.
//
// Wichura, M.J. (1988) Algorithm AS 241: The percentage points of the normal distribution.
// Applied Statistics 37, 477-484.
#pragma once

namespace begroting::as241 {

/// Each polynomial from its highest coefficient down: ((c[0] r + c[1]) r + c[2]) r + ... + c[7].
using Poly = double[8];

/// Central region |q| <= 0.425, r = 0.180625 - q^2: q num(r) / den(r).
inline constexpr Poly kCentralNum = {2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
                                     13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608};
inline constexpr Poly kCentralDen = {5226.495278852545925, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
                                     5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0};
/// Tails, r = sqrt(-log(min(p, 1 - p))): r <= 5 with r - 1.6, beyond with r - 5.
inline constexpr Poly kNearNum = {7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258,
                                  3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734};
inline constexpr Poly kNearDen = {1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459,
                                  0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1.0};
inline constexpr Poly kFarNum = {2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093,
                                 0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772};
inline constexpr Poly kFarDen = {2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4,
                                 0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1.0};

/// The polynomial at r by Horner's rule: a multiply and an add per step, each rounded (the build
/// has -ffp-contract=off). risk.cpp's eight-lane form (horner8) takes the same steps.
inline double horner(const Poly& c, double r) {
  double acc = c[0] * r + c[1];
  for (int i = 2; i < 8; ++i) acc = acc * r + c[i];
  return acc;
}

}  // namespace begroting::as241
