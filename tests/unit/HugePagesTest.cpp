// Large ingest buffers get 2 MB pages where the kernel offers them on request (transparent huge
// pages in "madvise" mode): checked in the process's own memory map.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/HugePages.h"

namespace corridor::core {
namespace {

std::string hugePageMode() {
  std::ifstream file("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(file, modes);
  const auto open = modes.find('['), close = modes.find(']');
  return open == std::string::npos || close == std::string::npos ? "" : modes.substr(open + 1, close - open - 1);
}

// AnonHugePages (kB) of the mapping that holds `address`, from /proc/self/smaps.
long hugePageKilobytesAt(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
    } else if (inside && line.starts_with("AnonHugePages:")) {
      return std::stol(line.substr(line.find(':') + 1));
    }
  }
  return -1;
}

constexpr std::size_t kBytes = std::size_t(64) << 20;

// ASan's allocator maps and reuses memory its own way; the plain build checks the pages.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

TEST(HugePages, AReservedBufferIsBackedByTwoMegabytePagesAndAPlainOneIsNot) {
  const std::string mode = hugePageMode();
  if (mode != "madvise" && mode != "always") GTEST_SKIP() << "transparent huge pages: '" << mode << "'";
  if (kSanitized) GTEST_SKIP() << "under ASan's allocator";
  std::vector<char> advised;
  reserveHugePages(advised, kBytes);
  advised.resize(kBytes, 1);  // first touch
  // The advice splits the mapping: its middle holds the whole 2 MB pages, all but the ends.
  EXPECT_GE(hugePageKilobytesAt(advised.data() + kBytes / 2), long(kBytes / 1024) - 4096);
  if (mode == "madvise") {  // "always" gives them to any buffer
    std::vector<char> plain(kBytes, 1);
    EXPECT_EQ(hugePageKilobytesAt(plain.data() + kBytes / 2), 0);
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

}  // namespace
}  // namespace corridor::core
