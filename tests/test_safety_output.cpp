// Issue 13 (safety, round two), outputs and streams: what --output may replace, the mode of a
// replaced file, an --output that is an input, write errors on stdout and in files (also xlsx),
// and the temporary file on SIGTERM. Each case runs the real program through /bin/sh.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "helpers.hpp"

namespace fs = std::filesystem;

namespace {

struct Sh {
  int status;  ///< the shell's exit status ($?): 128 + N when killed by signal N
  std::string out, err;
};

/// Run `cmd` with /bin/sh in the source directory; `B` in it is the begroting executable.
/// stdout and stderr are collected unless `cmd` redirects them itself (then `out`/`err` are what
/// reached the files `$O` and `$E`).
Sh sh(const std::string& cmd) {
  const std::string dir = testutil::temp_dir();
  const std::string script = "cd '" + std::string(BEGROTING_SOURCE_DIR) + "' && B='" + BEGROTING_EXE + "' O='" + dir +
                             "/out' E='" + dir + "/err'; export B O E; ( " + cmd + " ) >>'" + dir + "/out' 2>>'" + dir +
                             "/err' </dev/null";
  const int st = std::system(("sh -c '" + [&] {
                                std::string q;
                                for (char c : script) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
                                return q;
                              }() + "'")
                                 .c_str());
  Sh r{WIFEXITED(st) ? WEXITSTATUS(st) : -1, testutil::slurp_file(dir + "/out"), testutil::slurp_file(dir + "/err")};
  fs::remove_all(dir);
  return r;
}

const std::string kScenario = "scenarios/zuid-kennemerland-2024.yaml";
const std::string kRun = "\"$B\" run " + kScenario + " --format csv";

std::string run_csv() { return testutil::run_cli("run " + kScenario + " --format csv").out; }

/// Names in `dir` that look like a temporary file of write_atomically (.NAME.tmp-XXXXXX).
std::vector<std::string> temps_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().filename().string());
  return out;
}

mode_t mode_of(const std::string& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

// Case 1: what is at the target decides. A FIFO and a character device are written through (the
// user asked for them), a link stays a link, /dev/stdout is this program's stdout; a directory
// or a link to nothing is refused.
TEST_CASE("output targets: a FIFO and a link to /dev/null are written through and stay what they are") {
  const std::string dir = testutil::temp_dir();
  const std::string expected = run_csv();
  REQUIRE(expected.rfind("id,2024,", 0) == 0);

  const std::string fifo = dir + "/pijp";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const Sh f = sh("cat '" + fifo + "' > '" + dir + "/gelezen' & " + kRun + " --output '" + fifo + "'; s=$?; wait; exit $s");
  CHECK(f.status == 0);
  CHECK(f.err.empty());
  CHECK(S_ISFIFO(mode_of(fifo)));
  CHECK(testutil::slurp_file(dir + "/gelezen") == expected);

  const std::string null_link = dir + "/naar-null";
  fs::create_symlink("/dev/null", null_link);
  const Sh n = sh(kRun + " --output '" + null_link + "'");
  CHECK(n.status == 0);
  CHECK(S_ISLNK(mode_of(null_link)));
  CHECK(fs::read_symlink(null_link) == "/dev/null");
  CHECK(S_ISCHR(mode_of("/dev/null")));
  CHECK(temps_in(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("output targets: /dev/stdout is stdout and a link to a file keeps the link") {
  const std::string expected = run_csv();
  const Sh s = sh(kRun + " --output /dev/stdout");
  CHECK(s.status == 0);
  CHECK(s.out == expected);
  CHECK(S_ISLNK(mode_of("/dev/stdout")));

  const std::string dir = testutil::temp_dir();
  write(dir + "/echt.csv", "oud\n");
  ::chmod((dir + "/echt.csv").c_str(), 0640);
  fs::create_symlink("echt.csv", dir + "/link.csv");
  const Sh l = sh(kRun + " --output '" + dir + "/link.csv'");
  CHECK(l.status == 0);
  CHECK(S_ISLNK(mode_of(dir + "/link.csv")));
  CHECK(testutil::slurp_file(dir + "/echt.csv") == expected);
  CHECK((mode_of(dir + "/echt.csv") & 07777) == 0640);
  CHECK(temps_in(dir).empty());

  // a directory, and a link to nothing: refused with exit 2, nothing created
  fs::create_directory(dir + "/map");
  const Sh d = sh(kRun + " --output '" + dir + "/map'");
  CHECK(d.status == 2);
  CHECK(d.err == "--output " + dir + "/map: is een map; verwacht een bestandsnaam\n");
  fs::create_symlink("bestaat-niet.csv", dir + "/los");
  const Sh g = sh(kRun + " --output '" + dir + "/los'");
  CHECK(g.status == 2);
  CHECK(g.err == "--output " + dir + "/los: is een symbolische link naar een bestand dat niet bestaat; verwacht een bestaand doel of een gewoon pad\n");
  CHECK(!fs::exists(dir + "/bestaat-niet.csv"));
  CHECK(temps_in(dir).empty());
  fs::remove_all(dir);
}

// Case 3: a 0600 file stays 0600 (a budget may be confidential); a new file gets 0666 minus
// the umask, as from any program.
TEST_CASE("output mode: a replaced file keeps its mode and a new one follows the umask") {
  const std::string dir = testutil::temp_dir();
  write(dir + "/geheim.csv", "oud\n");
  ::chmod((dir + "/geheim.csv").c_str(), 0600);
  CHECK(sh(kRun + " --output '" + dir + "/geheim.csv'").status == 0);
  CHECK((mode_of(dir + "/geheim.csv") & 07777) == 0600);
  CHECK(testutil::slurp_file(dir + "/geheim.csv") == run_csv());
  CHECK(sh("umask 027; " + kRun + " --output '" + dir + "/nieuw.csv'").status == 0);
  CHECK((mode_of(dir + "/nieuw.csv") & 07777) == 0640);  // 0666 & ~027
  fs::remove_all(dir);
}

// Case 3: --output may not be an input: the scenario, an extends parent, the schools file, also
// through a link. The input stays as it was.
TEST_CASE("output equal to an input is refused: scenario and parent and schools file and a link to one") {
  const std::string dir = testutil::temp_dir();
  const std::string base = testutil::source("scenarios/zuid-kennemerland-2024.yaml");
  const std::string before = testutil::slurp_file(base);
  const Sh a = sh("\"$B\" run scenarios/so-groei-6.yaml --output scenarios/zuid-kennemerland-2024.yaml");
  CHECK(a.status == 2);
  CHECK(a.err == "--output scenarios/zuid-kennemerland-2024.yaml: is ook een invoerbestand (scenarios/zuid-kennemerland-2024.yaml); "
                 "verwacht een ander pad, anders gaat de invoer verloren\n");
  fs::create_symlink(base, dir + "/link.yaml");
  const Sh b = sh("\"$B\" run scenarios/so-groei-6.yaml --format json --output '" + dir + "/link.yaml'");
  CHECK(b.status == 2);
  CHECK(b.err.find("is ook een invoerbestand") != std::string::npos);
  const std::string schools = testutil::source("scenarios/gegevens/scholen-zuid-kennemerland.yaml");
  const std::string schools_before = testutil::slurp_file(schools);
  const Sh c = sh("\"$B\" run scenarios/zuid-kennemerland-2024-scholen.yaml --output scenarios/gegevens/scholen-zuid-kennemerland.yaml");
  CHECK(c.status == 2);
  CHECK(c.err.find("is ook een invoerbestand (") != std::string::npos);
  CHECK(testutil::slurp_file(base) == before);
  CHECK(testutil::slurp_file(schools) == schools_before);
  fs::remove_all(dir);
}

// Case 2: stdout closed or full is exit 2 with a Dutch message, for a result and for --help.
TEST_CASE("stdout write errors: closed and full give exit 2") {
  const Sh closed = sh(kRun + " >&-");
  CHECK(closed.status == 2);
  CHECK(closed.err == "begroting: de standaarduitvoer (stdout) is gesloten; verwacht een terminal, een bestand of een pijp, of --output PAD\n");
  const Sh help = sh("\"$B\" run --help >&-");
  CHECK(help.status == 2);
  CHECK(help.err.find("is gesloten") != std::string::npos);
  if (!fs::exists("/dev/full")) {
    MESSAGE("/dev/full ontbreekt op deze machine: de test met een volle uitvoer is overgeslagen");
    return;
  }
  const Sh full = sh(kRun + " > /dev/full");
  CHECK(full.status == 2);
  CHECK(full.err == "begroting: de standaarduitvoer (stdout): schrijven mislukt (de schijf is vol)\n");
  const Sh html = sh("\"$B\" report " + kScenario + " --format html --date 2026-11-30 > /dev/full");
  CHECK(html.status == 2);
  const Sh full_help = sh("\"$B\" --help > /dev/full");
  CHECK(full_help.status == 2);
  // a character device as --output is written through: /dev/full fails there too
  const Sh dev = sh(kRun + " --output /dev/full");
  CHECK(dev.status == 2);
  CHECK(dev.err == "--output /dev/full: schrijven mislukt (de schijf is vol)\n");
}

// Case 4: xlsx fails like every other format: exit 2, Dutch, the old file untouched.
TEST_CASE("xlsx write failures: exit 2 in Dutch like every format") {
  const std::string dir = testutil::temp_dir();
  const std::string rep = "\"$B\" report " + kScenario + " --format xlsx --date 2026-11-30";
  const Sh missing = sh(rep + " --output '" + dir + "/geen-map/r.xlsx'");
  CHECK(missing.status == 2);
  CHECK(missing.err == "--output " + dir + "/geen-map/r.xlsx: kan geen tijdelijk bestand maken in de map (de map bestaat niet); "
                       "verwacht een pad in een bestaande map waarin u mag schrijven\n");
  fs::create_directory(dir + "/map.xlsx");
  const Sh is_dir = sh(rep + " --output '" + dir + "/map.xlsx'");
  CHECK(is_dir.status == 2);
  CHECK(is_dir.err == "--output " + dir + "/map.xlsx: is een map; verwacht een bestandsnaam\n");
  if (fs::exists("/dev/full")) {
    const Sh full = sh(rep + " --output /dev/full");
    CHECK(full.status == 2);
    CHECK(full.err == "--output /dev/full: schrijven mislukt (de schijf is vol)\n");
  }
  // the good case still writes a zip (xlsx) with the same mode rules
  CHECK(sh(rep + " --output '" + dir + "/r.xlsx'").status == 0);
  CHECK(testutil::slurp_file(dir + "/r.xlsx").rfind("PK", 0) == 0);
  CHECK(temps_in(dir).empty());
  fs::remove_all(dir);
}

// Cases 2 and 4 on a real full or read-only file system: a 16 kB tmpfs, where it can be mounted
// (root with mount rights); elsewhere skipped with a message.
TEST_CASE("full and read-only file system: exit 2 - the old file untouched - no temporary file") {
  const std::string dir = testutil::temp_dir();
  if (std::system(("mount -t tmpfs -o size=16k tmpfs '" + dir + "' 2>/dev/null").c_str()) != 0) {
    MESSAGE("kan hier geen tmpfs aankoppelen (geen root of geen mount-rechten): de test met een volle schijf is overgeslagen");
    fs::remove_all(dir);
    return;
  }
  write(dir + "/rapport.html", "oude inhoud\n");
  // The html report (tens of kB) does not fit in 16 kB.
  const Sh full = sh("\"$B\" report " + kScenario + " --format html --date 2026-11-30 --output '" + dir + "/rapport.html'");
  CHECK(full.status == 2);
  CHECK(full.err == "--output " + dir + "/rapport.html: schrijven mislukt (de schijf is vol); een bestaand bestand blijft onaangeroerd\n");
  CHECK(testutil::slurp_file(dir + "/rapport.html") == "oude inhoud\n");
  CHECK(temps_in(dir).empty());
  // the same for xlsx when the disk is read-only
  CHECK(std::system(("mount -o remount,ro '" + dir + "'").c_str()) == 0);
  const Sh ro = sh("\"$B\" report " + kScenario + " --format xlsx --date 2026-11-30 --output '" + dir + "/r.xlsx'");
  CHECK(ro.status == 2);
  CHECK(ro.err == "--output " + dir + "/r.xlsx: kan geen tijdelijk bestand maken in de map (alleen-lezen schijf); "
                  "verwacht een pad in een bestaande map waarin u mag schrijven\n");
  CHECK(std::system(("umount '" + dir + "'").c_str()) == 0);
  fs::remove_all(dir);
}

// Case 5: SIGTERM while the temporary file exists removes it. The signal is raised at the exact
// moment (LD_PRELOAD shim tests/preload_signal.cpp: fsync of the temporary file raises it), so
// the test does not depend on timing; the process dies of the signal as without the handler.
TEST_CASE("signals while writing: SIGTERM and SIGINT remove the temporary file") {
  const std::string dir = testutil::temp_dir();
  write(dir + "/risico.json", "oude inhoud\n");
  for (int sig : {15, 2}) {
    const Sh s = sh("ASAN_OPTIONS=verify_asan_link_order=0 LD_PRELOAD='" + std::string(BEGROTING_PRELOAD_SIGNAL) +
                    "' BEGROTING_TEST_SIGNAL=" + std::to_string(sig) +
                    " \"$B\" risk scenarios/zuid-kennemerland-2024-risico.yaml --paths 20000 --format json --output '" + dir +
                    "/risico.json'");
    INFO("signal ", sig, ": ", s.err);
    CHECK(s.status == 128 + sig);
    CHECK(testutil::slurp_file(dir + "/risico.json") == "oude inhoud\n");
    CHECK(temps_in(dir).empty());
  }
  fs::remove_all(dir);
}
