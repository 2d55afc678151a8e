#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <memory>
#include <vector>

#include "core/Time.h"
#include "geo/Types.h"
#include "scene/VesselLayer.h"
#include "sim/Fleet.h"

namespace corridor::scene {

// Ship tracks resident on the GPU (the idea of deck.gl's TripsLayer): every leg of every ship
// over a period with the time at each end, uploaded once. A frame only says what time it is;
// the vertex shader clips, fades and culls by time, so per-frame CPU work does not grow with the
// ships: two binary searches pick the legs that can show.
//
// Legs are stored as tracks of points, each point once (a leg joins a point to the next), so a
// ship's reports cost a point each, not two leg ends; the legs are an index by start time.
struct TripSegment {
  geo::LonLat a, b;  // b's longitude continuous with a's
  core::UtcMicros startTime = 0, endTime = 0;  // when the ship is at a, at b
  glm::vec4 color{1.0f};
};

// The resolution of trip times: the GPU counts ticks of 1/16 s (render/TripPass.cpp), and the
// builder rounds every time to them, so the legs the CPU picks for a moment and the leg the
// shader finds under way agree exactly.
inline constexpr core::UtcMicros kTripTick = core::kMicrosPerSecond / 16;

struct TripPoint {
  geo::LonLat at;
  core::UtcMicros time = 0;  // a whole number of kTripTick
  std::uint32_t color = 0;  // of the leg that starts here, RGBA8 as glm::packUnorm4x8 packs it
};

struct Trips {
  std::vector<TripPoint> points;    // tracks one after another, each in time order
  std::vector<std::uint32_t> legs;  // by start time: leg k joins points[legs[k]] to the point after it
  core::UtcMicros from = 0, to = 0;   // the moments they can be drawn at
  core::UtcMicros trailSpan = 0;
  core::UtcMicros longestSegment = 0;
  std::uint64_t revision = 0;  // unique per set: the renderer uploads a set once

  TripSegment segment(std::size_t leg) const;

  // Legs [first, first + count) that may show at `time`: a trail reaches back trailSpan; a
  // glyph sits on the leg under way at `time`.
  struct Range {
    std::size_t first = 0, count = 0;
  };
  Range trailRange(core::UtcMicros time) const;
  Range glyphRange(core::UtcMicros time) const;
};

// Collects legs into a set: a leg that starts where and when the previous one ended continues
// its track (sharing the point), any other starts a new track. Times are rounded to kTripTick.
class TripsBuilder {
 public:
  TripsBuilder(core::UtcMicros from, core::UtcMicros to, core::UtcMicros trailSpan);
  void reserve(std::size_t points) { trips_.points.reserve(points); trips_.legs.reserve(points); }
  void add(const TripSegment& leg);
  // Another set's tracks, as they are.
  void append(const Trips& set);
  // Sorts the legs by start time (legs starting together keep the order they were added in),
  // finds the longest and gives the set its revision.
  std::shared_ptr<const Trips> finish() &&;

 private:
  Trips trips_;
};

// The fleet's ships drawable from `from` to `to` (their trails reach back before `from`):
// along each route in chords within 250 m of its 10 km points, at berth legs standing still
// (of up to 3 hours each). Coloured per section as `coloring` says (fuel of the voyage, class,
// CO2 per hour of the section, or the colour of variant number `variant`).
std::shared_ptr<const Trips> buildTrips(const sim::Fleet& fleet, core::UtcMicros from, core::UtcMicros to,
                                        core::UtcMicros trailSpan, VesselColoring coloring, std::size_t variant = 0);
// The legs of several fleets (of the same period) as one set: where legs coincide, the later
// fleet's are drawn over the earlier's.
std::shared_ptr<const Trips> mergeTrips(const std::vector<std::shared_ptr<const Trips>>& sets);

}  // namespace corridor::scene
