#include "geo/Sun.h"

#include <gtest/gtest.h>

#include "core/Time.h"

namespace corridor::geo {
namespace {

// Reference positions from Meeus' "Astronomical Algorithms" low-precision solar coordinates
// (ch. 25, ~0.01 degree) with Greenwich mean sidereal time (ch. 12), computed independently:
//   2024-06-20T20:51Z: lat 23.439, lon -132.30 (EoT -1.8 min: -15 * (20.85 - 12) + 0.45)
//   2024-12-21T12:00Z: lat -23.439, lon -0.42 (EoT +1.7 min)
//   2024-03-20T03:06Z: lat 0.000, lon 135.36
// NOAA's formulas are good to a fraction of a degree.
struct Case {
  const char* time;
  double lat;
  double lon;
};

TEST(Sun, SubsolarPointAtSolsticesAndEquinox) {
  for (const Case c : {Case{"2024-06-20T20:51Z", 23.44, -132.30},
                       Case{"2024-12-21T12:00Z", -23.44, -0.42},
                       Case{"2024-03-20T03:06Z", 0.0, 135.36}}) {
    const auto time = core::parseIso8601(c.time);
    ASSERT_TRUE(time.has_value()) << c.time;
    const LonLat sun = subsolarPoint(*time);
    EXPECT_NEAR(sun.lat, c.lat, 0.5) << c.time;
    EXPECT_NEAR(sun.lon, c.lon, 0.5) << c.time;
  }
}

}  // namespace
}  // namespace corridor::geo
