#include "geo/Ellipsoid.h"

#include <GeographicLib/Geocentric.hpp>
#include <cmath>

namespace corridor::geo {

glm::dvec3 toEcef(const LonLatAlt& p) {
  constexpr double e2 = kFlattening * (2.0 - kFlattening);
  const double lat = radians(p.lat), lon = radians(p.lon);
  const double sinLat = std::sin(lat), cosLat = std::cos(lat);
  const double n = kEquatorialRadius / std::sqrt(1.0 - e2 * sinLat * sinLat);
  return {(n + p.alt) * cosLat * std::cos(lon), (n + p.alt) * cosLat * std::sin(lon),
          (n * (1.0 - e2) + p.alt) * sinLat};
}

LonLatAlt fromEcef(const glm::dvec3& ecef) {
  LonLatAlt result;
  GeographicLib::Geocentric::WGS84().Reverse(ecef.x, ecef.y, ecef.z, result.lat, result.lon,
                                             result.alt);
  return result;
}

glm::dvec3 surfaceNormal(const LonLat& p) {
  const double lat = radians(p.lat), lon = radians(p.lon);
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

glm::dmat3 eastNorthUp(const LonLat& p) {
  const double lat = radians(p.lat), lon = radians(p.lon);
  const glm::dvec3 east{-std::sin(lon), std::cos(lon), 0.0};
  const glm::dvec3 north{-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon),
                         std::cos(lat)};
  return glm::dmat3(east, north, surfaceNormal(p));
}

}  // namespace corridor::geo
