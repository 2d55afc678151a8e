#pragma once
#include <vulkan/vulkan.h>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "gpu/Buffer.h"
#include "gpu/Image.h"
#include "render/Passes.h"
#include "render/TileStreamer.h"
#include "scene/TileSelection.h"
#include "scene/Frame.h"

namespace corridor::gpu {
class Context;
}

namespace corridor::render {

// Counts since the pass was made: what frames wanted, and how the cache answered.
struct TileStats {
  std::uint64_t wanted = 0;    // tiles frames wanted to draw
  std::uint64_t hits = 0;      // of those, on the GPU at their own level
  std::uint64_t standIns = 0;  // drawn meanwhile from a coarser tile on the GPU
  std::uint64_t uploads = 0;
  std::uint64_t evictions = 0;
  std::size_t capacity = 0;     // tiles the atlas holds
  std::size_t atlasBytes = 0;   // its GPU memory: the budget once a raster is drawn, whatever its size
};

// Raster layers drawn from tiles (geo::TileGrid) in one GPU texture array of the budget's size, least
// recently used tiles evicted. A tile not yet on the GPU is asked of the TileStreamer and its
// nearest coarser tile on the GPU stands in until it arrives, so a frame never waits on I/O;
// recordings instead read what they lack before drawing (`waitForTiles`). The atlas takes its
// budget only when a frame first shows a raster: until then a two-tile stand-in keeps the
// descriptor valid, as most pictures and videos show none (on lavapipe the budget is host memory,
// half of a picture's peak).
class RasterPass {
 public:
  RasterPass(const PassSetup& setup, const gpu::Context& context, uint32_t framesInFlight,
             std::size_t budgetBytes);

  const gpu::Texture& atlas() const { return atlas_; }
  // Changes when the atlas is replaced (its first raster): descriptors naming it are stale.
  std::uint64_t atlasRevision() const { return atlasRevision_; }
  // Chooses the tiles of every raster in frame.layers, uploads those read, and writes the
  // slot's vertices. Call before the render pass begins and before binding the atlas: the first
  // frame with a raster waits for the device to idle and replaces the atlas.
  void prepare(const gpu::Context& context, uint32_t slotIndex, const scene::Frame& frame, bool waitForTiles);
  // Draws the tiles prepared for frame.layers[layerIndex].
  void record(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slotIndex, std::size_t layerIndex) const;
  const TileStats& stats() const { return stats_; }

 private:
  struct CacheKey {
    std::uint64_t layer = 0;
    geo::TileKey tile;
    bool operator==(const CacheKey&) const = default;
  };
  struct CacheKeyHash {
    std::size_t operator()(const CacheKey& key) const { return geo::TileKeyHash()(key.tile) ^ (key.layer * 0x9e3779b97f4a7c15ULL); }
  };
  struct Resident {
    int atlasLayer = -1;  // -1: the tile has no data, nothing to draw
    std::uint64_t lastUsed = 0;
  };
  struct Draw {
    std::int32_t firstVertex = 0;
    std::uint32_t atlasLayer = 0;
    float opacity = 1.0f;
    glm::dvec3 eye{0.0};
  };
  struct Slot {
    gpu::Buffer vertices;
    std::vector<std::vector<Draw>> draws;  // per entry of frame.layers
  };

  struct Wants {
    std::vector<std::vector<scene::VisibleTile>> selected;  // per entry of frame.layers
    std::vector<TileRequest> missing, previews;
  };

  Wants select(const scene::Frame& frame);
  void writeDraws(const gpu::Context& context, Slot& slot, const scene::Frame& frame,
                  const std::vector<std::vector<scene::VisibleTile>>& selected);
  Resident* find(std::uint64_t layer, const geo::TileKey& tile);
  // The tile itself or its nearest coarser tile with data on the GPU, marked as used.
  std::optional<std::pair<geo::TileKey, int>> drawable(std::uint64_t layer, const geo::TileKey& tile);
  void store(const gpu::Context& context, std::vector<LoadedTile> tiles);
  int freeAtlasLayer();
  void useAtlas(gpu::Texture atlas);

  gpu::Pipeline pipeline_;
  gpu::Buffer indices_;
  std::size_t budgetBytes_;
  gpu::Texture atlas_;
  std::uint64_t atlasRevision_ = 0;
  std::vector<std::optional<CacheKey>> atlasLayers_;
  std::unordered_map<CacheKey, Resident, CacheKeyHash> resident_;
  std::vector<Slot> slots_;
  TileStreamer streamer_;
  std::uint64_t frameNumber_ = 0;
  TileStats stats_;
};

}  // namespace corridor::render
