#include "geo/Subdivide.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace corridor::geo {
namespace {

TEST(SubdividePolyline, SplitsIntoEqualSteps) {
  const Polyline path = subdividePolyline({{0, 0}, {10, 0}}, 1.0);
  ASSERT_EQ(path.size(), 11u);
  for (std::size_t i = 0; i < path.size(); ++i) {
    EXPECT_NEAR(path[i].lon, static_cast<double>(i), 1e-12);
    EXPECT_NEAR(path[i].lat, 0.0, 1e-12);
  }
}

TEST(SubdividePolyline, UnwrapsAcrossTheAntimeridian) {
  const Polyline path = subdividePolyline({{179, 0}, {-179, 0}}, 0.5);
  ASSERT_EQ(path.size(), 5u);
  const double expected[] = {179.0, 179.5, 180.0, 180.5, 181.0};
  for (std::size_t i = 0; i < path.size(); ++i) EXPECT_NEAR(path[i].lon, expected[i], 1e-12);
}

TEST(SubdividePolyline, KeepsShortSegments) {
  const Polyline path = subdividePolyline({{0, 0}, {0.2, 0.1}, {0.3, 0.3}}, 1.0);
  ASSERT_EQ(path.size(), 3u);
  EXPECT_NEAR(path[1].lon, 0.2, 1e-12);
  EXPECT_NEAR(path[2].lat, 0.3, 1e-12);
}

TEST(Densify, KeepsCutsAtTheAntimeridianWhereTheyAre) {
  // A polygon ring running up the 180 meridian: no unwrapping, just more points.
  const Polyline ring{{179, -80}, {180, -80}, {180, -90}};
  const Polyline result = densify(ring, 1.0);
  ASSERT_EQ(result.size(), 12u);
  for (const LonLat& p : result) {
    EXPECT_GE(p.lon, 179.0);
    EXPECT_LE(p.lon, 180.0);
  }
  EXPECT_DOUBLE_EQ(result.back().lat, -90.0);
  EXPECT_DOUBLE_EQ(result[6].lat, -85.0);
}

}  // namespace
}  // namespace corridor::geo
