// Memory a background thread freed in its own malloc heap goes back to the system when asked,
// as a recording lets go of an AIS window another thread built; so do the pages of a buffer
// done with before it is freed, as the points of a window once they are in its track columns.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include "Sanitizers.h"
#include "core/HeapTrim.h"

namespace corridor::test {
namespace {

long residentMegabytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * ::sysconf(_SC_PAGESIZE) / (1 << 20);
}

TEST(HeapTrim, FreedPagesOfAThreadsHeapGoBackToTheSystem) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "under ASan's allocator";
#if !defined(__GLIBC__)
  GTEST_SKIP() << "glibc's malloc only";
#endif
  // 1,000 blocks of 100 KB (under malloc's mmap threshold, so in the thread's heap), all but
  // the last freed: the heap cannot shrink from its top, and 100 MB stay resident.
  std::unique_ptr<char[]> last;
  std::thread([&] {
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 1000; ++i) {
      blocks.push_back(std::make_unique<char[]>(100 << 10));
      std::memset(blocks.back().get(), 1, 100 << 10);
    }
    last = std::move(blocks.back());
  }).join();
  const long held = residentMegabytes();
  core::returnFreedMemory();
  const long after = residentMegabytes();
  EXPECT_LT(after, held - 60) << held << " MB resident before, " << after << " MB after";
}

TEST(HeapTrim, ABuffersPagesGoBackAtOnceAndReadAsZeros) {
#ifndef __linux__
  GTEST_SKIP() << "Linux's madvise only";
#endif
  constexpr std::size_t kBytes = std::size_t(64) << 20;
  std::vector<char> buffer(kBytes, 1);
  const long held = residentMegabytes();
  core::returnPages(buffer.data() + 1, kBytes - 2);  // only the whole pages inside go
  const long after = residentMegabytes();
  EXPECT_LT(after, held - 48) << held << " MB resident before, " << after << " MB after";
  EXPECT_EQ(buffer[kBytes / 2], 0);
  EXPECT_EQ(buffer.front(), 1);  // the partial pages at the ends keep their contents
  EXPECT_EQ(buffer.back(), 1);
}

}  // namespace
}  // namespace corridor::test
