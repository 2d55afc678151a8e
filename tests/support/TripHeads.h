#pragma once
// Where the ships of a trips set are at one moment, as the glyph shader places them.
#include <algorithm>
#include <vector>

#include "scene/Trips.h"

namespace corridor::test {

struct TripHead {
  geo::LonLat position;
  glm::vec4 color;
};

// Trips store colours as RGBA8: a colour read back is within half a step of each channel.
inline bool sameTripColor(const glm::vec4& stored, const glm::vec4& wanted) {
  const glm::vec4 difference = glm::abs(stored - wanted);
  return std::max(std::max(difference.r, difference.g), std::max(difference.b, difference.a)) <= 0.5f / 255;
}

inline std::vector<TripHead> tripHeadsAt(const scene::Trips& trips, core::UtcMicros time) {
  std::vector<TripHead> heads;
  const scene::Trips::Range range = trips.glyphRange(time);
  for (std::size_t i = range.first; i < range.first + range.count; ++i) {
    const scene::TripSegment s = trips.segment(i);
    if (time < s.startTime || time >= s.endTime) continue;
    const double f = double(time - s.startTime) / double(s.endTime - s.startTime);
    heads.push_back({{s.a.lon + (s.b.lon - s.a.lon) * f, s.a.lat + (s.b.lat - s.a.lat) * f}, s.color});
  }
  return heads;
}

}  // namespace corridor::test
