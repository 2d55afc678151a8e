#pragma once
// Large buffers filled once (an AIS day's points, hundreds of MB) spend more time in page faults
// than in being filled: a fault and a zeroed page every 4 KB. Linux backs a range with 2 MB
// pages when asked (transparent huge pages in "madvise" mode, Debian's default), one fault per
// 512 of the small ones.
#include <cstddef>
#include <vector>

namespace corridor::core {

// Asks for 2 MB pages in the whole 2 MB pages inside [data, data + bytes); call it before the
// range is first written. A hint: a no-op where the system has no such pages. The advice stays
// with the addresses: a buffer that malloc placed in its heap leaves the range advised for what
// malloc puts there next, memory that was resident at the buffer's peak anyway.
void adviseHugePages(const void* data, std::size_t bytes);

// reserve(), with the new capacity advised as above.
template <class T, class Allocator>
void reserveHugePages(std::vector<T, Allocator>& values, std::size_t count) {
  values.reserve(count);
  adviseHugePages(values.data() + values.size(), (values.capacity() - values.size()) * sizeof(T));
}

// Everything else large comes from malloc too, lavapipe's framebuffers and buffers above all, and
// glibc (2.35 and later) asks for 2 MB pages for its heaps only when the process started with
// the tunable glibc.malloc.hugetlb=1. Starts `program` (default: this program, by its path) again
// in place of this process, with `argv` and that tunable added to GLIBC_TUNABLES, where the kernel
// gives such pages on request. Returns, changing nothing, where it does not; where GLIBC_TUNABLES
// already names the tunable (the restarted process, or a user's choice such as =0); where
// LD_PRELOAD is set (valgrind) or another malloc is in front of glibc's (heaptrack, a sanitizer,
// jemalloc); where the program was started through the loader, is setuid, or is traced (gdb,
// strace); and where the start fails.
void restartWithHugePageMalloc(char* const argv[], const char* program = nullptr);

}  // namespace corridor::core
