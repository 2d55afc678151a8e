#include "render/GpuBasemap.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "geo/Ellipsoid.h"
#include "gpu/Upload.h"
#include "render/FrameGlobals.h"

namespace corridor::render {
namespace {

struct Positioner {
  scene::ViewMode mode;
  geo::MapProjection projection;
  double minX = std::numeric_limits<double>::max();
  double maxX = std::numeric_limits<double>::lowest();

  SplitVec3 operator()(const geo::LonLat& p) {
    glm::dvec3 position;
    if (mode == scene::ViewMode::Globe) {
      position = geo::toEcef(p);
    } else {
      position = glm::dvec3(projection.projectUnwrapped(p), 0.0);
      minX = std::min(minX, position.x);
      maxX = std::max(maxX, position.x);
    }
    return splitDouble(position);
  }
};

void appendSplit(std::vector<float>& out, const SplitVec3& p) {
  out.insert(out.end(), {p.high.x, p.high.y, p.high.z, p.low.x, p.low.y, p.low.z});
}

gpu::Buffer segmentBuffer(const gpu::Context& context, const scene::SurfaceLines& lines,
                          Positioner& position, uint32_t& count) {
  std::vector<float> data;
  for (const auto& path : lines.paths) {
    for (std::size_t i = 1; i < path.size(); ++i) {
      appendSplit(data, position(path[i - 1]));
      appendSplit(data, position(path[i]));
    }
  }
  count = static_cast<uint32_t>(data.size() / 12);
  return gpu::uploadBuffer(context, std::span<const float>(data), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
}

GpuGeometry buildGeometry(const gpu::Context& context, const scene::Basemap& basemap,
                          scene::ViewMode mode) {
  Positioner position{mode, {}};
  GpuGeometry geometry;
  std::vector<float> vertices;
  vertices.reserve(basemap.land.vertices.size() * 6);
  for (const auto& vertex : basemap.land.vertices) appendSplit(vertices, position(vertex));
  geometry.landVertices =
      gpu::uploadBuffer(context, std::span<const float>(vertices), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
  geometry.landIndices = gpu::uploadBuffer(context, std::span(basemap.land.indices),
                                           VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
  geometry.landIndexCount = static_cast<uint32_t>(basemap.land.indices.size());
  geometry.outlineSegments =
      segmentBuffer(context, basemap.outlines, position, geometry.outlineCount);
  geometry.graticuleSegments =
      segmentBuffer(context, basemap.graticule, position, geometry.graticuleCount);
  geometry.minX = position.minX;
  geometry.maxX = position.maxX;
  return geometry;
}

}  // namespace

GpuBasemap::GpuBasemap(const gpu::Context& context, const scene::Basemap& basemap)
    : context_(context), basemap_(basemap), revision_(basemap.revision) {
  if (basemap.dayImage) day_ = gpu::uploadTexture(context, *basemap.dayImage);
  if (basemap.nightImage) night_ = gpu::uploadTexture(context, *basemap.nightImage);
}

const GpuGeometry& GpuBasemap::geometry(scene::ViewMode mode) {
  auto& slot = mode == scene::ViewMode::Globe ? globe_ : map_;
  if (!slot) slot = buildGeometry(context_, basemap_, mode);
  return *slot;
}

}  // namespace corridor::render
