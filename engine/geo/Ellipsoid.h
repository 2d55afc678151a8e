#pragma once
#include <glm/glm.hpp>

#include "geo/Types.h"

namespace corridor::geo {

// WGS84 defining constants (NIMA TR8350.2).
inline constexpr double kEquatorialRadius = 6378137.0;
inline constexpr double kFlattening = 1.0 / 298.257223563;
inline constexpr double kPolarRadius = kEquatorialRadius * (1.0 - kFlattening);
inline constexpr double kPi = 3.14159265358979323846;

inline constexpr double radians(double degrees) { return degrees * kPi / 180.0; }
inline constexpr double degrees(double radians) { return radians * 180.0 / kPi; }

// Earth-centred, Earth-fixed metres.
glm::dvec3 toEcef(const LonLatAlt& p);
inline glm::dvec3 toEcef(const LonLat& p) { return toEcef(LonLatAlt{p.lon, p.lat, 0.0}); }
LonLatAlt fromEcef(const glm::dvec3& ecef);

// Unit normal of the ellipsoid at a geodetic position, and the local east/north/up frame
// (columns east, north, up).
glm::dvec3 surfaceNormal(const LonLat& p);
glm::dmat3 eastNorthUp(const LonLat& p);

}  // namespace corridor::geo
