#pragma once
#include <cstdint>
#include <functional>

#include "geo/Types.h"

namespace corridor::geo {

// The plate carree quadtree that raster layers are cut into: level z has 2^(z+1) columns from
// 180 W eastwards and 2^z rows from 90 N southwards, each tile kTileSize pixels square. Tiles are
// in lon/lat whatever the source's CRS, so the globe and the flat map draw the same ones.
struct TileKey {
  int level = 0, x = 0, y = 0;
  bool operator==(const TileKey&) const = default;
};

inline constexpr int kTileSize = 256;
inline constexpr int kTileGutter = 1;                          // pixels around each tile, for seamless filtering
inline constexpr int kTileImageSize = kTileSize + 2 * kTileGutter;  // what a tile image holds
inline constexpr int kMaxTileLevel = 24;                       // about 4 cm a pixel

double tileDegrees(int level);  // the side of a tile at `level`
LonLatBox tileBounds(const TileKey& key);
TileKey parentTile(const TileKey& key);
// The coarsest level whose pixels are no larger than `degreesPerPixel`.
int tileLevelFor(double degreesPerPixel);

struct TileKeyHash {
  std::size_t operator()(const TileKey& key) const {
    return std::hash<std::uint64_t>()((std::uint64_t(key.level) << 58) ^ (std::uint64_t(key.x) << 29) ^
                                      std::uint64_t(key.y));
  }
};

}  // namespace corridor::geo
