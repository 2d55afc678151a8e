#pragma once
#include <glm/glm.hpp>
#include <vector>

#include "geo/MapProjection.h"
#include "geo/Types.h"
#include "timeline/CameraPose.h"

namespace corridor::scene {

enum class ViewMode { Globe, Map };

// Camera matrices for rendering relative to the eye: the eye position is kept in double
// (ECEF metres on the globe, map metres on the flat map) and subtracted on the CPU, so the
// float matrices never carry Earth-sized translations and nothing jitters at port zoom.
struct View {
  ViewMode mode = ViewMode::Globe;
  int width = 1, height = 1;
  glm::dvec3 eye{0.0};            // ECEF or (map x, map y, altitude)
  glm::mat4 viewProjection{1.0f};  // eye-relative world -> Vulkan clip space
  glm::mat4 inverseViewProjection{1.0f};
  double metersPerPixelAtTarget = 1.0;
  // The smallest a pixel is on the ground anywhere on screen: at the target, or on a tilted
  // globe across the bottom edge, nearer the eye.
  double metersPerPixelNearest = 1.0;
  // Line widths and symbol sizes are in points: one pixel each up to a 1080-pixel-high picture,
  // height / 1080 above (2 at 3840x2160).
  double pixelsPerPoint = 1.0;
  geo::MapProjection projection;  // the flat map's (also used for the map's world copies)
};

inline constexpr double kVerticalFieldOfViewDegrees = 40.0;

View makeView(const timeline::CameraPose& pose, ViewMode mode, int width, int height);

// Where a point lands on screen (pixels from the top-left), or nothing when it is behind the
// camera or beyond the horizon.
struct ScreenPoint {
  bool visible = false;
  double x = 0, y = 0;
};
ScreenPoint projectToScreen(const View& view, const geo::LonLat& point);

// Where to draw geometry spanning map x in xRange: on the globe once (shift 0); on the flat map
// once per copy of the world on screen, each shifted by whole world widths.
std::vector<double> worldCopyShifts(const View& view, glm::dvec2 xRange);

}  // namespace corridor::scene
