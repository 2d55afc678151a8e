#pragma once
#include <algorithm>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

namespace corridor::core {

// Runs work(i) for i in [0, count), each on a thread of its own; returns when all are done, and
// rethrows what one of them threw.
template <class Work>
void runOnThreads(std::size_t count, const Work& work) {
  std::vector<std::future<void>> jobs;
  for (std::size_t i = 0; i < count; ++i) jobs.push_back(std::async(std::launch::async, [&work, i] { work(i); }));
  for (auto& job : jobs) job.get();
}

// Splits [0, count) into contiguous bands, one per hardware thread (at most maxThreads), and
// runs work(begin, end) on each; returns when all are done. Each band must write only its own
// part of any shared output.
template <class Work>
void forEachBand(int count, int maxThreads, const Work& work) {
  const int threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1,
                                 std::max(1, std::min(count, maxThreads)));
  runOnThreads(std::size_t(threads), [&](std::size_t t) {
    work(count * int(t) / threads, count * (int(t) + 1) / threads);
  });
}

}  // namespace corridor::core
