#include "timeline/PlaybackClock.h"

#include <algorithm>
#include <cmath>

namespace corridor::timeline {

PlaybackClock::PlaybackClock(core::UtcMicros start, core::UtcMicros end)
    : start_(start), end_(std::max(start, end)), now_(start) {}

void PlaybackClock::setSpeed(double scenarioSecondsPerSecond) {
  speed_ = std::clamp(scenarioSecondsPerSecond, kMinSpeed, kMaxSpeed);
}

void PlaybackClock::setSpeedFraction(double fraction) {
  const double f = std::clamp(fraction, 0.0, 1.0);
  setSpeed(kMinSpeed * std::pow(kMaxSpeed / kMinSpeed, f));
}

double PlaybackClock::speedFraction() const {
  return std::log(speed_ / kMinSpeed) / std::log(kMaxSpeed / kMinSpeed);
}

void PlaybackClock::advance(double realSeconds) {
  if (!playing_ || realSeconds <= 0) return;
  const auto delta = core::UtcMicros(std::llround(realSeconds * speed_ * 1e6));
  const core::UtcMicros span = end_ - start_;
  if (now_ + delta < end_) {
    now_ += delta;
  } else if (loop_ && span > 0) {
    now_ = start_ + (now_ + delta - start_) % span;
  } else {
    now_ = end_;
    playing_ = false;
  }
}

void PlaybackClock::seek(core::UtcMicros time) { now_ = std::clamp(time, start_, end_); }

double PlaybackClock::progress() const {
  return end_ > start_ ? double(now_ - start_) / double(end_ - start_) : 0.0;
}

void PlaybackClock::seekProgress(double fraction) {
  seek(start_ + core::UtcMicros(std::clamp(fraction, 0.0, 1.0) * double(end_ - start_)));
}

}  // namespace corridor::timeline
