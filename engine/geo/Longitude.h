#pragma once
#include "geo/Types.h"

namespace corridor::geo {

// Into [-180, 180).
double normalizeLongitude(double lon);

// Rewrites longitudes so that consecutive points differ by at most 180 degrees: a path that
// crosses the antimeridian keeps going (179, 181, ...) instead of jumping to -179.
void unwrapLongitudes(Polyline& path);

// Cuts an (unwrapped) path where it crosses the antimeridian into parts whose longitudes lie in
// [-180, 180], the points on the cut shared by both sides: the GIS convention (RFC 7946) for
// files that other tools will draw.
std::vector<Polyline> splitAtAntimeridian(const Polyline& path);

}  // namespace corridor::geo
