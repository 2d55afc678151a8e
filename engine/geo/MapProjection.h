#pragma once
#include <glm/glm.hpp>

#include "geo/Ellipsoid.h"
#include "geo/Types.h"

namespace corridor::geo {

// The flat map: plate carree in metres at the equator, x measured east of a central meridian.
// The default central meridian (180) centres the map on the Pacific, so trans-Pacific routes
// lie in the middle of the map and the seam falls on Greenwich.
struct MapProjection {
  double centralMeridian = 180.0;

  static constexpr double kMetersPerDegree = kEquatorialRadius * kPi / 180.0;
  static constexpr double kWorldWidth = 360.0 * kMetersPerDegree;

  // x in [-kWorldWidth/2, kWorldWidth/2).
  glm::dvec2 project(const LonLat& p) const;
  // Without wrapping: continuous for unwrapped paths; copies of the world lie kWorldWidth apart.
  glm::dvec2 projectUnwrapped(const LonLat& p) const;
  LonLat unproject(const glm::dvec2& xy) const;
};

}  // namespace corridor::geo
