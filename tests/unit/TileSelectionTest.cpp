// The tile grid (geo::TileGrid) and which tiles a view draws (scene::selectTiles): the level
// whose pixels match the screen's, tiles that cover what the camera sees, and the limit.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/TileGrid.h"
#include "scene/TileSelection.h"

namespace corridor {
namespace {

// Longitude, latitude, altitude in metres; north up, straight down.
using Camera = timeline::CameraPose;

TEST(TileGrid, BoundsParentsAndLevels) {
  const geo::LonLatBox east = geo::tileBounds({0, 1, 0});
  EXPECT_EQ(east.west, 0.0);
  EXPECT_EQ(east.east, 180.0);
  EXPECT_EQ(east.north, 90.0);
  EXPECT_EQ(east.south, -90.0);
  const geo::LonLatBox tile = geo::tileBounds({3, 2, 5});  // 22.5 degrees a side
  EXPECT_DOUBLE_EQ(tile.west, -135.0);
  EXPECT_DOUBLE_EQ(tile.north, -22.5);
  EXPECT_TRUE((geo::parentTile({3, 2, 5}) == geo::TileKey{2, 1, 2}));
  EXPECT_EQ(geo::tileLevelFor(180.0 / 256), 0);
  // 1e-5 degrees (about 1.1 m): 180 / 2^17 / 256 = 5.4e-6 is the first level at least as fine.
  EXPECT_EQ(geo::tileLevelFor(1e-5), 17);
}

TEST(TileSelection, AMapViewGetsTilesOfItsPixelSizeCoveringIt) {
  const scene::View view = scene::makeView(Camera{-118.2, 33.75, 12000}, scene::ViewMode::Map, 320, 180);
  const geo::LonLatBox extent{-119, -117, 33, 34.5};
  const auto tiles = scene::selectTiles(view, extent, 20);
  ASSERT_FALSE(tiles.empty());
  const double tilePixelMeters = [](int level) {
    return geo::tileDegrees(level) / geo::kTileSize * geo::MapProjection::kMetersPerDegree;
  }(tiles.front().key.level);
  for (const auto& tile : tiles) {
    EXPECT_EQ(tile.key.level, tiles.front().key.level);  // a flat map has one scale
  }
  EXPECT_LE(tilePixelMeters, view.metersPerPixelAtTarget);
  EXPECT_GT(tilePixelMeters * 2, view.metersPerPixelAtTarget);  // and is the coarsest such level
  // Every place on screen lies in one of the tiles.
  for (int x = 0; x <= 320; x += 40) {
    for (int y = 0; y <= 180; y += 30) {
      const geo::LonLat at = view.projection.unproject(
          {view.eye.x + (x - 160) * view.metersPerPixelAtTarget, view.eye.y - (y - 90) * view.metersPerPixelAtTarget});
      const bool covered = std::any_of(tiles.begin(), tiles.end(), [&](const scene::VisibleTile& tile) {
        return geo::tileBounds(tile.key).contains(at);
      });
      EXPECT_TRUE(covered) << at.lon << "," << at.lat;
    }
  }
}

TEST(TileSelection, NoFinerThanTheRasterAndNoMoreThanTheLimit) {
  const scene::View close = scene::makeView(Camera{-118.2, 33.75, 500}, scene::ViewMode::Globe, 320, 180);
  const geo::LonLatBox extent{-119, -117, 33, 34.5};
  for (const auto& tile : scene::selectTiles(close, extent, 9)) EXPECT_EQ(tile.key.level, 9);
  const scene::View wide = scene::makeView(Camera{-150, 30, 8e6}, scene::ViewMode::Globe, 1920, 1080);
  const geo::LonLatBox world{-180, 180, -90, 90};
  EXPECT_LE(scene::selectTiles(wide, world, 20, 16).size(), 16u);
  EXPECT_GT(scene::selectTiles(wide, world, 20).size(), 16u);
}

TEST(TileSelection, NothingBehindTheGlobeOrOutsideTheExtent) {
  const scene::View view = scene::makeView(Camera{-150, 30, 2e6}, scene::ViewMode::Globe, 320, 180);
  EXPECT_TRUE(scene::selectTiles(view, {20, 40, -10, 10}, 12).empty());  // Africa, behind the globe
  for (const auto& tile : scene::selectTiles(view, {-152, -148, 28, 32}, 12)) {
    EXPECT_TRUE(geo::tileBounds(tile.key).overlaps({-152, -148, 28, 32}));
  }
}

}  // namespace
}  // namespace corridor
