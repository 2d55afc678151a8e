#pragma once
#include "core/Time.h"

namespace corridor::timeline {

// Scenario time for playback: advances by wall-clock time times a speed, between a start and an
// end, with pause, step, scrub and loop. Speed is in scenario seconds per real second, from 1
// (real time) to a year per minute; the UI moves it on a logarithmic scale.
class PlaybackClock {
 public:
  static constexpr double kMinSpeed = 1.0;
  static constexpr double kMaxSpeed = 365.25 * 86400.0 / 60.0;  // a year per minute

  PlaybackClock(core::UtcMicros start, core::UtcMicros end);

  core::UtcMicros now() const { return now_; }
  core::UtcMicros start() const { return start_; }
  core::UtcMicros end() const { return end_; }
  bool playing() const { return playing_; }
  bool looping() const { return loop_; }
  double speed() const { return speed_; }

  void play() { playing_ = true; }
  void pause() { playing_ = false; }
  void toggle() { playing_ = !playing_; }
  void setLoop(bool loop) { loop_ = loop; }
  void setSpeed(double scenarioSecondsPerSecond);
  // Speed from a slider position in [0, 1], logarithmic between kMinSpeed and kMaxSpeed.
  void setSpeedFraction(double fraction);
  double speedFraction() const;

  // Advances by `realSeconds` of wall-clock time when playing. At the end it stops, or wraps
  // to the start when looping.
  void advance(double realSeconds);
  // Jumps to a time, clamped to [start, end].
  void seek(core::UtcMicros time);
  // Moves by a signed amount of scenario time (the arrow keys), clamped.
  void step(core::UtcMicros delta) { seek(now_ + delta); }
  // Where `now` is between start and end, in [0, 1] (for a scrub bar).
  double progress() const;
  void seekProgress(double fraction);

 private:
  core::UtcMicros start_, end_, now_;
  double speed_ = 86400.0;  // a day per second
  bool playing_ = false;
  bool loop_ = true;
};

}  // namespace corridor::timeline
