#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/Result.h"

namespace corridor::io {

// The default basemap comes from Debian packages, unpacked by scripts/fetch-geodata into
// $CORRIDOR_GEODATA (default: ${XDG_CACHE_HOME:-~/.cache}/corridor/geodata):
// world_map.gpkg (Natural Earth 1:10m, qgis-common) or naturalearth_lowres.shp (1:110m,
// python3-geopandas), earth.jpg and night.jpg (xplanet-images), and shorelines/*.txt (GSHHG
// full resolution around the corridor ports, exported by GMT; io/Shorelines.h). Installed
// packages are used where the cache lacks a file.
struct DefaultGeodata {
  std::filesystem::path countries;
  std::string countriesLayer;
  std::filesystem::path dayImage;
  std::filesystem::path nightImage;
  std::vector<std::filesystem::path> shorelines;  // may be empty (then Natural Earth's coast everywhere)
};

std::filesystem::path geodataCacheDir();
core::Result<DefaultGeodata> findDefaultGeodata();

}  // namespace corridor::io
