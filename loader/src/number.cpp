// The one number rule (number.hpp).
#include "number.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

namespace begroting::detail {

namespace {
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
}  // namespace

bool parse_number(std::string_view s, double& out, int& decimals) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const size_t int_start = i;
  while (i < s.size() && digit(s[i])) ++i;
  const size_t int_digits = i - int_start;
  if (int_digits == 0) return false;  // a digit before the point
  int frac = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const size_t f0 = i;
    while (i < s.size() && digit(s[i])) ++i;
    frac = static_cast<int>(i - f0);
    if (frac == 0) return false;  // and after it
  }
  long exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    const size_t e0 = i;
    while (i < s.size() && digit(s[i])) {
      if (exponent < 100000) exponent = exponent * 10 + (s[i] - '0');
      ++i;
    }
    if (i == e0) return false;
    if (neg) exponent = -exponent;
  }
  if (i != s.size()) return false;
  const char* b = s.data() + (s[0] == '+' ? 1 : 0);
  auto [p, ec] = std::from_chars(b, s.data() + s.size(), out);
  if (ec == std::errc::result_out_of_range && static_cast<long>(int_digits) + exponent > 300) {
    // beyond a double: certainly too large (the caller's bounds say so)
    out = s[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    decimals = 0;
    return true;
  }
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(out)) return false;
  decimals = static_cast<int>(std::max<long>(0, frac - exponent));
  return true;
}

std::string number_hint(std::string_view s) {
  if (!s.empty() && s.back() == '%') {
    double p = 0;
    if (parse_number(s.substr(0, s.size() - 1), p)) {
      std::ostringstream os;
      os << p / 100.0;
      return ": schrijf " + os.str();
    }
    return "";
  }
  if (s.find(',') != std::string_view::npos)
    return ": gebruik een punt als decimaalteken en geen scheidingstekens voor duizendtallen";
  if (std::count(s.begin(), s.end(), '.') > 1) return ": schrijf bedragen zonder punten voor duizendtallen (1234567.89)";
  return "";
}

}  // namespace begroting::detail
