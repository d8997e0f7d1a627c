// LD_PRELOAD shim for the signal test in test_safety_output.cpp: fsync() first raises the signal
// named in BEGROTING_TEST_SIGNAL, so the signal arrives exactly while write_atomically's
// temporary file exists (written, not yet renamed). Not linked into anything else.
#include <dlfcn.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

extern "C" int fsync(int fd) {
  if (const char* s = std::getenv("BEGROTING_TEST_SIGNAL")) std::raise(std::atoi(s));
  using Fn = int (*)(int);
  static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "fsync"));
  return real(fd);
}
