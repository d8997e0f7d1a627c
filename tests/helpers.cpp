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

}  // namespace testutil
