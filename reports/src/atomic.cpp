// Writing an output (--output and stdout) so that a failed run never leaves half a file, never
// replaces what is not a regular file, keeps a replaced file's mode and owner, and reports every
// failed write (README "Veiligheid"). POSIX calls, not iostreams: every error is seen.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "begroting/reports.hpp"

namespace begroting {

std::string io_reason(int err) {
  switch (err) {
    case ENOENT: return "de map bestaat niet";
    case EACCES:
    case EPERM: return "geen schrijfrechten";
    case ENOSPC: return "de schijf is vol";
    case EDQUOT: return "het schijfquotum is op";
    case EROFS: return "alleen-lezen schijf";
    case EISDIR: return "is een map";
    case ENOTDIR: return "een deel van het pad is geen map";
    case ENAMETOOLONG: return "de naam is te lang";
    case EBADF: return "is gesloten";
    case EIO: return "invoer-/uitvoerfout van het apparaat";
    case EFBIG: return "het bestand wordt te groot";
    case ELOOP: return "te veel symbolische links";
    default: return std::strerror(err);
  }
}

namespace {

std::string reason(int err) { return io_reason(err); }

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw OutputError(path + ": " + what); }

// ---- the temporary file, removed on SIGINT, SIGTERM and SIGHUP ----------------------------------

char g_temp_path[4096];
volatile std::sig_atomic_t g_have_temp = 0;

extern "C" void remove_temp_and_reraise(int sig) {
  if (g_have_temp) ::unlink(g_temp_path);  // async-signal-safe
  ::signal(sig, SIG_DFL);
  ::raise(sig);  // die of the signal as without the handler (exit status 128 + sig in a shell)
}

/// Blocks SIGINT, SIGTERM and SIGHUP in this thread while it lives, so that creating the
/// temporary file and registering its name (or forgetting it) happen together.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t s;
    sigemptyset(&s);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&s, sig);
    pthread_sigmask(SIG_BLOCK, &s, &old_);
  }
  ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_;
};

/// A temporary file beside the target (same file system, so rename is atomic), known to the
/// signal handler while it exists.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) {
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string name = target.filename().string();
    if (name.size() > 200) name.resize(200);  // ".NAME.tmp-XXXXXX" within NAME_MAX (255)
    path_ = (dir / ("." + name + ".tmp-XXXXXX")).string();
    if (path_.size() >= sizeof g_temp_path) fail(target.string(), "kan geen tijdelijk bestand maken (" + reason(ENAMETOOLONG) + ")");
    SignalsHeld held;
    fd_ = ::mkostemp(path_.data(), O_CLOEXEC);
    if (fd_ < 0)
      fail(target.string(), "kan geen tijdelijk bestand maken in de map (" + reason(errno) +
                                "); verwacht een pad in een bestaande map waarin u mag schrijven");
    std::memcpy(g_temp_path, path_.c_str(), path_.size() + 1);
    g_have_temp = 1;
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    SignalsHeld held;
    if (!renamed_) ::unlink(path_.c_str());
    g_have_temp = 0;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  /// Close (reporting its error), then rename over `target`.
  void commit(const std::string& target, const std::string& shown) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(shown, "schrijven mislukt (" + reason(errno) + "); een bestaand bestand blijft onaangeroerd");
    if (std::rename(path_.c_str(), target.c_str()) != 0)
      fail(shown, "kan het bestand niet vervangen (" + reason(errno) + "); een bestaand bestand blijft onaangeroerd");
    SignalsHeld held;
    renamed_ = true;
    g_have_temp = 0;
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool renamed_ = false;
};

/// Every byte to `fd`, retrying interrupted and short writes.
void write_all(int fd, const std::string& content, const std::string& shown) {
  size_t off = 0;
  while (off < content.size()) {
    const ssize_t w = ::write(fd, content.data() + off, content.size() - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      fail(shown, "schrijven mislukt (" + reason(errno) + ")");
    }
    off += static_cast<size_t>(w);
  }
}

/// /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a descriptor of this process:
/// write to it (what the user asked), never replace the link.
std::optional<int> descriptor_of(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    const std::string p = prefix;
    if (path.size() > p.size() && path.compare(0, p.size(), p) == 0 && path.size() - p.size() <= 6) {
      int n = 0;
      for (size_t i = p.size(); i < path.size(); ++i) {
        if (path[i] < '0' || path[i] > '9') return std::nullopt;
        n = n * 10 + (path[i] - '0');
      }
      return n;
    }
  }
  return std::nullopt;
}

/// The new content of the regular file `target` (or a new file when `old` is null), atomically.
void replace_regular(const std::string& target, const std::string& content, const struct stat* old, const std::string& shown) {
  TempFile tmp{std::filesystem::path(target)};
  try {
    write_all(tmp.fd(), content, shown);
  } catch (const OutputError& e) {
    throw OutputError(std::string(e.what()) + "; een bestaand bestand blijft onaangeroerd");
  }
  if (old) {
    // Keep the owner (where the system allows: root, or a group the user is in) and the mode of
    // the file being replaced: a confidential budget stays 0600. chown before chmod, because
    // chown clears the set-id bits.
    if (::fchown(tmp.fd(), old->st_uid, old->st_gid) != 0) (void)::fchown(tmp.fd(), static_cast<uid_t>(-1), old->st_gid);
    if (::fchmod(tmp.fd(), old->st_mode & 07777) != 0) fail(shown, "kan de rechten niet overnemen (" + reason(errno) + ")");
  } else {
    const mode_t mask = ::umask(0);  // a new file gets what any program would give it: 0666 minus umask
    ::umask(mask);
    if (::fchmod(tmp.fd(), 0666 & ~mask) != 0) fail(shown, "kan de rechten niet zetten (" + reason(errno) + ")");
  }
  if (::fsync(tmp.fd()) != 0) fail(shown, "schrijven mislukt (" + reason(errno) + "); een bestaand bestand blijft onaangeroerd");
  tmp.commit(target, shown);
  // Make the rename itself durable (best effort: not every file system can sync a directory).
  const std::filesystem::path t(target);
  const std::string dir = t.has_parent_path() ? t.parent_path().string() : ".";
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace

void remove_temp_files_on_signals() {
  struct sigaction sa {};
  sa.sa_handler = remove_temp_and_reraise;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // nohup: stay ignored
    ::sigaction(sig, &sa, nullptr);
  }
}

void write_to_descriptor(int fd, const std::string& content, const std::string& shown) { write_all(fd, content, shown); }

void write_atomically(const std::string& path, const std::string& content) {
  if (path.empty() || path.find('\0') != std::string::npos) throw OutputError("leeg pad of een nul-teken in het pad; verwacht een bestandsnaam");
  if (const auto fd = descriptor_of(path)) {
    write_all(*fd, content, path);
    return;
  }
  struct stat lst {};
  if (::lstat(path.c_str(), &lst) != 0) {
    if (errno != ENOENT) fail(path, "kan het pad niet gebruiken (" + reason(errno) + ")");
    replace_regular(path, content, nullptr, path);  // a new file (a missing folder is reported by mkstemp)
    return;
  }
  std::string target = path;
  struct stat st = lst;
  if (S_ISLNK(lst.st_mode)) {
    // A symbolic link stays a link: what it points to is written (replaced atomically when it is a
    // regular file); a link to nothing is refused rather than guessed at.
    if (::stat(path.c_str(), &st) != 0)
      fail(path, errno == ENOENT ? "is een symbolische link naar een bestand dat niet bestaat; verwacht een bestaand doel of een gewoon pad"
                                 : "kan de symbolische link niet volgen (" + reason(errno) + ")");
    if (S_ISREG(st.st_mode)) {
      char* real = ::realpath(path.c_str(), nullptr);
      if (!real) fail(path, "kan de symbolische link niet volgen (" + reason(errno) + ")");
      target = real;
      std::free(real);
    }
  }
  if (S_ISDIR(st.st_mode)) fail(path, "is een map; verwacht een bestandsnaam");
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    // /dev/null, a terminal, a named pipe: written through, never replaced. A pipe without a
    // reader waits for one, as any program writing to it would.
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) fail(path, "kan niet schrijven (" + reason(errno) + ")");
    try {
      write_all(fd, content, path);
    } catch (...) {
      ::close(fd);
      throw;
    }
    if (::close(fd) != 0) fail(path, "schrijven mislukt (" + reason(errno) + ")");
    return;
  }
  if (!S_ISREG(st.st_mode))
    fail(path, "is geen gewoon bestand (maar een apparaat of socket); verwacht een bestandsnaam");
  replace_regular(target, content, &st, path);
}

}  // namespace begroting
