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

std::unique_ptr<OGRPolygon> toOgrPolygon(const geo::Polygon& polygon);

}  // namespace corridor::io
