#include "geo/Geodesic.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <cmath>

namespace corridor::geo {
namespace {

const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }

LonLat positionAt(const GeographicLib::GeodesicLine& line, double distance) {
  LonLat p;
  double unused = 0;
  line.GenPosition(false, distance,
                   GeographicLib::Geodesic::LATITUDE | GeographicLib::Geodesic::LONGITUDE |
                       GeographicLib::Geodesic::LONG_UNROLL,
                   p.lat, p.lon, unused, unused, unused, unused, unused, unused);
  return p;
}

}  // namespace

double geodesicDistanceMeters(const LonLat& from, const LonLat& to) {
  double distance = 0;
  wgs84().Inverse(from.lat, from.lon, to.lat, to.lon, distance);
  return distance;
}

LonLat geodesicInterpolate(const LonLat& from, const LonLat& to, double fraction) {
  const auto line = wgs84().InverseLine(from.lat, from.lon, to.lat, to.lon);
  return positionAt(line, line.Distance() * fraction);
}

Polyline geodesicPath(const LonLat& from, const LonLat& to, double maxStepMeters) {
  const auto line = wgs84().InverseLine(from.lat, from.lon, to.lat, to.lon);
  const double total = line.Distance();
  const int steps = std::max(1, static_cast<int>(std::ceil(total / maxStepMeters)));
  Polyline path;
  path.reserve(static_cast<std::size_t>(steps) + 1);
  for (int i = 0; i <= steps; ++i) path.push_back(positionAt(line, total * i / steps));
  return path;
}

}  // namespace corridor::geo
