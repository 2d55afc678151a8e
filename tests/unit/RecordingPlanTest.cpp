// How a recording chooses its frames (app::planRecording): frame k at exactly
// from + k (to - from) / frames, and every request that cannot make a video refused by name.
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "app/Recording.h"

namespace corridor {
namespace {

app::RecordingRequest twoMonths() {
  app::RecordingRequest request;
  request.from = "2030-05-01T00:00Z";
  request.to = "2030-07-01T00:00Z";
  request.fps = 30;
  request.duration = 8;
  request.size = "1280x720";
  request.out = "corridor.mp4";
  return request;
}

TEST(RecordingPlan, FramesAreSpreadExactlyOverThePeriod) {
  auto plan = app::planRecording(twoMonths());
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->frames, 240);
  EXPECT_DOUBLE_EQ(plan->videoSeconds(), 8.0);
  EXPECT_EQ(plan->size.width, 1280);
  EXPECT_EQ(plan->frameTime(0), *core::parseIso8601("2030-05-01T00:00Z"));
  // 61 days over 240 frames: 21,960 s a frame, exactly.
  EXPECT_EQ(plan->frameTime(1) - plan->frameTime(0), 21'960LL * core::kMicrosPerSecond);
  EXPECT_EQ(plan->frameTime(240), *core::parseIso8601("2030-07-01T00:00Z"));
}

TEST(RecordingPlan, SpeedGivesTheLengthAndLongPeriodsStayExact) {
  app::RecordingRequest request = twoMonths();
  request.duration = 0;
  request.speed = 86400.0 * 61 / 4;  // the two months in 4 s
  auto plan = app::planRecording(request);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->frames, 120);
  // 18 years at a million frames overflows 64 bits inside (to - from) * k; the plan does not.
  request = twoMonths();
  request.from = "2023-01-01T00:00Z";
  request.to = "2041-01-01T00:00Z";
  request.fps = 100;
  request.duration = 10'000;
  plan = app::planRecording(request);
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_EQ(plan->frames, 1'000'000);
  const core::UtcMicros span = plan->to - plan->from;
  EXPECT_EQ(plan->frameTime(999'999), plan->from + core::UtcMicros(__int128(span) * 999'999 / 1'000'000));
  EXPECT_LT(plan->frameTime(999'999), plan->to);
  EXPECT_GT(plan->frameTime(999'999), plan->frameTime(999'998));
}

TEST(RecordingPlan, RequestsThatCannotMakeAVideoAreUsageErrors) {
  const std::pair<std::function<void(app::RecordingRequest&)>, const char*> cases[] = {
      {[](auto& r) { r.from = "May 2030"; }, "--from: "},
      {[](auto& r) { r.to = r.from; }, "--to must be later than --from"},
      {[](auto& r) { r.speed = 1000; }, "give exactly one of --duration"},
      {[](auto& r) { r.duration = 0; }, "give exactly one of --duration"},
      {[](auto& r) { r.fps = 0; }, "--fps: 1 to 120"},
      {[](auto& r) { r.duration = 0.001; }, "the video would have no frame"},
      {[](auto& r) { r.size = "1281x720"; }, "must be even"},
      {[](auto& r) { r.size = "7680x4320"; }, "at most 3840x2160"},
      {[](auto& r) { r.size = "big"; }, "expected WIDTHxHEIGHT"},
      {[](auto& r) { r.out = "corridor.avi"; }, "--out: an .mp4 file"},
  };
  for (const auto& [change, message] : cases) {
    app::RecordingRequest request = twoMonths();
    change(request);
    auto plan = app::planRecording(request);
    ASSERT_FALSE(plan) << message;
    EXPECT_EQ(plan.error().kind, core::ErrorKind::Usage) << message;
    EXPECT_TRUE(test::containsText(plan.error().message, message));
  }
}

}  // namespace
}  // namespace corridor
