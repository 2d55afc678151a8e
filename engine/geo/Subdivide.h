#pragma once
#include <functional>
#include <span>

#include "geo/Types.h"

namespace corridor::geo {

// Levels of detail of the basemap, in degrees of simplification: from the full data down to
// what a whole-globe view needs, four times apart. Lines and fills use the same levels so the
// fill always meets its outline.
inline constexpr double kDetailLevels[] = {0.0, 0.02, 0.08, 0.3};

// Lines and polygon boundaries are split so their chords stay within ~60 m of the ellipsoid:
// an outline must sit on the coast it traces at port zoom. Triangle interiors need no split:
// neighbouring triangles share each chord, so a fill covers exactly its outline's projection.
inline constexpr double kSurfaceStepDegrees = 0.5;

// Straight edges in lon/lat (the GIS meaning of an EPSG:4326 edge) become chords when drawn on
// the globe; these split them so no edge spans more than maxStepDegrees and the chords stay
// within tens of metres of the surface (0.5 degree -> ~60 m).

// Unwraps longitudes (so a line crossing 180 continues instead of jumping), then densifies.
Polyline subdividePolyline(const Polyline& path, double maxStepDegrees);

// Inserts points linearly in lon/lat without unwrapping: for polygon rings, whose vertices
// at +-180 are deliberate cuts.
Polyline densify(const Polyline& path, double maxStepDegrees);
Polygon densify(const Polygon& polygon, double maxStepDegrees);

// Douglas-Peucker in lon/lat: drops points closer than toleranceDegrees to the simplified
// line; the ends always stay.
Polyline simplify(const Polyline& path, double toleranceDegrees);

// Douglas-Peucker over `count` points, the distance measure given: distance(i, first, last) is
// point i's distance from the chord first-last. Returns which points to keep (both ends kept).
std::vector<bool> douglasPeucker(std::size_t count, double tolerance,
                                 const std::function<double(std::size_t, std::size_t, std::size_t)>& distance);

// Which points of a path to keep when it is drawn as straight 3D chords (ECEF) between the
// kept ones: each dropped point lies within toleranceMeters of its chord, the chord's sag
// under the surface included (Douglas-Peucker; both ends kept).
std::vector<bool> chordPoints(const Polyline& path, double toleranceMeters);

// Appends a polygon ring as outlines, leaving out its edges along the 180 meridian and the
// poles, and along the sides of the `seams` (where two datasets meet): there polygons are cut
// that really continue, and no coast should be drawn.
void appendRingOutlines(const Polyline& ring, std::vector<Polyline>& outlines,
                        std::span<const LonLatBox> seams = {});

}  // namespace corridor::geo
