#include "scene/TileSelection.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "geo/Ellipsoid.h"
#include "scene/SurfaceChunks.h"

namespace corridor::scene {
namespace {

// The part of a tile that holds data: its bounds clipped to the raster's extent.
geo::LonLatBox clipped(const geo::TileKey& key, const geo::LonLatBox& extent) {
  const geo::LonLatBox tile = geo::tileBounds(key);
  return {std::max(tile.west, extent.west), std::min(tile.east, extent.east),
          std::max(tile.south, extent.south), std::min(tile.north, extent.north)};
}

ChunkBounds boxBounds(const geo::LonLatBox& box) {
  constexpr int kSamples = 5;
  std::vector<geo::LonLat> points;
  for (int i = 0; i < kSamples; ++i) {
    for (int j = 0; j < kSamples; ++j) {
      points.push_back({box.west + (box.east - box.west) * i / (kSamples - 1),
                        box.south + (box.north - box.south) * j / (kSamples - 1)});
    }
  }
  return boundsOf(points);
}

// Metres a screen pixel spans where the tile is nearest the eye.
double screenPixelMeters(const View& view, const ChunkBounds& bounds) {
  if (view.mode == ViewMode::Map) return view.metersPerPixelAtTarget;
  const double nearest = std::max(glm::length(bounds.sphereCentre - view.eye) - bounds.sphereRadius, 1.0);
  const double fovY = kVerticalFieldOfViewDegrees * geo::kPi / 180.0;
  return nearest * 2.0 * std::tan(fovY / 2.0) / view.height;
}

void childrenOverlapping(const geo::TileKey& key, const geo::LonLatBox& extent, std::deque<geo::TileKey>& out) {
  for (int dy = 0; dy < 2; ++dy) {
    for (int dx = 0; dx < 2; ++dx) {
      const geo::TileKey child{key.level + 1, key.x * 2 + dx, key.y * 2 + dy};
      if (geo::tileBounds(child).overlaps(extent)) out.push_back(child);
    }
  }
}

std::vector<VisibleTile> selectForShift(const View& view, const geo::LonLatBox& extent, int maxLevel,
                                        std::size_t limit, double shift) {
  std::deque<geo::TileKey> pending;
  for (int x = 0; x < 2; ++x) {
    if (geo::tileBounds({0, x, 0}).overlaps(extent)) pending.push_back({0, x, 0});
  }
  std::vector<VisibleTile> selected;
  while (!pending.empty()) {
    const geo::TileKey key = pending.front();
    pending.pop_front();
    const ChunkBounds bounds = boxBounds(clipped(key, extent));
    if (!chunkVisible(view, bounds, shift)) continue;
    const double tilePixelMeters = geo::tileDegrees(key.level) / geo::kTileSize * geo::MapProjection::kMetersPerDegree;
    const bool coarse = tilePixelMeters > screenPixelMeters(view, bounds);
    if (key.level < maxLevel && coarse && selected.size() + pending.size() + 4 <= limit) {
      childrenOverlapping(key, extent, pending);
    } else {
      selected.push_back({key, shift});
    }
  }
  return selected;
}

}  // namespace

std::vector<VisibleTile> selectTiles(const View& view, const geo::LonLatBox& extent, int maxLevel,
                                     std::size_t limit) {
  const geo::MapProjection projection;
  const glm::dvec2 xRange{projection.projectUnwrapped({extent.west, 0.0}).x,
                          projection.projectUnwrapped({extent.east, 0.0}).x};
  std::vector<VisibleTile> tiles;
  for (const double shift : worldCopyShifts(view, {std::min(xRange.x, xRange.y), std::max(xRange.x, xRange.y)})) {
    std::vector<VisibleTile> copy = selectForShift(view, extent, maxLevel, limit, shift);
    tiles.insert(tiles.end(), copy.begin(), copy.end());
  }
  return tiles;
}

}  // namespace corridor::scene
