#include "TerminalProgress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace corridor::cli {

TerminalProgress::TerminalProgress() : terminal_(isatty(STDERR_FILENO)) {}

void TerminalProgress::show(double fraction, const std::string& what) {
  if (!terminal_) return;
  drawn_ = true;
  if (fraction < 0) {
    std::fprintf(stderr, "\r%-72.72s", what.c_str());
  } else {
    const int width = 30, filled = int(width * std::clamp(fraction, 0.0, 1.0));
    std::fprintf(stderr, "\r[%s%s] %3d%% %-36.36s", std::string(std::size_t(filled), '#').c_str(),
                 std::string(std::size_t(width - filled), '.').c_str(), int(100 * std::clamp(fraction, 0.0, 1.0)),
                 what.c_str());
  }
  std::fflush(stderr);
}

void TerminalProgress::finish() {
  if (drawn_) std::fprintf(stderr, "\n");
  drawn_ = false;
}

}  // namespace corridor::cli
