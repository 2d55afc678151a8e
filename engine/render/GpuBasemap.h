#pragma once
#include <cstdint>
#include <optional>

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

// A vector layer's fill (one GpuLand a level of detail) and lines.
struct GpuLayer {
  std::vector<GpuLand> fill;
  std::vector<GpuSegments> lines;
  gpu::Buffer points;  // one double-float position each
};

// Ground geometry in one view's coordinates (ECEF on the globe, map metres on the flat map),
// as double-float pairs grouped into chunks the renderer can skip, with the x range the flat
// map needs to place the world's copies. One entry per level of detail.
struct GpuGeometry {
  std::vector<GpuLand> land;
  std::vector<GpuSegments> outlines, graticule;
  std::vector<GpuLayer> layers;  // as scene::Basemap::layers
  double minX = 0, maxX = 0;
};

// The GPU copy of a scene::Basemap: textures at once, geometry per view mode on first use.
class GpuBasemap {
 public:
  GpuBasemap(const gpu::Context& context, const scene::Basemap& basemap);

  std::uint64_t revision() const { return revision_; }
  const GpuGeometry& geometry(scene::ViewMode mode);
  const gpu::Texture* dayTexture() const { return day_ ? &*day_ : nullptr; }
  const gpu::Texture* nightTexture() const { return night_ ? &*night_ : nullptr; }

 private:
  const gpu::Context& context_;
  const scene::Basemap& basemap_;
  std::uint64_t revision_;
  std::optional<GpuGeometry> globe_, map_;
  std::optional<gpu::Texture> day_, night_;
};

}  // namespace corridor::render
