#pragma once
#include "scene/View.h"
#include "timeline/CameraPose.h"

namespace corridor::ui {

// One frame of pointer input, in pixels (y down), taken from whatever window system is in use.
struct PointerInput {
  double dx = 0, dy = 0;  // movement since the last frame
  double wheel = 0;       // notches, positive away from the user
  bool leftDown = false;
  bool rightDown = false;
};

// Google-Earth-style orbiting: left drag pans the ground under the cursor, the wheel zooms,
// right drag turns (heading) and tilts.
timeline::CameraPose applyOrbitInput(const timeline::CameraPose& pose, const scene::View& view,
                                     const PointerInput& input);

}  // namespace corridor::ui
