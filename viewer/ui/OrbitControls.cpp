#include "OrbitControls.h"

#include <algorithm>
#include <cmath>

#include "geo/Ellipsoid.h"

namespace corridor::ui {

timeline::CameraPose applyOrbitInput(const timeline::CameraPose& pose, const scene::View& view,
                                     const PointerInput& input) {
  timeline::CameraPose next = pose;
  if (input.leftDown && (input.dx != 0 || input.dy != 0)) {
    // Screen movement in metres on the ground, turned from screen axes into east/north.
    const double metres = view.metersPerPixelAtTarget;
    const double right = -input.dx * metres, up = input.dy * metres;
    const double heading = geo::radians(pose.heading);
    const double east = right * std::cos(heading) + up * std::sin(heading);
    const double north = -right * std::sin(heading) + up * std::cos(heading);
    const double cosLat = std::max(0.05, std::cos(geo::radians(pose.lat)));
    next.lat += geo::degrees(north / geo::kEquatorialRadius);
    next.lon += geo::degrees(east / (geo::kEquatorialRadius * cosLat));
  }
  if (input.rightDown) {
    next.heading += input.dx * 0.3;
    next.tilt += input.dy * 0.2;
  }
  if (input.wheel != 0) next.altitude *= std::pow(0.85, input.wheel);
  return timeline::clamped(next);
}

}  // namespace corridor::ui
