#pragma once
#include <algorithm>
#include <thread>
#include <vector>

namespace corridor::core {

// Splits [0, count) into contiguous bands, one per hardware thread (at most maxThreads), and
// runs work(begin, end) on each; returns when all are done. Each band must write only its own
// part of any shared output.
template <class Work>
void forEachBand(int count, int maxThreads, const Work& work) {
  const int threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1,
                                 std::max(1, std::min(count, maxThreads)));
  std::vector<std::jthread> workers;
  for (int t = 0; t < threads; ++t) {
    const int begin = count * t / threads, end = count * (t + 1) / threads;
    workers.emplace_back([&work, begin, end] { work(begin, end); });
  }
}

}  // namespace corridor::core
