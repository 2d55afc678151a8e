#include "geo/Subdivide.h"

#include <algorithm>
#include <cmath>

#include "geo/Longitude.h"

namespace corridor::geo {
namespace {

double edgeLength(const LonLat& a, const LonLat& b) {
  return std::hypot(b.lon - a.lon, b.lat - a.lat);
}

LonLat lerp(const LonLat& a, const LonLat& b, double t) {
  return {a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t};
}

}  // namespace

Polyline subdividePolyline(const Polyline& input, double maxStepDegrees) {
  Polyline path = input;
  unwrapLongitudes(path);
  return densify(path, maxStepDegrees);
}

Polyline densify(const Polyline& path, double maxStepDegrees) {
  Polyline result;
  if (path.empty()) return result;
  result.push_back(path.front());
  for (std::size_t i = 1; i < path.size(); ++i) {
    const LonLat& a = path[i - 1];
    const LonLat& b = path[i];
    const int steps = std::max(1, static_cast<int>(std::ceil(edgeLength(a, b) / maxStepDegrees)));
    for (int s = 1; s < steps; ++s) result.push_back(lerp(a, b, double(s) / steps));
    result.push_back(b);  // exactly: rings must stay closed
  }
  return result;
}

}  // namespace corridor::geo
