#include "timeline/CameraPose.h"

#include <gtest/gtest.h>

#include "geo/Geodesic.h"

namespace corridor::timeline {
namespace {

CameraPose pose(double lon, double lat, double altitude, double heading = 0) {
  CameraPose p;
  p.lon = lon;
  p.lat = lat;
  p.altitude = altitude;
  p.heading = heading;
  return p;
}

TEST(CameraPose, ClampedKeepsTheCameraInRange) {
  const CameraPose c = clamped(pose(190, 95, 1.0, -30));
  EXPECT_DOUBLE_EQ(c.lon, -170);
  EXPECT_DOUBLE_EQ(c.lat, 89.9);
  EXPECT_DOUBLE_EQ(c.altitude, CameraPose::kMinAltitude);
  EXPECT_DOUBLE_EQ(c.heading, 330);
}

TEST(FlyTo, StartsAndEndsExactlyAtThePoses) {
  const CameraPose la = pose(-118.2625, 33.73, 60e3), tokyo = pose(139.7956, 35.6169, 60e3);
  const FlyTo flight(la, tokyo, 4.0);
  EXPECT_NEAR(flight.at(0).lon, la.lon, 1e-9);
  EXPECT_NEAR(flight.at(0).altitude, la.altitude, 1e-6);
  EXPECT_NEAR(flight.at(4.0).lon, tokyo.lon, 1e-9);
  EXPECT_NEAR(flight.at(4.0).lat, tokyo.lat, 1e-9);
  EXPECT_NEAR(flight.at(9.0).altitude, tokyo.altitude, 1e-6);
  EXPECT_TRUE(flight.finished(4.0));
  EXPECT_FALSE(flight.finished(3.9));
}

TEST(FlyTo, CrossesThePacificNotEurasiaAndRisesToSeeBothEnds) {
  const CameraPose la = pose(-118.2625, 33.73, 60e3), tokyo = pose(139.7956, 35.6169, 60e3);
  const FlyTo flight(la, tokyo, 4.0);
  const CameraPose middle = flight.at(2.0);
  // Halfway along the great circle: north Pacific, near the Aleutians.
  EXPECT_TRUE(middle.lon > 150 || middle.lon < -150) << middle.lon;
  EXPECT_GT(middle.lat, 40);
  const double distance = geo::geodesicDistanceMeters({la.lon, la.lat}, {tokyo.lon, tokyo.lat});
  EXPECT_GT(middle.altitude, 0.5 * distance);
  // Smooth: no jump between consecutive 60 Hz steps anywhere along the way.
  CameraPose previous = flight.at(0);
  for (int i = 1; i <= 240; ++i) {
    const CameraPose next = flight.at(i / 60.0);
    EXPECT_LT(geo::geodesicDistanceMeters({previous.lon, previous.lat}, {next.lon, next.lat}),
              0.02 * distance);
    previous = next;
  }
}

TEST(FlyTo, TurnsTheShortWayRound) {
  const FlyTo flight(pose(0, 0, 1e6, 350), pose(1, 0, 1e6, 10), 2.0);
  const double heading = flight.at(1.0).heading;
  EXPECT_TRUE(heading > 350 || heading < 10) << heading;
}

TEST(FlyTo, NaturalDurationGrowsWithDistanceWithinBounds) {
  const CameraPose la = pose(-118.2625, 33.73, 60e3);
  const double near = FlyTo::naturalDuration(la, pose(-118.2, 33.76, 60e3));
  const double far = FlyTo::naturalDuration(la, pose(103.84, 1.264, 60e3));
  EXPECT_LT(near, far);
  EXPECT_GE(near, 1.5);
  EXPECT_LE(far, 5.0);
}

}  // namespace
}  // namespace corridor::timeline
