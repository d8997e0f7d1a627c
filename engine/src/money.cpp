#include "begroting/money.hpp"

#include <cmath>
#include <limits>

namespace begroting {

void throw_add_overflow() { throw ArithmeticError("overloop bij optellen van bedragen in centen"); }
void throw_sub_overflow() { throw ArithmeticError("overloop bij aftrekken van bedragen in centen"); }
void throw_not_a_cent_amount(double cents) {
  if (!std::isfinite(cents)) throw ArithmeticError("bedrag is geen eindig getal (NaN of oneindig)");
  throw ArithmeticError("bedrag te groot voor centen (int64)");
}

std::int64_t cents_to_whole_euros(Cents c) {
  // half away from zero, in integers: no floating point involved
  const std::int64_t q = c / 100, r = c % 100;
  if (r >= 50) return q + 1;
  if (r <= -50) return q - 1;
  return q;
}

}  // namespace begroting
