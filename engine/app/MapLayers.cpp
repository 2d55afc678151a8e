#include "app/MapLayers.h"

#include <algorithm>
#include <cmath>

#include "geo/Ellipsoid.h"
#include "scene/View.h"

namespace corridor::app {

core::Result<LoadedLayer> reloadRaster(const RasterLayerRequest& request, const LayerProgress& progress) {
  auto raster = loadRasterLayer(request, progress);
  if (!raster) return std::unexpected(raster.error());
  return LoadedLayer{request, *raster, std::nullopt, std::nullopt, request.opacity};
}

core::Result<LoadedLayer> reloadVector(const LayerRequest& request) {
  auto vector = loadVectorLayer(request);
  if (!vector) return std::unexpected(vector.error());
  return LoadedLayer{std::nullopt, nullptr, request, std::move(*vector), 1.0f};
}

core::Result<LoadedLayer> loadLayer(const std::string& text, std::size_t paletteIndex, const LayerProgress& progress) {
  if (namesRaster(text)) {
    auto request = parseRasterLayer(text);
    if (!request) return std::unexpected(request.error());
    return reloadRaster(*request, progress);
  }
  auto request = parseLayer(text, paletteIndex);
  if (!request) return std::unexpected(request.error());
  return reloadVector(*request);
}

timeline::CameraPose cameraOver(const geo::LonLatBox& box, double aspect) {
  constexpr double kMargin = 1.25;
  const double metersPerDegree = geo::kEquatorialRadius * geo::kPi / 180.0;
  const double lat = std::clamp((box.south + box.north) / 2, -85.0, 85.0);
  const double height = (box.north - box.south) * metersPerDegree;
  const double width = (box.east - box.west) * metersPerDegree * std::cos(lat * geo::kPi / 180.0);
  const double halfView = std::tan(scene::kVerticalFieldOfViewDegrees * geo::kPi / 360.0);
  timeline::CameraPose camera;
  camera.lon = (box.west + box.east) / 2;
  camera.lat = lat;
  camera.altitude = std::clamp(kMargin * std::max(height, width / aspect) / (2 * halfView), 500.0, 2.0e7);
  return camera;
}

}  // namespace corridor::app
