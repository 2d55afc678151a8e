#include "app/AisVesselLayer.h"

#include <algorithm>
#include <cmath>

#include "geo/Longitude.h"

namespace corridor::app {
namespace {

// Where the vessel of `track` is at `time` (which lies within the track), longitudes of the
// two reports unwrapped first so the interpolation never crosses the map.
geo::LonLat positionAt(const io::AisTrackSet& set, const io::AisTrack& track, core::UtcMicros time) {
  const auto begin = set.time.begin() + track.begin, end = set.time.begin() + track.end;
  const auto next = std::upper_bound(begin, end, time);
  if (next == end) return {set.lon(track.end - 1), set.lat(track.end - 1)};
  if (next == begin) return {set.lon(track.begin), set.lat(track.begin)};
  const auto i = std::size_t(next - set.time.begin());
  const double f = double(time - set.time[i - 1]) / double(set.time[i] - set.time[i - 1]);
  double lon0 = set.lon(i - 1), lon1 = set.lon(i);
  if (lon1 - lon0 > 180) lon1 -= 360;
  if (lon0 - lon1 > 180) lon1 += 360;
  return {geo::normalizeLongitude(lon0 + f * (lon1 - lon0)), set.lat(i - 1) + f * (set.lat(i) - set.lat(i - 1))};
}

// The report's position, its longitude within 180 degrees of `near`'s.
geo::LonLat reportNear(const io::AisTrackSet& set, std::size_t i, double near) {
  double lon = set.lon(i);
  if (lon - near > 180) lon -= 360;
  if (near - lon > 180) lon += 360;
  return {lon, set.lat(i)};
}

// How much a held vessel's glyph shows: seen there, not there now.
constexpr float kHeldOpacity = 0.6f;

}  // namespace

glm::vec4 aisTypeColor(int aisType) {
  if (aisType >= 70 && aisType <= 79) return scene::fuelColor(sim::Fuel::MGO);           // cargo: amber
  if (aisType >= 80 && aisType <= 89) return scene::fuelColor(sim::Fuel::VLSFO);         // tanker: orange
  if (aisType >= 60 && aisType <= 69) return scene::fuelColor(sim::Fuel::LNG);           // passenger: light blue
  if (aisType == 30) return scene::fuelColor(sim::Fuel::GreenMethanol);                   // fishing: green
  if (aisType == 31 || aisType == 32 || aisType == 52 || (aisType >= 50 && aisType <= 59)) {
    return scene::fuelColor(sim::Fuel::GreyMethanol);                                     // tug, service: lavender
  }
  return {0.85f, 0.85f, 0.85f, 1.0f};                                              // other: light grey
}

core::UtcMicros aisHoldFor(double gapHours) {
  return std::min(kDefaultAisHold, core::UtcMicros(gapHours * 3600 * core::kMicrosPerSecond));
}

std::shared_ptr<const scene::Trips> buildAisTrips(const io::AisTrackSet& set, core::UtcMicros from, core::UtcMicros to,
                                                  core::UtcMicros trailSpan, core::UtcMicros hold) {
  scene::Trips trips;
  trips.from = from;
  trips.to = to;
  trips.trailSpan = trailSpan;
  const core::UtcMicros earliest = from - trailSpan;
  // The legs that reach into [earliest, to] of each track: from its last report at or before
  // `earliest` to its last before `to`. Counted first: a day holds millions.
  struct Legs {
    std::size_t first = 0, end = 0;  // legs start at the reports [first, end)
    bool shown = false;
  };
  std::vector<Legs> legs(set.tracks.size());
  std::size_t count = 0;
  for (std::size_t t = 0; t < set.tracks.size(); ++t) {
    const io::AisTrack& track = set.tracks[t];
    if (set.time[track.end - 1] + hold < earliest || set.time[track.begin] > to) continue;
    const auto begin = set.time.begin() + track.begin, end = set.time.begin() + track.end;
    const auto reached = std::size_t(std::upper_bound(begin, end, earliest) - set.time.begin());
    const auto past = std::size_t(std::upper_bound(begin, end, to) - set.time.begin());
    legs[t] = {reached > track.begin ? reached - 1 : track.begin, std::min<std::size_t>(past, track.end - 1), true};
    count += legs[t].end - legs[t].first + 1;
  }
  trips.segments.reserve(count);
  for (std::size_t t = 0; t < set.tracks.size(); ++t) {
    if (!legs[t].shown) continue;
    const io::AisTrack& track = set.tracks[t];
    const core::UtcMicros last = set.time[track.end - 1];
    const glm::vec4 color = aisTypeColor(set.vessels[track.vessel].aisType);
    for (std::size_t i = legs[t].first; i < legs[t].end; ++i) {
      const geo::LonLat a{set.lon(i), set.lat(i)};
      trips.segments.push_back({a, reportNear(set, i + 1, a.lon), set.time[i], set.time[i + 1], color});
    }
    if (hold > 0 && last <= to && last + hold >= earliest) {
      const geo::LonLat at{set.lon(track.end - 1), set.lat(track.end - 1)};
      trips.segments.push_back({at, at, last, last + hold, glm::vec4(glm::vec3(color), color.a * kHeldOpacity)});
    }
  }
  return scene::finishTrips(std::move(trips));
}

std::vector<std::pair<std::uint32_t, geo::LonLat>> aisPositionsAt(const io::AisTrackSet& set, core::UtcMicros time,
                                                                  core::UtcMicros hold) {
  std::vector<std::pair<std::uint32_t, geo::LonLat>> positions;
  for (std::uint32_t t = 0; t < set.tracks.size(); ++t) {
    const io::AisTrack& track = set.tracks[t];
    const core::UtcMicros last = set.time[track.end - 1];
    if (set.time[track.begin] <= time && time <= last + hold) {
      positions.emplace_back(t, positionAt(set, track, std::min(time, last)));
    }
  }
  return positions;
}

}  // namespace corridor::app
