#pragma once
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"

namespace corridor::io {

// Constrained Delaunay triangulation (GEOS) of polygons with holes, in lon/lat.
// Invalid polygons are repaired (GEOS MakeValid) first; ones that cannot be are counted.
struct Triangulation {
  geo::TriangleMesh mesh;
  std::size_t failedPolygons = 0;
};
core::Result<Triangulation> triangulatePolygons(const std::vector<geo::Polygon>& polygons);

}  // namespace corridor::io
