#pragma once
#include <optional>

#include "scene/Frame.h"
#include "timeline/CameraPose.h"

namespace corridor::viewer {

// What the panels show and change; the view loop turns it into a scene::Frame each frame.
struct ViewerState {
  scene::BasemapStyle style;
  scene::ViewMode mode = scene::ViewMode::Globe;
  timeline::CameraPose camera;
  std::optional<timeline::CameraPose> flyToRequest;  // set by a panel, taken by the loop
  double frameMilliseconds = 0.0;                    // smoothed
  bool showShips = true;
  bool hasImagery = false;
  bool hasNightImagery = false;
};

}  // namespace corridor::viewer
