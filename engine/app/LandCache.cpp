#include "app/LandCache.h"

#include <cstdio>
#include <functional>
#include <string>
#include <system_error>

#include "core/Log.h"
#include "geo/Subdivide.h"
#include "io/DefaultGeodata.h"
#include "io/LandGeometry.h"
#include "io/Shorelines.h"
#include "scene/LandFile.h"

namespace corridor::app {
namespace {

namespace fs = std::filesystem;

// Bump when the preparation of land geometry changes.
constexpr const char* kPreparationVersion = "land-v3";

fs::path cacheFileFor(const LandSources& sources) {
  std::string identity = std::string(kPreparationVersion) + "|" +
                         std::to_string(geo::kSurfaceStepDegrees);
  auto identify = [&](const fs::path& path, const std::string& layer) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    const auto size = fs::file_size(path, ec);
    const auto modified = fs::last_write_time(path, ec).time_since_epoch().count();
    for (const std::string& part : {absolute.string(), layer, std::to_string(size), std::to_string(modified)}) {
      identity.append("|").append(part);
    }
  };
  for (const auto& source : sources.vectors) identify(source.path, source.layer);
  for (const auto& shoreline : sources.shorelines) identify(shoreline, "shoreline");
  char name[32];
  std::snprintf(name, sizeof name, "%016zx.land", std::hash<std::string>{}(identity));
  return io::geodataCacheDir() / "land" / name;
}

void store(const fs::path& file, const geo::LandGeometry& land) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (auto written = scene::writeLandFile(file, land); !written) {  // whole or not at all
    core::logInfo("land cache not written: " + written.error().message);
  }
}

}  // namespace

core::Result<geo::LandGeometry> cachedLandGeometry(const LandSources& sources) {
  const fs::path file = cacheFileFor(sources);
  std::error_code ec;
  if (fs::exists(file, ec)) {
    auto cached = scene::readLandFile(file);
    if (cached) return cached;
    core::logInfo("ignoring land cache: " + cached.error().message);
  }
  io::VectorData all;
  for (const auto& source : sources.vectors) {
    auto data = io::readVector(source);
    if (!data) return std::unexpected(data.error());
    io::append(all, std::move(*data));
  }
  std::vector<io::ShorelineRegion> regions;
  for (const auto& shoreline : sources.shorelines) {
    auto region = io::readShorelineRegion(shoreline);
    if (!region) return std::unexpected(region.error());
    regions.push_back(std::move(*region));
  }
  if (auto replaced = io::replaceLandInRegions(all, regions); !replaced) return std::unexpected(replaced.error());
  auto land = io::landGeometry(all);
  if (!land) return std::unexpected(land.error());
  store(file, *land);
  return land;
}

}  // namespace corridor::app
