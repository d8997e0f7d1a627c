// One function per command; each returns its exit code and throws InputError for bad input.
#pragma once
#include <string>
#include <vector>

namespace begroting::cli {

int cmd_run(const std::vector<std::string>& args);
int cmd_compare(const std::vector<std::string>& args);
int cmd_report(const std::vector<std::string>& args);
int cmd_solve(const std::vector<std::string>& args);
int cmd_explain(const std::vector<std::string>& args);
int cmd_risk(const std::vector<std::string>& args);          // cmd_risk.cpp
int cmd_sensitivity(const std::vector<std::string>& args);   // cmd_risk.cpp

/// The formats `begroting report` writes; the top-level --help lists the same (one list).
inline const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> v{"html", "pdf", "xlsx", "md", "csv"};
  return v;
}
/// "html, pdf, xlsx, md, csv"
inline std::string report_formats_text() {
  std::string o;
  for (const auto& f : report_formats()) o += (o.empty() ? "" : ", ") + f;
  return o;
}

}  // namespace begroting::cli
