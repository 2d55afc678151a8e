#pragma once
#include <chrono>
#include <optional>

#include "timeline/CameraPose.h"

namespace corridor::ui {

// A smooth fly-to of the viewer's camera, driven by wall-clock time.
class Flight {
 public:
  void start(const timeline::CameraPose& from, const timeline::CameraPose& to);
  void cancel() { flight_.reset(); }
  // The camera now; none once the flight has ended (or none was started).
  std::optional<timeline::CameraPose> advance();

 private:
  std::optional<timeline::FlyTo> flight_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace corridor::ui
