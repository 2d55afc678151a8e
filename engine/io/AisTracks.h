#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/NoInitVector.h"
#include "core/Time.h"
#include "io/AisReader.h"
#include "io/AisTypes.h"

namespace corridor::io {

struct AisTrackOptions {
  double gapHours = 6;           // a silence longer than this starts a new track
  double maxSpeedKnots = 50;     // a move implying more than this is a jump, not sailing
};

// A track: one vessel's points [begin, end) in the track set's columns, in time order.
struct AisTrack {
  std::uint32_t vessel = 0;  // index into AisTrackSet::vessels
  std::uint32_t begin = 0, end = 0;
  std::uint32_t size() const { return end - begin; }
};

// Clean tracks, columnar: one entry per kept point in each column, tracks contiguous.
struct AisTrackSet {
  std::vector<AisVesselInfo> vessels;  // by key: MMSIs, then text ids
  std::vector<AisTrack> tracks;
  core::NoInitVector<core::UtcMicros> time;
  core::NoInitVector<std::int32_t> latE7, lonE7;
  core::NoInitVector<std::int16_t> sogTenths, cogTenths, heading;  // -1: not available

  std::size_t pointCount() const { return time.size(); }
  double lat(std::size_t i) const { return latE7[i] * 1e-7; }
  double lon(std::size_t i) const { return lonE7[i] * 1e-7; }
  // Memory held by the columns and the track table (not the vessel names).
  std::size_t pointBytes() const;
};

// Groups the accepted rows by vessel, sorts each vessel's rows by time, drops exact duplicates
// (same vessel, time and position) and implausible jumps (counted in `counts`), and splits
// tracks at time gaps. Longitudes stay in [-180, 180]: a vessel crossing the antimeridian
// keeps one track (distances are great-circle). Consumes `raw` to bound memory.
AisTrackSet buildAisTracks(AisRawData&& raw, const AisTrackOptions& options, AisCounts& counts,
                           int threads = 0);

// Each vessel's points (by its position in `index`) where every vessel's points are one run of
// one chunk, as an archive reads them: buildAisTracks then takes them from there, with no index
// sorted by vessel, and hands each chunk back once its vessels are done. None where a vessel's
// points are in two runs or more.
std::optional<std::vector<std::span<AisPoint>>> vesselRuns(std::vector<std::vector<AisPoint>>& chunks,
                                                           const AisVesselTable& index);

// The points of a track to draw within `toleranceMetres` of the full track (Douglas-Peucker on
// the sphere, so the antimeridian is no edge): indices into the set's columns, first and last
// kept. Every kept point keeps its time.
std::vector<std::uint32_t> simplifyAisTrack(const AisTrackSet& set, const AisTrack& track,
                                            double toleranceMetres);

// Great-circle distance in metres on the mean Earth sphere (R = 6371.0088 km).
double greatCircleMetres(double lat1, double lon1, double lat2, double lon2);

}  // namespace corridor::io
