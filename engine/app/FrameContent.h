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
  FrameClock clock = FrameClock::Export;
};

scene::Frame composeFrame(const FrameContent& content, const FrameMoment& moment);

// A north-up, straight-down camera as close as it can be with every place inside the picture
// (8-16 % in from the edges, more on the right where names run), centred on the smallest
// lon/lat box around them, across the antimeridian when that is shorter. `places` must not be
// empty.
timeline::CameraPose framePlaces(const std::vector<geo::LonLat>& places, scene::ViewMode mode, int width, int height);

// The camera a picture starts from: `chosen` when the user gave one, else one that frames the
// scenario's ports and routes (VesselSource::corridorPlaces), else `chosen` (the default North
// Pacific view, as for AIS).
timeline::CameraPose startingCamera(const timeline::CameraPose& chosen, bool userChose, const VesselSource* vessels,
                                    scene::ViewMode mode, int width, int height);

// Where the content's ports are on a picture of `view` (pixels): what its legends keep clear of.
std::vector<glm::vec2> portsOnScreen(const FrameContent& content, const scene::View& view);

// The names painted over a picture of the content: its ports (with the overlays, when
// `ports`), then its vector layers' labels.
core::Result<LayerLabels> pictureLabels(const FrameContent& content, bool ports);

}  // namespace corridor::app
