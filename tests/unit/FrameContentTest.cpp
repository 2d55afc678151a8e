// The one recipe of a frame (app::composeFrame) that render, record and the viewer share.
#include <gtest/gtest.h>

#include "app/FrameContent.h"
#include "geo/Sun.h"

namespace corridor {
namespace {

TEST(FrameContent, AMomentGivesTheViewTheSunAndTheShipsThen) {
  const core::UtcMicros t = *core::parseIso8601("2030-06-01T00:00Z");
  auto vessels = app::VesselSource::load({.scenario = "default"}, app::VesselSource::Period{t, t});
  ASSERT_TRUE(vessels && *vessels);
  const timeline::CameraPose camera{-118.26, 33.73, 60'000.0, 0.0, 0.0};
  app::FrameContent content{nullptr, {}, scene::ViewMode::Map, vessels->get()};
  const scene::Frame frame = app::composeFrame(content, {t, camera, 320, 180});
  EXPECT_EQ(frame.view.width, 320);
  EXPECT_EQ(frame.view.height, 180);
  EXPECT_EQ(frame.view.mode, scene::ViewMode::Map);
  EXPECT_EQ(frame.time, t);
  EXPECT_EQ(frame.subsolarPoint.lat, geo::subsolarPoint(t).lat);
  ASSERT_TRUE(frame.trips);
  EXPECT_TRUE(frame.vessels);  // the corridor lanes
  EXPECT_TRUE(frame.ports);    // within reach of Los Angeles' heatmap

  content.ships = false;
  const scene::Frame withoutShips = app::composeFrame(content, {t, camera, 320, 180});
  EXPECT_FALSE(withoutShips.trips);
  EXPECT_FALSE(withoutShips.vessels);
  EXPECT_TRUE(withoutShips.ports);
  content.plumes = false;
  EXPECT_FALSE(app::composeFrame(content, {t, camera, 320, 180}).ports);
  content.vessels = nullptr;
  content.ships = content.plumes = true;
  const scene::Frame basemapOnly = app::composeFrame(content, {t, camera, 320, 180});
  EXPECT_FALSE(basemapOnly.trips || basemapOnly.vessels || basemapOnly.ports);
}

}  // namespace
}  // namespace corridor
