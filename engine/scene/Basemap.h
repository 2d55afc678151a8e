#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <memory>
#include <vector>

#include "core/Image.h"
#include "geo/Types.h"

namespace corridor::scene {

enum class BasemapKind { Vector, Imagery };

struct LineStyle {
  glm::vec4 color{1.0f};
  float widthPixels = 1.0f;
};

// Paths on the ground drawn in one style. Paths are unwrapped and subdivided so that their
// segments follow the surface on the globe and never jump across the flat map.
struct SurfaceLines {
  std::vector<geo::Polyline> paths;
  LineStyle style;
};

// Everything static about the basemap, built once: land fill, outlines, graticule and imagery.
// Renderers cache GPU copies by `revision`, so build a new Basemap rather than mutating one.
struct Basemap {
  std::uint64_t revision = 0;
  geo::TriangleMesh land;  // from densifiedPolygons()
  SurfaceLines outlines;   // coastlines and borders
  SurfaceLines graticule;
  std::shared_ptr<const core::Image> dayImage;    // equirectangular, may be null
  std::shared_ptr<const core::Image> nightImage;  // equirectangular, may be null
};

struct BasemapInput {
  geo::TriangleMesh land;
  std::vector<geo::Polyline> outlines;
  std::shared_ptr<const core::Image> dayImage;
  std::shared_ptr<const core::Image> nightImage;
};

// Lines and polygon boundaries are split so their chords stay within ~60 m of the ellipsoid:
// an outline must sit on the coast it traces at port zoom. Triangle interiors need no split:
// neighbours share each chord, so the fill covers exactly the outline's projection.
inline constexpr double kSurfaceStepDegrees = 0.5;

// Polygons with rings densified to kSurfaceStepDegrees, ready for triangulation.
std::vector<geo::Polygon> densifiedPolygons(const std::vector<geo::Polygon>& polygons);

std::shared_ptr<const Basemap> buildBasemap(BasemapInput input);

// Appends a polygon ring as outlines, leaving out its edges along the 180 meridian and the
// poles: there datasets cut polygons that really continue, and no coast should be drawn.
void appendWithoutCuts(const geo::Polyline& ring, std::vector<geo::Polyline>& outlines);

// Meridians and parallels every stepDegrees (parallels stop short of the poles).
std::vector<geo::Polyline> graticuleLines(double stepDegrees);

}  // namespace corridor::scene
