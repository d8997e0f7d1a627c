// Money: every rounding step, by its definition (engine/include/begroting/money.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "begroting/money.hpp"

using namespace begroting;

TEST_CASE("round_to_cent rounds half away from zero") {
  CHECK(round_to_cent(12.5) == 13);
  CHECK(round_to_cent(-12.5) == -13);
  CHECK(round_to_cent(12.49) == 12);
  CHECK(round_to_cent(0.0) == 0);
  CHECK_THROWS_AS(round_to_cent(std::nan("")), ArithmeticError);
  CHECK_THROWS_AS(round_to_cent(std::numeric_limits<double>::infinity()), ArithmeticError);
  CHECK_THROWS_AS(round_to_cent(1e19), ArithmeticError);
}

TEST_CASE("mul_round: pupils x tarief rounds once to the cent") {
  // 21,747 x EUR 356.36 = 7,741,932 + 7,828.92 = EUR 7,749,760.92 (DOMAIN 2, by hand)
  CHECK(mul_round(35636, 21747.0) == 774976092);
  // 585 x 6,634.52 = 3,880,890 + 304.20 = 3,881,194.20
  CHECK(mul_round(663452, 585.0) == 388119420);
  // 958,363 x 1.02 = 977,530.26
  CHECK(mul_round(95836300, 1.02) == 97753026);
}

TEST_CASE("whole euros for printing: half away from zero - in integers") {
  CHECK(cents_to_whole_euros(150) == 2);
  CHECK(cents_to_whole_euros(149) == 1);
  CHECK(cents_to_whole_euros(-150) == -2);
  CHECK(cents_to_whole_euros(-149) == -1);
  CHECK(cents_to_whole_euros(76295712) == 762957);
}

TEST_CASE("sums of cents are checked for overflow") {
  const Cents big = std::numeric_limits<Cents>::max() - 5;
  CHECK(add_checked(big, 5) == std::numeric_limits<Cents>::max());
  CHECK_THROWS_AS(add_checked(big, 6), ArithmeticError);
  CHECK_THROWS_AS(sub_checked(std::numeric_limits<Cents>::min(), 1), ArithmeticError);
  CHECK(sub_checked(100, 250) == -150);
}
