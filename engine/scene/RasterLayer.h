#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Image.h"
#include "geo/TileGrid.h"
#include "geo/Types.h"

namespace corridor::scene {

// What the colours of a single-band raster mean: its band, unit and the ramp over a range.
struct RampLegend {
  std::string band, unit;
  double minimum = 0, maximum = 1;
  std::vector<core::Rgba> colors;  // evenly spaced from minimum to maximum
};

// An analyst's raster over the basemap, drawn from geo::TileKey tiles that a background thread
// reads on demand. The renderer caches tiles by `id`, so a restyled raster needs a new id.
struct RasterLayer {
  std::uint64_t id = 0;
  std::string name;
  geo::LonLatBox extent;
  int maxLevel = 0;  // finer tiles add no detail
  // A kTileImageSize-square RGBA picture of the tile (gutter included, transparent where there
  // is no data), or nothing when it cannot be read. Called from a background thread.
  std::function<std::optional<core::Image>(const geo::TileKey&)> readTile;
  std::optional<RampLegend> legend;  // single-band data only
};

std::uint64_t newRasterLayerId();

// One entry of a frame's layer stack: a raster, or the basemap's vector layer at `vector`.
struct LayerDraw {
  std::shared_ptr<const RasterLayer> raster;
  std::size_t vector = 0;  // index into Basemap::layers when raster is null
  float opacity = 1.0f;
};

}  // namespace corridor::scene
