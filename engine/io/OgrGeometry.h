#pragma once
// Private to engine/io: OGR geometries to and from the geo types.
#include <ogr_geometry.h>

#include <memory>

#include "geo/Types.h"
#include "io/VectorReader.h"

namespace corridor::io {

// Adds the polygons and lines (and points when `withPoints`) of a geometry (recursing into
// collections, linearising curves); returns whether anything usable was found.
bool collect(const OGRGeometry& geometry, VectorData& out, bool withPoints = false);

// The first coordinate (in WGS84) that is not finite or lies outside -180..360 / -90..90, as
// "ring 2, point 5: longitude 1e+07 is outside -180..360" (parts and rings numbered from 1; a
// polygon's first ring is its outer ring); empty when every coordinate is fine.
std::string badCoordinate(const OGRGeometry& geometry);

std::unique_ptr<OGRPolygon> toOgrPolygon(const geo::Polygon& polygon);

}  // namespace corridor::io
