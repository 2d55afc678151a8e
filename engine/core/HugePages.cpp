#include "core/HugePages.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#ifdef __linux__
#include <dlfcn.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace corridor::core {

void adviseHugePages([[maybe_unused]] const void* data, [[maybe_unused]] std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHugePage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

#if defined(__linux__) && defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 35)

namespace {

// "always" backs every large range already; "never" backs none.
bool hugePagesOnRequest() {
  std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(setting, modes);
  return modes.find("[madvise]") != std::string::npos;
}

// Another malloc in front of glibc's (heaptrack, a sanitizer, jemalloc) takes no glibc tunable,
// and a tool that took itself out of LD_PRELOAD once loaded would be lost by a restart.
bool glibcMallocInUse() {
  void* libc = ::dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
  if (!libc) return false;
  const bool same = ::dlsym(RTLD_DEFAULT, "malloc") == ::dlsym(libc, "malloc");
  ::dlclose(libc);
  return same;
}

// Where a restart would change more than malloc's pages: a program started through the loader
// (whose path /proc/self/exe would give), a setuid one (glibc drops tunables there, so it would
// restart forever), one that a debugger or strace follows from its start.
bool startedPlainly() {
  if (::getauxval(AT_SECURE) != 0 || ::getauxval(AT_BASE) == 0) return false;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("TracerPid:")) return std::stol(line.substr(line.find(':') + 1)) == 0;
  }
  return true;
}

// This program's own path, so that the restarted process keeps its name (pgrep, top, core
// files): "/proc/self/exe" would name it "exe".
std::string ownPath() {
  char path[4096];
  const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path);
  const std::string own = length > 0 && std::size_t(length) < sizeof path ? std::string(path, std::size_t(length)) : "";
  return own.empty() || own.ends_with(" (deleted)") ? "/proc/self/exe" : own;
}

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::optional<std::string>(value) : std::nullopt;
}

}  // namespace

void restartWithHugePageMalloc(char* const argv[], const char* program) {
  constexpr const char* kTunable = "glibc.malloc.hugetlb";
  const std::optional<std::string> tunables = environment("GLIBC_TUNABLES");
  if (tunables && tunables->find(kTunable) != std::string::npos) return;
  if (const auto preload = environment("LD_PRELOAD"); preload && !preload->empty()) return;
  if (!hugePagesOnRequest() || !glibcMallocInUse() || !startedPlainly()) return;
  const std::string added = std::string(kTunable) + "=1";
  ::setenv("GLIBC_TUNABLES", (tunables && !tunables->empty() ? *tunables + ":" + added : added).c_str(), 1);
  ::execv(program ? program : ownPath().c_str(), argv);
  if (tunables) {
    ::setenv("GLIBC_TUNABLES", tunables->c_str(), 1);
  } else {
    ::unsetenv("GLIBC_TUNABLES");
  }
}

#else

void restartWithHugePageMalloc(char* const[], const char*) {}

#endif

}  // namespace corridor::core
