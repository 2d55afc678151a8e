#include "geo/MapProjection.h"

#include <gtest/gtest.h>

namespace corridor::geo {
namespace {

constexpr double kM = MapProjection::kMetersPerDegree;

TEST(MapProjection, DefaultIsCentredOnTheAntimeridian) {
  const MapProjection map;
  EXPECT_NEAR(map.project({180, 0}).x, 0.0, 1e-6);
  EXPECT_NEAR(map.project({-170, 10}).x, 10 * kM, 1e-6);
  EXPECT_NEAR(map.project({-170, 10}).y, 10 * kM, 1e-6);
  EXPECT_NEAR(map.project({170, 0}).x, -10 * kM, 1e-6);
  // Greenwich is the seam, at the left edge of [-W/2, W/2).
  EXPECT_NEAR(map.project({0, 0}).x, -MapProjection::kWorldWidth / 2, 1e-6);
}

TEST(MapProjection, MetersPerDegreeIsTheEquatorialArc) {
  EXPECT_NEAR(kM, 111319.49079327357, 1e-6);
}

TEST(MapProjection, UnprojectRoundTrip) {
  const MapProjection map;
  for (const LonLat p : {LonLat{-118.2625, 33.73}, LonLat{139.7956, 35.6169},
                         LonLat{179.9, -45}, LonLat{-179.9, 80}, LonLat{-180, 0}}) {
    const LonLat back = map.unproject(map.project(p));
    EXPECT_NEAR(back.lon, p.lon, 1e-9);
    EXPECT_NEAR(back.lat, p.lat, 1e-9);
  }
}

TEST(MapProjection, UnwrappedMatchesWrappedInsideTheWorld) {
  const MapProjection map;
  const glm::dvec2 unwrapped = map.projectUnwrapped({190, 5});
  const glm::dvec2 wrapped = map.project({-170, 5});
  EXPECT_NEAR(unwrapped.x, wrapped.x, 1e-6);
  EXPECT_NEAR(unwrapped.y, wrapped.y, 1e-6);
  // Outside it, a copy of the world one width away.
  EXPECT_NEAR(map.projectUnwrapped({10, 0}).x - map.projectUnwrapped({-350, 0}).x,
              MapProjection::kWorldWidth, 1e-6);
}

TEST(MapProjection, OtherCentralMeridian) {
  const MapProjection map{0.0};
  EXPECT_NEAR(map.project({10, 0}).x, 10 * kM, 1e-6);
  EXPECT_NEAR(map.project({-180, 0}).x, -MapProjection::kWorldWidth / 2, 1e-6);
}

}  // namespace
}  // namespace corridor::geo
