// The implausible-jump test on densely sampled data: what a real receiver writes at 1-2 s (stale
// repeats, whole-second times, GNSS noise) keeps every genuine fix; a real spike still goes.
#include <gtest/gtest.h>

#include <cmath>

#include "AisFixtures.h"
#include "AisLoading.h"
#include "TestSupport.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::io {
namespace {

constexpr double kLat = 33.7;
constexpr double kMetresPerDegreeLat = 111195.0;

struct Report {
  double seconds;  // after 2022-06-01T00:00:00; written truncated to whole seconds
  double eastMetres, northMetres;
};

// A vessel's reports as a MarineCadastre file, positions east and north of (33.7, -118.3).
std::string csvOf(const std::vector<Report>& reports) {
  std::string text = std::string(test::kMarineCadastreHeader) + "\n";
  for (const Report& r : reports) {
    const int s = int(r.seconds);
    const double lon = -118.3 + r.eastMetres / (kMetresPerDegreeLat * std::cos(kLat * M_PI / 180));
    const double lat = kLat + r.northMetres / kMetresPerDegreeLat;
    text += test::marineCadastreRow(367000001, test::juneFirst(s / 3600, s / 60 % 60, s % 60), std::round(lat * 1e6) / 1e6,
                                    std::round(lon * 1e6) / 1e6) +
            "\n";
  }
  return text;
}

test::LoadedAis clean(const std::vector<Report>& reports) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "dense.csv", csvOf(reports));
  io::AisReadOptions options;
  options.droppedRowsPerReason = AisCounts::kEveryRow;
  return test::loadAis({dir / "dense.csv"}, options);
}

constexpr double kKnot = 1852.0 / 3600.0;

TEST(AisCleaning, AStaleRepeatIsDroppedAndTheFixAfterItKept) {
  // 20 kn east; at 10 s the transponder repeats the position of 0 s, then real fixes every second.
  const double speed = 20 * kKnot;
  std::vector<Report> reports = {{0, 0, 0}, {10, 0, 0}};
  for (int s = 11; s <= 20; ++s) reports.push_back({double(s), speed * s, 0});
  const test::LoadedAis cleaned = clean(reports);
  ASSERT_EQ(cleaned.set.tracks.size(), 1u);
  EXPECT_EQ(cleaned.set.pointCount(), reports.size() - 1);
  ASSERT_EQ(cleaned.counts.rows.size(), 1u);
  EXPECT_EQ(cleaned.counts.rows[0].reason, DropReason::ImplausibleJump);
  EXPECT_EQ(cleaned.counts.rows[0].line, 3);  // the stale row, not the fix at 11 s
}

TEST(AisCleaning, FastCraftAtOneAndAHalfSecondsKeepEveryFix) {
  // 28 kn, a report every 1.5 s written in whole seconds (so 1 s and 2 s apart), 8 m of noise
  // across the track alternating sides.
  const double speed = 28 * kKnot;
  std::vector<Report> reports;
  for (int i = 0; i < 40; ++i) reports.push_back({1.5 * i, speed * 1.5 * i, i % 2 ? 8.0 : -8.0});
  const test::LoadedAis cleaned = clean(reports);
  EXPECT_EQ(cleaned.counts.droppedTotal(), 0);
  EXPECT_EQ(cleaned.set.pointCount(), reports.size());
  EXPECT_EQ(cleaned.set.tracks.size(), 1u);
}

TEST(AisCleaning, ASpikeInDenseDataIsStillDropped) {
  const double speed = 12 * kKnot;
  std::vector<Report> reports;
  for (int s = 0; s < 30; ++s) reports.push_back({double(s), speed * s, s == 15 ? 3000.0 : 0.0});
  const test::LoadedAis cleaned = clean(reports);
  ASSERT_EQ(cleaned.counts.rows.size(), 1u);
  EXPECT_EQ(cleaned.counts.rows[0].reason, DropReason::ImplausibleJump);
  EXPECT_EQ(cleaned.counts.rows[0].line, 17);  // header + 15 reports before it
  EXPECT_EQ(cleaned.set.tracks.size(), 1u);
}

TEST(AisCleaning, DroppingAStaleRepeatNeverJoinsTracksAcrossTheGap) {
  // A at 0 h, a stale repeat of A at 5 h, then C 200 km away at 6.5 h: the repeat goes, and C
  // starts a new track (6.5 h of silence is more than the 6-hour gap).
  const test::LoadedAis cleaned = clean({{0, 0, 0}, {5 * 3600, 0, 0}, {6.5 * 3600, 200000, 0}});
  EXPECT_EQ(cleaned.counts.dropped[std::size_t(DropReason::ImplausibleJump)], 1);
  EXPECT_EQ(cleaned.set.tracks.size(), 2u);
}

TEST(AisCleaning, MinuteTimesAllowForTheMinuteTheyHide) {
  // Times to the minute: reports written 00:01 and 00:02 may be 119 s apart; at 45 kn that is
  // 2.75 km, more than the 1.54 km 50 kn allow in one minute.
  test::ScratchDir dir;
  const double east = 2750 / (kMetresPerDegreeLat * std::cos(kLat * M_PI / 180));
  char text[512];
  std::snprintf(text, sizeof text,
                "MMSI,BaseDateTime,LAT,LON\n367000001,2022-06-01 00:01,%.6f,-118.3\n"
                "367000001,2022-06-01 00:02,%.6f,%.6f\n367000001,2022-06-01 00:04,%.6f,%.6f\n",
                kLat, kLat, -118.3 + east, kLat, -118.3 + 2 * east);
  test::writeTextFile(dir / "minutes.csv", text);
  auto raw = readAis({dir / "minutes.csv"}, {});
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->files.at(0).timeResolutionSeconds, 60);
  AisCounts counts = raw->counts;
  const AisTrackSet set = buildAisTracks(std::move(*raw), {}, counts);
  EXPECT_EQ(counts.droppedTotal(), 0);
  EXPECT_EQ(set.pointCount(), 3u);

  // The minute file's slack is its own: the same 2.75 km in a minute, timed to the second in
  // another file read with it, is a jump.
  std::snprintf(text, sizeof text,
                "MMSI,BaseDateTime,LAT,LON\n367000002,2022-06-01 00:01:00,%.6f,-118.3\n"
                "367000002,2022-06-01 00:02:00,%.6f,%.6f\n",
                kLat, kLat, -118.3 + east);
  test::writeTextFile(dir / "seconds.csv", text);
  const test::LoadedAis both = test::loadAis({dir / "minutes.csv", dir / "seconds.csv"});
  EXPECT_EQ(both.counts.dropped[std::size_t(DropReason::ImplausibleJump)], 1);
  EXPECT_EQ(both.set.pointCount(), 4u);
}

}  // namespace
}  // namespace corridor::io
