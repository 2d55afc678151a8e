#pragma once
#include "geo/Types.h"

namespace corridor::geo {

// Geodesics on the WGS84 ellipsoid (GeographicLib, Karney 2013).
double geodesicDistanceMeters(const LonLat& from, const LonLat& to);

// The point a fraction f of the way along the geodesic from -> to.
LonLat geodesicInterpolate(const LonLat& from, const LonLat& to, double fraction);

// Points along the geodesic, no step longer than maxStepMeters, ends included. Longitudes are
// unwrapped (continuous across 180 degrees) so consecutive points never jump by 360.
Polyline geodesicPath(const LonLat& from, const LonLat& to, double maxStepMeters);

inline constexpr double kMetersPerNauticalMile = 1852.0;

}  // namespace corridor::geo
