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

// Course in degrees: the report's COG where AIS has it, else the direction of travel.
double courseAt(const io::AisTrackSet& set, const io::AisTrack& track, core::UtcMicros time) {
  const auto begin = set.time.begin() + track.begin, end = set.time.begin() + track.end;
  const auto i = std::size_t(std::max(begin, std::upper_bound(begin, end, time) - 1) - set.time.begin());
  if (set.cogTenths[i] >= 0) return set.cogTenths[i] / 10.0;
  const std::size_t from = i + 1 < track.end || i == track.begin ? i : i - 1;
  const std::size_t to = std::min<std::size_t>(from + 1, track.end - 1);
  double dLon = set.lon(to) - set.lon(from);
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  return std::atan2(dLon * std::cos(set.lat(from) * M_PI / 180), set.lat(to) - set.lat(from)) * 180 / M_PI;
}

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

std::shared_ptr<const scene::VesselLayer> buildAisVesselLayer(const io::AisTrackSet& set, core::UtcMicros time,
                                                              const scene::VesselLayerOptions& options,
                                                              core::UtcMicros hold) {
  auto layer = std::make_shared<scene::VesselLayer>();
  const core::UtcMicros windowStart = time - options.trailSpan;
  for (const io::AisTrack& track : set.tracks) {
    const core::UtcMicros first = set.time[track.begin], last = set.time[track.end - 1];
    if (first > time || (last < windowStart && last + hold < time)) continue;
    const glm::vec4 color = aisTypeColor(set.vessels[track.vessel].aisType);
    if (time <= last + hold) {
      const core::UtcMicros at = std::min(time, last);
      const geo::LonLat here = positionAt(set, track, at);
      glm::vec4 glyphColor = color;
      if (time > last) glyphColor.a *= float(1.0 - 0.7 * double(time - last) / double(hold));
      layer->glyphs.push_back({here, scene::glyphAhead(here, courseAt(set, track, at)), glyphColor});
    }
    geo::Polyline trail;
    std::vector<float> ages;
    // Samples over the part of the window the track covers, so short tracks get a trail too.
    const core::UtcMicros from = std::max(first, windowStart), to = std::min(last, time);
    for (int s = 0; s <= options.trailSamples && to > from; ++s) {
      const core::UtcMicros t = from + (to - from) * s / options.trailSamples;
      trail.push_back(positionAt(set, track, t));
      ages.push_back(float(double(time - t) / double(std::max<core::UtcMicros>(1, options.trailSpan))));
    }
    geo::unwrapLongitudes(trail);
    for (std::size_t i = 1; i < trail.size(); ++i) {
      if (trail[i].lon == trail[i - 1].lon && trail[i].lat == trail[i - 1].lat) continue;
      layer->trails.push_back({trail[i - 1], trail[i], ages[i - 1], ages[i], color});
    }
  }
  return layer;
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
