#pragma once
#include "ViewerState.h"

namespace corridor::viewer {

// The viewer's one panel: frame time, basemap and layer toggles, camera readout, fly-to.
void drawControlPanel(ViewerState& state);

}  // namespace corridor::viewer
