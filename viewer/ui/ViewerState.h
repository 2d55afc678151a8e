#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/VideoOverlay.h"
#include "scene/Frame.h"
#include "sim/EmissionModel.h"
#include "timeline/CameraPose.h"

namespace corridor::ui {

// What the panels show and change; Viewer::updateScene turns it into a scene::Frame each frame.
struct ViewerState {
  scene::BasemapStyle style;
  scene::ViewMode mode = scene::ViewMode::Globe;
  timeline::CameraPose camera;
  std::optional<timeline::CameraPose> flyToRequest;  // set by a panel, taken by Viewer::moveCamera
  double frameMilliseconds = 0.0;                    // smoothed
  bool showShips = true;
  bool showPlumes = true;  // port plumes and, zoomed in, heatmaps
  sim::Pollutant pollutant = sim::Pollutant::NOx;
  scene::VesselColoring coloring = scene::VesselColoring::Fuel;
  bool scenarioShips = false;  // coloring applies to scenario ships (not AIS)
  std::string legendTitle;     // of what the ships' colours mean
  std::vector<std::pair<glm::vec4, std::string>> legend;
  std::string airTitle;                 // the plumes' and heatmaps' pollutant
  std::vector<app::LegendEntry> air;    // their legend; empty without plumes
  std::string compareWith;   // a second variant shown right of a swipe divider; empty: none
  bool showHeadline = true;  // the counter panel
  bool hasImagery = false;
  bool hasNightImagery = false;
};

}  // namespace corridor::ui
