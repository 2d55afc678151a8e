// The trips around each clock's moment: a clock moving on holds one window, two clocks taking
// turns (the viewer's and a recording's) keep one each, and a clock that stopped lets its go.
#include <gtest/gtest.h>

#include "core/ClockWindows.h"

namespace corridor::test {
namespace {

constexpr std::size_t kViewer = 0, kRecording = 1;

// Windows of ten frames; `builds` counts the windows built.
struct Windows {
  struct Span {
    int from, to;
  };
  core::ClockWindows<Span> cache;
  int builds = 0;

  int ask(std::size_t clock, int frame) {
    const auto covers = [&](const Span& s) { return frame >= s.from && frame <= s.to; };
    if (const Span* found = cache.find(clock, covers)) return found->from;
    ++builds;
    return cache.add(clock, {frame, frame + 9}).from;
  }
};

TEST(ClockWindows, AClockMovingOnLetsItsOldWindowGoAtOnce) {
  Windows windows;
  for (int frame = 0; frame < 10; ++frame) EXPECT_EQ(windows.ask(kRecording, frame), 0);
  EXPECT_EQ(windows.ask(kRecording, 10), 10);
  EXPECT_EQ(windows.cache.size(), 1u) << "[0, 9] is no clock's any more";
  EXPECT_EQ(windows.cache.freed(), 1u);
  EXPECT_EQ(windows.builds, 2);
}

TEST(ClockWindows, AWindowAddedInPlaceOfALiveOneFreesIt) {
  Windows windows;
  windows.ask(kViewer, 3);
  windows.cache.add(kViewer, {0, 9});  // the same hours built again (the viewer zooming)
  EXPECT_EQ(windows.cache.freed(), 1u);
  EXPECT_EQ(windows.cache.size(), 1u);
}

TEST(ClockWindows, TwoClocksTakingTurnsKeepTheirWindowsAndNoThird) {
  Windows windows;
  for (int frame = 0; frame < 100; ++frame) {
    windows.ask(kViewer, frame % 10);            // the viewer's clock, looping in its window
    windows.ask(kRecording, 1000 + frame % 10);  // a recording's
  }
  EXPECT_EQ(windows.builds, 2) << "each clock's window is built once";
  EXPECT_EQ(windows.cache.size(), 2u);
  windows.ask(kRecording, 5000);
  EXPECT_EQ(windows.cache.size(), 2u) << "the recording's old window went";
  EXPECT_EQ(windows.ask(kViewer, 5), 0) << "the viewer's stayed";
}

TEST(ClockWindows, ClocksInTheSameWindowShareIt) {
  Windows windows;
  windows.ask(kViewer, 3);
  windows.ask(kRecording, 7);
  EXPECT_EQ(windows.builds, 1);
  EXPECT_EQ(windows.cache.size(), 1u);
  windows.ask(kViewer, 20);  // the viewer moves on; the recording still holds [3, 12]
  EXPECT_EQ(windows.cache.freed(), 0u);
  EXPECT_EQ(windows.ask(kRecording, 8), 3);
  EXPECT_EQ(windows.builds, 2);
  EXPECT_EQ(windows.cache.size(), 2u);
}

TEST(ClockWindows, AClockThatStoppedAskingLetsItsWindowGoAfterAFewAsks) {
  Windows windows;
  windows.ask(kRecording, 1000);  // a recording's last frame
  for (int frame = 0; frame < 8; ++frame) windows.ask(kViewer, frame);
  EXPECT_EQ(windows.cache.size(), 2u) << "eight asks: the recording may just take turns";
  EXPECT_EQ(windows.cache.freed(), 0u);
  windows.ask(kViewer, 8);
  EXPECT_EQ(windows.cache.size(), 1u) << "the ninth: the finished recording's window went";
  EXPECT_EQ(windows.cache.freed(), 1u);
}

}  // namespace
}  // namespace corridor::test
