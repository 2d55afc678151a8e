#pragma once
#include "geo/Types.h"

namespace corridor::geo {

// Into [-180, 180).
double normalizeLongitude(double lon);

// Rewrites longitudes so that consecutive points differ by at most 180 degrees: a path that
// crosses the antimeridian keeps going (179, 181, ...) instead of jumping to -179.
void unwrapLongitudes(Polyline& path);

}  // namespace corridor::geo
