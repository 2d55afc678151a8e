#pragma once
#include <glm/glm.hpp>
#include <memory>

#include "geo/Types.h"
#include "scene/Basemap.h"
#include "scene/PortLayer.h"
#include "scene/Trips.h"
#include "scene/VesselLayer.h"
#include "scene/View.h"

namespace corridor::scene {

struct BasemapStyle {
  BasemapKind kind = BasemapKind::Vector;
  bool nightLights = false;  // imagery only: city lights on the night side
  bool graticule = false;
  bool atmosphere = true;
  bool outlines = true;  // coastlines and borders
  glm::vec3 ocean{0.050f, 0.130f, 0.220f};
  glm::vec3 land{0.190f, 0.240f, 0.270f};
  glm::vec3 space{0.008f, 0.012f, 0.028f};

  bool operator==(const BasemapStyle&) const = default;
};

// Everything the renderer needs for one picture. Cheap to copy: the basemap is shared.
struct Frame {
  View view;
  std::shared_ptr<const Basemap> basemap;
  std::vector<LayerDraw> layers;  // raster and vector layers over the land, bottom first
  bool waitForTiles = false;      // read every raster tile before drawing (pictures and videos)
  BasemapStyle style;
  geo::LonLat subsolarPoint{0.0, 0.0};  // where the sun is overhead (night lights)
  std::shared_ptr<const VesselLayer> vessels;  // may be null: basemap only
  std::shared_ptr<const PortLayer> ports;       // plumes and heatmaps; may be null
  std::shared_ptr<const Trips> trips;           // ships drawn on the GPU at `time`; may be null
  core::UtcMicros time = 0;
};

}  // namespace corridor::scene
