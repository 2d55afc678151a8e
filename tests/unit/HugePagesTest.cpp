// Large ingest buffers get 2 MB pages where the kernel offers them on request (transparent huge
// pages in "madvise" mode): checked in the process's own memory map. And the program restarts
// itself once with glibc's malloc asking for them.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "Sanitizers.h"
#include "core/HugePages.h"

namespace corridor::core {
namespace {

// The selected word of a /sys setting such as "always [madvise] never"; empty when absent.
std::string selected(const char* path) {
  std::ifstream file(path);
  std::string modes;
  std::getline(file, modes);
  const auto open = modes.find('['), close = modes.find(']');
  return open == std::string::npos || close == std::string::npos ? "" : modes.substr(open + 1, close - open - 1);
}

// What /proc/self/smaps says of the mapping that holds `address`.
struct Mapping {
  long hugePageKilobytes = -1;  // AnonHugePages
  std::string flags;            // VmFlags: "hg" once advised
};

Mapping mappingAt(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  Mapping mapping;
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      if (inside) break;
      inside = begin <= at && at < end;
    } else if (inside && line.starts_with("AnonHugePages:")) {
      mapping.hugePageKilobytes = std::stol(line.substr(line.find(':') + 1));
    } else if (inside && line.starts_with("VmFlags:")) {
      mapping.flags = line.substr(line.find(':') + 1) + " ";
    }
  }
  return mapping;
}

constexpr std::size_t kBytes = std::size_t(64) << 20;

TEST(HugePages, AReservedBufferIsAdvisedAndBackedByTwoMegabytePagesAndAPlainOneIsNot) {
  const std::string mode = selected("/sys/kernel/mm/transparent_hugepage/enabled");
  if (mode != "madvise" && mode != "always") GTEST_SKIP() << "transparent huge pages: '" << mode << "'";
  if (test::kUnderAddressSanitizer) GTEST_SKIP() << "under ASan's allocator";
  std::vector<char> advised;
  reserveHugePages(advised, kBytes);
  advised.resize(kBytes, 1);  // first touch
  std::vector<char> plain(kBytes, 1);
  // The advice splits the mapping: its middle holds the whole 2 MB pages.
  const Mapping middle = mappingAt(advised.data() + kBytes / 2), other = mappingAt(plain.data() + kBytes / 2);
  EXPECT_NE(middle.flags.find(" hg "), std::string::npos) << middle.flags;
  EXPECT_EQ(other.flags.find(" hg "), std::string::npos) << other.flags;
  // Whether the kernel found 2 MB pages at the first touch depends on how it may compact
  // memory then ("defrag") and on its 2 MB size being on; where both say so, all but the ends.
  const std::string defrag = selected("/sys/kernel/mm/transparent_hugepage/defrag");
  const std::string twoMegabytes = selected("/sys/kernel/mm/transparent_hugepage/hugepages-2048kB/enabled");
  if ((defrag == "always" || defrag == "madvise") && twoMegabytes != "never") {
    EXPECT_GE(middle.hugePageKilobytes, long(kBytes / 1024) - 4096);
    if (mode == "madvise") {  // "always" gives them to any buffer
      EXPECT_EQ(other.hugePageKilobytes, 0);
    }
  }
}

TEST(HugePages, AdviceOnLessThanAWholePageOrNothingIsHarmless) {
  std::vector<char> small(100, 1);
  adviseHugePages(small.data(), small.size());
  adviseHugePages(nullptr, 0);
  std::vector<int> empty;
  reserveHugePages(empty, 0);
  EXPECT_EQ(small[99], 1);
  EXPECT_TRUE(empty.empty());
}

constexpr int kNotRestarted = 42;

struct Restart {
  int exitCode = -1;
  std::string output;  // what the restarted program printed
};

// Calls restartWithHugePageMalloc in a child process after `prepare` has set its environment,
// with `program` standing in for Corridor: /usr/bin/env prints the environment it was given.
Restart restartInChild(const char* program, const std::function<void()>& prepare) {
  int pipeEnds[2];
  if (::pipe(pipeEnds) != 0) return {};
  std::fflush(stdout);  // or the child writes what this process had buffered into the pipe
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipeEnds[0]);
    ::close(pipeEnds[1]);
    return {};
  }
  if (child == 0) {
    ::dup2(pipeEnds[1], STDOUT_FILENO);
    ::close(pipeEnds[0]);
    prepare();
    char name[] = "env";
    char* argv[] = {name, nullptr};
    restartWithHugePageMalloc(argv, program);
    const char* left = std::getenv("GLIBC_TUNABLES");
    std::printf("left GLIBC_TUNABLES=%s\n", left ? left : "(unset)");
    std::fflush(stdout);
    ::_exit(kNotRestarted);
  }
  ::close(pipeEnds[1]);
  Restart restart;
  char buffer[4096];
  for (ssize_t got; (got = ::read(pipeEnds[0], buffer, sizeof buffer)) > 0;) {
    restart.output.append(buffer, std::size_t(got));
  }
  ::close(pipeEnds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (WIFEXITED(status)) restart.exitCode = WEXITSTATUS(status);
  return restart;
}

void clearMallocEnvironment() {
  ::unsetenv("GLIBC_TUNABLES");
  ::unsetenv("LD_PRELOAD");
}

bool hugePagesOnRequest() { return selected("/sys/kernel/mm/transparent_hugepage/enabled") == "madvise"; }

TEST(HugePageMalloc, TheProgramRestartsOnceWithTheTunableAddedToTheUsersOwn) {
  if (!hugePagesOnRequest()) GTEST_SKIP() << "transparent huge pages are not given on request here";
  if (test::kUnderAddressSanitizer) GTEST_SKIP() << "ASan's malloc is in front of glibc's: no restart there";
  const Restart plain = restartInChild("/usr/bin/env", clearMallocEnvironment);
  EXPECT_EQ(plain.exitCode, 0);
  EXPECT_NE(plain.output.find("\nGLIBC_TUNABLES=glibc.malloc.hugetlb=1\n"), std::string::npos) << plain.output;
  const Restart added = restartInChild("/usr/bin/env", [] {
    clearMallocEnvironment();
    ::setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=2", 1);
  });
  EXPECT_EQ(added.exitCode, 0);
  EXPECT_NE(added.output.find("\nGLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1\n"), std::string::npos)
      << added.output;
}

// Each case here would restart but for what it sets.
TEST(HugePageMalloc, NoRestartWhenTheTunableIsSetOrSomethingIsPreloadedOrTheStartFails) {
  if (!hugePagesOnRequest()) GTEST_SKIP() << "transparent huge pages are not given on request here";
  if (test::kUnderAddressSanitizer) GTEST_SKIP() << "ASan's malloc is in front of glibc's: no restart there";
  // The restarted process itself, and a user who turned it off: both keep what they have.
  const Restart userChoice = restartInChild("/usr/bin/env", [] {
    clearMallocEnvironment();
    ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0", 1);
  });
  EXPECT_EQ(userChoice.exitCode, kNotRestarted);
  EXPECT_EQ(userChoice.output, "left GLIBC_TUNABLES=glibc.malloc.hugetlb=0\n");
  const Restart preloaded = restartInChild("/usr/bin/env", [] {
    clearMallocEnvironment();
    ::setenv("LD_PRELOAD", "/usr/lib/heaptrack/libheaptrack_preload.so", 1);
  });
  EXPECT_EQ(preloaded.exitCode, kNotRestarted);
  EXPECT_EQ(preloaded.output, "left GLIBC_TUNABLES=(unset)\n");
  // A failed start leaves the environment as it was.
  const Restart failed = restartInChild("/nonexistent/corridor", clearMallocEnvironment);
  EXPECT_EQ(failed.exitCode, kNotRestarted);
  EXPECT_EQ(failed.output, "left GLIBC_TUNABLES=(unset)\n");
}

// Under ASan (CI's checking build) its malloc stands in front of glibc's, as heaptrack's does
// once it has taken itself out of LD_PRELOAD.
TEST(HugePageMalloc, NoRestartWhereAnotherMallocIsInFrontOfGlibcs) {
  if (!hugePagesOnRequest()) GTEST_SKIP() << "transparent huge pages are not given on request here";
  if (!test::kUnderAddressSanitizer) GTEST_SKIP() << "glibc's malloc is the one in use here";
  const Restart sanitized = restartInChild("/usr/bin/env", clearMallocEnvironment);
  EXPECT_EQ(sanitized.exitCode, kNotRestarted);
  EXPECT_EQ(sanitized.output, "left GLIBC_TUNABLES=(unset)\n");
}

}  // namespace
}  // namespace corridor::core
