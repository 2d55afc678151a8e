#include "scene/Trips.h"

#include <algorithm>
#include <atomic>
#include <glm/gtc/packing.hpp>

#include "geo/Subdivide.h"
#include "sim/Inventory.h"

namespace corridor::scene {
namespace {

std::uint64_t nextRevision() {
  static std::atomic<std::uint64_t> revision{0};
  return ++revision;
}

glm::vec4 sectionColor(const sim::Fleet& fleet, const sim::Ship& ship, const sim::Section& section,
                       VesselColoring coloring, std::size_t variant) {
  const sim::Scenario& scenario = fleet.scenario();
  switch (coloring) {
    case VesselColoring::VesselClass: {
      const std::string& id = scenario.services[ship.service].vesselClass;
      const auto found = std::find_if(scenario.classes.begin(), scenario.classes.end(),
                                      [&](const sim::VesselClass& c) { return c.id == id; });
      return classColor(std::size_t(found - scenario.classes.begin()));
    }
    case VesselColoring::Co2Intensity:
      return intensityColor(sim::sectionRate(scenario, fleet, ship, section).co2 / 1000);
    case VesselColoring::Variant: return variantColor(scenario.variant, variant);
    case VesselColoring::Fuel: break;
  }
  return fuelColor(fleet.voyages()[section.voyage].fuel);
}

// Legs are drawn as straight chords, so a route's 10 km points are thinned to those a chord
// must pass within this distance of (in metres, the chord's sag under the surface included).
constexpr double kChordToleranceMeters = 250.0;
constexpr core::UtcMicros kLongestStandingLeg = 3 * 3600LL * core::kMicrosPerSecond;

// The distances along a route of the points its trip legs join.
std::vector<double> legEnds(const sim::Route& route) {
  const std::vector<bool> keep = geo::chordPoints(route.points(), kChordToleranceMeters);
  std::vector<double> ends;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) ends.push_back(route.distances()[i]);
  }
  return ends;
}

// A section under way: one leg between each pair of leg ends it passes, at the times a ship at
// the section's constant speed is there.
void addUnderWay(const sim::Fleet& fleet, const sim::Section& section, const std::vector<double>& distances,
                 const glm::vec4& color, TripsBuilder& out) {
  const sim::Route& route = fleet.routeOf(fleet.voyages()[section.voyage]);
  const double from = section.fromMeters, to = section.toMeters;
  std::vector<double> stops{from};
  const auto first = std::upper_bound(distances.begin(), distances.end(), std::min(from, to));
  const auto last = std::lower_bound(distances.begin(), distances.end(), std::max(from, to));
  if (from <= to) {
    stops.insert(stops.end(), first, last);
  } else {
    stops.insert(stops.end(), std::make_reverse_iterator(last), std::make_reverse_iterator(first));
  }
  stops.push_back(to);
  const double duration = double(section.end - section.start);
  auto timeAt = [&](double meters) {
    return section.start + core::UtcMicros(duration * (meters - from) / (to - from));
  };
  for (std::size_t i = 1; i < stops.size(); ++i) {
    geo::LonLat a = route.at(stops[i - 1]), b = route.at(stops[i]);
    out.add({a, b, timeAt(stops[i - 1]), i + 1 == stops.size() ? section.end : timeAt(stops[i]), color});
  }
}

}  // namespace

TripSegment Trips::segment(std::size_t leg) const {
  const TripPoint& a = points[legs[leg]];
  const TripPoint& b = points[legs[leg] + 1];
  return {a.at, b.at, a.time, b.time, glm::unpackUnorm4x8(a.color)};
}

Trips::Range Trips::trailRange(core::UtcMicros time) const {
  auto startsBefore = [&](std::uint32_t leg, core::UtcMicros t) { return points[leg].time < t; };
  const auto first = std::lower_bound(legs.begin(), legs.end(), time - trailSpan - longestSegment, startsBefore);
  const auto last = std::upper_bound(first, legs.end(), time,
                                     [&](core::UtcMicros t, std::uint32_t leg) { return t < points[leg].time; });
  return {std::size_t(first - legs.begin()), std::size_t(last - first)};
}

Trips::Range Trips::glyphRange(core::UtcMicros time) const {
  const Range trails = trailRange(time);
  auto startsBefore = [&](std::uint32_t leg, core::UtcMicros t) { return points[leg].time < t; };
  const auto begin = legs.begin() + std::ptrdiff_t(trails.first);
  const auto first = std::lower_bound(begin, begin + std::ptrdiff_t(trails.count), time - longestSegment, startsBefore);
  return {std::size_t(first - legs.begin()), trails.first + trails.count - std::size_t(first - legs.begin())};
}

TripsBuilder::TripsBuilder(core::UtcMicros from, core::UtcMicros to, core::UtcMicros trailSpan) {
  trips_.from = from;
  trips_.to = to;
  trips_.trailSpan = trailSpan;
}

namespace {

// The nearest whole tick (halves up), for times before 1970 too.
core::UtcMicros nearestTick(core::UtcMicros time) {
  const core::UtcMicros shifted = time + kTripTick / 2;
  const core::UtcMicros ticks = shifted / kTripTick - (shifted % kTripTick < 0 ? 1 : 0);
  return ticks * kTripTick;
}

}  // namespace

void TripsBuilder::add(const TripSegment& leg) {
  const std::uint32_t color = glm::packUnorm4x8(leg.color);
  const core::UtcMicros start = nearestTick(leg.startTime), end = nearestTick(leg.endTime);
  std::vector<TripPoint>& points = trips_.points;
  const bool continues = !points.empty() && points.back().time == start && points.back().at.lon == leg.a.lon &&
                         points.back().at.lat == leg.a.lat;
  if (continues) {
    points.back().color = color;
  } else {
    points.push_back({leg.a, start, color});
  }
  trips_.legs.push_back(std::uint32_t(points.size() - 1));
  points.push_back({leg.b, end, color});
  trips_.longestSegment = std::max(trips_.longestSegment, end - start);
}

void TripsBuilder::append(const Trips& set) {
  const auto offset = std::uint32_t(trips_.points.size());
  trips_.points.insert(trips_.points.end(), set.points.begin(), set.points.end());
  for (const std::uint32_t leg : set.legs) trips_.legs.push_back(offset + leg);
  trips_.longestSegment = std::max(trips_.longestSegment, set.longestSegment);
}

std::shared_ptr<const Trips> TripsBuilder::finish() && {
  const std::vector<TripPoint>& points = trips_.points;
  std::stable_sort(trips_.legs.begin(), trips_.legs.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return points[a].time < points[b].time; });
  trips_.revision = nextRevision();
  return std::make_shared<const Trips>(std::move(trips_));
}

std::shared_ptr<const Trips> buildTrips(const sim::Fleet& fleet, core::UtcMicros from, core::UtcMicros to,
                                        core::UtcMicros trailSpan, VesselColoring coloring, std::size_t variant) {
  TripsBuilder trips(from, to, trailSpan);
  std::vector<std::vector<double>> ends(fleet.routes().size());  // by route, when first used
  for (const sim::Ship& ship : fleet.ships()) {
    for (const sim::Section& section : ship.sections) {
      if (section.end < from - trailSpan || section.start > to) continue;
      const glm::vec4 color = sectionColor(fleet, ship, section, coloring, variant);
      if (section.fromMeters == section.toMeters) {
        // In pieces of a few hours: the longest leg bounds how far back a frame must look.
        const geo::LonLat at = fleet.positionIn(section, section.start);
        for (core::UtcMicros t = section.start; t < section.end; t += kLongestStandingLeg) {
          trips.add({at, at, t, std::min(section.end, t + kLongestStandingLeg), color});
        }
      } else {
        const std::size_t route = fleet.voyages()[section.voyage].route;
        if (ends[route].empty()) ends[route] = legEnds(fleet.routes()[route]);
        addUnderWay(fleet, section, ends[route], color, trips);
      }
    }
  }
  return std::move(trips).finish();
}

std::shared_ptr<const Trips> mergeTrips(const std::vector<std::shared_ptr<const Trips>>& sets) {
  TripsBuilder merged(sets.front()->from, sets.front()->to, sets.front()->trailSpan);
  for (const auto& set : sets) merged.append(*set);
  return std::move(merged).finish();  // a stable sort: equal start times keep the sets' order
}

}  // namespace corridor::scene
