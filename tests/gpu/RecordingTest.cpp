// The recording pipeline reached directly (app::Recording), as the CLI and the Record panel
// use it: every frame of the plan encoded, each the scene at its exact time.
#include <gtest/gtest.h>

#include "GpuFixture.h"
#include "RunCommand.h"
#include "TestSupport.h"
#include "app/Recording.h"
#include "render/OffscreenRenderer.h"

namespace corridor::test {
namespace {

class Recording : public GpuTest {};

TEST_F(Recording, WritesEveryFrameOfThePlanEachAtItsTime) {
  ScratchDir dir;
  app::RecordingRequest request{.from = "2030-06-01T00:00Z", .to = "2030-06-03T00:00Z", .fps = 10, .duration = 0.5,
                                .size = "320x180", .msaa = 1, .crf = 0, .out = (dir / "v.mp4").string(),
                                .pngDir = (dir / "frames").string()};
  auto plan = app::planRecording(request);
  ASSERT_TRUE(plan) << plan.error().message;
  auto vessels = app::VesselSource::load({.scenario = "default"}, app::VesselSource::Period{plan->from, plan->to});
  ASSERT_TRUE(vessels && *vessels);
  const app::FrameContent content{defaultBasemap(), style_, scene::ViewMode::Map, vessels->get()};
  const timeline::CameraPose camera = cameraAt(180, 30, 14000);
  auto recording = app::Recording::start(*context_, *plan, {{app::Pane{content}}, app::SplitLayout::SideBySide, camera, {}, {}});
  ASSERT_TRUE(recording) << recording.error().message;
  int steps = 0;
  for (bool more = true; more; ++steps) {
    auto stepped = (*recording)->step();
    ASSERT_TRUE(stepped) << stepped.error().message;
    more = *stepped;
  }
  ASSERT_TRUE((*recording)->finish());
  EXPECT_EQ(steps, 5);
  EXPECT_EQ((*recording)->framesDone(), 5);
  const CommandResult probe = runCommand("ffprobe -v error -count_frames -show_entries stream=nb_read_frames,width "
                                         "-of default=nw=1 " + (dir / "v.mp4").string());
  EXPECT_TRUE(containsText(probe.output, "width=320\nnb_read_frames=5")) << probe.output;

  // Frame 3 is the scene at from + 3/5 of the two days, its plumes 0.3 s into the video.
  render::OffscreenRenderer renderer(*context_, {320, 180}, 1);
  const core::Image expected =
      renderer.render(app::composeFrame(content, {plan->frameTime(3), camera, 320, 180, 0.3, true}));
  EXPECT_EQ(plan->frameTime(3), *core::parseIso8601("2030-06-02T04:48Z"));
  const auto frame = core::readPng(dir / "frames" / "frame_000003.png");
  ASSERT_TRUE(frame) << frame.error().message;
  EXPECT_TRUE(frame->pixels == expected.pixels);
}

}  // namespace
}  // namespace corridor::test
