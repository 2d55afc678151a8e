#include "GpuFixture.h"
#include "render/OffscreenRenderer.h"

namespace corridor::test {
namespace {

using OffscreenTarget = GpuTest;

TEST_F(OffscreenTarget, MultisampledAndSingleSampledAgreeAwayFromEdges) {
  scene::Frame frame;
  frame.view = scene::makeView(cameraAt(-150, 10, 12000), scene::ViewMode::Globe, 200, 120);
  frame.basemap = defaultBasemap();
  render::OffscreenRenderer single(*context_, {200, 120}, 1);
  render::OffscreenRenderer multi(*context_, {200, 120}, 4);
  const core::Image a = single.render(frame), b = multi.render(frame);
  ASSERT_EQ(a.width, 200);
  ASSERT_EQ(b.height, 120);
  EXPECT_LT(colorDistance(a.at(100, 60), glm::vec3(b.at(100, 60)[0], b.at(100, 60)[1],
                                                   b.at(100, 60)[2]) / 255.0f),
            0.02);
  EXPECT_EQ(a.at(100, 60)[3], 255);
}

TEST_F(OffscreenTarget, RendersRepeatedlyIntoTheSameTarget) {
  render::OffscreenRenderer renderer(*context_, {64, 64}, 1);
  scene::Frame frame;
  frame.basemap = defaultBasemap();
  frame.view = scene::makeView(cameraAt(-98, 39, 12000), scene::ViewMode::Globe, 64, 64);
  const core::Image land = renderer.render(frame);
  frame.view = scene::makeView(cameraAt(-150, 10, 12000), scene::ViewMode::Globe, 64, 64);
  const core::Image ocean = renderer.render(frame);
  EXPECT_TRUE(looksLike(land.at(32, 32), style_.land, style_.ocean));
  EXPECT_TRUE(looksLike(ocean.at(32, 32), style_.ocean, style_.land));
}

}  // namespace
}  // namespace corridor::test
