#include "io/LandGeometry.h"

#include "geo/Subdivide.h"
#include "io/Triangulate.h"

namespace corridor::io {

core::Result<geo::LandGeometry> landGeometry(const VectorData& data) {
  std::vector<geo::Polygon> dense;
  dense.reserve(data.polygons.size());
  for (const auto& polygon : data.polygons) {
    dense.push_back(geo::densify(polygon, geo::kSurfaceStepDegrees));
  }
  auto triangulation = triangulatePolygons(dense);
  if (!triangulation) return std::unexpected(triangulation.error());

  geo::LandGeometry geometry;
  geometry.land = std::move(triangulation->mesh);
  geometry.outlines = data.lines;
  for (const auto& polygon : data.polygons) {
    geo::appendRingOutlines(polygon.outer, geometry.outlines);
    for (const auto& hole : polygon.holes) geo::appendRingOutlines(hole, geometry.outlines);
  }
  return geometry;
}

}  // namespace corridor::io
