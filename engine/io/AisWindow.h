#pragma once
// The part of an AIS data set to read: a time window and an optional box.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "core/Result.h"
#include "core/Time.h"
#include "io/AisTypes.h"

namespace corridor::io {

// Degrees; west > east is a box across the antimeridian (170,-10,-170,10).
struct AisBox {
  double west = -180, south = -90, east = 180, north = 90;
  bool crossesAntimeridian() const { return west > east; }
  bool contains(double lon, double lat) const {
    if (lat < south || lat > north) return false;
    return crossesAntimeridian() ? lon >= west || lon <= east : lon >= west && lon <= east;
  }
};

// "W,S,E,N" in degrees; the error says what was expected.
core::Result<AisBox> parseAisBox(const std::string& text);

// Reports at times in [from, to) and, with a box, positions inside it.
struct AisWindow {
  core::UtcMicros from = std::numeric_limits<core::UtcMicros>::min();
  core::UtcMicros to = std::numeric_limits<core::UtcMicros>::max();
  std::optional<AisBox> box;

  bool bounded() const { return from != AisWindow{}.from || to != AisWindow{}.to || box.has_value(); }
  bool contains(const AisPoint& point) const {
    return point.time >= from && point.time < to && (!box || box->contains(point.lon(), point.lat()));
  }
  // The window with `margin` more on each side (where a side is open it stays open).
  AisWindow widened(core::UtcMicros margin) const;
  // "2023-01-01T00:00:00Z .. 2023-01-02T00:00:00Z" (open sides as "start", "end").
  std::string describe() const;
};

}  // namespace corridor::io
