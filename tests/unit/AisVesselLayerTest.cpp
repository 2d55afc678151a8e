// AIS tracks as GPU trips: a leg between each two reports (continuous across 180°), a held leg
// after the last report, only what a window can show; positions to pick, held vessels too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "TripHeads.h"
#include "app/AisVesselLayer.h"
#include "geo/MapProjection.h"

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

TEST(AisTrips, ALegJoinsEachTwoReportsAcrossTheAntimeridian) {
  const io::AisTrackSet set = oneTrack({{0, 30.0, 179.8}, {10, 30.2, -179.8}, {20, 30.4, -179.4}});
  const auto trips = buildAisTrips(set, 0, 60 * kMinute, 30 * kMinute);
  ASSERT_EQ(trips->legs.size(), 3u);  // two legs and the hold
  const scene::TripSegment crossing = trips->segment(0);
  EXPECT_NEAR(crossing.a.lon, 179.8, 1e-6);
  EXPECT_NEAR(crossing.b.lon, 180.2, 1e-6);  // continuous, not -179.8
  EXPECT_EQ(crossing.startTime, 0);
  EXPECT_EQ(crossing.endTime, 10 * kMinute);
  EXPECT_LT(glm::distance(crossing.color, aisTypeColor(70)), 1.0f / 255);  // stored as RGBA8
  EXPECT_NEAR(trips->segment(1).a.lon, -179.8, 1e-6);
  // The track goes on across 180 (a point at 180.2, another at -179.8), then to the hold.
  EXPECT_EQ(trips->points.size(), 5u);
  // The glyph at minute 5 sits on the first leg.
  const scene::Trips::Range glyphs = trips->glyphRange(5 * kMinute);
  ASSERT_GE(glyphs.count, 1u);
  EXPECT_EQ(glyphs.first, 0u);
}

TEST(AisTrips, AfterItsLastReportAVesselIsHeldThereFaded) {
  const io::AisTrackSet set = oneTrack({{60, 30.0, -150.0}, {120, 30.0, -149.0}});
  const auto trips = buildAisTrips(set, 0, 300 * kMinute, 30 * kMinute);
  ASSERT_EQ(trips->legs.size(), 3u);  // the hour-long leg in two halves, and the hold
  EXPECT_EQ(trips->points.size(), 4u);   // one track: each point stored once
  const scene::TripSegment held = trips->segment(2);
  EXPECT_EQ(held.a.lon, held.b.lon);
  EXPECT_EQ(held.a.lat, held.b.lat);
  EXPECT_NEAR(held.a.lon, -149.0, 1e-6);
  EXPECT_EQ(held.startTime, 120 * kMinute);
  EXPECT_EQ(held.endTime, 150 * kMinute);
  EXPECT_NEAR(held.color.a, 0.6, 0.5 / 255);
  EXPECT_EQ(buildAisTrips(set, 0, 300 * kMinute, 30 * kMinute, 0)->legs.size(), 2u);  // no hold
}

TEST(AisTrips, AHoldEndsWhereTheVesselsNextTrackBegins) {
  // A jump the reports confirm splits a vessel's reports into two tracks ten minutes apart.
  io::AisTrackSet set = oneTrack({{0, 30.0, -150.0}, {10, 30.0, -149.9}, {20, 31.0, -145.0}, {30, 31.0, -144.9}});
  set.tracks = {{0, 0, 2}, {0, 2, 4}};
  const auto trips = buildAisTrips(set, 0, 60 * kMinute, 30 * kMinute);
  ASSERT_EQ(trips->legs.size(), 4u);  // a leg and a hold per track
  std::vector<scene::TripSegment> legs;
  for (std::size_t k = 0; k < trips->legs.size(); ++k) legs.push_back(trips->segment(k));
  const auto held = std::find_if(legs.begin(), legs.end(), [](const scene::TripSegment& s) {
    return s.a.lon == s.b.lon && s.startTime == 10 * kMinute;
  });
  ASSERT_NE(held, legs.end());
  EXPECT_EQ(held->endTime, 20 * kMinute);  // not 40: the vessel is elsewhere from minute 20
  EXPECT_EQ(aisPositionsAt(set, 25 * kMinute).size(), 1u);
}

TEST(AisTrips, LegsHoursLongAreCutSoAFrameLooksBackLittle) {
  const io::AisTrackSet set = oneTrack({{0, 30.0, -150.0}, {120, 30.0, -148.0}});
  const auto trips = buildAisTrips(set, 0, 200 * kMinute, 10 * kMinute, 0);
  ASSERT_EQ(trips->legs.size(), 4u);  // two hours in half-hour pieces
  EXPECT_EQ(trips->longestSegment, 30 * kMinute);
  EXPECT_NEAR(trips->segment(1).a.lon, -149.5, 1e-9);
  EXPECT_EQ(trips->segment(1).startTime, 30 * kMinute);
  EXPECT_EQ(trips->segment(3).endTime, 120 * kMinute);
  EXPECT_EQ(trips->segment(3).b.lon, -148.0);  // the report itself, not an interpolation
}

TEST(AisTrips, TheirMemoryIsReservedOncePiecesOfLongLegsIncluded) {
  // Reports two hours apart: each leg is four pieces, and the hold one more. A reserve that
  // counted a point per report would double the vectors (a day of AIS: ~190 MB more).
  std::vector<std::tuple<int, double, double>> reports;
  for (int m = 0; m <= 24 * 60; m += 120) reports.emplace_back(m, 30.0, -150.0 + m * 0.001);
  const auto trips = buildAisTrips(oneTrack(reports), 0, 24 * 60 * kMinute, 10 * kMinute);
  EXPECT_EQ(trips->legs.size(), 12u * 4 + 1);
  EXPECT_EQ(trips->points.size(), 12u * 4 + 2);
  EXPECT_LE(trips->points.capacity(), trips->points.size() + 2);
  EXPECT_LE(trips->legs.capacity(), trips->points.size() + 2);
  // Across 180 degrees and back, and again: each crossing starts the next leg at a point of
  // its own.
  std::vector<std::tuple<int, double, double>> zigzag;
  for (int m = 0; m <= 50; m += 10) zigzag.emplace_back(m, 52.0, m % 20 == 0 ? 179.9 : -179.9);
  const auto crossing = buildAisTrips(oneTrack(zigzag), 0, 60 * kMinute, 10 * kMinute, 0);
  EXPECT_EQ(crossing->legs.size(), 5u);
  EXPECT_EQ(crossing->points.size(), 10u);
  EXPECT_LE(crossing->points.capacity(), crossing->points.size() + 2);
}

TEST(AisTrips, OnlyTheLegsAWindowCanShowAreBuilt) {
  std::vector<std::tuple<int, double, double>> reports;
  for (int m = 0; m <= 600; m += 10) reports.emplace_back(m, 30.0, -150.0 + m * 0.001);
  const io::AisTrackSet set = oneTrack(reports);
  // Minutes 300 to 400 with a 60-minute trail: legs from minute 240 on, to the one starting at 400.
  const auto trips = buildAisTrips(set, 300 * kMinute, 400 * kMinute, 60 * kMinute);
  ASSERT_FALSE(trips->legs.empty());
  EXPECT_EQ(trips->segment(0).startTime, 240 * kMinute);
  EXPECT_EQ(trips->segment(trips->legs.size() - 1).startTime, 400 * kMinute);
  EXPECT_EQ(trips->legs.size(), 17u);
  EXPECT_EQ(trips->points.size(), 18u);
  EXPECT_TRUE(buildAisTrips(set, 700 * kMinute, 800 * kMinute, 60 * kMinute, 0)->legs.empty());
}

TEST(AisTrips, ASteadyPassageNeedsOnlyItsEndsWithinATolerance) {
  std::vector<std::tuple<int, double, double>> reports;
  for (int m = 0; m <= 20; ++m) reports.emplace_back(m, 30.0, -150.0 + m * 0.01);
  const io::AisTrackSet set = oneTrack(reports);
  EXPECT_EQ(buildAisTrips(set, 0, 60 * kMinute, 10 * kMinute, 0, 0.0)->legs.size(), 20u);
  const auto trips = buildAisTrips(set, 0, 60 * kMinute, 10 * kMinute, 0, 0.001);
  ASSERT_EQ(trips->legs.size(), 1u);
  EXPECT_NEAR(trips->segment(0).b.lon, -149.8, 1e-9);
  ASSERT_EQ(test::tripHeadsAt(*trips, 7 * kMinute).size(), 1u);
  EXPECT_NEAR(test::tripHeadsAt(*trips, 7 * kMinute)[0].position.lon, -149.93, 1e-9);
}

TEST(AisTrips, ReportsLeftOutMoveNoVesselByMoreThanTheTolerance) {
  // Two hours a minute apart: a passage east with 0.0005-degree noise, a 15-minute stop, a turn
  // north. Between the kept reports the vessel must still stop and turn where it did.
  std::vector<std::tuple<int, double, double>> reports;
  double lat = 30.0, lon = -150.0;
  for (int m = 0; m <= 120; ++m) {
    const double noise = 0.0005 * std::sin(m * 2.3);
    reports.emplace_back(m, lat + noise, lon - noise);
    if (m < 40) lon += 0.005;
    if (m >= 55) lat += 0.004;
  }
  const io::AisTrackSet set = oneTrack(reports);
  constexpr double kTolerance = 0.002;
  const auto all = buildAisTrips(set, 0, 120 * kMinute, 10 * kMinute, 0);
  const auto fewer = buildAisTrips(set, 0, 120 * kMinute, 10 * kMinute, 0, kTolerance);
  EXPECT_LT(fewer->legs.size(), all->legs.size() / 4);
  EXPECT_GE(fewer->legs.size(), 3u);  // the stop's ends at least
  for (core::UtcMicros t = 0; t < 120 * kMinute; t += kMinute / 4) {
    const auto exact = test::tripHeadsAt(*all, t), near = test::tripHeadsAt(*fewer, t);
    ASSERT_EQ(exact.size(), 1u);
    ASSERT_EQ(near.size(), 1u) << t;
    EXPECT_LE(std::hypot(near[0].position.lon - exact[0].position.lon, near[0].position.lat - exact[0].position.lat),
              kTolerance * (1 + 1e-9))
        << "at second " << t / core::kMicrosPerSecond;
  }
}

TEST(AisTrips, ATrackLeftOutAcross180StaysOneLineThere) {
  std::vector<std::tuple<int, double, double>> reports;
  for (int m = 0; m <= 20; ++m) reports.emplace_back(m, 40.0, std::remainder(179.5 + m * 0.05, 360.0));
  const auto trips = buildAisTrips(oneTrack(reports), 0, 60 * kMinute, 10 * kMinute, 0, 0.001);
  ASSERT_EQ(trips->legs.size(), 1u);
  EXPECT_NEAR(trips->segment(0).a.lon, 179.5, 1e-9);
  EXPECT_NEAR(trips->segment(0).b.lon, 180.5, 1e-9);  // continuous, not a line back across the map
}

TEST(AisTrips, TheToleranceOfAViewIsUnderAQuarterPixelAPowerOfTwo) {
  scene::View view;
  view.metersPerPixelNearest = 1000;  // a quarter of a pixel: 250 m, 0.00225 degrees
  EXPECT_EQ(aisTripTolerance(view), std::exp2(-9));
  EXPECT_LE(aisTripTolerance(view), 250 / geo::MapProjection::kMetersPerDegree);
  view.metersPerPixelNearest = 1900;  // 0.00427 degrees: the next power of two
  EXPECT_EQ(aisTripTolerance(view), std::exp2(-8));
  view.metersPerPixelNearest = 0.3;  // 0.07 m: finer than worth the search
  EXPECT_EQ(aisTripTolerance(view), 0.0);
  view.metersPerPixelNearest = 0;
  EXPECT_EQ(aisTripTolerance(view), 0.0);
}

TEST(AisTrips, AVesselWithOneReportIsSeenAndPickedTenMinutesLater) {
  const io::AisTrackSet set = oneTrack({{60, 30.0, -150.0}});
  const auto trips = buildAisTrips(set, 0, 120 * kMinute, 30 * kMinute);
  ASSERT_EQ(trips->legs.size(), 1u);
  EXPECT_EQ(trips->glyphRange(70 * kMinute).count, 1u);
  ASSERT_EQ(aisPositionsAt(set, 70 * kMinute).size(), 1u);
  EXPECT_NEAR(aisPositionsAt(set, 70 * kMinute)[0].second.lat, 30.0, 1e-6);
  EXPECT_TRUE(aisPositionsAt(set, 91 * kMinute).empty());
  // Tracks split at a gap shorter than the default hold are held only that long.
  EXPECT_EQ(aisHoldFor(0.25), 15 * kMinute);
  EXPECT_EQ(aisHoldFor(6), kDefaultAisHold);
}

}  // namespace
}  // namespace corridor::app
