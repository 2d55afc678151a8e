#include "scene/Picking.h"

namespace corridor::scene {

std::optional<std::size_t> pickNearest(const View& view, std::span<const geo::LonLat> points, double x, double y,
                                       double radiusPixels) {
  std::optional<std::size_t> best;
  double bestDistance2 = radiusPixels * radiusPixels;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const ScreenPoint at = projectToScreen(view, points[i]);
    if (!at.visible) continue;
    const double d2 = (at.x - x) * (at.x - x) + (at.y - y) * (at.y - y);
    if (d2 <= bestDistance2) {
      bestDistance2 = d2;
      best = i;
    }
  }
  return best;
}

}  // namespace corridor::scene
