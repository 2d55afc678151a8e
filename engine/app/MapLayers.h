#pragma once
// An analyst's layer read from --layer's text (or the viewer's Layers panel): a raster to
// stream, or a vector layer to put into a basemap.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "app/RasterLayers.h"
#include "app/VectorLayers.h"
#include "core/Result.h"
#include "scene/Basemap.h"
#include "timeline/CameraPose.h"

namespace corridor::app {

struct LoadedLayer {
  std::optional<RasterLayerRequest> rasterRequest;  // for a raster
  std::shared_ptr<const scene::RasterLayer> raster;
  std::optional<LayerRequest> vectorRequest;        // for a vector layer
  std::optional<scene::VectorLayerInput> vector;
  float opacity = 1.0f;
};

// Reads PATH[:LAYER][:STYLE]: a raster when GDAL opens PATH as one, else a vector dataset whose
// unset colours come from the palette at `paletteIndex`. Usage errors for bad styles, data
// errors naming the file.
core::Result<LoadedLayer> loadLayer(const std::string& text, std::size_t paletteIndex,
                                    const LayerProgress& progress = {});

// The same layer read again with another style (a raster's ramp and range, a vector's label).
core::Result<LoadedLayer> reloadRaster(const RasterLayerRequest& request, const LayerProgress& progress = {});
core::Result<LoadedLayer> reloadVector(const LayerRequest& request);

// A straight-down camera that shows the whole box on a picture of the given aspect (width /
// height), with a margin; 0.5 km above a point at the least.
timeline::CameraPose cameraOver(const geo::LonLatBox& box, double aspect);

}  // namespace corridor::app
