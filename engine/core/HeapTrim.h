#pragma once
// Memory freed by a large structure built in a background thread (a window of AIS tracks and
// trips, hundreds of MB) stays in that thread's malloc heap, which glibc returns to the system
// only from its top: a recording's resident memory grew by the windows it had let go.
#include <cstddef>

namespace corridor::core {

// Makes every thread allocate from the main malloc heap; call it first in main(), before any thread
// starts. glibc gives threads heaps of their own, and memory freed in one heap serves only that
// heap's threads: a picture's peak was the archive reader's heap, lavapipe's rasterizer threads'
// heaps and the main one added up (320 MB against 290 MB in one heap, at the same speed). A no-op
// where the C library has no such setting.
void useOneMallocHeap();

// Hands the free pages of every malloc heap back to the system (a few ms after a window of a
// US AIS day). A no-op where the C library has no such call.
void returnFreedMemory();

// Hands the whole pages inside [data, data + bytes) back to the system now, their contents lost
// (they read as zeros if touched again): for a large buffer that is done with before it can be
// freed, or whose memory malloc would keep once freed. A no-op where the system has no such call.
void returnPages(const void* data, std::size_t bytes);

}  // namespace corridor::core
