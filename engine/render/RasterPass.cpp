#include "render/RasterPass.h"

#include <algorithm>
#include <cstring>
#include <future>

#include "gpu/Context.h"
#include "gpu/Upload.h"
#include "render/InstanceData.h"
#include "scene/TileSelection.h"

namespace corridor::render {
namespace {

constexpr int kGridSteps = 16;  // quads along a tile's side: enough to follow the globe's curve
constexpr uint32_t kGridVertices = (kGridSteps + 1) * (kGridSteps + 1);
constexpr uint32_t kGridIndices = kGridSteps * kGridSteps * 6;
constexpr std::size_t kTileBytes = std::size_t(geo::kTileImageSize) * geo::kTileImageSize * 4;
constexpr std::size_t kUploadsPerFrame = 8;  // bounds a frame's upload work while tiles stream in
constexpr uint32_t kVertexFloats = 8;        // position as a double-float pair, texture u, v

std::vector<std::uint16_t> gridIndices() {
  std::vector<std::uint16_t> indices;
  indices.reserve(kGridIndices);
  for (int row = 0; row < kGridSteps; ++row) {
    for (int column = 0; column < kGridSteps; ++column) {
      const auto corner = std::uint16_t(row * (kGridSteps + 1) + column);
      const auto below = std::uint16_t(corner + kGridSteps + 1);
      indices.insert(indices.end(), {corner, std::uint16_t(corner + 1), below, std::uint16_t(corner + 1),
                                     std::uint16_t(below + 1), below});
    }
  }
  return indices;
}

// Tiles an atlas of the budget holds (at least two: a texture array of one layer is not an array).
uint32_t atlasLayersFor(const gpu::Context& context, std::size_t budgetBytes) {
  const uint32_t limit = context.deviceInfo().properties().limits.maxImageArrayLayers;
  return std::clamp<uint32_t>(uint32_t(budgetBytes / kTileBytes), 2, limit);
}

gpu::Texture makeAtlas(const gpu::Context& context, std::size_t budgetBytes) {
  gpu::ImageSpec spec;
  spec.extent = {uint32_t(geo::kTileImageSize), uint32_t(geo::kTileImageSize)};
  spec.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  spec.layers = atlasLayersFor(context, budgetBytes);
  gpu::Image image(context, spec);
  context.submitNow([&](VkCommandBuffer cmd) {
    gpu::transitionImage(cmd, image.handle(), VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
  });
  return gpu::Texture(context, std::move(image));
}

bool transparent(const core::Image& image) {
  for (std::size_t i = 3; i < image.pixels.size(); i += 4) {
    if (image.pixels[i] != 0) return false;
  }
  return true;
}

// Vertices of `tile` (clipped to the raster's extent) sampling the atlas tile `source`, which
// is the tile itself or a coarser one that contains it.
void putTileVertices(std::vector<float>& out, GroundPlacer& placer, const geo::LonLatBox& extent,
                     const geo::TileKey& tile, const geo::TileKey& source) {
  const geo::LonLatBox bounds = geo::tileBounds(tile), from = geo::tileBounds(source);
  const double west = std::max(bounds.west, extent.west), east = std::min(bounds.east, extent.east);
  const double south = std::max(bounds.south, extent.south), north = std::min(bounds.north, extent.north);
  const double size = from.east - from.west, pixels = double(geo::kTileImageSize);
  for (int row = 0; row <= kGridSteps; ++row) {
    const double lat = north + (south - north) * row / kGridSteps;
    for (int column = 0; column <= kGridSteps; ++column) {
      const double lon = west + (east - west) * column / kGridSteps;
      placer.put(out, geo::LonLat{lon, lat});
      out.push_back(float(((lon - from.west) / size * geo::kTileSize + geo::kTileGutter) / pixels));
      out.push_back(float(((from.north - lat) / size * geo::kTileSize + geo::kTileGutter) / pixels));
    }
  }
}

// Reads every tile now, on two threads (a raster serves two readers at once).
std::vector<LoadedTile> readAll(const std::vector<TileRequest>& requests) {
  std::vector<LoadedTile> read(requests.size());
  auto readEvery = [&](std::size_t first) {
    for (std::size_t i = first; i < requests.size(); i += 2) read[i] = TileStreamer::readNow(requests[i]);
  };
  auto other = std::async(std::launch::async, readEvery, 1);
  readEvery(0);
  other.get();
  return read;
}

}  // namespace

RasterPass::RasterPass(const PassSetup& setup, const gpu::Context& context, uint32_t framesInFlight,
                       std::size_t budgetBytes)
    : pipeline_(blendedPipeline(setup, "raster.vert", "raster.frag", kVertexFloats * sizeof(float),
                                VK_VERTEX_INPUT_RATE_VERTEX,
                                {{0, VK_FORMAT_R32G32B32_SFLOAT},
                                 {3 * sizeof(float), VK_FORMAT_R32G32B32_SFLOAT},
                                 {6 * sizeof(float), VK_FORMAT_R32G32_SFLOAT}})),
      indices_(gpu::uploadBuffer(context, std::span<const std::uint16_t>(gridIndices()), VK_BUFFER_USAGE_INDEX_BUFFER_BIT)),
      budgetBytes_(budgetBytes),
      slots_(framesInFlight) {
  useAtlas(makeAtlas(context, 0));
}

void RasterPass::useAtlas(gpu::Texture atlas) {
  atlas_ = std::move(atlas);
  ++atlasRevision_;
  atlasLayers_.assign(atlas_.layers(), std::nullopt);
  std::erase_if(resident_, [](const auto& entry) { return entry.second.atlasLayer >= 0; });
  stats_.capacity = atlasLayers_.size();
  stats_.atlasBytes = atlasLayers_.size() * kTileBytes;
}

RasterPass::Resident* RasterPass::find(std::uint64_t layer, const geo::TileKey& tile) {
  const auto it = resident_.find({layer, tile});
  return it == resident_.end() ? nullptr : &it->second;
}

std::optional<std::pair<geo::TileKey, int>> RasterPass::drawable(std::uint64_t layer, const geo::TileKey& tile) {
  for (geo::TileKey key = tile; key.level >= 0; key = geo::parentTile(key)) {
    Resident* resident = find(layer, key);
    if (!resident) continue;
    resident->lastUsed = frameNumber_;
    if (resident->atlasLayer < 0) return std::nullopt;  // no data here, nor in its children
    return std::pair{key, resident->atlasLayer};
  }
  return std::nullopt;
}

int RasterPass::freeAtlasLayer() {
  int oldest = -1;
  std::uint64_t oldestUse = frameNumber_;
  for (std::size_t i = 0; i < atlasLayers_.size(); ++i) {
    if (!atlasLayers_[i]) return int(i);
    const std::uint64_t used = resident_.at(*atlasLayers_[i]).lastUsed;
    if (used < oldestUse) {
      oldestUse = used;
      oldest = int(i);
    }
  }
  if (oldest >= 0) {
    resident_.erase(*atlasLayers_[oldest]);
    atlasLayers_[oldest].reset();
    ++stats_.evictions;
  }
  return oldest;  // -1: every tile is in use by this frame
}

void RasterPass::store(const gpu::Context& context, std::vector<LoadedTile> tiles) {
  std::vector<std::pair<int, const core::Image*>> uploads;
  for (LoadedTile& tile : tiles) {
    const CacheKey key{tile.layer, tile.key};
    if (resident_.contains(key)) continue;
    if (!tile.image || transparent(*tile.image)) {
      resident_[key] = {-1, frameNumber_};
      continue;
    }
    const int layer = freeAtlasLayer();
    if (layer < 0) break;
    atlasLayers_[layer] = key;
    resident_[key] = {layer, frameNumber_};
    uploads.push_back({layer, &*tile.image});
  }
  if (uploads.empty()) return;
  gpu::Buffer staging(context, uploads.size() * kTileBytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                      VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  std::vector<VkBufferImageCopy> regions;
  for (std::size_t i = 0; i < uploads.size(); ++i) {
    std::memcpy(static_cast<std::byte*>(staging.mapped()) + i * kTileBytes, uploads[i].second->pixels.data(), kTileBytes);
    VkBufferImageCopy region{};
    region.bufferOffset = i * kTileBytes;
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, uint32_t(uploads[i].first), 1};
    region.imageExtent = {uint32_t(geo::kTileImageSize), uint32_t(geo::kTileImageSize), 1};
    regions.push_back(region);
  }
  context.submitNow([&](VkCommandBuffer cmd) {
    gpu::transitionImage(cmd, atlas_.image(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
    vkCmdCopyBufferToImage(cmd, staging.handle(), atlas_.image(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                           uint32_t(regions.size()), regions.data());
    gpu::transitionImage(cmd, atlas_.image(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
  });
  stats_.uploads += uploads.size();
}

void RasterPass::prepare(const gpu::Context& context, uint32_t slotIndex, const scene::Frame& frame, bool waitForTiles) {
  ++frameNumber_;
  const bool rasters = std::any_of(frame.layers.begin(), frame.layers.end(),
                                   [](const scene::LayerDraw& draw) { return draw.raster != nullptr; });
  if (rasters && atlas_.layers() < atlasLayersFor(context, budgetBytes_)) {
    context.waitIdle();  // frames in flight may still sample the stand-in
    useAtlas(makeAtlas(context, budgetBytes_));
  }
  Wants wants = select(frame);
  if (waitForTiles) {
    store(context, readAll(wants.missing));
  } else {
    store(context, streamer_.take(kUploadsPerFrame));
    wants.missing.insert(wants.missing.begin(), wants.previews.begin(), wants.previews.end());
    std::erase_if(wants.missing, [&](const TileRequest& request) { return find(request.layer->id, request.key); });
    streamer_.want(std::move(wants.missing));
  }
  writeDraws(context, slots_.at(slotIndex), frame, wants.selected);
}

// The tiles each raster of the frame wants, and those not on the GPU. Where nothing coarser is
// on the GPU yet either, a tile three levels up is asked for first: one read then covers 64
// tiles' places until they arrive.
RasterPass::Wants RasterPass::select(const scene::Frame& frame) {
  const std::size_t rasters = std::count_if(frame.layers.begin(), frame.layers.end(),
                                            [](const scene::LayerDraw& draw) { return draw.raster != nullptr; });
  const std::size_t limit = std::max<std::size_t>(4, atlasLayers_.size() / (2 * std::max<std::size_t>(rasters, 1)));
  Wants wants;
  wants.selected.resize(frame.layers.size());
  for (std::size_t i = 0; i < frame.layers.size(); ++i) {
    const auto& raster = frame.layers[i].raster;
    if (!raster) continue;
    wants.selected[i] = scene::selectTiles(frame.view, raster->extent, raster->maxLevel, limit);
    for (const scene::VisibleTile& tile : wants.selected[i]) {
      ++stats_.wanted;
      if (Resident* resident = find(raster->id, tile.key)) {
        resident->lastUsed = frameNumber_;
        ++stats_.hits;
        continue;
      }
      const bool standIn = drawable(raster->id, tile.key).has_value();  // marked: not evicted by the uploads
      wants.missing.push_back({raster, tile.key});
      const int up = std::min(3, tile.key.level);
      const geo::TileKey preview{tile.key.level - up, tile.key.x >> up, tile.key.y >> up};
      const auto same = [&](const TileRequest& r) { return r.layer == raster && r.key == preview; };
      if (!standIn && up > 0 && std::none_of(wants.previews.begin(), wants.previews.end(), same)) {
        wants.previews.push_back({raster, preview});
      }
    }
  }
  return wants;
}

// Each selected tile drawn from itself or from the coarser tile standing in for it.
void RasterPass::writeDraws(const gpu::Context& context, Slot& slot, const scene::Frame& frame,
                            const std::vector<std::vector<scene::VisibleTile>>& selected) {
  slot.draws.assign(frame.layers.size(), {});
  std::vector<float> vertices;
  GroundPlacer placer{frame.view};
  for (std::size_t i = 0; i < frame.layers.size(); ++i) {
    const auto& raster = frame.layers[i].raster;
    for (const scene::VisibleTile& tile : selected[i]) {
      const auto source = drawable(raster->id, tile.key);
      if (!source) continue;
      if (!(source->first == tile.key)) ++stats_.standIns;
      const auto first = std::int32_t(vertices.size() / kVertexFloats);
      putTileVertices(vertices, placer, raster->extent, tile.key, source->first);
      slot.draws[i].push_back({first, uint32_t(source->second), frame.layers[i].opacity,
                               frame.view.eye - glm::dvec3(tile.mapShift, 0.0, 0.0)});
    }
  }
  storeVertices(context, slot.vertices, vertices);
}

void RasterPass::record(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slotIndex, std::size_t layerIndex) const {
  const Slot& slot = slots_.at(slotIndex);
  if (layerIndex >= slot.draws.size() || slot.draws[layerIndex].empty()) return;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.handle());
  const VkBuffer vertices = slot.vertices.handle();
  const VkDeviceSize offset = 0;
  vkCmdBindVertexBuffers(cmd, 0, 1, &vertices, &offset);
  vkCmdBindIndexBuffer(cmd, indices_.handle(), 0, VK_INDEX_TYPE_UINT16);
  for (const Draw& draw : slot.draws[layerIndex]) {
    pushSurface(cmd, layout, draw.eye, glm::vec4(1.0f, 1.0f, 1.0f, draw.opacity),
                glm::vec4(0.0f, float(draw.atlasLayer), 0.0f, 0.0f));
    vkCmdDrawIndexed(cmd, kGridIndices, 1, 0, draw.firstVertex, 0);
  }
}

}  // namespace corridor::render
