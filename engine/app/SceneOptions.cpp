#include "app/SceneOptions.h"

#include "app/TextParsers.h"
#include "app/LandCache.h"
#include "app/MapLayers.h"
#include "core/Log.h"
#include "core/Stopwatch.h"
#include "io/DefaultGeodata.h"
#include "io/RasterReader.h"
#include "io/VectorReader.h"

namespace corridor::app {
namespace {

// --vector's datasets, or the default countries with the full-resolution shorelines of the ports.
core::Result<LandSources> landSources(const SceneOptions& options) {
  LandSources sources;
  for (const auto& text : options.vectors) sources.vectors.push_back(io::parseVectorSource(text));
  if (!sources.vectors.empty()) return sources;
  auto defaults = io::findDefaultGeodata();
  if (!defaults) return std::unexpected(defaults.error());
  sources.vectors.push_back({defaults->countries, defaults->countriesLayer});
  sources.shorelines = defaults->shorelines;
  if (sources.shorelines.empty()) {
    core::logWarn("no full-resolution shorelines in " + (io::geodataCacheDir() / "shorelines").string() +
                  " (scripts/fetch-geodata exports them): ports show Natural Earth's coarse coast");
  }
  return sources;
}

core::Result<std::shared_ptr<const core::Image>> readImage(const std::filesystem::path& path,
                                                           int width) {
  auto image = io::readRasterEquirectangular(path, width, width / 2);
  if (!image) return std::unexpected(image.error());
  return std::make_shared<const core::Image>(std::move(*image));
}

}  // namespace

core::Result<SceneSetup> resolveScene(const SceneOptions& options) {
  SceneSetup setup;
  if (!options.camera.empty()) {
    auto camera = parseCamera(options.camera);
    if (!camera) return std::unexpected(camera.error());
    setup.camera = *camera;
  }
  auto time = core::parseIso8601(options.time);
  if (!time) return core::usageError("--time: " + time.error().message);
  setup.time = *time;
  setup.mode = options.view == "map" ? scene::ViewMode::Map : scene::ViewMode::Globe;
  const bool imagery = options.basemap == "imagery" || !options.raster.empty();
  setup.style.kind = imagery ? scene::BasemapKind::Imagery : scene::BasemapKind::Vector;
  setup.style.graticule = options.graticule;
  setup.style.atmosphere = !options.noAtmosphere;
  setup.style.outlines = !options.noOutlines;
  setup.style.nightLights = options.night;
  return setup;
}

core::Result<std::shared_ptr<const scene::Basemap>> loadBasemap(const SceneOptions& options, bool withImagery,
                                                               const LayerProgress& progress) {
  core::Stopwatch stopwatch;
  auto sources = landSources(options);
  if (!sources) return std::unexpected(sources.error());
  auto geometry = cachedLandGeometry(*sources);
  if (!geometry) return std::unexpected(geometry.error());
  stopwatch.lap("land geometry");

  scene::BasemapInput input;
  input.land = std::move(geometry->land);
  input.outlines = std::move(geometry->outlines);
  if (withImagery) {
    constexpr int kDefaultImageWidth = 2048, kCustomImageWidth = 4096;
    auto defaults = io::findDefaultGeodata();
    if (!options.raster.empty()) {
      auto day = readImage(options.raster, kCustomImageWidth);
      if (!day) return std::unexpected(day.error());
      input.dayImage = *day;
    } else if (defaults) {
      auto day = readImage(defaults->dayImage, kDefaultImageWidth);
      if (!day) return std::unexpected(day.error());
      input.dayImage = *day;
    } else {
      return std::unexpected(defaults.error());
    }
    if (defaults && !defaults->nightImage.empty()) {
      auto night = readImage(defaults->nightImage, kDefaultImageWidth);
      if (!night) return std::unexpected(night.error());
      input.nightImage = *night;
    }
  }
  stopwatch.lap("read imagery");
  for (std::size_t i = 0; i < options.layers.size(); ++i) {
    auto layer = loadLayer(options.layers[i], i, progress);
    if (!layer) return std::unexpected(layer.error());
    if (layer->raster) {
      input.layerStack.push_back({layer->raster, 0, layer->opacity});
    } else {
      input.layerStack.push_back({nullptr, input.layers.size(), 1.0f});
      input.layers.push_back(std::move(*layer->vector));
    }
  }
  stopwatch.lap("read layers");
  auto basemap = scene::buildBasemap(std::move(input));
  stopwatch.lap("build basemap (" + std::to_string(basemap->land.front().mesh.indices.size() / 3) +
                " land triangles, " + std::to_string(basemap->outlines.levels.front().paths.size()) +
                " outlines)");
  return basemap;
}

}  // namespace corridor::app
