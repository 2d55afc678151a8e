#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/MapProjection.h"
#include "gpu/Buffer.h"
#include "gpu/Image.h"
#include "scene/Basemap.h"
#include "scene/SurfaceChunks.h"
#include "scene/View.h"

namespace corridor::gpu {
class Context;
}

namespace corridor::render {

// Segment instances (two double-float positions each) grouped into culling chunks.
struct GpuSegments {
  gpu::Buffer instances;
  std::vector<scene::Chunk> chunks;
};

// Land triangles of one level of detail, indices grouped into culling chunks.
struct GpuLand {
  gpu::Buffer vertices, indices;
  std::vector<scene::Chunk> chunks;  // ranges of indices
};

// Ground geometry in one view's coordinates (ECEF on the globe, map metres on the flat map) as
// double-float pairs grouped into chunks the renderer can skip, a level of detail built when a
// frame first draws it: a picture of the ocean never builds its finest coastline, three quarters
// of the basemap's points (a fifth of a second on lavapipe, 30-40 MB).
class GpuGeometry {
 public:
  GpuGeometry(const gpu::Context& context, const scene::Basemap& basemap, scene::ViewMode mode);

  const GpuLand& land(std::size_t level);
  const GpuSegments& outlines(std::size_t level);
  const GpuSegments& graticule(std::size_t level);
  // Of basemap.layers[layer].
  const GpuLand& layerFill(std::size_t layer, std::size_t level);
  const GpuSegments& layerLines(std::size_t layer, std::size_t level);
  const gpu::Buffer& layerPoints(std::size_t layer);
  // Every level at once: what a window does, so that zooming in later never waits for one.
  void buildEveryLevel();
  // How many levels of detail (of the land, the lines and the layers) are on the GPU.
  std::size_t levelsBuilt() const;
  // The x range of all levels on the flat map, where the world's copies go (zero on the globe).
  glm::dvec2 mapRange() const { return mapRange_; }

 private:
  glm::dvec3 position(const geo::LonLat& p) const;
  GpuLand buildFill(const geo::LandLevel& level) const;
  GpuSegments buildSegments(const scene::LineLevel& level) const;
  std::string describe(const char* what, std::size_t count, const char* unit) const;
  // A level's GPU copy, built on first use; one slot a level.
  using FillSlots = std::vector<std::optional<GpuLand>>;
  using LineSlots = std::vector<std::optional<GpuSegments>>;
  const GpuLand& fillLevel(FillSlots& slots, const std::vector<geo::LandLevel>& levels, std::size_t level);
  const GpuSegments& lineLevel(LineSlots& slots, const scene::SurfaceLines& lines, std::size_t level);

  struct Layer {
    FillSlots fill;
    LineSlots lines;
    std::optional<gpu::Buffer> points;
  };
  const gpu::Context& context_;
  const scene::Basemap& basemap_;
  scene::ViewMode mode_;
  geo::MapProjection projection_;
  FillSlots land_;
  LineSlots outlines_, graticule_;
  std::vector<Layer> layers_;
  glm::dvec2 mapRange_{0.0};
};

// When a view mode's ground geometry is built: a level of detail at a time as frames first draw
// it (pictures and videos: only what they show), or every level with the first frame (a
// window: the finest coastline costs a pause of a fifth of a second on lavapipe, which a
// camera flying into a port would show).
enum class GroundLevels { WhenDrawn, AllAtOnce };

// The GPU copy of a scene::Basemap: textures at once, each view mode's geometry when a frame
// first draws in that mode, its levels as `GroundLevels` says.
class GpuBasemap {
 public:
  GpuBasemap(const gpu::Context& context, const scene::Basemap& basemap, GroundLevels levels);

  std::uint64_t revision() const { return revision_; }
  GpuGeometry& geometry(scene::ViewMode mode);
  const gpu::Texture* dayTexture() const { return day_ ? &*day_ : nullptr; }
  const gpu::Texture* nightTexture() const { return night_ ? &*night_ : nullptr; }

 private:
  const gpu::Context& context_;
  const scene::Basemap& basemap_;
  std::uint64_t revision_;
  GroundLevels levels_;
  std::optional<GpuGeometry> globe_, map_;
  std::optional<gpu::Texture> day_, night_;
};

}  // namespace corridor::render
