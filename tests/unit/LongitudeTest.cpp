#include "geo/Longitude.h"

#include <gtest/gtest.h>

namespace corridor::geo {
namespace {

TEST(Longitude, NormalizesIntoHalfOpenRange) {
  EXPECT_DOUBLE_EQ(normalizeLongitude(180.0), -180.0);
  EXPECT_DOUBLE_EQ(normalizeLongitude(190.0), -170.0);
  EXPECT_DOUBLE_EQ(normalizeLongitude(-540.0), -180.0);
  EXPECT_DOUBLE_EQ(normalizeLongitude(-180.0), -180.0);
  EXPECT_DOUBLE_EQ(normalizeLongitude(179.5), 179.5);
  EXPECT_DOUBLE_EQ(normalizeLongitude(725.0), 5.0);
}

TEST(Longitude, UnwrapsAcrossTheAntimeridian) {
  Polyline path{{170, 0}, {-170, 1}, {-160, 2}};
  unwrapLongitudes(path);
  ASSERT_EQ(path.size(), 3u);
  EXPECT_DOUBLE_EQ(path[0].lon, 170.0);
  EXPECT_DOUBLE_EQ(path[1].lon, 190.0);
  EXPECT_DOUBLE_EQ(path[2].lon, 200.0);
  EXPECT_DOUBLE_EQ(path[2].lat, 2.0);  // latitudes untouched
}

TEST(Longitude, UnwrapsWestwardToo) {
  Polyline path{{-170, 0}, {170, 0}};
  unwrapLongitudes(path);
  EXPECT_DOUBLE_EQ(path[1].lon, -190.0);
}

}  // namespace
}  // namespace corridor::geo
