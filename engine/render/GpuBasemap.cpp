#include "render/GpuBasemap.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/Stopwatch.h"
#include "geo/Ellipsoid.h"
#include "gpu/Upload.h"
#include "render/FrameGlobals.h"

namespace corridor::render {
namespace {

// A device buffer of points as double-float pairs, written straight into the staging memory: a
// level of a port's coastline is 10^5 segments, and a vector of them first was one more copy.
template <class Position>
gpu::Buffer uploadSplitPositions(const gpu::Context& context, std::size_t count, Position position) {
  if (count == 0) return gpu::uploadBuffer(context, std::span<const float>{}, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
  constexpr std::size_t kFloats = 6;
  return gpu::uploadBuffer(context, count * kFloats * sizeof(float),
                           VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, [&](std::span<std::byte> bytes) {
                             auto* out = reinterpret_cast<float*>(bytes.data());
                             for (std::size_t i = 0; i < count; ++i, out += kFloats) {
                               const SplitVec3 p = splitDouble(position(i));
                               const float values[kFloats] = {p.high.x, p.high.y, p.high.z, p.low.x, p.low.y, p.low.z};
                               std::memcpy(out, values, sizeof values);
                             }
                           });
}

// The flat map's x range of every point of every level, known before any level is built.
struct MapRange {
  const geo::MapProjection& projection;
  double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();

  void add(const std::vector<geo::LonLat>& points) {
    for (const geo::LonLat& p : points) {
      const double x = projection.projectUnwrapped(p).x;
      low = std::min(low, x);
      high = std::max(high, x);
    }
  }
  void add(const std::vector<geo::LandLevel>& levels) {
    for (const geo::LandLevel& level : levels) add(level.mesh.vertices);
  }
  void add(const scene::SurfaceLines& lines) {
    for (const scene::LineLevel& level : lines.levels) {
      for (const geo::Polyline& path : level.paths) add(path);
    }
  }
};

template <class T, class Build>
const T& builtOnce(std::optional<T>& slot, Build build) {
  if (!slot) slot.emplace(build());
  return *slot;
}

}  // namespace

GpuGeometry::GpuGeometry(const gpu::Context& context, const scene::Basemap& basemap, scene::ViewMode mode)
    : context_(context),
      basemap_(basemap),
      mode_(mode),
      land_(basemap.land.size()),
      outlines_(basemap.outlines.levels.size()),
      graticule_(basemap.graticule.levels.size()) {
  for (const scene::VectorLayer& layer : basemap.layers) {
    layers_.push_back({FillSlots(layer.fill.size()), LineSlots(layer.lines.levels.size()), std::nullopt});
  }
  if (mode != scene::ViewMode::Map) return;
  MapRange range{projection_};
  range.add(basemap.land);
  range.add(basemap.outlines);
  range.add(basemap.graticule);
  for (const scene::VectorLayer& layer : basemap.layers) {
    range.add(layer.fill);
    range.add(layer.lines);
    range.add(layer.points);
  }
  mapRange_ = {range.low, range.high};
}

glm::dvec3 GpuGeometry::position(const geo::LonLat& p) const {
  return mode_ == scene::ViewMode::Globe ? geo::toEcef(p) : glm::dvec3(projection_.projectUnwrapped(p), 0.0);
}

GpuLand GpuGeometry::buildFill(const geo::LandLevel& level) const {
  core::Stopwatch stopwatch;
  const auto& vertices = level.mesh.vertices;
  scene::ChunkedTriangles chunked = scene::chunkTriangles(level.mesh);
  GpuLand fill{uploadSplitPositions(context_, vertices.size(), [&](std::size_t i) { return position(vertices[i]); }),
               gpu::uploadBuffer(context_, std::span<const uint32_t>(chunked.indices),
                                 VK_BUFFER_USAGE_INDEX_BUFFER_BIT),
               std::move(chunked.chunks)};
  stopwatch.lap(describe("fill", level.mesh.vertices.size(), "vertices"));
  return fill;
}

GpuSegments GpuGeometry::buildSegments(const scene::LineLevel& level) const {
  core::Stopwatch stopwatch;
  scene::ChunkedSegments chunked = scene::chunkSegments(level.paths);
  const auto& points = chunked.points;
  GpuSegments segments{uploadSplitPositions(context_, points.size(), [&](std::size_t i) { return position(points[i]); }),
                       std::move(chunked.chunks)};
  stopwatch.lap(describe("lines", chunked.points.size() / 2, "segments"));
  return segments;
}

// For the log: building a level is the pause a frame takes when it first draws it.
std::string GpuGeometry::describe(const char* what, std::size_t count, const char* unit) const {
  return std::string(mode_ == scene::ViewMode::Globe ? "globe " : "map ") + what + ", a level of " +
         std::to_string(count) + " " + unit;
}

const GpuLand& GpuGeometry::fillLevel(FillSlots& slots, const std::vector<geo::LandLevel>& levels, std::size_t level) {
  return builtOnce(slots.at(level), [&] { return buildFill(levels.at(level)); });
}

const GpuSegments& GpuGeometry::lineLevel(LineSlots& slots, const scene::SurfaceLines& lines, std::size_t level) {
  return builtOnce(slots.at(level), [&] { return buildSegments(lines.levels.at(level)); });
}

const GpuLand& GpuGeometry::land(std::size_t level) { return fillLevel(land_, basemap_.land, level); }

const GpuSegments& GpuGeometry::outlines(std::size_t level) { return lineLevel(outlines_, basemap_.outlines, level); }

const GpuSegments& GpuGeometry::graticule(std::size_t level) {
  return lineLevel(graticule_, basemap_.graticule, level);
}

const GpuLand& GpuGeometry::layerFill(std::size_t layer, std::size_t level) {
  return fillLevel(layers_.at(layer).fill, basemap_.layers.at(layer).fill, level);
}

const GpuSegments& GpuGeometry::layerLines(std::size_t layer, std::size_t level) {
  return lineLevel(layers_.at(layer).lines, basemap_.layers.at(layer).lines, level);
}

const gpu::Buffer& GpuGeometry::layerPoints(std::size_t layer) {
  return builtOnce(layers_.at(layer).points, [&] {
    const auto& points = basemap_.layers.at(layer).points;
    return uploadSplitPositions(context_, points.size(), [&](std::size_t i) { return position(points[i]); });
  });
}

void GpuGeometry::buildEveryLevel() {
  const auto allFill = [&](FillSlots& slots, const std::vector<geo::LandLevel>& levels) {
    for (std::size_t level = 0; level < slots.size(); ++level) fillLevel(slots, levels, level);
  };
  const auto allLines = [&](LineSlots& slots, const scene::SurfaceLines& lines) {
    for (std::size_t level = 0; level < slots.size(); ++level) lineLevel(slots, lines, level);
  };
  allFill(land_, basemap_.land);
  allLines(outlines_, basemap_.outlines);
  allLines(graticule_, basemap_.graticule);
  for (std::size_t layer = 0; layer < layers_.size(); ++layer) {
    allFill(layers_[layer].fill, basemap_.layers[layer].fill);
    allLines(layers_[layer].lines, basemap_.layers[layer].lines);
    layerPoints(layer);
  }
}

std::size_t GpuGeometry::levelsBuilt() const {
  const auto built = [](const auto& levels) {
    return std::size_t(std::count_if(levels.begin(), levels.end(), [](const auto& slot) { return slot.has_value(); }));
  };
  std::size_t count = built(land_) + built(outlines_) + built(graticule_);
  for (const Layer& layer : layers_) count += built(layer.fill) + built(layer.lines);
  return count;
}

GpuBasemap::GpuBasemap(const gpu::Context& context, const scene::Basemap& basemap, GroundLevels levels)
    : context_(context), basemap_(basemap), revision_(basemap.revision), levels_(levels) {
  if (basemap.dayImage) day_ = gpu::uploadTexture(context, *basemap.dayImage);
  if (basemap.nightImage) night_ = gpu::uploadTexture(context, *basemap.nightImage);
}

GpuGeometry& GpuBasemap::geometry(scene::ViewMode mode) {
  auto& slot = mode == scene::ViewMode::Globe ? globe_ : map_;
  if (!slot) {
    slot.emplace(context_, basemap_, mode);
    if (levels_ == GroundLevels::AllAtOnce) slot->buildEveryLevel();
  }
  return *slot;
}

}  // namespace corridor::render
