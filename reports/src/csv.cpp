// CSV: header "id,<year>,...", one row per line id; money as exact euros with cents.
#include <fmt/format.h>

#include <cmath>

#include "begroting/reports.hpp"

namespace begroting {

std::string render_csv(const Scenario&, const Result& r) {
  std::string out = "id";
  for (int y = r.horizon.first; y <= r.horizon.last; ++y) out += "," + std::to_string(y);
  out += "\n";
  for (const auto& d : line_table()) {
    out += d.id;
    for (int i = 0; i < r.n(); ++i) {
      out += ",";
      if (is_money(d.line)) out += cents_plain(r.c(d.line, i));
      else if (std::isfinite(r.r(d.line, i))) out += fmt::format("{}", r.r(d.line, i));
    }
    out += "\n";
  }
  return out;
}

}  // namespace begroting
