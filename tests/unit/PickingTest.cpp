// Picking: the point under the cursor within a few pixels, never one behind the globe; the
// scenario ship under the cursor with its name, speed and emission rates.
#include <gtest/gtest.h>

#include "TripHeads.h"
#include "app/VesselSource.h"
#include "scene/Picking.h"

namespace corridor {
namespace {

timeline::CameraPose pacific() { return {180.0, 25.0, 14'000'000.0, 0.0, 0.0}; }

TEST(Picking, TheNearestPointWithinTheRadius) {
  const scene::View view = scene::makeView(pacific(), scene::ViewMode::Globe, 320, 180);
  const std::vector<geo::LonLat> points = {{-170.0, 30.0}, {175.0, 20.0}, {0.0, 25.0}};
  const auto at = scene::projectToScreen(view, points[1]);
  ASSERT_TRUE(at.visible);
  EXPECT_EQ(scene::pickNearest(view, points, at.x + 2, at.y - 1, 8), 1u);
  EXPECT_FALSE(scene::pickNearest(view, points, at.x + 30, at.y, 8));
  // Greenwich is behind the globe: never picked, even where it would project.
  const std::vector<geo::LonLat> hidden = {{0.0, 25.0}};
  for (double x = 0; x < 320; x += 4) {
    for (double y = 0; y < 180; y += 4) EXPECT_FALSE(scene::pickNearest(view, hidden, x, y, 8));
  }
}

TEST(Picking, HoveringAScenarioShipNamesItAndItsEmissions) {
  app::VesselSourceOptions options{.scenario = "default", .variant = "baseline"};
  const core::UtcMicros t = *core::parseIso8601("2030-06-01T00:00Z");
  auto source = app::VesselSource::load(options, app::VesselSource::Period{t, t});
  ASSERT_TRUE(source && *source) << (source ? "" : source.error().message);
  const scene::View view = scene::makeView(pacific(), scene::ViewMode::Map, 640, 360);
  scene::Frame frame;
  (*source)->fill(frame, t, app::FrameClock::Export);
  ASSERT_TRUE(frame.trips);
  // Every ship's glyph pixel picks a ship.
  int checked = 0;
  for (const test::TripHead& head : test::tripHeadsAt(*frame.trips, t)) {
    const auto at = scene::projectToScreen(view, head.position);
    if (!at.visible) continue;
    const std::vector<std::string> lines = (*source)->pick(t, view, at.x, at.y);
    ASSERT_GE(lines.size(), 6u);
    EXPECT_FALSE(lines[0].empty());
    EXPECT_NE(lines[2].find("fuel: "), std::string::npos) << lines[2];
    EXPECT_NE(lines[3].find(" kn, "), std::string::npos) << lines[3];
    EXPECT_NE(lines[4].find("CO2 "), std::string::npos) << lines[4];
    ++checked;
  }
  EXPECT_GT(checked, 3);
  EXPECT_TRUE((*source)->pick(t, view, 2, 2).empty());  // empty ocean in the corner
}

}  // namespace
}  // namespace corridor
