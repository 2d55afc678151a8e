#pragma once
#include "ViewerState.h"

namespace corridor::ui {

// The viewer's main panel: frame time, basemap and layer toggles, camera readout, fly-to, and
// how the ships are coloured with the legend of it.
class ControlPanel {
 public:
  void draw(ViewerState& state);
};

}  // namespace corridor::ui
