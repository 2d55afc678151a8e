// Memory a background thread freed in its own malloc heap goes back to the system when asked,
// as a recording lets go of an AIS window another thread built; so do the pages of a buffer
// done with before it is freed, as the points of a window once they are in its track columns.
// With one heap for all threads, what one thread freed serves the next thread's allocations.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <cstdlib>
#include <fstream>
#include <latch>
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

using Blocks = std::vector<std::unique_ptr<char[]>>;

// 640 blocks of 100 KB (under malloc's mmap threshold, so in a heap), written to.
void allocate(Blocks& blocks) {
  for (int i = 0; i < 640; ++i) {
    blocks.push_back(std::make_unique<char[]>(100 << 10));
    std::memset(blocks.back().get(), 1, 100 << 10);
  }
}

// One thread allocates 64 MB and frees all but its last block, and stays alive (a thread that
// ends hands its heap to the next one); another thread then allocates 64 MB. Exits 0 when the
// resident memory grew by less than half of that: the second thread reused what the first freed.
[[noreturn]] void allocateWhatAnotherThreadFreed() {
  std::latch freed(1), done(1);
  std::thread first([&] {
    Blocks blocks;
    allocate(blocks);
    blocks.erase(blocks.begin(), blocks.end() - 1);
    freed.count_down();
    done.wait();
  });
  freed.wait();
  const long before = residentMegabytes();
  Blocks second;
  std::thread([&] { allocate(second); }).join();
  const long grown = residentMegabytes() - before;
  done.count_down();
  first.join();
  std::exit(grown < 32 ? 0 : 1);
}

// Where glibc's malloc runs with its default of a heap per thread: not with another malloc
// preloaded, nor with the number of heaps set from the environment.
bool glibcHeapsAsByDefault() {
  const char* preload = std::getenv("LD_PRELOAD");
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  return (!preload || !*preload) && !std::getenv("MALLOC_ARENA_MAX") &&
         (!tunables || !std::strstr(tunables, "arena_max"));
}

TEST(HeapTrim, WithOneHeapWhatAThreadFreedServesTheOthers) {
  if (kUnderAddressSanitizer) GTEST_SKIP() << "under ASan's allocator";
#if !defined(__GLIBC__)
  GTEST_SKIP() << "glibc's malloc only";
#endif
  if (!glibcHeapsAsByDefault()) GTEST_SKIP() << "another malloc, or malloc's heaps set from the environment";
  GTEST_FLAG_SET(death_test_style, "threadsafe");  // a fresh process, with no heap but the main one
  EXPECT_EXIT(
      {
        core::useOneMallocHeap();
        allocateWhatAnotherThreadFreed();
      },
      testing::ExitedWithCode(0), "");
  // The default that useOneMallocHeap() changes: a heap per thread, none reused.
  EXPECT_EXIT(allocateWhatAnotherThreadFreed(), testing::ExitedWithCode(1), "");
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
