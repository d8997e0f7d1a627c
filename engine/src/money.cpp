#include "begroting/money.hpp"

#include <cmath>
#include <limits>

namespace begroting {

Cents add_checked(Cents a, Cents b) {
  Cents r;
  if (__builtin_add_overflow(a, b, &r)) throw ArithmeticError("overloop bij optellen van bedragen in centen");
  return r;
}

Cents sub_checked(Cents a, Cents b) {
  Cents r;
  if (__builtin_sub_overflow(a, b, &r)) throw ArithmeticError("overloop bij aftrekken van bedragen in centen");
  return r;
}

Cents round_to_cent(double cents) {
  if (!std::isfinite(cents)) throw ArithmeticError("bedrag is geen eindig getal (NaN of oneindig)");
  // 9.2e18 is the int64 limit; stay well inside so that llround cannot overflow.
  if (std::fabs(cents) >= 9.0e18) throw ArithmeticError("bedrag te groot voor centen (int64)");
  return static_cast<Cents>(std::llround(cents));  // llround: half away from zero
}

Cents mul_round(Cents amount, double factor) {
  return round_to_cent(static_cast<double>(amount) * factor);
}

std::int64_t cents_to_whole_euros(Cents c) {
  // half away from zero, in integers: no floating point involved
  const std::int64_t q = c / 100, r = c % 100;
  if (r >= 50) return q + 1;
  if (r <= -50) return q - 1;
  return q;
}

}  // namespace begroting
