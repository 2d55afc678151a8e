#include "geo/TileGrid.h"

#include <algorithm>
#include <cmath>

namespace corridor::geo {

double tileDegrees(int level) { return 180.0 / std::ldexp(1.0, level); }

LonLatBox tileBounds(const TileKey& key) {
  const double size = tileDegrees(key.level);
  const double west = -180.0 + key.x * size, north = 90.0 - key.y * size;
  return {west, west + size, north - size, north};
}

TileKey parentTile(const TileKey& key) { return {key.level - 1, key.x / 2, key.y / 2}; }

int tileLevelFor(double degreesPerPixel) {
  for (int level = 0; level < kMaxTileLevel; ++level) {
    if (tileDegrees(level) / kTileSize <= degreesPerPixel) return level;
  }
  return kMaxTileLevel;
}

}  // namespace corridor::geo
