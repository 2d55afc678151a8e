#include "io/LandGeometry.h"

#include "geo/Subdivide.h"
#include "io/Triangulate.h"

namespace corridor::io {

namespace {

// Rings simplified to the tolerance (a ring that collapses below a triangle is dropped, and a
// polygon with it), then densified so the fill follows the surface.
std::vector<geo::Polygon> preparedPolygons(const std::vector<geo::Polygon>& polygons,
                                           double tolerance) {
  auto prepare = [&](const geo::Polyline& ring) {
    return geo::densify(tolerance > 0 ? geo::simplify(ring, tolerance) : ring,
                        geo::kSurfaceStepDegrees);
  };
  std::vector<geo::Polygon> result;
  result.reserve(polygons.size());
  for (const auto& polygon : polygons) {
    geo::Polygon prepared{prepare(polygon.outer), {}};
    if (prepared.outer.size() < 4) continue;
    for (const auto& hole : polygon.holes) {
      geo::Polyline ring = prepare(hole);
      if (ring.size() >= 4) prepared.holes.push_back(std::move(ring));
    }
    result.push_back(std::move(prepared));
  }
  return result;
}

}  // namespace

core::Result<geo::LandGeometry> landGeometry(const VectorData& data) {
  geo::LandGeometry geometry;
  for (const double tolerance : geo::kDetailLevels) {
    auto triangulation = triangulatePolygons(preparedPolygons(data.polygons, tolerance));
    if (!triangulation) return std::unexpected(triangulation.error());
    geometry.land.push_back({tolerance, std::move(triangulation->mesh)});
  }
  geometry.outlines = data.lines;
  for (const auto& polygon : data.polygons) {
    geo::appendRingOutlines(polygon.outer, geometry.outlines, data.seams);
    for (const auto& hole : polygon.holes) geo::appendRingOutlines(hole, geometry.outlines, data.seams);
  }
  return geometry;
}

}  // namespace corridor::io
