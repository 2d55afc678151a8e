#include "app/RasterLayers.h"

#include <atomic>
#include <cmath>

#include "app/TextParsers.h"
#include "core/Log.h"
#include "io/DefaultGeodata.h"

namespace corridor::app {

core::Result<RasterLayerRequest> parseRasterLayer(const std::string& text) {
  const auto [location, style] = splitLayerStyle(text);
  RasterLayerRequest request{location, {}, 1.0f};
  auto bad = [&](const std::string& what) { return core::usageError("--layer '" + text + "': " + what); };
  for (const auto& [key, value] : styleItems(style)) {
    if (key == "ramp") {
      if (!core::findColorRamp(value)) return bad("unknown ramp '" + value + "' (expected " + core::colorRampNames() + ")");
      request.style.ramp = value;
    } else if (key == "range") {
      const std::size_t comma = value.find(',');
      double low = 0, high = 0;
      if (comma == std::string::npos || !parseNumber(value.substr(0, comma), low) ||
          !parseNumber(value.substr(comma + 1), high) || !(low < high)) {
        return bad("range must be MIN,MAX with MIN < MAX, not '" + value + "'");
      }
      request.style.range = std::pair{low, high};
    } else if (key == "opacity") {
      double opacity = 1;
      if (!parseNumber(value, opacity) || opacity < 0 || opacity > 1) return bad("opacity must be within 0..1");
      request.opacity = float(opacity);
    } else {
      return bad("unknown style '" + key + "' for a raster layer (expected ramp=NAME, range=MIN,MAX, opacity=0..1)");
    }
  }
  return request;
}

std::shared_ptr<const scene::RasterLayer> rasterLayer(std::shared_ptr<const io::RasterTiles> tiles) {
  auto layer = std::make_shared<scene::RasterLayer>();
  const io::RasterDescription& description = tiles->description();
  layer->id = scene::newRasterLayerId();
  layer->name = tiles->path().filename().string();
  layer->extent = description.extent;
  layer->maxLevel = description.maxLevel;
  if (description.ramped) {
    scene::RampLegend legend{description.band, description.unit, description.minimum, description.maximum, {}};
    constexpr int kLegendStops = 16;
    for (int i = 0; i < kLegendStops; ++i) legend.colors.push_back(description.ramp.at(i / double(kLegendStops - 1)));
    layer->legend = std::move(legend);
  }
  // A tile that cannot be read stays transparent; the first failure is reported, not each one.
  auto warned = std::make_shared<std::atomic<bool>>(false);
  layer->readTile = [tiles, warned](const geo::TileKey& key) -> std::optional<core::Image> {
    auto image = tiles->readTile(key);
    if (image) return std::move(*image);
    if (!warned->exchange(true)) core::logWarn(image.error().message + " (further unreadable tiles are not reported)");
    return std::nullopt;
  };
  return layer;
}

core::Result<std::shared_ptr<const scene::RasterLayer>> loadRasterLayer(const RasterLayerRequest& request,
                                                                        const LayerProgress& progress) {
  const std::string what = "overviews of " + request.path.filename().string();
  auto overviews = [&](double complete) {
    if (progress) progress(complete, what);
  };
  auto tiles = io::RasterTiles::open(request.path, request.style, io::geodataCacheDir() / "overviews", overviews);
  if (!tiles) return std::unexpected(tiles.error());
  return rasterLayer(std::move(*tiles));
}

bool namesRaster(const std::string& text) { return io::isRasterDataset(splitLayerStyle(text).first); }

}  // namespace corridor::app
