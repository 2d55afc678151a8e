#pragma once
// The geodata, look and camera of a picture: options checked, basemap loaded.
#include <memory>
#include <string>
#include <vector>

#include "app/RasterLayers.h"
#include "core/Result.h"
#include "core/Time.h"
#include "scene/Basemap.h"
#include "scene/Frame.h"
#include "timeline/CameraPose.h"

namespace corridor::app {

// Which geodata a picture shows, how it looks and where the camera is: what render, view and
// record share.
struct SceneOptions {
  std::vector<std::string> vectors;  // PATH[:LAYER]; empty: the default Natural Earth countries
  std::vector<std::string> layers;   // PATH[:LAYER][:STYLE], drawn over the land (VectorLayers.h)
  std::string raster;                // empty: the default xplanet imagery
  std::string basemap = "vector";
  std::string view = "globe";
  std::string camera;
  std::string time = "2024-06-01T00:00:00Z";  // sun position for night lights
  bool graticule = false;
  bool noAtmosphere = false;
  bool noOutlines = false;
  bool night = false;
  bool validation = false;
  std::string device;
};

// Everything the options describe, validated (errors are usage errors, exit code 2).
struct SceneSetup {
  scene::BasemapStyle style;
  scene::ViewMode mode = scene::ViewMode::Globe;
  timeline::CameraPose camera;
  core::UtcMicros time = 0;
};
core::Result<SceneSetup> resolveScene(const SceneOptions& options);

// Reads and prepares the geodata (errors are data errors, exit code 1). Imagery is loaded
// when `withImagery` (the viewer loads it up front so the style can be switched live).
// Long work (building a large raster's overviews) is reported to `progress`.
core::Result<std::shared_ptr<const scene::Basemap>> loadBasemap(const SceneOptions& options, bool withImagery,
                                                               const LayerProgress& progress = {});

}  // namespace corridor::app
