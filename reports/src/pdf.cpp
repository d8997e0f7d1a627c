// `report --format pdf` (issue 14.3): the HTML report printed by headless Chromium. The page
// layout is the HTML's print CSS: A4, the scenario and run date in the top-left margin box of
// every page, "pagina N van M" bottom right (@page margin boxes), no table row split across
// pages (break-inside: avoid), table headings repeated. Chromium's own header and footer (the
// print date and the file URL) are switched off, so the PDF depends only on the input.
//
// Chromium runs with a fresh profile in a private temporary folder (removed afterwards), no
// network use is possible (the page's Content-Security-Policy forbids every load), and it is
// started without a shell (posix_spawnp), so no path is ever interpreted by one.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "begroting/reports.hpp"

extern char** environ;

namespace begroting {

namespace {
namespace fs = std::filesystem;

struct TempDir {
  std::string path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "begroting-pdf-XXXXXX").string();
    if (!::mkdtemp(t.data())) throw std::runtime_error(std::string("pdf: kan geen tijdelijke map maken (") + std::strerror(errno) + ")");
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

std::string chromium_binary() {
  const char* env = std::getenv("BEGROTING_CHROMIUM");
  return env && *env ? env : "chromium";
}

int run_quiet(const std::vector<std::string>& args, const std::string& log) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return -1;
  int st = 0;
  while (::waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}
}  // namespace

std::string html_to_pdf(const std::string& html) {
  TempDir dir;
  const std::string page = dir.path + "/rapport.html", pdf = dir.path + "/rapport.pdf", log = dir.path + "/chromium.log";
  {
    std::ofstream f(page, std::ios::binary);
    f << html;
    if (!f) throw std::runtime_error("pdf: kan het tijdelijke html-bestand niet schrijven");
  }
  const std::vector<std::string> args{chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                      "--user-data-dir=" + dir.path + "/profiel", "--no-pdf-header-footer",
                                      "--virtual-time-budget=2000", "--print-to-pdf=" + pdf, "file://" + page};
  const int rc = run_quiet(args, log);
  std::ifstream in(pdf, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string out = buf.str();
  if (rc != 0 || out.rfind("%PDF-", 0) != 0) {
    std::ifstream l(log);
    std::string first;
    std::getline(l, first);
    throw std::runtime_error("pdf: headless Chromium ('" + args[0] + "') kon het rapport niet afdrukken (afsluitcode " +
                             std::to_string(rc) + (first.empty() ? "" : ": " + first) +
                             "); verwacht het Debian-pakket chromium (scripts/setup installeert het) of BEGROTING_CHROMIUM=PAD");
  }
  return out;
}

}  // namespace begroting
