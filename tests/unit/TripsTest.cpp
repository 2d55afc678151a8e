// scene::Trips as tracks of points: a leg that continues the previous one shares its point, any
// other starts a track; legs are indexed by start time; sets merge with the later drawn over.
#include <gtest/gtest.h>

#include <filesystem>

#include "scene/Trips.h"
#include "sim/ScenarioFile.h"

namespace corridor::scene {
namespace {

constexpr core::UtcMicros kHour = 3600LL * core::kMicrosPerSecond;
const glm::vec4 kRed{1.0f, 0.0f, 0.0f, 1.0f}, kBlue{0.0f, 0.0f, 1.0f, 1.0f};

TEST(Trips, ALegThatGoesOnFromTheLastPointSharesIt) {
  TripsBuilder builder(0, 10 * kHour, kHour);
  builder.add({{0.0, 0.0}, {1.0, 0.0}, 0, kHour, kRed});
  builder.add({{1.0, 0.0}, {2.0, 0.0}, kHour, 2 * kHour, kBlue});            // goes on
  builder.add({{2.0, 0.5}, {3.0, 0.0}, 2 * kHour, 3 * kHour, kRed});         // elsewhere: a new track
  builder.add({{3.0, 0.0}, {4.0, 0.0}, 3 * kHour + kTripTick, 4 * kHour, kRed});  // a tick later: a new track
  const auto trips = std::move(builder).finish();
  ASSERT_EQ(trips->legs.size(), 4u);
  EXPECT_EQ(trips->points.size(), 7u);  // 3 + 2 + 2
  const TripSegment second = trips->segment(1);
  EXPECT_EQ(second.a.lon, 1.0);
  EXPECT_EQ(second.b.lon, 2.0);
  EXPECT_EQ(second.startTime, kHour);
  EXPECT_EQ(second.color, kBlue);  // the leg's own colour, not the one before it
  EXPECT_EQ(trips->segment(0).color, kRed);
  EXPECT_EQ(trips->longestSegment, kHour);
}

TEST(Trips, TimesAreRoundedToTheGpusTicks) {
  TripsBuilder builder(0, kHour, kHour);
  builder.add({{0.0, 0.0}, {1.0, 0.0}, 31'249, 10'031'250, kRed});  // 0.031249 s, 10.03125 s
  builder.add({{1.0, 0.0}, {2.0, 0.0}, 10'031'250, 10'100'000, kRed});  // continues: the same end, rounded alike
  const auto trips = std::move(builder).finish();
  EXPECT_EQ(trips->segment(0).startTime, 0);
  EXPECT_EQ(trips->segment(0).endTime, 10'062'500);  // halves up
  EXPECT_EQ(trips->segment(1).endTime, 10'125'000);
  EXPECT_EQ(trips->points.size(), 3u);
}

TEST(Trips, LegsAreFoundByTime) {
  TripsBuilder builder(0, 10 * kHour, kHour);
  builder.add({{0.0, 1.0}, {1.0, 1.0}, 5 * kHour, 6 * kHour, kRed});  // added first, sails later
  for (int i = 0; i < 4; ++i) builder.add({{double(i), 0.0}, {i + 1.0, 0.0}, i * kHour, (i + 1) * kHour, kBlue});
  const auto trips = std::move(builder).finish();
  for (std::size_t k = 1; k < trips->legs.size(); ++k) {
    EXPECT_LE(trips->segment(k - 1).startTime, trips->segment(k).startTime);
  }
  // At 2.5 h with a 1 h trail: the legs starting from 0.5 h back (the longest is 1 h) to now.
  const Trips::Range trails = trips->trailRange(2 * kHour + kHour / 2);
  EXPECT_EQ(trails.first, 1u);
  EXPECT_EQ(trails.count, 2u);
  const Trips::Range glyphs = trips->glyphRange(2 * kHour + kHour / 2);
  ASSERT_EQ(glyphs.count, 1u);
  EXPECT_EQ(trips->segment(glyphs.first).startTime, 2 * kHour);
}

TEST(Trips, MergedSetsKeepTheirTracksAndTheLaterSetComesLast) {
  TripsBuilder first(0, kHour, kHour), second(0, kHour, kHour);
  first.add({{0.0, 0.0}, {1.0, 0.0}, 0, kHour, kRed});
  second.add({{0.0, 0.0}, {1.0, 0.0}, 0, kHour / 2, kBlue});
  second.add({{1.0, 0.0}, {2.0, 0.0}, kHour / 2, kHour, kBlue});
  const auto merged = mergeTrips({std::move(first).finish(), std::move(second).finish()});
  ASSERT_EQ(merged->legs.size(), 3u);
  EXPECT_EQ(merged->points.size(), 5u);
  EXPECT_EQ(merged->segment(0).color, kRed);  // both start at 0: the earlier set first, drawn under
  EXPECT_EQ(merged->segment(1).color, kBlue);
  EXPECT_EQ(merged->segment(2).a.lon, 1.0);
}

TEST(Trips, AScenariosShipsStoreAboutOnePointALeg) {
  auto scenario = sim::loadScenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets/scenarios/transpacific.toml",
                                    "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  const core::UtcMicros t = core::parseIso8601("2030-06-01T00:00Z").value();
  const sim::Fleet fleet(*scenario, t - 30 * 24 * kHour, t + 30 * 24 * kHour);
  const auto trips = buildTrips(fleet, t, t + 14 * 24 * kHour, 72 * kHour, VesselColoring::Fuel);
  ASSERT_GT(trips->legs.size(), 1000u);
  // A new track only where a ship's sections do not meet exactly (berth to sea).
  EXPECT_LT(double(trips->points.size()), 1.1 * double(trips->legs.size()));
}

}  // namespace
}  // namespace corridor::scene
