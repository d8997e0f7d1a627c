#include "helpers.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace testutil {

std::string temp_dir() {
  std::string t = "/tmp/begroting-test-XXXXXX";
  if (!mkdtemp(t.data())) throw std::runtime_error("mkdtemp");
  return t;
}

CliResult run_cli(const std::string& args) {
  const std::string dir = temp_dir();
  const std::string out = dir + "/stdout", err = dir + "/stderr";
  const std::string cmd = std::string("cd '") + BEGROTING_SOURCE_DIR + "' && '" + BEGROTING_EXE + "' " + args + " >'" + out +
                          "' 2>'" + err + "' </dev/null";
  const int st = std::system(cmd.c_str());
  auto slurp = [](const std::string& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  CliResult r{WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(out), slurp(err)};
  std::system(("rm -rf '" + dir + "'").c_str());
  return r;
}

std::string slurp_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> option_values(const std::string& command, const std::string& option) {
  const auto help = run_cli(command + " --help").out;
  std::istringstream in(help);
  std::string line, text;
  size_t column = std::string::npos;
  while (std::getline(in, line)) {
    if (column == std::string::npos) {
      // an option line: "  -f [ --format ] arg (=table) table | json" or "  --view arg ..."
      if (line.rfind("  -", 0) != 0) continue;
      size_t d = line.find("--" + option + " ] arg");
      if (d != std::string::npos) d += option.size() + 8;
      else if ((d = line.find("--" + option + " arg")) != std::string::npos) d += option.size() + 6;
      else continue;
      if (line.compare(d, 3, " (=") == 0) d = line.find(')', d) + 1;
      column = line.find_first_not_of(' ', d);
      text = line.substr(column);
      continue;
    }
    // continuation lines are indented to the description column
    if (line.size() > column && line.find_first_not_of(' ') >= column && line.compare(0, 2, "  ") == 0)
      text += " " + line.substr(line.find_first_not_of(' '));
    else
      break;
  }
  std::string flat;
  int depth = 0;
  for (char ch : text) {
    if (ch == '(') ++depth;
    else if (ch == ')') depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0) flat += ch;
  }
  std::vector<std::string> out;
  std::istringstream parts(flat);
  for (std::string p; std::getline(parts, p, '|');) {
    p.erase(0, p.find_first_not_of(' '));
    p.erase(p.find_last_not_of(' ') + 1);
    if (!p.empty()) out.push_back(p);
  }
  return out;
}

}  // namespace testutil
