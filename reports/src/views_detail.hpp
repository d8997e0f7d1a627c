// Internal: the parts of the 8.1 views that are not lines of the result (per bestuur, per
// claim, per school), added to the line-based views.
#pragma once
#include <nlohmann/json.hpp>

#include <string>

#include "begroting/engine.hpp"

namespace begroting {

void extend_view_json(const std::string& view, const Result& r, nlohmann::ordered_json& j);
std::string extend_view_table(const std::string& view, const Result& r);

}  // namespace begroting
