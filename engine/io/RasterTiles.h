#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/ColorRamp.h"
#include "core/Image.h"
#include "core/Result.h"
#include "geo/TileGrid.h"

namespace corridor::io {

// How a raster layer is coloured: single bands through a ramp over a range (the band's
// minimum and maximum unless given); RGB(A) and palette rasters as they are.
struct RasterStyle {
  std::string ramp = "viridis";
  std::optional<std::pair<double, double>> range;
};

// What a raster layer is: where it lies, how fine it is, what its colours mean.
struct RasterDescription {
  geo::LonLatBox extent;  // in WGS84 degrees
  int maxLevel = 0;       // the tile level at the raster's own resolution
  int width = 0, height = 0;
  bool ramped = false;    // single band coloured by `ramp`
  core::ColorRamp ramp;
  std::string band, unit;
  double minimum = 0, maximum = 0;  // the ramp's range
};

// An analyst's raster (any GDAL raster, any CRS GDAL can transform to WGS84, any size) cut into
// geo::TileGrid tiles on demand. Each tile is warped from the source through its overviews; a
// file without overviews gets them built once into `overviewCache` (the source is never
// written). Thread-safe: each reading thread borrows its own dataset (up to two), since a GDAL
// dataset serves one thread at a time.
class RasterTiles {
 public:
  // Progress of building overviews (0..1), when a file needs them.
  using Progress = std::function<void(double)>;
  static core::Result<std::shared_ptr<const RasterTiles>> open(const std::filesystem::path& path, const RasterStyle& style,
                                                               const std::filesystem::path& overviewCache,
                                                               const Progress& progress = {});

  const RasterDescription& description() const { return description_; }
  const std::filesystem::path& path() const { return path_; }
  // A geo::kTileImageSize-square RGBA picture of the tile, gutter included; transparent where
  // the raster has no data (outside it, nodata, alpha).
  core::Result<core::Image> readTile(const geo::TileKey& key) const;
  // The same raster in another style, sharing the open dataset.
  core::Result<std::shared_ptr<const RasterTiles>> restyled(const RasterStyle& style) const;

  struct Source;  // the open dataset and its lock (RasterTiles.cpp)

 private:
  RasterTiles(std::filesystem::path path, std::shared_ptr<Source> source, RasterDescription description);
  std::filesystem::path path_;
  std::shared_ptr<Source> source_;
  RasterDescription description_;
};

// Whether GDAL opens the file as a raster with bands (else it is taken for a vector).
bool isRasterDataset(const std::filesystem::path& path);

}  // namespace corridor::io
