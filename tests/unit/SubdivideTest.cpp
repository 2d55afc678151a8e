#include "geo/Subdivide.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/Ellipsoid.h"
#include "geo/Geodesic.h"

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

TEST(RingOutlines, LeaveOutTheDatasetCutsAtTheAntimeridianAndThePole) {
  // Antarctica-like ring: coast, down the 180 meridian, along the pole, up -180, coast.
  const Polyline ring{{170, -70}, {180, -75}, {180, -90}, {-180, -90}, {-180, -75}, {-170, -70}, {170, -70}};
  std::vector<Polyline> outlines;
  appendRingOutlines(ring, outlines);
  ASSERT_EQ(outlines.size(), 2u);
  EXPECT_EQ(outlines[0].size(), 2u);  // (170,-70) -> (180,-75)
  EXPECT_EQ(outlines[1].size(), 3u);  // (-180,-75) -> (-170,-70) -> (170,-70)
  EXPECT_DOUBLE_EQ(outlines[1].front().lon, -180.0);
}

TEST(Densify, KeepsPolygonHoles) {
  const Polygon square{{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}, {{{0.5, 0.5}, {1.5, 0.5}, {1.5, 1.5}, {0.5, 0.5}}}};
  const Polygon dense = densify(square, 0.5);
  EXPECT_EQ(dense.outer.size(), 17u);
  ASSERT_EQ(dense.holes.size(), 1u);
  EXPECT_EQ(dense.holes[0].size(), 8u);  // 1 + 2 + 2 + 3 (the diagonal is 1.41 long)
}

}  // namespace
}  // namespace corridor::geo

namespace corridor::geo {
namespace {

TEST(Simplify, DropsPointsWithinTheToleranceAndKeepsTheEnds) {
  // A 0.5-degree bump between two 0.01 wiggles: at 0.3 only the bump survives (the wiggles
  // lie 0.23 from the lines to it).
  const Polyline wiggly{{0, 0}, {1, 0.01}, {2, 0.5}, {3, -0.01}, {4, 0}};
  const Polyline coarse = simplify(wiggly, 0.3);
  ASSERT_EQ(coarse.size(), 3u);
  EXPECT_DOUBLE_EQ(coarse[1].lat, 0.5);
  EXPECT_DOUBLE_EQ(coarse.back().lon, 4.0);
  EXPECT_EQ(simplify(wiggly, 0.001).size(), wiggly.size());
  EXPECT_EQ(simplify(wiggly, 1.0).size(), 2u);
}

TEST(ChordPoints, KeepsCornersAndEveryDroppedPointNearItsChord) {
  // 1,500 km east along a great circle at 10 km steps, then 500 km north: a corner.
  Polyline path = geodesicPath({-150.0, 30.0}, {-134.4, 31.0}, 10'000);
  const Polyline north = geodesicPath(path.back(), {-134.4, 35.5}, 10'000);
  path.insert(path.end(), north.begin() + 1, north.end());
  const std::size_t corner = path.size() - north.size();
  const std::vector<bool> keep = chordPoints(path, 250.0);
  EXPECT_TRUE(keep.front() && keep.back() && keep[corner]);
  const auto kept = std::count(keep.begin(), keep.end(), true);
  EXPECT_LT(kept, std::ptrdiff_t(path.size()) / 5);
  std::size_t first = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (!keep[i]) continue;
    const glm::dvec3 a = toEcef(path[first]), b = toEcef(path[i]);
    for (std::size_t j = first + 1; j < i; ++j) {
      const glm::dvec3 p = toEcef(path[j]);
      EXPECT_LE(glm::length(glm::cross(p - a, b - a)) / glm::length(b - a), 250.0);
    }
    first = i;
  }
}

}  // namespace
TEST(SubdividePolyline, BrokenCoordinatesCostBoundedWork) {
  // Before, a longitude of 1e7 made millions of points per edge; NaN was an undefined cast.
  const Polyline huge = densify(Polyline{{0, 0}, {1e7, 0}}, kSurfaceStepDegrees);
  EXPECT_LE(huge.size(), 4097u);
  const Polyline broken = densify(Polyline{{0, 0}, {std::nan(""), 0}, {1, 1}}, kSurfaceStepDegrees);
  EXPECT_EQ(broken.size(), 3u);  // one step for each edge with a NaN end
}

}  // namespace corridor::geo
