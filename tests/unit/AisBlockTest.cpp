// The packed reports of an archive block: exact round trip, and damaged bytes refused whole.
#include <gtest/gtest.h>

#include "io/AisBlock.h"

namespace corridor::io {
namespace {

AisTrackSet threeReports() {
  AisTrackSet set;
  set.time = {1654041600000000, 1654041660500000, 1654045200000000};
  set.latE7 = {337000000, 336990000, -10};
  set.lonE7 = {1799999999, -1799999999, 0};  // across the antimeridian and back to 0
  set.sogTenths = {120, -1, 1023};
  set.cogTenths = {3599, -1, 0};
  set.heading = {511, -1, 90};
  return set;
}

TEST(AisBlock, ReportsRoundTripExactly) {
  const AisTrackSet set = threeReports();
  const std::string bytes = encodeAisBlock(set, 0, 3, set.time[0]);
  AisPoint proto{};
  proto.vessel = 7;
  proto.line = 42;
  std::vector<AisPoint> points;
  ASSERT_TRUE(decodeAisBlock(bytes, set.time[0], 3, proto, points));
  ASSERT_EQ(points.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(points[i].time, set.time[i]);
    EXPECT_EQ(points[i].latE7, set.latE7[i]);
    EXPECT_EQ(points[i].lonE7, set.lonE7[i]);
    EXPECT_EQ(points[i].sogTenths, set.sogTenths[i]);
    EXPECT_EQ(points[i].cogTenths, set.cogTenths[i]);
    EXPECT_EQ(points[i].heading, set.heading[i]);
    EXPECT_EQ(points[i].vessel, 7u);
    EXPECT_EQ(points[i].line, 42u);
  }
  // The version byte, then varints of time, latitude and longitude deltas and 6 bytes of speeds:
  // 1 + (1 + 5 + 5 + 6) + (4 + 3 + 5 + 6) + (5 + 5 + 5 + 6).
  EXPECT_EQ(bytes.size(), 57u);
}

TEST(AisBlock, DamagedBytesAreRefusedWhole) {
  const AisTrackSet set = threeReports();
  const std::string bytes = encodeAisBlock(set, 0, 3, set.time[0]);
  std::vector<AisPoint> points(1);  // what a reader had before
  EXPECT_FALSE(decodeAisBlock(bytes.substr(0, bytes.size() - 1), set.time[0], 3, {}, points));  // cut short
  EXPECT_FALSE(decodeAisBlock(bytes + "x", set.time[0], 3, {}, points));                          // trailing bytes
  EXPECT_FALSE(decodeAisBlock(bytes, set.time[0], 4, {}, points));                                // fewer than counted
  std::string otherVersion = bytes;
  otherVersion[0] = '\x02';
  EXPECT_FALSE(decodeAisBlock(otherVersion, set.time[0], 3, {}, points));  // a format this one does not know
  EXPECT_FALSE(decodeAisBlock("", set.time[0], 0, {}, points));
  EXPECT_EQ(points.size(), 1u);  // nothing appended
}

TEST(AisBlock, PeriodsAreSixHourUtcBins) {
  constexpr core::UtcMicros kHour = 3600LL * core::kMicrosPerSecond;
  EXPECT_EQ(aisBlockPeriod(1654041600000000 + 5 * kHour), 1654041600000000);  // 2022-06-01 05:00 -> 00:00
  EXPECT_EQ(aisBlockPeriod(1654041600000000 + 6 * kHour), 1654041600000000 + 6 * kHour);
  EXPECT_EQ(aisBlockPeriod(-1), -6 * kHour);  // before 1970 too
}

}  // namespace
}  // namespace corridor::io
