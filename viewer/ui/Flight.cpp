#include "Flight.h"

namespace corridor::ui {

void Flight::start(const timeline::CameraPose& from, const timeline::CameraPose& to) {
  flight_.emplace(from, to, timeline::FlyTo::naturalDuration(from, to));
  started_ = std::chrono::steady_clock::now();
}

std::optional<timeline::CameraPose> Flight::advance() {
  if (!flight_) return std::nullopt;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const timeline::CameraPose pose = flight_->at(elapsed);
  if (flight_->finished(elapsed)) flight_.reset();
  return pose;
}

}  // namespace corridor::ui
