#pragma once
#include "geo/Types.h"

namespace corridor::geo {

// Straight edges in lon/lat (the GIS meaning of an EPSG:4326 edge) become chords when drawn on
// the globe; these split them so no edge spans more than maxStepDegrees and the chords stay
// within tens of metres of the surface (0.5 degree -> ~60 m).

// Unwraps longitudes (so a line crossing 180 continues instead of jumping), then densifies.
Polyline subdividePolyline(const Polyline& path, double maxStepDegrees);

// Inserts points linearly in lon/lat without unwrapping: for polygon rings, whose vertices
// at +-180 are deliberate cuts.
Polyline densify(const Polyline& path, double maxStepDegrees);

}  // namespace corridor::geo
