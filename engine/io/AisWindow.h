#pragma once
// The part of an AIS data set to read: a time window and an optional box.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

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
  core::UtcMicros margin = 0;  // by how much widened() widened it

  bool bounded() const { return from != AisWindow{}.from || to != AisWindow{}.to || box.has_value(); }
  bool contains(const AisPoint& point) const {
    return point.time >= from && point.time < to && (!box || box->contains(point.lon(), point.lat()));
  }
  // The window with `extra` more on each side (where a side is open it stays open).
  AisWindow widened(core::UtcMicros extra) const;
  // The window it was before widened().
  AisWindow inner() const;
  // "2023-01-01T00:00:00Z .. 2023-01-02T00:00:00Z" (open sides as "start", "end").
  std::string describe() const;
};

// Of the reports a widened window reads in its margins, each vessel's few nearest to the inner
// window on each side: all that its tracks and their interpolation need up to the inner window's
// edges (the margins are the gap limit wide, and a track ends at a longer silence), at a fraction
// of the memory of the whole margins (for a picture's window of 1.5 hours, 12 hours of margins).
// Eight, not one: cleaning judges a report by the kept one before the last and by the next one,
// and a report it drops passes that judgement on, so the reports at the inner window's edges are
// judged as with the whole margins unless more than six reports in a row beside an edge are
// dropped. Repeats of a report (the same time and place, from two files) take no place, and
// reports at the same time are ranked by position, as the tracks' sort ranks them.
class AisNearestOutside {
 public:
  static constexpr std::size_t kPerSide = 8;

  explicit AisNearestOutside(const AisWindow& inner) : from_(inner.from), to_(inner.to) {}
  // True for a report inside the inner window's times; any other is kept while it is among its
  // vessel's nearest on its side.
  bool inside(const AisPoint& point);
  // The nearest reports kept (the object is left empty).
  std::vector<AisPoint> take();

 private:
  struct Sides {
    std::vector<AisPoint> before, after;  // each nearest first, at most kPerSide
  };
  core::UtcMicros from_, to_;
  std::unordered_map<std::uint32_t, Sides> nearest_;
};

}  // namespace corridor::io
