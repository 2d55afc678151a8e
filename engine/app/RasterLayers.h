#pragma once
// An analyst's raster drawn as a layer over the basemap, from tiles read on demand.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/Result.h"
#include "io/RasterTiles.h"
#include "scene/RasterLayer.h"

namespace corridor::app {

// What --layer asks of a raster: PATH[:ramp=NAME,range=MIN,MAX,opacity=O].
struct RasterLayerRequest {
  std::filesystem::path path;
  io::RasterStyle style;
  float opacity = 1.0f;
};

// A bad style is a usage error naming the option: unknown key or ramp, range not MIN<MAX,
// opacity outside 0..1.
core::Result<RasterLayerRequest> parseRasterLayer(const std::string& text);

// What long work reports: the fraction done and what is being done.
using LayerProgress = std::function<void(double fraction, const std::string& what)>;

// Opens the raster (overviews built once into the geodata cache when it has none, reported to
// `progress`) and makes the layer the renderer streams; data errors name the file.
core::Result<std::shared_ptr<const scene::RasterLayer>> loadRasterLayer(const RasterLayerRequest& request,
                                                                        const LayerProgress& progress = {});

// The layer of already opened tiles (a restyled raster, in the viewer).
std::shared_ptr<const scene::RasterLayer> rasterLayer(std::shared_ptr<const io::RasterTiles> tiles);

// Whether --layer's text names a raster (else it is a vector dataset).
bool namesRaster(const std::string& text);

}  // namespace corridor::app
