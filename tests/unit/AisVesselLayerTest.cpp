// AIS tracks drawn at a moment: glyphs interpolated between reports (also across 180°),
// trails over the chosen span, nothing for vessels whose track has not begun.
#include <gtest/gtest.h>

#include "app/AisVesselLayer.h"

namespace corridor::app {
namespace {

constexpr core::UtcMicros kMinute = 60 * core::kMicrosPerSecond;

// One vessel (AIS type 70) with reports at the given minutes and positions.
io::AisTrackSet oneTrack(const std::vector<std::tuple<int, double, double>>& reports) {
  io::AisTrackSet set;
  set.vessels.push_back({.key = 367000001, .aisType = 70});
  for (const auto& [minute, lat, lon] : reports) {
    set.time.push_back(minute * kMinute);
    set.latE7.push_back(std::int32_t(lat * 1e7));
    set.lonE7.push_back(std::int32_t(lon * 1e7));
    set.sogTenths.push_back(120);
    set.cogTenths.push_back(-1);
    set.heading.push_back(-1);
  }
  set.tracks.push_back({0, 0, std::uint32_t(reports.size())});
  return set;
}

TEST(AisLayer, GlyphIsInterpolatedBetweenReportsAcrossTheAntimeridian) {
  const io::AisTrackSet set = oneTrack({{0, 30.0, 179.8}, {10, 30.2, -179.8}});
  const auto layer = buildAisVesselLayer(set, 5 * kMinute);
  ASSERT_EQ(layer->glyphs.size(), 1u);
  EXPECT_NEAR(std::abs(layer->glyphs[0].position.lon), 180.0, 1e-6);
  EXPECT_NEAR(layer->glyphs[0].position.lat, 30.1, 1e-6);
  // Pointing east (no COG: the direction of travel), not west across the map.
  EXPECT_GT(layer->glyphs[0].ahead.lon - layer->glyphs[0].position.lon + 360.0 * (layer->glyphs[0].position.lon > 0), 0.0);
  EXPECT_EQ(layer->glyphs[0].color, aisTypeColor(70));
  // The trail's segments are short: none spans the map.
  ASSERT_FALSE(layer->trails.empty());
  for (const scene::TrailSegment& segment : layer->trails) EXPECT_LT(std::abs(segment.b.lon - segment.a.lon), 1.0);
}

TEST(AisLayer, OnlyTracksInTheWindowAreDrawn) {
  const io::AisTrackSet set = oneTrack({{60, 30.0, -150.0}, {120, 30.0, -149.0}});
  scene::VesselLayerOptions options;
  options.trailSpan = 30 * kMinute;
  EXPECT_TRUE(buildAisVesselLayer(set, 30 * kMinute, options)->glyphs.empty());  // not begun
  // Ended 10 minutes ago: held at the last report for 30 minutes, fading.
  const auto after = buildAisVesselLayer(set, 130 * kMinute, options);
  ASSERT_EQ(after->glyphs.size(), 1u);
  EXPECT_NEAR(after->glyphs[0].position.lon, -149.0, 1e-6);
  EXPECT_NEAR(after->glyphs[0].color.a, 1.0 - 0.7 / 3, 1e-6);
  EXPECT_FALSE(after->trails.empty());
  EXPECT_TRUE(buildAisVesselLayer(set, 130 * kMinute, options, 0)->glyphs.empty());  // no hold
  EXPECT_TRUE(buildAisVesselLayer(set, 151 * kMinute, options)->glyphs.empty());
  const auto gone = buildAisVesselLayer(set, 200 * kMinute, options);
  EXPECT_TRUE(gone->glyphs.empty());
  EXPECT_TRUE(gone->trails.empty());
}

TEST(AisLayer, AVesselWithOneReportIsSeenAndPickedTenMinutesLater) {
  const io::AisTrackSet set = oneTrack({{60, 30.0, -150.0}});
  const auto layer = buildAisVesselLayer(set, 70 * kMinute);
  ASSERT_EQ(layer->glyphs.size(), 1u);
  EXPECT_NEAR(layer->glyphs[0].position.lat, 30.0, 1e-6);
  EXPECT_GT(layer->glyphs[0].color.a, 0.7f);
  ASSERT_EQ(aisPositionsAt(set, 70 * kMinute).size(), 1u);
  EXPECT_TRUE(aisPositionsAt(set, 91 * kMinute).empty());
  // Tracks split at a gap shorter than the default hold are held only that long.
  EXPECT_EQ(aisHoldFor(0.25), 15 * kMinute);
  EXPECT_EQ(aisHoldFor(6), kDefaultAisHold);
}

}  // namespace
}  // namespace corridor::app
