#include "core/Stopwatch.h"

#include <cstdio>

#include "core/Log.h"

namespace corridor::core {

double Stopwatch::lap(const std::string& what) {
  const double elapsed = seconds();
  char text[64];
  std::snprintf(text, sizeof text, ": %.1f ms", elapsed * 1000.0);
  logInfo(what + text);
  start_ = std::chrono::steady_clock::now();
  return elapsed;
}

}  // namespace corridor::core
