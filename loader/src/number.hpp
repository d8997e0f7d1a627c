// Internal: the one number rule of every scenario section (parameters, stromen, onzekerheden,
// the 8.1 sections, the schools file) and of --set. README "Getallen".
#pragma once
#include <string>
#include <string_view>

namespace begroting::detail {

/// A number as a finance reader writes it, with a point as decimal separator:
///   optional sign, digits, optionally '.' and digits, optionally an exponent (e or E, an
///   optional sign, digits): 12, -0.5, +3, 6634.52, 2e-2, 1.5E3.
/// Refused: 4% (write 0.04), 6634,52 and 1.234.567 (separators), .5 and 5. (a digit on both
/// sides of the point), inf, nan, hexadecimal, spaces inside, a value too small for a double.
/// A value too large for a double gives +-infinity (true): the caller's bounds refuse it.
/// On success `decimals` is the number of decimals of the value as written: digits after the
/// point minus the exponent, at least 0 (1.25e1 = 12.5 has one; 6e-2 = 0.06 has two). Money
/// allows at most two.
bool parse_number(std::string_view s, double& out, int& decimals);
inline bool parse_number(std::string_view s, double& out) {
  int d = 0;
  return parse_number(s, out, d);
}

/// Why `s` is not a number: the sentence after "'s' is geen getal", e.g. "; schrijf 0.04" for
/// "4%", ": gebruik een punt als decimaalteken ..." for "6634,52", or "" when nothing specific
/// applies (the caller then says what it expected).
std::string number_hint(std::string_view s);

}  // namespace begroting::detail
