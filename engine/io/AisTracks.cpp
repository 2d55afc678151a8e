#include "io/AisTracks.h"

#include "core/HeapTrim.h"
#include "core/HugePages.h"
#include "geo/Subdivide.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <numbers>
#include <optional>
#include <span>
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

// Positions AIS reports scatter by GNSS error (Class A "high accuracy" is better than 10 m, the
// rest tens of metres): no move shorter than this is a jump, however short the time.
constexpr double kPositionNoiseMetres = 50;

struct Cleaner {
  std::int64_t gapMicros;
  double maxSpeedMps;
  std::vector<double> resolutionSeconds;  // by file: two times may be this much further apart

  // A move from `from` to `to` that no ship makes: further than --max-speed covers in the time
  // between them plus their files' time resolution, plus the position noise.
  bool tooFast(const AisPoint& from, const AisPoint& to) const {
    const double resolution = std::max(resolutionSeconds[from.file], resolutionSeconds[to.file]);
    const double seconds = double(std::abs(to.time - from.time)) / core::kMicrosPerSecond + resolution;
    const double allowedMetres = maxSpeedMps * seconds + kPositionNoiseMetres;
    // Along the meridian, then the parallel, is never shorter than the great circle: when even
    // that path is short enough, the trigonometry is not needed (most reports).
    const double dLat = std::abs(to.latE7 - from.latE7) * 1e-7;
    double dLon = std::abs(double(to.lonE7) - double(from.lonE7)) * 1e-7;
    if (dLon > 180) dLon = 360 - dLon;
    if ((dLat + dLon) * kRadians * kEarthRadiusM <= allowedMetres) return false;
    return metresBetween(from, to) > allowedMetres;
  }

  // Points sorted by (time, position); each one that contradicts the last kept one is judged
  // by its neighbours, so that the path the reports confirm is what stays:
  // - the next report agrees with the last kept one and not with this: this is a spike, dropped;
  // - the kept one before the last leads here and the next report (or, for a stale repeat of
  //   an earlier position, nothing) agrees: the last kept one was the odd one out, dropped;
  // - the next report agrees with this and not with the last kept one: the vessel really is
  //   elsewhere (or the earlier fixes were wrong): a new track starts rather than dropping the
  //   rest of the voyage;
  // - otherwise this one is dropped.
  void classify(std::span<const AisPoint> points, std::span<Fate> fates) const {
    constexpr std::size_t kNone = std::size_t(-1);
    const std::size_t end = points.size();
    std::size_t last = 0, beforeLast = kNone;
    fates[0] = Fate::StartTrack;
    auto keep = [&](std::size_t i, Fate fate) {
      fates[i] = fate;
      beforeLast = fate == Fate::StartTrack ? kNone : last;
      last = i;
    };
    for (std::size_t i = 1; i < end; ++i) {
      const AisPoint& p = points[i];
      const AisPoint& kept = points[last];
      if (p.time == kept.time && p.latE7 == kept.latE7 && p.lonE7 == kept.lonE7) {
        fates[i] = Fate::Duplicate;
        continue;
      }
      if (p.time - kept.time > gapMicros) {
        keep(i, Fate::StartTrack);
        continue;
      }
      if (!tooFast(kept, p)) {
        keep(i, Fate::Keep);
        continue;
      }
      const std::size_t next = nextDistinct(points, i, end);
      const bool hasNext = next < end && points[next].time - kept.time <= gapMicros;
      const bool nextFollowsKept = hasNext && !tooFast(kept, points[next]);
      const bool nextFollowsThis = hasNext && !tooFast(p, points[next]);
      if (nextFollowsKept && !nextFollowsThis) {
        fates[i] = Fate::Jump;
        continue;
      }
      if (beforeLast != kNone && fates[last] == Fate::Keep && !tooFast(points[beforeLast], p) &&
          (nextFollowsThis || samePosition(kept, points[beforeLast]))) {
        fates[last] = Fate::Jump;
        last = beforeLast;
        beforeLast = kNone;
        keep(i, p.time - points[last].time > gapMicros ? Fate::StartTrack : Fate::Keep);
        continue;
      }
      if (nextFollowsThis) {
        keep(i, Fate::StartTrack);
      } else {
        fates[i] = Fate::Jump;
      }
    }
  }

  static bool samePosition(const AisPoint& a, const AisPoint& b) { return a.latE7 == b.latE7 && a.lonE7 == b.lonE7; }

  static std::size_t nextDistinct(std::span<const AisPoint> points, std::size_t i, std::size_t end) {
    std::size_t next = i + 1;
    while (next < end && points[next].time == points[i].time && samePosition(points[next], points[i])) ++next;
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

// Each vessel's points, contiguous and in the order read, by vessel (as the sorted vessels):
// in the reader's chunks where each vessel's points came as one run (an archive reads them so),
// otherwise in one array the chunks are sorted into.
struct GroupedPoints {
  std::vector<std::vector<AisPoint>> chunks;
  std::unique_ptr<AisPoint[]> sorted;
  std::vector<std::span<AisPoint>> byVessel;
  std::vector<std::size_t> offsets;  // vessel v's fates are [offsets[v], offsets[v + 1])

  void countOffsets() {
    offsets.assign(byVessel.size() + 1, 0);
    for (std::size_t v = 0; v < byVessel.size(); ++v) offsets[v + 1] = offsets[v] + byVessel[v].size();
  }

  // Vessels' points are put into the track columns in vessel order; the memory of those done
  // goes back to the system as they are (a chunk's once its last vessel is, the sorted array's
  // a few MB at a time), so that the points and the columns are never both whole in memory.
  void startReleasing() {
    if (sorted) return;
    std::vector<std::pair<std::uintptr_t, std::size_t>> chunkAt;  // by address
    for (std::size_t c = 0; c < chunks.size(); ++c) chunkAt.emplace_back(std::uintptr_t(chunks[c].data()), c);
    std::ranges::sort(chunkAt);
    vesselsLeft.assign(chunks.size(), 0);
    chunkOf.assign(byVessel.size(), chunks.size());
    for (std::size_t v = 0; v < byVessel.size(); ++v) {
      if (byVessel[v].empty()) continue;
      const auto run = std::pair(std::uintptr_t(byVessel[v].data()), chunks.size());
      chunkOf[v] = std::prev(std::ranges::upper_bound(chunkAt, run))->second;  // the last chunk starting before it
      ++vesselsLeft[chunkOf[v]];
    }
  }
  void releaseUpTo(std::size_t vessel) {
    if (sorted) {
      constexpr std::size_t kStep = (std::size_t(2) << 20) / sizeof(AisPoint);
      if (offsets[vessel + 1] - releasedPoints < kStep && vessel + 1 < byVessel.size()) return;
      core::returnPages(sorted.get() + releasedPoints, (offsets[vessel + 1] - releasedPoints) * sizeof(AisPoint));
      releasedPoints = offsets[vessel + 1];
    } else if (const std::size_t c = chunkOf[vessel]; c < chunks.size() && --vesselsLeft[c] == 0) {
      core::returnPages(chunks[c].data(), chunks[c].capacity() * sizeof(AisPoint));
      chunks[c] = {};
    }
  }

 private:
  std::vector<std::size_t> chunkOf, vesselsLeft;  // by vessel, by chunk
  std::size_t releasedPoints = 0;
};

// The sort of the chunks by vessel (a counting sort, stable: file order within a vessel), on
// `workers` threads that each take a run of chunks; every chunk is freed once placed.
void sortByVessel(GroupedPoints& grouped, std::vector<std::vector<AisPoint>>& chunks, const AisVesselTable& index,
                  std::size_t workers) {
  workers = std::clamp<std::size_t>(workers, 1, std::max<std::size_t>(1, chunks.size()));
  const std::size_t vesselCount = index.size();
  // Worker w takes chunks [firstChunk[w], firstChunk[w + 1]).
  std::vector<std::size_t> firstChunk(workers + 1, chunks.size());
  for (std::size_t w = 0; w < workers; ++w) firstChunk[w] = chunks.size() * w / workers;
  std::vector<std::vector<std::uint32_t>> vesselOf(chunks.size());
  std::vector<std::vector<std::size_t>> counts(workers, std::vector<std::size_t>(vesselCount, 0));
  auto parallel = [&](auto&& work) {
    std::vector<std::future<void>> jobs;
    for (std::size_t w = 0; w < workers; ++w) jobs.push_back(std::async(std::launch::async, work, w));
    for (auto& job : jobs) job.get();
  };
  parallel([&](std::size_t w) {
    for (std::size_t c = firstChunk[w]; c < firstChunk[w + 1]; ++c) {
      vesselOf[c].resize(chunks[c].size());
      for (std::size_t i = 0; i < chunks[c].size(); ++i) {
        vesselOf[c][i] = std::uint32_t(index.indexOf(chunks[c][i].vessel));
        ++counts[w][vesselOf[c][i]];
      }
    }
  });
  std::vector<std::vector<std::size_t>> cursors(workers, std::vector<std::size_t>(vesselCount));
  std::size_t total = 0;
  for (std::size_t v = 0; v < vesselCount; ++v) {
    for (std::size_t w = 0; w < workers; ++w) {
      cursors[w][v] = total;
      total += counts[w][v];
    }
  }
  grouped.sorted = std::make_unique_for_overwrite<AisPoint[]>(total);
  core::adviseHugePages(grouped.sorted.get(), total * sizeof(AisPoint));
  grouped.byVessel.resize(vesselCount);
  for (std::size_t v = 0; v < vesselCount; ++v) {
    grouped.byVessel[v] = {grouped.sorted.get() + cursors[0][v], grouped.sorted.get() + cursors[workers - 1][v] +
                                                                     counts[workers - 1][v]};
  }
  parallel([&](std::size_t w) {
    for (std::size_t c = firstChunk[w]; c < firstChunk[w + 1]; ++c) {
      for (std::size_t i = 0; i < chunks[c].size(); ++i) grouped.sorted[cursors[w][vesselOf[c][i]]++] = chunks[c][i];
      chunks[c] = {};
      vesselOf[c] = {};
    }
  });
  chunks.clear();
}

GroupedPoints groupByVessel(std::vector<std::vector<AisPoint>>& chunks, const std::vector<AisVesselInfo>& vessels,
                            std::size_t workers) {
  AisVesselTable index;  // key -> position in `vessels`
  for (const AisVesselInfo& info : vessels) index[info.key];
  GroupedPoints grouped;
  if (auto runs = vesselRuns(chunks, index)) {
    grouped.byVessel = std::move(*runs);
    grouped.chunks = std::move(chunks);
    chunks.clear();
  } else {
    sortByVessel(grouped, chunks, index, workers);
  }
  grouped.countOffsets();
  return grouped;
}

}  // namespace

std::optional<std::vector<std::span<AisPoint>>> vesselRuns(std::vector<std::vector<AisPoint>>& chunks,
                                                           const AisVesselTable& index) {
  std::vector<std::span<AisPoint>> runs(index.size());
  for (std::vector<AisPoint>& chunk : chunks) {
    for (std::size_t begin = 0, end = 0; begin < chunk.size(); begin = end) {
      const std::uint32_t key = chunk[begin].vessel;
      while (end < chunk.size() && chunk[end].vessel == key) ++end;
      const std::int64_t vessel = index.indexOf(key);
      if (vessel < 0 || !runs[std::size_t(vessel)].empty()) return std::nullopt;  // a second run
      runs[std::size_t(vessel)] = {chunk.data() + begin, end - begin};
    }
  }
  return runs;
}

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
  // Vessels by MMSI, then those with text ids in order of appearance; every accepted row's
  // vessel has an entry in raw.vessels.
  set.vessels = raw.vessels.release();
  std::sort(set.vessels.begin(), set.vessels.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  const std::size_t workers =
      std::max<std::size_t>(1, threads > 0 ? std::size_t(threads) : std::thread::hardware_concurrency());
  GroupedPoints grouped = groupByVessel(raw.pointChunks, set.vessels, workers);
  const std::vector<std::size_t>& offsets = grouped.offsets;

  // Per vessel: sort by time and decide each point's fate, on every core.
  std::vector<double> resolutions;
  for (const AisSourceFile& file : raw.files) resolutions.push_back(file.timeResolutionSeconds);
  const Cleaner cleaner{std::int64_t(options.gapHours * 3600 * core::kMicrosPerSecond),
                        options.maxSpeedKnots * kMetresPerSecondPerKnot, std::move(resolutions)};
  const std::size_t pointCount = offsets.back();
  std::vector<Fate> fates;
  core::reserveHugePages(fates, pointCount);
  fates.assign(pointCount, Fate::Keep);
  auto cleanVessels = [&](std::size_t first, std::size_t last) {
    for (std::size_t v = first; v < last; ++v) {
      const std::span<AisPoint> points = grouped.byVessel[v];
      // File and line rank reports of the same time and place (std::sort keeps no order), so
      // that of exact duplicates the one read first is kept.
      std::sort(points.begin(), points.end(), [](const AisPoint& a, const AisPoint& b) {
        return std::tie(a.time, a.latE7, a.lonE7, a.file, a.line) < std::tie(b.time, b.latE7, b.lonE7, b.file, b.line);
      });
      if (!points.empty()) cleaner.classify(points, std::span(fates).subspan(offsets[v], points.size()));
    }
  };
  std::vector<std::future<void>> jobs;
  const std::size_t perWorker = pointCount / workers + 1;
  for (std::size_t v = 0; v < set.vessels.size();) {
    std::size_t end = v;
    while (end < set.vessels.size() && offsets[end] - offsets[v] < perWorker) ++end;
    end = std::max(end, v + 1);
    jobs.push_back(std::async(std::launch::async, cleanVessels, v, end));
    v = end;
  }
  for (auto& job : jobs) job.get();

  // Columns.
  grouped.startReleasing();
  std::size_t kept = 0;
  for (Fate fate : fates) kept += fate == Fate::Keep || fate == Fate::StartTrack;
  core::reserveHugePages(set.time, kept);
  core::reserveHugePages(set.latE7, kept);
  core::reserveHugePages(set.lonE7, kept);
  core::reserveHugePages(set.sogTenths, kept);
  core::reserveHugePages(set.cogTenths, kept);
  core::reserveHugePages(set.heading, kept);
  auto dropped = [&](const AisPoint& p, std::uint32_t vessel, DropReason reason) {
    counts.drop(reason, [&] {
      const AisSourceFile& file = raw.files.at(p.file);
      return AisBadRow{file.name, p.line, reason,
                       std::string(dropReasonKey(reason)) + ": " + set.vessels[vessel].label() + " at " +
                           core::formatIso8601(p.time) +
                           (reason == DropReason::Duplicate ? ", same time and position as a kept report"
                                                            : ", a position the reports around it contradict"),
                       file.featureNumbers};
    });
  };
  for (std::uint32_t v = 0; v < set.vessels.size(); ++v) {
    const std::span<const AisPoint> points = grouped.byVessel[v];
    for (std::size_t i = 0; i < points.size(); ++i) {
      const Fate fate = fates[offsets[v] + i];
      if (fate == Fate::Duplicate || fate == Fate::Jump) {
        dropped(points[i], v, fate == Fate::Duplicate ? DropReason::Duplicate : DropReason::ImplausibleJump);
        continue;
      }
      const auto at = std::uint32_t(set.time.size());
      if (fate == Fate::StartTrack) set.tracks.push_back({v, at, at});
      const AisPoint& p = points[i];
      set.time.push_back(p.time);
      set.latE7.push_back(p.latE7);
      set.lonE7.push_back(p.lonE7);
      set.sogTenths.push_back(p.sogTenths);
      set.cogTenths.push_back(p.cogTenths);
      set.heading.push_back(p.heading);
      set.tracks.back().end = at + 1;
    }
    grouped.releaseUpTo(v);
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
