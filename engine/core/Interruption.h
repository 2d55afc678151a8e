#pragma once
// Ctrl-C and SIGTERM during long work (recording, simulating, exporting). While a scope is
// alive the first signal only raises a flag: the work checks interrupted() between steps, stops,
// removes its temporaries and exits with 128 + the signal. A second signal ends the process at
// once (its temporaries are then removed by the next run: see OutputFile.h).
#include "core/Result.h"

namespace corridor::core {

class InterruptionScope {
 public:
  InterruptionScope();
  ~InterruptionScope();
  InterruptionScope(const InterruptionScope&) = delete;
  InterruptionScope& operator=(const InterruptionScope&) = delete;

 private:
  void (*previousInt_)(int);
  void (*previousTerm_)(int);
};

bool interrupted();
int interruptingSignal();  // 0 when none

// "interrupted by SIGINT (WHAT)": an Interrupted error, exit code 128 + the signal.
Error interruption(const std::string& what);

}  // namespace corridor::core
