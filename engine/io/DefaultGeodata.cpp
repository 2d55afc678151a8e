#include "io/DefaultGeodata.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace corridor::io {
namespace {

namespace fs = std::filesystem;

fs::path firstExisting(const std::vector<fs::path>& candidates) {
  std::error_code ec;
  for (const auto& candidate : candidates) {
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return {};
}

}  // namespace

fs::path geodataCacheDir() {
  if (const char* dir = std::getenv("CORRIDOR_GEODATA")) return dir;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache) {
    return fs::path(cache) / "corridor" / "geodata";
  }
  const char* home = std::getenv("HOME");
  return fs::path(home ? home : "/tmp") / ".cache" / "corridor" / "geodata";
}

core::Result<DefaultGeodata> findDefaultGeodata() {
  const fs::path cache = geodataCacheDir();
  DefaultGeodata data;
  data.countries = firstExisting({cache / "world_map.gpkg",
                                  "/usr/share/qgis/resources/data/world_map.gpkg"});
  data.countriesLayer = "countries";
  if (data.countries.empty()) {
    data.countries = firstExisting(
        {cache / "naturalearth_lowres.shp",
         "/usr/lib/python3/dist-packages/geopandas/datasets/naturalearth_lowres/"
         "naturalearth_lowres.shp"});
    data.countriesLayer.clear();
  }
  data.dayImage = firstExisting({cache / "earth.jpg", "/usr/share/xplanet/images/earth.jpg"});
  data.nightImage = firstExisting({cache / "night.jpg", "/usr/share/xplanet/images/night.jpg"});
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cache / "shorelines", ec)) {
    if (entry.path().extension() == ".txt") data.shorelines.push_back(entry.path());
  }
  std::sort(data.shorelines.begin(), data.shorelines.end());
  if (data.countries.empty() || data.dayImage.empty()) {
    return core::dataError("default geodata not found in " + cache.string() +
                           " (run scripts/fetch-geodata, or pass --vector and --raster)");
  }
  return data;
}

}  // namespace corridor::io
