#include "geo/Sun.h"

#include <cmath>

#include "geo/Ellipsoid.h"
#include "geo/Longitude.h"

namespace corridor::geo {

LonLat subsolarPoint(core::UtcMicros time) {
  const double days = static_cast<double>(time) / (86400.0 * core::kMicrosPerSecond);
  const double dayOfYear = std::fmod(days, 365.2422);  // drifts < 1 day per decade
  const double hour = std::fmod(days, 1.0) * 24.0;
  const double g = 2.0 * kPi / 365.0 * (dayOfYear + (hour - 12.0) / 24.0);
  const double declination = 0.006918 - 0.399912 * std::cos(g) + 0.070257 * std::sin(g) -
                             0.006758 * std::cos(2 * g) + 0.000907 * std::sin(2 * g) -
                             0.002697 * std::cos(3 * g) + 0.00148 * std::sin(3 * g);
  const double equationOfTimeMinutes =
      229.18 * (0.000075 + 0.001868 * std::cos(g) - 0.032077 * std::sin(g) -
                0.014615 * std::cos(2 * g) - 0.040849 * std::sin(2 * g));
  const double solarNoonLon = -15.0 * (hour - 12.0 + equationOfTimeMinutes / 60.0);
  return {normalizeLongitude(solarNoonLon), degrees(declination)};
}

}  // namespace corridor::geo
