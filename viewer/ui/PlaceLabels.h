#pragma once
#include <vector>

#include <imgui.h>

#include "app/VesselSource.h"
#include "scene/View.h"

namespace corridor::ui {

// Names at places on screen (ports, the vector layers' labels) over the scene and under the
// panels, for one frame: right of the place, else left of it when a panel already on screen or
// a label already drawn this frame is in the way; left out when both sides are taken (Los
// Angeles and Long Beach at ocean scale), so what is drawn first wins.
class PlaceLabels {
 public:
  // `font` (null: ImGui's).
  PlaceLabels(const scene::View& view, ImFont* font);
  // At `size` pixels, each with a dot at the place when `dots`.
  void draw(const std::vector<app::VesselSource::PortMark>& places, float size, bool dots);

 private:
  const scene::View& view_;
  ImFont* font_;
  std::vector<ImVec4> placed_;  // label and panel rectangles: x0, y0, x1, y1
};

}  // namespace corridor::ui
