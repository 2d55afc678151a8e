#include "io/AisTracks.h"

#include "geo/Subdivide.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <numbers>
#include <thread>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace corridor::io {
namespace {

constexpr double kEarthRadiusM = 6371008.8;
constexpr double kMetresPerSecondPerKnot = 1852.0 / 3600.0;
constexpr double kRadians = std::numbers::pi / 180.0;

double metresBetween(const AisPoint& a, const AisPoint& b) {
  return greatCircleMetres(a.lat(), a.lon(), b.lat(), b.lon());
}

// What happens to each of a vessel's points after sorting.
enum class Fate : std::uint8_t { Keep, StartTrack, Duplicate, Jump };

struct Cleaner {
  std::int64_t gapMicros;
  double maxSpeedMps;

  bool tooFast(const AisPoint& from, const AisPoint& to) const {
    // Timestamps are whole seconds: two reports in the same second may be a second apart.
    const double seconds = std::max(1.0, double(to.time - from.time) / core::kMicrosPerSecond);
    return metresBetween(from, to) > maxSpeedMps * seconds;
  }

  // Points sorted by (time, position). A jump that the next point agrees with is the vessel
  // really being elsewhere (or the previous fix having been wrong): a new track starts rather
  // than dropping the rest. A jump the next point does not follow is a spike: dropped.
  void classify(const std::vector<AisPoint>& points, std::size_t begin, std::size_t end,
                std::vector<Fate>& fates) const {
    std::size_t last = begin;
    fates[begin] = Fate::StartTrack;
    for (std::size_t i = begin + 1; i < end; ++i) {
      const AisPoint& p = points[i];
      const AisPoint& kept = points[last];
      if (p.time == kept.time && p.latE7 == kept.latE7 && p.lonE7 == kept.lonE7) {
        fates[i] = Fate::Duplicate;
        continue;
      }
      if (p.time - kept.time > gapMicros) {
        fates[i] = Fate::StartTrack;
        last = i;
        continue;
      }
      if (!tooFast(kept, p)) {
        fates[i] = Fate::Keep;
        last = i;
        continue;
      }
      const std::size_t next = nextDistinct(points, i, end);
      const bool nextFollowsKept = next < end && points[next].time - kept.time <= gapMicros && !tooFast(kept, points[next]);
      const bool nextFollowsThis = next < end && !tooFast(p, points[next]);
      if (!nextFollowsKept && nextFollowsThis) {
        fates[i] = Fate::StartTrack;
        last = i;
      } else {
        fates[i] = Fate::Jump;
      }
    }
  }

  static std::size_t nextDistinct(const std::vector<AisPoint>& points, std::size_t i, std::size_t end) {
    std::size_t next = i + 1;
    while (next < end && points[next].time == points[i].time && points[next].latE7 == points[i].latE7 &&
           points[next].lonE7 == points[i].lonE7) {
      ++next;
    }
    return next;
  }
};

double pointToSegmentMetres(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b) {
  const glm::dvec3 ab = b - a;
  const double length2 = glm::dot(ab, ab);
  const double t = length2 > 0 ? std::clamp(glm::dot(p - a, ab) / length2, 0.0, 1.0) : 0.0;
  return glm::length(p - (a + t * ab));
}

glm::dvec3 onSphere(double latDeg, double lonDeg) {
  const double lat = latDeg * kRadians, lon = lonDeg * kRadians;
  return kEarthRadiusM * glm::dvec3(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat));
}

}  // namespace

double greatCircleMetres(double lat1, double lon1, double lat2, double lon2) {
  const double dLat = (lat2 - lat1) * kRadians, dLon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dLon / 2) * std::sin(dLon / 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

std::size_t AisTrackSet::pointBytes() const {
  return time.capacity() * sizeof(core::UtcMicros) + (latE7.capacity() + lonE7.capacity()) * sizeof(std::int32_t) +
         (sogTenths.capacity() + cogTenths.capacity() + heading.capacity()) * sizeof(std::int16_t) +
         tracks.capacity() * sizeof(AisTrack);
}

AisTrackSet buildAisTracks(AisRawData&& raw, const AisTrackOptions& options, AisCounts& counts, int threads) {
  AisTrackSet set;
  // Vessels by MMSI; every accepted row's vessel has an entry in raw.vessels.
  set.vessels = raw.vessels.release();
  std::sort(set.vessels.begin(), set.vessels.end(), [](const auto& a, const auto& b) { return a.mmsi < b.mmsi; });
  AisVesselTable index;  // MMSI -> position in set.vessels
  for (const AisVesselInfo& info : set.vessels) index[info.mmsi];
  // Each point's vessel, looked up once.
  std::vector<std::vector<std::uint32_t>> vesselOf(raw.pointChunks.size());

  // Counting sort by vessel, chunk by chunk, each chunk freed once placed.
  std::vector<std::size_t> offsets(set.vessels.size() + 1, 0);
  for (std::size_t c = 0; c < raw.pointChunks.size(); ++c) {
    vesselOf[c].resize(raw.pointChunks[c].size());
    for (std::size_t i = 0; i < raw.pointChunks[c].size(); ++i) {
      vesselOf[c][i] = std::uint32_t(index.indexOf(raw.pointChunks[c][i].mmsi));
      ++offsets[vesselOf[c][i] + 1];
    }
  }
  for (std::size_t v = 0; v < set.vessels.size(); ++v) offsets[v + 1] += offsets[v];
  std::vector<AisPoint> points(offsets.back());
  {
    std::vector<std::size_t> cursor(offsets.begin(), offsets.end() - 1);
    for (std::size_t c = 0; c < raw.pointChunks.size(); ++c) {
      for (std::size_t i = 0; i < raw.pointChunks[c].size(); ++i) {
        points[cursor[vesselOf[c][i]]++] = raw.pointChunks[c][i];
      }
      raw.pointChunks[c] = {};
      vesselOf[c] = {};
    }
    raw.pointChunks = {};
  }

  // Per vessel: sort by time and decide each point's fate, on every core.
  const Cleaner cleaner{std::int64_t(options.gapHours * 3600 * core::kMicrosPerSecond),
                        options.maxSpeedKnots * kMetresPerSecondPerKnot};
  std::vector<Fate> fates(points.size(), Fate::Keep);
  auto cleanVessels = [&](std::size_t first, std::size_t last) {
    for (std::size_t v = first; v < last; ++v) {
      const auto begin = points.begin() + std::ptrdiff_t(offsets[v]), end = points.begin() + std::ptrdiff_t(offsets[v + 1]);
      std::sort(begin, end, [](const AisPoint& a, const AisPoint& b) {
        return std::tie(a.time, a.latE7, a.lonE7) < std::tie(b.time, b.latE7, b.lonE7);
      });
      if (begin != end) cleaner.classify(points, offsets[v], offsets[v + 1], fates);
    }
  };
  const std::size_t workers = std::max<std::size_t>(1, threads > 0 ? std::size_t(threads) : std::thread::hardware_concurrency());
  std::vector<std::future<void>> jobs;
  const std::size_t perWorker = points.size() / workers + 1;
  for (std::size_t v = 0; v < set.vessels.size();) {
    std::size_t end = v;
    while (end < set.vessels.size() && offsets[end] - offsets[v] < perWorker) ++end;
    end = std::max(end, v + 1);
    jobs.push_back(std::async(std::launch::async, cleanVessels, v, end));
    v = end;
  }
  for (auto& job : jobs) job.get();

  // Columns.
  std::size_t kept = 0;
  for (Fate fate : fates) kept += fate == Fate::Keep || fate == Fate::StartTrack;
  set.time.reserve(kept);
  set.latE7.reserve(kept);
  set.lonE7.reserve(kept);
  set.sogTenths.reserve(kept);
  set.cogTenths.reserve(kept);
  set.heading.reserve(kept);
  for (std::uint32_t v = 0; v < set.vessels.size(); ++v) {
    for (std::size_t i = offsets[v]; i < offsets[v + 1]; ++i) {
      if (fates[i] == Fate::Duplicate) { counts.drop(DropReason::Duplicate); continue; }
      if (fates[i] == Fate::Jump) { counts.drop(DropReason::ImplausibleJump); continue; }
      const auto at = std::uint32_t(set.time.size());
      if (fates[i] == Fate::StartTrack) set.tracks.push_back({v, at, at});
      const AisPoint& p = points[i];
      set.time.push_back(p.time);
      set.latE7.push_back(p.latE7);
      set.lonE7.push_back(p.lonE7);
      set.sogTenths.push_back(p.sogTenths);
      set.cogTenths.push_back(p.cogTenths);
      set.heading.push_back(p.heading);
      set.tracks.back().end = at + 1;
    }
  }
  set.tracks.shrink_to_fit();
  return set;
}

std::vector<std::uint32_t> simplifyAisTrack(const AisTrackSet& set, const AisTrack& track, double toleranceMetres) {
  std::vector<std::uint32_t> keptIndices;
  std::vector<glm::dvec3> positions(track.size());
  for (std::uint32_t i = 0; i < track.size(); ++i) {
    positions[i] = onSphere(set.lat(track.begin + i), set.lon(track.begin + i));
  }
  const std::vector<bool> keep =
      geo::douglasPeucker(track.size(), toleranceMetres, [&](std::size_t i, std::size_t first, std::size_t last) {
        return pointToSegmentMetres(positions[i], positions[first], positions[last]);
      });
  for (std::uint32_t i = 0; i < track.size(); ++i) {
    if (keep[i]) keptIndices.push_back(track.begin + i);
  }
  return keptIndices;
}

}  // namespace corridor::io
