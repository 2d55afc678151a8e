#include "geo/Geodesic.h"

#include <gtest/gtest.h>

#include <cmath>

#include "geo/Longitude.h"

namespace corridor::geo {
namespace {

constexpr LonLat kLosAngeles{-118.2625, 33.73};
constexpr LonLat kTokyo{139.7956, 35.6169};

TEST(Geodesic, LosAngelesToTokyoDistance) {
  const double nauticalMiles = geodesicDistanceMeters(kLosAngeles, kTokyo) / kMetersPerNauticalMile;
  EXPECT_NEAR(nauticalMiles, 4771.0, 4771.0 * 0.005);
}

TEST(Geodesic, PathCrossesThePacificWithSmallSteps) {
  const Polyline path = geodesicPath(kLosAngeles, kTokyo, 50'000.0);
  ASSERT_GT(path.size(), 170u);  // ~8850 km in steps of at most 50 km

  EXPECT_NEAR(path.front().lon, kLosAngeles.lon, 1e-9);
  EXPECT_NEAR(path.front().lat, kLosAngeles.lat, 1e-9);
  EXPECT_NEAR(normalizeLongitude(path.back().lon), kTokyo.lon, 1e-9);
  EXPECT_NEAR(path.back().lat, kTokyo.lat, 1e-9);

  for (std::size_t i = 0; i < path.size(); ++i) {
    const LonLat& p = path[i];
    EXPECT_GT(p.lat, 30.0) << i;
    EXPECT_LT(p.lat, 60.0) << i;
    // Over the Pacific: never over the Americas' or Asia's interior.
    const double lon = normalizeLongitude(p.lon);
    EXPECT_TRUE(lon >= 139.0 || lon <= -118.0) << i << ": " << lon;
    if (i > 0) {
      EXPECT_LE(std::abs(p.lon - path[i - 1].lon), 5.0) << i;
      EXPECT_LE(geodesicDistanceMeters(path[i - 1], p), 50'000.0 + 1e-6) << i;
    }
  }
}

TEST(Geodesic, InterpolateHalfwayIsEquidistant) {
  const LonLat middle = geodesicInterpolate(kLosAngeles, kTokyo, 0.5);
  const double fromStart = geodesicDistanceMeters(kLosAngeles, middle);
  const double toEnd = geodesicDistanceMeters(middle, kTokyo);
  EXPECT_NEAR(fromStart, toEnd, 1.0);
  // And on the geodesic, not beside it.
  EXPECT_NEAR(fromStart + toEnd, geodesicDistanceMeters(kLosAngeles, kTokyo), 1.0);
}

}  // namespace
}  // namespace corridor::geo
