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
  geo::TriangleMesh land;
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

std::shared_ptr<const Basemap> buildBasemap(BasemapInput input);

// Meridians and parallels every stepDegrees (parallels stop short of the poles).
std::vector<geo::Polyline> graticuleLines(double stepDegrees);

}  // namespace corridor::scene
