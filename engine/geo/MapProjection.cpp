#include "geo/MapProjection.h"

#include "geo/Longitude.h"

namespace corridor::geo {

glm::dvec2 MapProjection::project(const LonLat& p) const {
  return {normalizeLongitude(p.lon - centralMeridian) * kMetersPerDegree,
          p.lat * kMetersPerDegree};
}

glm::dvec2 MapProjection::projectUnwrapped(const LonLat& p) const {
  return {(p.lon - centralMeridian) * kMetersPerDegree, p.lat * kMetersPerDegree};
}

LonLat MapProjection::unproject(const glm::dvec2& xy) const {
  return {normalizeLongitude(xy.x / kMetersPerDegree + centralMeridian), xy.y / kMetersPerDegree};
}

}  // namespace corridor::geo
