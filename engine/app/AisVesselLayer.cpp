#include "app/AisVesselLayer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/Longitude.h"
#include "geo/MapProjection.h"
#include "geo/Subdivide.h"

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

// When the vessel of track `t` stops being held at its last report: after `hold`, or when its
// next track begins (tracks are by vessel, then time).
core::UtcMicros holdEnd(const io::AisTrackSet& set, std::size_t t, core::UtcMicros hold) {
  const io::AisTrack& track = set.tracks[t];
  const core::UtcMicros end = set.time[track.end - 1] + hold;
  const bool vesselGoesOn = t + 1 < set.tracks.size() && set.tracks[t + 1].vessel == track.vessel;
  return vesselGoesOn ? std::min(end, set.time[set.tracks[t + 1].begin]) : end;
}

// Legs are cut to at most this long: a frame looks back over the trail plus the longest leg,
// and reports of a vessel may be hours apart.
constexpr core::UtcMicros kLongestLeg = 30 * 60 * core::kMicrosPerSecond;

// How many pieces addLeg cuts a leg from t0 to t1 into.
core::UtcMicros legPieces(core::UtcMicros t0, core::UtcMicros t1) {
  return std::max<core::UtcMicros>(1, (t1 - t0 + kLongestLeg - 1) / kLongestLeg);
}

// The leg from `a` at t0 to `b` at t1 in pieces no longer than kLongestLeg (positions linear in
// longitude and latitude, as between reports).
void addLeg(scene::TripsBuilder& legs, geo::LonLat a, geo::LonLat b, core::UtcMicros t0, core::UtcMicros t1,
            const glm::vec4& color) {
  const core::UtcMicros pieces = legPieces(t0, t1);
  auto at = [&](core::UtcMicros k) {
    if (k == pieces) return b;  // exactly, so the next leg continues the track
    const double f = double(k) / double(pieces);
    return geo::LonLat{a.lon + f * (b.lon - a.lon), a.lat + f * (b.lat - a.lat)};
  };
  for (core::UtcMicros k = 0; k < pieces; ++k) {
    legs.add({at(k), at(k + 1), t0 + (t1 - t0) * k / pieces, t0 + (t1 - t0) * (k + 1) / pieces, color});
  }
}

// How much a held vessel's glyph shows: seen there, not there now.
constexpr float kHeldOpacity = 0.6f;

// The reports a trip leaves out at a tolerance (none at 0): where the position between the
// kept ones, linear in time as the shader moves a glyph, stays within the tolerance of the
// position between all of them at every moment (the synchronized Euclidean distance of
// Meratnia and de By's TD-TR, by Douglas-Peucker), longitudes unwrapped along the track.
class ReportsLeftOut {
 public:
  ReportsLeftOut(const io::AisTrackSet& set, double toleranceDegrees) : set_(set), tolerance_(toleranceDegrees) {
    if (tolerance_ > 0) leftOut_.resize(set.time.size());
  }

  // Decides for the reports between `first` and `last` (both kept).
  void mark(std::size_t first, std::size_t last) {
    if (tolerance_ <= 0 || last - first < 2) return;
    lon_.assign(1, set_.lon(first));
    for (std::size_t i = first + 1; i <= last; ++i) lon_.push_back(reportNear(set_, i, lon_.back()).lon);
    // Report i's distance from where the vessel is at its time between reports a and b; a leg
    // spanning half the world would be drawn the other way round (reportNear), so it is split.
    const auto apart = [&](std::size_t i, std::size_t a, std::size_t b) {
      if (std::abs(lon_[b] - lon_[a]) >= 180) return std::numeric_limits<double>::infinity();
      const auto time = [&](std::size_t k) { return double(set_.time[first + k]); };
      const double f = time(b) == time(a) ? 0.0 : (time(i) - time(a)) / (time(b) - time(a));
      const double lon = lon_[a] + f * (lon_[b] - lon_[a]);
      const double lat = set_.lat(first + a) + f * (set_.lat(first + b) - set_.lat(first + a));
      return std::hypot(lon_[i] - lon, set_.lat(first + i) - lat);
    };
    const std::vector<bool> keep = geo::douglasPeucker(last - first + 1, tolerance_, apart);
    for (std::size_t k = 0; k < keep.size(); ++k) leftOut_[first + k] = !keep[k];
  }

  // Calls leg(a, b) for each two consecutive reports kept of [first, last].
  template <class Leg>
  void forEachLeg(std::size_t first, std::size_t last, const Leg& leg) const {
    for (std::size_t a = first, b = first + 1; b <= last; ++b) {
      if (b < last && !leftOut_.empty() && leftOut_[b]) continue;
      leg(a, b);
      a = b;
    }
  }

 private:
  const io::AisTrackSet& set_;
  double tolerance_;
  std::vector<bool> leftOut_;  // by report; empty without a tolerance
  std::vector<double> lon_;    // the track's longitudes, unwrapped
};

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
                                                  core::UtcMicros trailSpan, core::UtcMicros hold,
                                                  double toleranceDegrees) {
  scene::TripsBuilder trips(from, to, trailSpan);
  const core::UtcMicros earliest = from - trailSpan;
  // The legs that reach into [earliest, to] of each track: from its last report at or before
  // `earliest` to its last at or before `to`, then held at the last report if it is in time.
  // Counted first, pieces included: a day holds millions of points, and a vector outgrowing
  // its reserve by one doubles.
  struct Legs {
    std::size_t first = 0, last = 0;  // legs join the reports [first, last] not left out
    bool shown = false;
    core::UtcMicros heldUntil = 0;  // 0: not held
  };
  std::vector<Legs> legs(set.tracks.size());
  ReportsLeftOut leftOut(set, toleranceDegrees);
  std::size_t count = 0;
  for (std::size_t t = 0; t < set.tracks.size(); ++t) {
    const io::AisTrack& track = set.tracks[t];
    const core::UtcMicros heldUntil = holdEnd(set, t, hold), last = set.time[track.end - 1];
    if (heldUntil < earliest || set.time[track.begin] > to) continue;
    const auto begin = set.time.begin() + track.begin, end = set.time.begin() + track.end;
    const auto reached = std::size_t(std::upper_bound(begin, end, earliest) - set.time.begin());
    const auto past = std::size_t(std::upper_bound(begin, end, to) - set.time.begin());
    Legs& shown = legs[t];
    shown = {reached > track.begin ? reached - 1 : track.begin, std::min<std::size_t>(past, track.end - 1), true};
    if (heldUntil > last && last <= to) shown.heldUntil = heldUntil;
    leftOut.mark(shown.first, shown.last);
    count += 2;  // the track's first point, and one to spare
    leftOut.forEachLeg(shown.first, shown.last, [&](std::size_t a, std::size_t b) {
      count += std::size_t(legPieces(set.time[a], set.time[b]));
      // A leg across 180 degrees ends at the unwrapped longitude; the next starts anew.
      count += std::abs(set.lon(b) - set.lon(a)) > 180;
    });
    if (shown.heldUntil != 0) count += std::size_t(legPieces(last, shown.heldUntil));
  }
  trips.reserve(count);
  for (std::size_t t = 0; t < set.tracks.size(); ++t) {
    if (!legs[t].shown) continue;
    const io::AisTrack& track = set.tracks[t];
    const glm::vec4 color = aisTypeColor(set.vessels[track.vessel].aisType);
    leftOut.forEachLeg(legs[t].first, legs[t].last, [&](std::size_t a, std::size_t b) {
      const geo::LonLat start{set.lon(a), set.lat(a)};
      addLeg(trips, start, reportNear(set, b, start.lon), set.time[a], set.time[b], color);
    });
    if (legs[t].heldUntil != 0) {
      const geo::LonLat at{set.lon(track.end - 1), set.lat(track.end - 1)};
      const glm::vec4 faded(glm::vec3(color), color.a * kHeldOpacity);
      addLeg(trips, at, at, set.time[track.end - 1], legs[t].heldUntil, faded);
    }
  }
  return std::move(trips).finish();
}

double aisTripTolerance(const scene::View& view, double zoomHeadroom) {
  const double quarterPixel =
      0.25 * view.metersPerPixelNearest / geo::MapProjection::kMetersPerDegree / zoomHeadroom;
  return quarterPixel >= kLeastAisTripTolerance ? std::exp2(std::floor(std::log2(quarterPixel))) : 0.0;
}

std::vector<std::pair<std::uint32_t, geo::LonLat>> aisPositionsAt(const io::AisTrackSet& set, core::UtcMicros time,
                                                                  core::UtcMicros hold) {
  std::vector<std::pair<std::uint32_t, geo::LonLat>> positions;
  for (std::uint32_t t = 0; t < set.tracks.size(); ++t) {
    const io::AisTrack& track = set.tracks[t];
    const core::UtcMicros last = set.time[track.end - 1];
    if (set.time[track.begin] <= time && (time <= last || time < holdEnd(set, t, hold))) {
      positions.emplace_back(t, positionAt(set, track, std::min(time, last)));
    }
  }
  return positions;
}

}  // namespace corridor::app
