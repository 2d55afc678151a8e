#include "scene/View.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corridor::scene {
namespace {

timeline::CameraPose cameraAt(double lon, double lat, double altitude) {
  timeline::CameraPose pose;
  pose.lon = lon;
  pose.lat = lat;
  pose.altitude = altitude;
  return pose;
}

TEST(View, CameraTargetIsAtTheImageCentreNorthUp) {
  for (const ViewMode mode : {ViewMode::Globe, ViewMode::Map}) {
    const View view = makeView(cameraAt(-118.26, 33.73, 20e3), mode, 320, 180);
    const auto centre = projectToScreen(view, {-118.26, 33.73});
    ASSERT_TRUE(centre.visible);
    EXPECT_NEAR(centre.x, 160.0, 1e-3);
    EXPECT_NEAR(centre.y, 90.0, 1e-3);
    const auto north = projectToScreen(view, {-118.26, 33.78});
    ASSERT_TRUE(north.visible);
    EXPECT_NEAR(north.x, 160.0, 0.5);
    EXPECT_LT(north.y, 90.0);  // above the centre
    const auto east = projectToScreen(view, {-118.20, 33.73});
    EXPECT_GT(east.x, 160.0);
  }
}

TEST(View, GlobeHidesTheFarSide) {
  const View view = makeView(cameraAt(-170, 35, 12e6), ViewMode::Globe, 320, 180);
  EXPECT_TRUE(projectToScreen(view, {-150, 20}).visible);
  EXPECT_FALSE(projectToScreen(view, {10, -35}).visible);
}

TEST(View, MapScaleMatchesTheGlobeAtTheTarget) {
  const View globe = makeView(cameraAt(-150, 0, 1e6), ViewMode::Globe, 320, 180);
  const View map = makeView(cameraAt(-150, 0, 1e6), ViewMode::Map, 320, 180);
  EXPECT_NEAR(globe.metersPerPixelAtTarget, map.metersPerPixelAtTarget, 1e-6);
}

TEST(View, ATiltedGlobesSmallestPixelsAreAtTheBottomEdge) {
  // From 10 km, tilted 60 degrees looking north: the ground at the bottom edge lies south of the
  // target, and 10 m across it measure more pixels than at the target.
  timeline::CameraPose pose = cameraAt(-118.26, 33.73, 10e3);
  pose.tilt = 60;
  const View view = makeView(pose, ViewMode::Globe, 320, 180);
  EXPECT_EQ(makeView(cameraAt(-118.26, 33.73, 10e3), ViewMode::Globe, 320, 180).metersPerPixelNearest,
            view.metersPerPixelAtTarget);
  double lat = 33.73;
  while (projectToScreen(view, {-118.26, lat - 1e-5}).visible &&
         projectToScreen(view, {-118.26, lat - 1e-5}).y < view.height) {
    lat -= 1e-5;
  }
  const double metresPerDegreeEast = geo::MapProjection::kMetersPerDegree * std::cos(geo::radians(lat));
  const auto a = projectToScreen(view, {-118.26, lat});
  const auto b = projectToScreen(view, {-118.26 + 10 / metresPerDegreeEast, lat});
  ASSERT_TRUE(a.visible && b.visible);
  EXPECT_GT(a.y, view.height - 2.0);
  const double measured = 10 / std::hypot(b.x - a.x, b.y - a.y);
  EXPECT_LT(measured, 0.8 * view.metersPerPixelAtTarget);
  EXPECT_NEAR(view.metersPerPixelNearest, measured, 0.03 * measured);
}

TEST(View, MapWrapsAcrossTheAntimeridian) {
  const View view = makeView(cameraAt(180, 0, 5e6), ViewMode::Map, 320, 180);
  const auto west = projectToScreen(view, {175, 0}), east = projectToScreen(view, {-175, 0});
  ASSERT_TRUE(west.visible);
  ASSERT_TRUE(east.visible);
  EXPECT_LT(west.x, 160.0);
  EXPECT_GT(east.x, 160.0);
  EXPECT_NEAR(east.x - 160.0, 160.0 - west.x, 1e-6);
}

}  // namespace
}  // namespace corridor::scene

#include "scene/Basemap.h"

namespace corridor::scene {
namespace {

TEST(LevelOfDetail, CoarserLinesAsTheCameraRises) {
  const auto basemap = buildBasemap({{}, {{{0, 0}, {0.2, 0.001}, {0.4, 0}}}, nullptr, nullptr});
  const auto& outlines = basemap->outlines;
  ASSERT_GT(outlines.levels.size(), 2u);
  const View port = makeView(cameraAt(0, 0, 20e3), ViewMode::Globe, 1920, 1080);
  const View globe = makeView(cameraAt(0, 0, 60e6), ViewMode::Globe, 320, 180);
  EXPECT_EQ(levelFor(outlines, port), 0u);  // full detail at port zoom
  EXPECT_EQ(levelFor(outlines, globe), outlines.levels.size() - 1);
  // The tolerance of the chosen level never exceeds half a pixel.
  const View mid = makeView(cameraAt(0, 0, 2e6), ViewMode::Globe, 1920, 1080);
  const double halfPixel = 0.5 * mid.metersPerPixelAtTarget / geo::MapProjection::kMetersPerDegree;
  EXPECT_LE(outlines.levels[levelFor(outlines, mid)].toleranceDegrees, halfPixel);
  // The coarsest level dropped the 0.001-degree wiggle, the finest kept it.
  EXPECT_EQ(outlines.levels.front().paths.front().size(), 3u);
  EXPECT_EQ(outlines.levels.back().paths.front().size(), 2u);
}

}  // namespace
}  // namespace corridor::scene
