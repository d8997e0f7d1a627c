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

}  // namespace begroting::cli
