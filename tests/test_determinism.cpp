// Determinism: the same inputs give byte-identical output in every format and view a command
// advertises, run twice, and run from another working directory that holds the same files.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "helpers.hpp"

namespace fs = std::filesystem;

namespace {

/// Run the CLI in `cwd` writing to `out`; returns the exit code.
int run_in(const std::string& cwd, const std::string& args, const std::string& out) {
  const std::string cmd = "cd '" + cwd + "' && '" + BEGROTING_EXE + "' " + args + " --output '" + out +
                          "' >/dev/null 2>&1 </dev/null";
  const int st = std::system(cmd.c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void check_deterministic(const std::string& args) {
  // A second working directory with a copy of scenarios/: relative paths mean the same files.
  const std::string elsewhere = testutil::temp_dir();
  fs::copy(testutil::source("scenarios"), elsewhere + "/scenarios", fs::copy_options::recursive);
  const std::string out = testutil::temp_dir();
  INFO("begroting ", args);
  REQUIRE(run_in(BEGROTING_SOURCE_DIR, args, out + "/a") == 0);
  REQUIRE(run_in(BEGROTING_SOURCE_DIR, args, out + "/b") == 0);
  REQUIRE(run_in(elsewhere, args, out + "/c") == 0);
  const std::string a = testutil::slurp_file(out + "/a");
  CHECK(!a.empty());
  CHECK(a == testutil::slurp_file(out + "/b"));
  CHECK(a == testutil::slurp_file(out + "/c"));
  fs::remove_all(elsewhere);
  fs::remove_all(out);
}

}  // namespace

TEST_CASE("run: byte-identical output in every format and view - twice and from another directory") {
  const auto formats = testutil::option_values("run", "format");
  auto views = testutil::option_values("run", "view");
  REQUIRE(formats.size() >= 3);
  if (views.empty()) views.push_back("");
  for (const auto& view : views)
    for (const auto& format : formats)
      check_deterministic("run scenarios/so-groei-6.yaml --format " + format + (view.empty() ? "" : " --view " + view));
}

TEST_CASE("compare: byte-identical output in every format - twice and from another directory") {
  const auto formats = testutil::option_values("compare", "format");
  REQUIRE(formats.size() >= 3);
  for (const auto& format : formats)
    check_deterministic("compare scenarios/zuid-kennemerland-2024.yaml scenarios/so-groei-6.yaml --all --format " + format);
}
