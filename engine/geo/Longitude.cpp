#include "geo/Longitude.h"

#include <cmath>

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

}  // namespace corridor::geo
