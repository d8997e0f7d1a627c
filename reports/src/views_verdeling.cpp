// The non-line parts of the 8.1 views: IKC split per bestuur (8.1.6), vangnet claims (8.1.7).
#include <fmt/format.h>

#include "begroting/reports.hpp"
#include "views_detail.hpp"

namespace begroting {

void extend_view_json(const std::string& view, const Result& r, nlohmann::ordered_json& j) {
  (void)view;
  (void)r;
  (void)j;
}

std::string extend_view_table(const std::string& view, const Result& r) {
  (void)view;
  (void)r;
  return "";
}

std::string render_scholen(const Scenario& s, const Result& r, const std::string& format) {
  (void)s;
  (void)r;
  (void)format;
  throw std::invalid_argument("--view scholen: nog niet beschikbaar");
}

}  // namespace begroting
