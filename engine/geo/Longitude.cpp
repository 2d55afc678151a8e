#include "geo/Longitude.h"

#include <cmath>
#include <vector>

namespace corridor::geo {

double normalizeLongitude(double lon) {
  double wrapped = std::fmod(lon + 180.0, 360.0);
  if (wrapped < 0) wrapped += 360.0;
  return wrapped - 180.0;
}

void unwrapLongitudes(Polyline& path) {
  for (std::size_t i = 1; i < path.size(); ++i) {
    const double step = normalizeLongitude(path[i].lon - path[i - 1].lon);
    path[i].lon = path[i - 1].lon + step;
  }
}

std::vector<Polyline> splitAtAntimeridian(const Polyline& input) {
  Polyline path = input;
  unwrapLongitudes(path);
  std::vector<Polyline> parts;
  if (path.empty()) return parts;
  // Which copy of the world a longitude is in: ..., [-540,-180), [-180,180), [180,540), ...
  auto band = [](double lon) { return std::floor((lon + 180.0) / 360.0); };
  Polyline current;
  auto add = [&](double lon, double lat, double shift) { current.push_back({lon - shift, lat}); };
  double shift = band(path.front().lon) * 360.0;
  add(path.front().lon, path.front().lat, shift);
  for (std::size_t i = 1; i < path.size(); ++i) {
    const LonLat& a = path[i - 1];
    const LonLat& b = path[i];
    double bandA = band(a.lon);
    const double bandB = band(b.lon);
    while (bandA != bandB) {
      // The boundary between the bands, and where the segment meets it.
      const double boundary = bandB > bandA ? (bandA + 1) * 360.0 - 180.0 : bandA * 360.0 - 180.0;
      const double t = (boundary - a.lon) / (b.lon - a.lon);
      const double lat = a.lat + (b.lat - a.lat) * t;
      add(boundary, lat, shift);
      parts.push_back(std::move(current));
      current.clear();
      bandA += bandB > bandA ? 1 : -1;
      shift = bandA * 360.0;
      add(boundary, lat, shift);
    }
    add(b.lon, b.lat, shift);
  }
  parts.push_back(std::move(current));
  return parts;
}

}  // namespace corridor::geo
