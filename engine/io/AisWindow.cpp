#include "io/AisWindow.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <tuple>
#include <vector>

namespace corridor::io {

core::Result<AisBox> parseAisBox(const std::string& text) {
  std::vector<double> values;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    char* end = nullptr;
    const double value = std::strtod(item.c_str(), &end);
    if (item.empty() || end != item.c_str() + item.size()) {
      return core::usageError("--bbox '" + text + "': '" + item + "' is not a number; expected WEST,SOUTH,EAST,NORTH in degrees");
    }
    values.push_back(value);
  }
  if (values.size() != 4) {
    return core::usageError("--bbox '" + text + "': expected 4 numbers WEST,SOUTH,EAST,NORTH in degrees, got " +
                            std::to_string(values.size()));
  }
  for (double value : values) {
    if (!std::isfinite(value)) return core::usageError("--bbox '" + text + "': every value must be a finite number of degrees");
  }
  const AisBox box{values[0], values[1], values[2], values[3]};
  auto longitude = [](double lon) { return lon >= -180 && lon <= 180; };
  if (!longitude(box.west) || !longitude(box.east) || box.south < -90 || box.north > 90 || box.south > box.north) {
    return core::usageError("--bbox '" + text + "': longitudes must lie in [-180, 180] and SOUTH <= NORTH in [-90, 90] "
                            "(WEST > EAST is a box across the antimeridian)");
  }
  return box;
}

AisWindow AisWindow::widened(core::UtcMicros extra) const {
  AisWindow wider = *this;
  if (from != AisWindow{}.from) wider.from = from - extra;
  if (to != AisWindow{}.to) wider.to = to + extra;
  wider.margin += extra;
  return wider;
}

AisWindow AisWindow::inner() const {
  AisWindow narrower = *this;
  if (from != AisWindow{}.from) narrower.from = from + margin;
  if (to != AisWindow{}.to) narrower.to = to - margin;
  narrower.margin = 0;
  return narrower;
}

bool AisNearestOutside::inside(const AisPoint& point) {
  if (point.time >= from_ && point.time < to_) return true;
  Sides& sides = nearest_[point.vessel];
  const bool before = point.time < from_;
  std::vector<AisPoint>& side = before ? sides.before : sides.after;
  const auto order = [](const AisPoint& p) { return std::tuple(p.time, p.latE7, p.lonE7); };
  const auto nearer = [&](const AisPoint& a, const AisPoint& b) { return before ? order(a) > order(b) : order(a) < order(b); };
  const auto at = std::lower_bound(side.begin(), side.end(), point, nearer);
  if (at != side.end() && order(*at) == order(point)) return false;  // a repeat
  side.insert(at, point);
  if (side.size() > kPerSide) side.pop_back();
  return false;
}

std::vector<AisPoint> AisNearestOutside::take() {
  std::vector<AisPoint> points;
  for (const auto& [vessel, sides] : nearest_) {
    points.insert(points.end(), sides.before.begin(), sides.before.end());
    points.insert(points.end(), sides.after.begin(), sides.after.end());
  }
  nearest_.clear();
  return points;
}

std::string AisWindow::describe() const {
  return (from != AisWindow{}.from ? core::formatIso8601(from) : std::string("start")) + " .. " +
         (to != AisWindow{}.to ? core::formatIso8601(to) : std::string("end"));
}

}  // namespace corridor::io
