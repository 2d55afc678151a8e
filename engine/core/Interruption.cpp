#include "core/Interruption.h"

#include <atomic>
#include <csignal>

namespace corridor::core {
namespace {

std::atomic<int> caught{0};

extern "C" void onInterrupt(int signal) {
  if (caught.exchange(signal) != 0) {  // asked twice: stop now
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
}

}  // namespace

InterruptionScope::InterruptionScope() {
  caught = 0;
  previousInt_ = std::signal(SIGINT, onInterrupt);
  previousTerm_ = std::signal(SIGTERM, onInterrupt);
  // Caught even where the shell ignored SIGINT for a background job: scripts stop a background
  // recording with `kill -INT` and expect it to finish its file (CliRecord tests).
}

InterruptionScope::~InterruptionScope() {
  std::signal(SIGINT, previousInt_);
  std::signal(SIGTERM, previousTerm_);
}

bool interrupted() { return caught.load(std::memory_order_relaxed) != 0; }

int interruptingSignal() { return caught.load(std::memory_order_relaxed); }

Error interruption(const std::string& what) {
  const int signal = interruptingSignal();
  return {ErrorKind::Interrupted,
          std::string("interrupted by ") + (signal == SIGTERM ? "SIGTERM" : "SIGINT") + " (" + what + ")"};
}

}  // namespace corridor::core
