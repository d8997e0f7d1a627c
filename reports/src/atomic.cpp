#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "begroting/reports.hpp"

namespace begroting {

namespace {
// The reason in Dutch for the common cases (finance staff read these), else the system's text.
std::string reason(int err) {
  switch (err) {
    case ENOENT: return "de map bestaat niet";
    case EACCES:
    case EPERM: return "geen schrijfrechten";
    case ENOSPC: return "de schijf is vol";
    case EROFS: return "alleen-lezen schijf";
    case EISDIR: return "is een map";
    case ENOTDIR: return "een deel van het pad is geen map";
    default: return std::strerror(err);
  }
}
}  // namespace

void write_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) throw std::runtime_error(path + ": kan geen tijdelijk bestand maken (" + reason(errno) + ")");
  size_t off = 0;
  while (off < content.size()) {
    const ssize_t w = ::write(fd, content.data() + off, content.size() - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      const std::string err = reason(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      throw std::runtime_error(path + ": schrijven mislukt (" + err + ")");
    }
    off += static_cast<size_t>(w);
  }
  ::fchmod(fd, 0644);
  const bool synced = ::fsync(fd) == 0;
  const int sync_errno = errno;
  const bool closed = ::close(fd) == 0;  // always close, also when fsync failed
  if (!synced || !closed) {
    const std::string err = reason(synced ? errno : sync_errno);
    ::unlink(tmpl.c_str());
    throw std::runtime_error(path + ": schrijven mislukt (" + err + ")");
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string err = reason(errno);
    ::unlink(tmpl.c_str());
    throw std::runtime_error(path + ": kan niet vervangen (" + err + ")");
  }
}

}  // namespace begroting
