// The layout of the meerjarenbegroting, shared by all renderers: the rows of the result's
// begrotingsmodel (model.hpp; for Zuid-Kennemerland the layout of chapter 12 of the plan).
#include "begroting/reports.hpp"

namespace begroting {

std::vector<LayoutRow> plan_layout(const Result& r) {
  std::vector<LayoutRow> v;
  for (const auto& row : r.m().layout()) {
    switch (row.kind) {
      case ModelRow::Kind::Section: v.push_back({LayoutRow::Kind::Section, row.text, {}, row.indent, true}); break;
      case ModelRow::Kind::Blank: v.push_back({LayoutRow::Kind::Blank, "", {}, 0, false}); break;
      case ModelRow::Kind::Line: v.push_back({LayoutRow::Kind::Line, "", static_cast<Line>(row.line), row.indent, row.emphasis}); break;
    }
  }
  return v;
}

}  // namespace begroting
