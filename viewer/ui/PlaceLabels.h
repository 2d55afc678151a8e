#pragma once
#include <vector>

#include <imgui.h>

#include "app/VesselSource.h"
#include "record/Overlay.h"
#include "scene/View.h"

namespace corridor::ui {

// Names at places on screen (ports, the vector layers' labels) over the scene and under the
// panels, for one frame: above and right of the place, else above and left, below and right,
// below and left, where no panel already on screen or label already drawn this frame is in the
// way; left out when every side is taken, so what is drawn first wins.
class PlaceLabels {
 public:
  // `font` (null: ImGui's).
  PlaceLabels(const scene::View& view, ImFont* font);
  // At `size` pixels, each with a dot at the place when `dots`.
  void draw(const std::vector<app::VesselSource::PortMark>& places, float size, bool dots);

 private:
  const scene::View& view_;
  ImFont* font_;
  std::vector<record::ScreenBox> placed_;  // label and panel rectangles
};

}  // namespace corridor::ui
