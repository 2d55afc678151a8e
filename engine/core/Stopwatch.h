#pragma once
#include <chrono>
#include <string>

namespace corridor::core {

// Measures wall time; `lap` logs "what: N ms" at info level (CORRIDOR_LOG=info shows where
// start-up time goes) and restarts.
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double lap(const std::string& what);

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace corridor::core
