#include "timeline/PlaybackClock.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corridor::timeline {
namespace {

constexpr core::UtcMicros kDay = 86400LL * core::kMicrosPerSecond;
const core::UtcMicros kStart = core::parseIso8601("2023-01-01").value();
const core::UtcMicros kEnd = core::parseIso8601("2041-01-01").value();

TEST(PlaybackClock, AdvancesBySpeedOnlyWhilePlaying) {
  PlaybackClock clock(kStart, kEnd);
  clock.setSpeed(86400.0);  // a day per second
  clock.advance(2.0);
  EXPECT_EQ(clock.now(), kStart);  // paused
  clock.play();
  clock.advance(2.0);
  EXPECT_EQ(clock.now(), kStart + 2 * kDay);
  clock.pause();
  clock.advance(5.0);
  EXPECT_EQ(clock.now(), kStart + 2 * kDay);
}

TEST(PlaybackClock, LoopsOrStopsAtTheEnd) {
  PlaybackClock clock(kStart, kStart + 10 * kDay);
  clock.setSpeed(86400.0);
  clock.play();
  clock.advance(12.0);  // 12 days into a 10-day span
  EXPECT_EQ(clock.now(), kStart + 2 * kDay);
  EXPECT_TRUE(clock.playing());
  clock.setLoop(false);
  clock.advance(20.0);
  EXPECT_EQ(clock.now(), kStart + 10 * kDay);
  EXPECT_FALSE(clock.playing());
}

TEST(PlaybackClock, ScrubStepAndSeekStayInside) {
  PlaybackClock clock(kStart, kEnd);
  clock.seekProgress(0.5);
  EXPECT_NEAR(clock.progress(), 0.5, 1e-9);
  clock.step(-100 * 365 * kDay);
  EXPECT_EQ(clock.now(), kStart);
  clock.seek(kEnd + kDay);
  EXPECT_EQ(clock.now(), kEnd);
  clock.step(-kDay);
  EXPECT_EQ(clock.now(), kEnd - kDay);
}

TEST(PlaybackClock, SpeedRunsFromRealTimeToAYearPerMinuteOnALogScale) {
  PlaybackClock clock(kStart, kEnd);
  clock.setSpeedFraction(0.0);
  EXPECT_DOUBLE_EQ(clock.speed(), 1.0);
  clock.setSpeedFraction(1.0);
  EXPECT_NEAR(clock.speed(), 365.25 * 86400.0 / 60.0, 1e-6);
  clock.setSpeedFraction(0.5);
  EXPECT_NEAR(clock.speed(), std::sqrt(365.25 * 86400.0 / 60.0), 1e-6);  // geometric middle
  EXPECT_NEAR(clock.speedFraction(), 0.5, 1e-12);
  clock.setSpeed(1e12);
  EXPECT_DOUBLE_EQ(clock.speed(), PlaybackClock::kMaxSpeed);
  // A year per minute: one minute of playback covers a year of scenario.
  clock.seek(kStart);
  clock.play();
  clock.advance(60.0);
  EXPECT_NEAR(double(clock.now() - kStart) / kDay, 365.25, 1e-6);
}

}  // namespace
}  // namespace corridor::timeline
