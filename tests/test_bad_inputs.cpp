// The corpus of bad inputs (tests/bad/): every case runs the real `begroting` binary and must
// give exactly the expected message on stderr and the expected exit code, print nothing on
// stdout, leave an existing --output file untouched and leave no stray (temporary) file behind.
//
// Each case is its own test "bad input: NAME" (tests/CMakeLists.txt generates them), so CTest
// names a failing case: ctest -R 'bad input: leeg'.
//
// A case is tests/bad/NAME.expected:
//   args: run tests/bad/NAME.yaml --set ...   (optional; default `run tests/bad/NAME.yaml`)
//   exit: 2
//   <the exact stderr, every following line>
// The command runs in the source directory; unless the args name --output themselves, the
// harness adds `--output DIR/uitvoer.txt` where that file already holds "oude inhoud\n";
// `{dir}` in the args and in the message stands for that directory.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "helpers.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Case {
  std::string name;
  std::string args;
  int exit_code = -1;
  std::string err;
};

Case read_case(const fs::path& p) {
  Case c;
  c.name = p.stem().string();
  c.args = "run tests/bad/" + c.name + ".yaml";
  std::istringstream in(slurp(p));
  std::string line;
  std::string rest;
  bool header = true;
  while (std::getline(in, line)) {
    if (header && line.rfind("args: ", 0) == 0) { c.args = line.substr(6); continue; }
    if (header && line.rfind("exit: ", 0) == 0) { c.exit_code = std::stoi(line.substr(6)); continue; }
    header = false;
    rest += line + "\n";
  }
  c.err = rest;
  return c;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(testutil::source("tests/bad")))
    if (e.path().extension() == ".expected") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void check_bad_case(const std::string& name) {
  const Case c = read_case(testutil::source("tests/bad/" + name + ".expected"));
  INFO("case: ", c.name, "  (begroting ", c.args, ")");
  REQUIRE(c.exit_code >= 1);
  const std::string dir = testutil::temp_dir();
  const std::string out = dir + "/uitvoer.txt";
  { std::ofstream(out) << "oude inhoud\n"; }
  std::string args = c.args;
  const bool own_output = args.find("--output") != std::string::npos;
  std::string err = c.err;
  for (std::string* t : {&args, &err})
    for (size_t at; (at = t->find("{dir}")) != std::string::npos;) t->replace(at, 5, dir);
  if (!own_output) args += " --output '" + out + "'";
  const auto r = testutil::run_cli(args);
  CHECK(r.exit_code == c.exit_code);
  CHECK(r.err == err);
  CHECK(r.out.empty());
  CHECK(slurp(out) == "oude inhoud\n");
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"uitvoer.txt"});
  fs::remove_all(dir);
}

// The generated tests (build/tests/bad_cases.cpp) are made from the directory when CMake
// configures; this one fails when they are stale (a case added or removed since) or too few.
extern const std::vector<std::string> kBadCases;
TEST_CASE("bad inputs: every case in tests/bad is its own test") {
  std::vector<std::string> names;
  for (const auto& p : cases()) names.push_back(p.stem().string());
  CHECK(names.size() >= 60);
  CHECK(names == kBadCases);
}
