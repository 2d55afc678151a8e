#include "geo/Ellipsoid.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corridor::geo {
namespace {

// Angular difference, so 180 and -180 compare equal.
double longitudeDifference(double a, double b) { return std::abs(std::remainder(a - b, 360.0)); }

TEST(Ellipsoid, EquatorAtGreenwichIsOnTheXAxis) {
  const glm::dvec3 p = toEcef(LonLatAlt{0, 0, 0});
  EXPECT_NEAR(p.x, 6378137.0, 1e-6);
  EXPECT_NEAR(p.y, 0.0, 1e-6);
  EXPECT_NEAR(p.z, 0.0, 1e-6);
}

TEST(Ellipsoid, AltitudeAddsAlongTheNormal) {
  const glm::dvec3 p = toEcef(LonLatAlt{90, 0, 1000});
  EXPECT_NEAR(p.x, 0.0, 1e-6);
  EXPECT_NEAR(p.y, 6379137.0, 1e-6);
  EXPECT_NEAR(p.z, 0.0, 1e-6);
}

TEST(Ellipsoid, NorthPoleIsAtThePolarRadius) {
  const glm::dvec3 p = toEcef(LonLatAlt{0, 90, 0});
  EXPECT_NEAR(p.x, 0.0, 1e-6);
  EXPECT_NEAR(p.y, 0.0, 1e-6);
  EXPECT_NEAR(p.z, 6356752.314245, 1e-6);
  EXPECT_NEAR(toEcef(LonLatAlt{0, -90, 0}).z, -6356752.314245, 1e-6);
}

TEST(Ellipsoid, EcefRoundTrip) {
  const LonLatAlt points[] = {
      {0, 0, 0},          {-118.2625, 33.73, 0}, {139.7956, 35.6169, 20000},
      {179.999, -45, 0},  {-179.999, 60, 20000}, {180, 10, 5000},
      {45, 89.9999, 0},   {-75, -89.9999, 20000}, {12.5, -33.3, -400},
  };
  for (const LonLatAlt& p : points) {
    const LonLatAlt back = fromEcef(toEcef(p));
    EXPECT_LT(longitudeDifference(back.lon, p.lon), 1e-6) << p.lon << ", " << p.lat;
    EXPECT_NEAR(back.lat, p.lat, 1e-6) << p.lon << ", " << p.lat;
    EXPECT_NEAR(back.alt, p.alt, 1e-3) << p.lon << ", " << p.lat;
  }
}

TEST(Ellipsoid, EcefRoundTripAtThePoles) {
  // Longitude is undefined at a pole; latitude and altitude must survive.
  for (const double lat : {90.0, -90.0}) {
    const LonLatAlt back = fromEcef(toEcef(LonLatAlt{30, lat, 20000}));
    EXPECT_NEAR(back.lat, lat, 1e-6);
    EXPECT_NEAR(back.alt, 20000.0, 1e-3);
  }
}

}  // namespace
}  // namespace corridor::geo
