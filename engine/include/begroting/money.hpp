// Money in whole eurocents (int64), with every rounding step named.
//
// Rounding policy (see README, "Geld en afronding"):
//  1. Amounts typed in a scenario (EUR) must have at most two decimals; they are
//     converted to cents exactly, never rounded (the loader refuses a third decimal).
//  2. A rule that multiplies a count (possibly a projected, fractional count of pupils)
//     by a tarief computes the exact product in double precision and rounds ONCE to the
//     cent, half away from zero: round_to_cent(). The relative error of the product
//     (~1e-16) is far below half a cent for any amount below EUR 10^12.
//  3. Sums and differences are exact integer arithmetic on cents, checked for overflow.
//  4. Reports print whole euros, rounded half away from zero from the cents
//     (cents_to_whole_euros()); a total is rounded from its exact cents, as the plan's
//     spreadsheet does, so a printed total may differ by 1 from the sum of printed lines.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace begroting {

using Cents = std::int64_t;

struct ArithmeticError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Out of line: the throws of the inline helpers below (keeps the hot path small).
[[noreturn]] void throw_add_overflow();
[[noreturn]] void throw_sub_overflow();
[[noreturn]] void throw_not_a_cent_amount(double cents);

/// a + b, throws ArithmeticError on int64 overflow.
inline Cents add_checked(Cents a, Cents b) {
  Cents r;
  if (__builtin_add_overflow(a, b, &r)) throw_add_overflow();
  return r;
}
/// a - b, throws ArithmeticError on int64 overflow.
inline Cents sub_checked(Cents a, Cents b) {
  Cents r;
  if (__builtin_sub_overflow(a, b, &r)) throw_sub_overflow();
  return r;
}

/// Rule 2: round an exact amount expressed in (fractional) cents to whole cents,
/// half away from zero (as std::llround, inline: it runs a million times per Monte Carlo
/// second). Throws on NaN, infinity or a value beyond int64.
inline Cents round_to_cent(double cents) {
  // NaN fails the comparison too; 9.0e18 stays inside int64 (9.22e18).
  if (!(cents < 9.0e18 && cents > -9.0e18)) throw_not_a_cent_amount(cents);
  // Truncate, then look at the exact remainder: for |x| < 2^53, x - trunc(x) is exact
  // (same sign, magnitude below 1); beyond 2^52 every double is an integer and f = 0.
  // Branch-free on purpose: in a Monte Carlo the remainder is random, and a branch on it
  // mispredicts half the time (~100 roundings per path).
  const auto t = static_cast<Cents>(cents);
  const double f = cents - static_cast<double>(t);
  return t + static_cast<Cents>(f >= 0.5) - static_cast<Cents>(f <= -0.5);
}

/// Multiply an amount in cents by a real factor (a count, a share, a growth factor)
/// and round once to the cent (rule 2).
inline Cents mul_round(Cents amount, double factor) { return round_to_cent(static_cast<double>(amount) * factor); }

/// Rule 4: whole euros, half away from zero (for printing only).
std::int64_t cents_to_whole_euros(Cents c);

/// Euros as a double, only for output formats that carry decimals (JSON, CSV).
inline double cents_to_euros(Cents c) { return static_cast<double>(c) / 100.0; }

}  // namespace begroting
