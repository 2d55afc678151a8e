#pragma once
// The frame at a moment: the one recipe of render, record and the viewer.
#include <memory>
#include <optional>
#include <vector>

#include "app/VectorLayers.h"
#include "app/VesselSource.h"
#include "core/Time.h"
#include "scene/Frame.h"
#include "timeline/CameraPose.h"

namespace corridor::app {

// What a picture shows whatever its moment and size.
struct FrameContent {
  std::shared_ptr<const scene::Basemap> basemap;
  scene::BasemapStyle style;
  scene::ViewMode mode = scene::ViewMode::Globe;
  const VesselSource* vessels = nullptr;  // may be null: the basemap alone
  bool ships = true;                      // the vessels' ships
  bool plumes = true;                     // their ports' plumes and heatmaps
  std::optional<std::vector<scene::LayerDraw>> layers;  // the layer stack; unset: the basemap's
};

// Where and when a picture is taken.
struct FrameMoment {
  core::UtcMicros time = 0;  // the ships' moment and the sun's
  timeline::CameraPose camera;
  int width = 0, height = 0;
  double animationSeconds = 0;  // moves the plumes' puffs
  bool waitForHeatmaps = true;  // see PortEmissions::layerAt
  bool waitForTiles = true;     // false: raster tiles stream in the background (the viewer)
};

scene::Frame composeFrame(const FrameContent& content, const FrameMoment& moment);

// The names painted over a picture of the content: its ports (with the overlays, when
// `ports`), then its vector layers' labels.
core::Result<LayerLabels> pictureLabels(const FrameContent& content, bool ports);

}  // namespace corridor::app
