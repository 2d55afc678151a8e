#pragma once
#include <vector>

#include "geo/TileGrid.h"
#include "scene/View.h"

namespace corridor::scene {

// A tile to draw, on the flat map in the copy of the world shifted by `mapShift` metres.
struct VisibleTile {
  geo::TileKey key;
  double mapShift = 0;
};

// The tiles of a raster covering `extent` that the view sees, each of the coarsest level whose
// pixels are no larger than a screen pixel where the tile is nearest the eye (perspective), but
// no finer than `maxLevel`; coarser tiles first. At most `limit` tiles: past it, the rest stay at
// the level reached.
std::vector<VisibleTile> selectTiles(const View& view, const geo::LonLatBox& extent, int maxLevel,
                                     std::size_t limit = 512);

}  // namespace corridor::scene
