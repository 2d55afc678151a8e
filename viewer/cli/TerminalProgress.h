#pragma once
#include <string>

namespace corridor::cli {

// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal
// (logs and CI output stay clean).
class TerminalProgress {
 public:
  TerminalProgress();
  // fraction in [0, 1]; a negative fraction (size unknown) shows only the text.
  void show(double fraction, const std::string& what);
  // Ends the line if anything was drawn.
  void finish();

 private:
  bool terminal_;
  bool drawn_ = false;
};

}  // namespace corridor::cli
