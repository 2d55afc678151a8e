// Camera tours: interpolation on the globe (across 180° and over a pole), easing, captions and
// layer switches, and the tour file with its errors.
#include <gtest/gtest.h>

#include <cmath>

#include "TestSupport.h"
#include "app/TourFile.h"
#include "timeline/Tour.h"

namespace corridor::timeline {
namespace {

CameraPose at(double lon, double lat, double altitudeKm, double heading = 0, double tilt = 0) {
  return {lon, lat, altitudeKm * 1000, heading, tilt};
}

TEST(Tour, InterpolationCrossesTheAntimeridianTheShortWay) {
  const CameraPose mid = interpolatePose(at(170, 20, 1000), at(-170, 20, 1000), 0.5);
  EXPECT_NEAR(std::abs(mid.lon), 180.0, 1e-6);  // not through Greenwich
  EXPECT_GT(mid.lat, 20.0);                       // the great circle bows poleward
  EXPECT_LT(mid.lat, 21.0);
  const CameraPose quarter = interpolatePose(at(170, 20, 1000), at(-170, 20, 1000), 0.25);
  EXPECT_NEAR(quarter.lon, 175.0, 0.1);
}

TEST(Tour, InterpolationGoesOverThePoleWhenThatIsShortest) {
  const CameraPose mid = interpolatePose(at(0, 80, 1000), at(180, 80, 1000), 0.5);
  EXPECT_GT(mid.lat, 89.0);  // over the top, no spin round the pole
}

TEST(Tour, AltitudeHeadingAndTiltInterpolateNaturally) {
  const CameraPose mid = interpolatePose(at(0, 0, 1000, 350, 10), at(0, 0, 100, 10, 50), 0.5);
  EXPECT_NEAR(mid.altitude, 316228, 1);  // log-linear: the geometric mean
  EXPECT_NEAR(std::fmod(mid.heading + 360, 360), 0.0, 1e-9);  // 350 -> 10 through north
  EXPECT_NEAR(mid.tilt, 30, 1e-9);
}

TEST(Tour, EasingCurves) {
  EXPECT_DOUBLE_EQ(ease(Easing::Linear, 0.25), 0.25);
  EXPECT_DOUBLE_EQ(ease(Easing::EaseInOut, 0.5), 0.5);
  EXPECT_LT(ease(Easing::EaseInOut, 0.1), 0.1);
  EXPECT_DOUBLE_EQ(ease(Easing::EaseIn, 0.5), 0.25);
  EXPECT_DOUBLE_EQ(ease(Easing::EaseOut, 0.5), 0.75);
  EXPECT_DOUBLE_EQ(ease(Easing::EaseOut, 2.0), 1.0);
}

TEST(Tour, KeyframesGiveCameraCaptionAndLayersOverTime) {
  TourKeyframe first{.videoSeconds = 2, .camera = at(-118, 33, 500), .easing = Easing::Linear, .caption = "LA"};
  TourKeyframe second{.videoSeconds = 6, .camera = at(140, 35, 500), .caption = "Tokyo"};
  second.layers.graticule = true;
  const Tour tour({second, first});  // any order
  EXPECT_DOUBLE_EQ(tour.cameraAt(0).lon, -118);
  EXPECT_DOUBLE_EQ(tour.cameraAt(9).lon, 140);
  const CameraPose between = tour.cameraAt(4);
  EXPECT_TRUE(between.lon > 140 || between.lon < -118) << between.lon;  // across the Pacific
  EXPECT_EQ(tour.captionAt(1), "");
  EXPECT_EQ(tour.captionAt(3), "LA");
  EXPECT_EQ(tour.captionAt(6), "Tokyo");
  EXPECT_FALSE(tour.layersAt(5, {}).graticule);
  EXPECT_TRUE(tour.layersAt(6, {}).graticule);
}

TEST(TourFile, ReadsKeyframesByVideoOrScenarioTime) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "tour.toml", R"(
[[keyframe]]
at = 0
camera = { lon = -118.2, lat = 33.7, altitude_km = 600 }
caption = "Los Angeles"

[[keyframe]]
time = "2030-06-02T00:00Z"
camera = { lon = 139.7, lat = 35.4, altitude_km = 800, heading = 20, tilt = 30 }
easing = "linear"
outlines = false
)");
  const core::UtcMicros from = *core::parseIso8601("2030-06-01");
  const auto videoSeconds = [&](core::UtcMicros t) -> std::optional<double> {
    return double(t - from) / 86400e6 * 5;  // a day is 5 s of video
  };
  auto tour = corridor::app::loadTour(dir / "tour.toml", videoSeconds);
  ASSERT_TRUE(tour) << tour.error().message;
  ASSERT_EQ(tour->keyframes().size(), 2u);
  EXPECT_DOUBLE_EQ(tour->keyframes()[1].videoSeconds, 5.0);
  EXPECT_DOUBLE_EQ(tour->keyframes()[1].camera.altitude, 800000);
  EXPECT_EQ(tour->keyframes()[1].easing, Easing::Linear);
  EXPECT_EQ(tour->keyframes()[0].caption, "Los Angeles");
  EXPECT_FALSE(tour->layersAt(5, {}).outlines);
}

TEST(TourFile, ErrorsNameTheLineAndKey) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "tour.toml", "[[keyframe]]\nat = 0\ncamera = { lon = 0, lat = 0, altitude_km = 600 }\n"
                                         "easing = \"bouncy\"\n");
  auto tour = corridor::app::loadTour(dir / "tour.toml", [](core::UtcMicros) { return 0.0; });
  ASSERT_FALSE(tour);
  EXPECT_TRUE(test::containsText(tour.error().message, "tour.toml:4: keyframe[0].easing: 'bouncy'"))
      << tour.error().message;
  test::writeTextFile(dir / "bad.toml", "[[keyframe]]\nat = 0\ncamera = { lon = 0, lat = 95, altitude_km = 600 }\n");
  auto outside = corridor::app::loadTour(dir / "bad.toml", [](core::UtcMicros) { return 0.0; });
  ASSERT_FALSE(outside);
  EXPECT_TRUE(test::containsText(outside.error().message, "keyframe[0].camera.lat")) << outside.error().message;
}

TEST(TourFile, WhatTheViewerSavesReadsBack) {
  test::ScratchDir dir;
  const core::UtcMicros t0 = *core::parseIso8601("2030-06-01");
  std::vector<corridor::app::TimedKeyframe> saved(2);
  saved[0] = {t0, {.camera = at(-118.25, 33.75, 600, 10, 20), .caption = "Quote \" and back\\slash"}};
  saved[1] = {t0 + 86400LL * 1000000, {.camera = at(139.7, 35.4, 800), .easing = Easing::Linear}};
  ASSERT_TRUE(corridor::app::saveTour(dir / "tour.toml", saved));
  auto tour = corridor::app::loadTour(dir / "tour.toml", [&](core::UtcMicros t) -> std::optional<double> {
    return double(t - t0) / 1e6;
  });
  ASSERT_TRUE(tour) << tour.error().message;
  ASSERT_EQ(tour->keyframes().size(), 2u);
  EXPECT_DOUBLE_EQ(tour->keyframes()[1].videoSeconds, 86400.0);
  EXPECT_NEAR(tour->keyframes()[0].camera.lon, -118.25, 1e-6);
  EXPECT_NEAR(tour->keyframes()[0].camera.altitude, 600000, 1e-3);
  EXPECT_NEAR(tour->keyframes()[0].camera.tilt, 20, 1e-9);
  EXPECT_EQ(tour->keyframes()[0].caption, "Quote \" and back\\slash");
  EXPECT_EQ(tour->keyframes()[1].easing, Easing::Linear);
}

}  // namespace
}  // namespace corridor::timeline
