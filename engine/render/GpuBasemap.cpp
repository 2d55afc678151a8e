#include "render/GpuBasemap.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "core/Stopwatch.h"
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

std::vector<GpuSegments> segmentBuffers(const gpu::Context& context,
                                        const scene::SurfaceLines& lines, Positioner& position) {
  std::vector<GpuSegments> levels;
  for (const scene::LineLevel& level : lines.levels) {
    scene::ChunkedSegments chunked = scene::chunkSegments(level.paths);
    std::vector<float> data;
    data.reserve(chunked.points.size() * 6);
    for (const auto& point : chunked.points) appendSplit(data, position(point));
    levels.push_back({gpu::uploadBuffer(context, std::span<const float>(data),
                                        VK_BUFFER_USAGE_VERTEX_BUFFER_BIT),
                      std::move(chunked.chunks)});
  }
  return levels;
}

std::vector<GpuLand> fillBuffers(const gpu::Context& context, const std::vector<geo::LandLevel>& levels,
                                 Positioner& position) {
  std::vector<GpuLand> fill;
  for (const geo::LandLevel& level : levels) {
    std::vector<float> vertices;
    vertices.reserve(level.mesh.vertices.size() * 6);
    for (const auto& vertex : level.mesh.vertices) appendSplit(vertices, position(vertex));
    scene::ChunkedTriangles chunked = scene::chunkTriangles(level.mesh);
    fill.push_back(
        {gpu::uploadBuffer(context, std::span<const float>(vertices), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT),
         gpu::uploadBuffer(context, std::span<const uint32_t>(chunked.indices),
                           VK_BUFFER_USAGE_INDEX_BUFFER_BIT),
         std::move(chunked.chunks)});
  }
  return fill;
}

GpuGeometry buildGeometry(const gpu::Context& context, const scene::Basemap& basemap,
                          scene::ViewMode mode) {
  Positioner position{mode, {}};
  GpuGeometry geometry;
  geometry.land = fillBuffers(context, basemap.land, position);
  geometry.outlines = segmentBuffers(context, basemap.outlines, position);
  geometry.graticule = segmentBuffers(context, basemap.graticule, position);
  for (const scene::VectorLayer& layer : basemap.layers) {
    std::vector<float> points;
    for (const geo::LonLat& point : layer.points) appendSplit(points, position(point));
    geometry.layers.push_back({fillBuffers(context, layer.fill, position), segmentBuffers(context, layer.lines, position),
                               gpu::uploadBuffer(context, std::span<const float>(points), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT)});
  }
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
  if (!slot) {
    core::Stopwatch stopwatch;
    slot = buildGeometry(context_, basemap_, mode);
    stopwatch.lap(mode == scene::ViewMode::Globe ? "prepare globe geometry" : "prepare map geometry");
  }
  return *slot;
}

}  // namespace corridor::render
