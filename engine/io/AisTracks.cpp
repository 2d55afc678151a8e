#include "io/AisTracks.h"

#include "core/HeapTrim.h"
#include "core/HugePages.h"
#include "core/NearlySorted.h"
#include "core/Parallel.h"
#include "geo/Subdivide.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>
#include <optional>
#include <span>
#include <stdexcept>
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

// Calls `apply` on each of the set's point columns.
template <class Apply>
void forEachColumn(AisTrackSet& set, Apply&& apply) {
  apply(set.time);
  apply(set.latE7);
  apply(set.lonE7);
  apply(set.sogTenths);
  apply(set.cogTenths);
  apply(set.heading);
}

// Sized for every point read without touching the memory: the threads that fill the columns
// fault their own parts in.
void sizeColumns(AisTrackSet& set, std::size_t count) {
  forEachColumn(set, [&](auto& column) {
    core::reserveHugePages(column, count);
    column.resize(count);
  });
}

// Cut to the kept points; the pages past them (the dropped points' room, written before the
// columns were closed up) go back to the system.
void cutColumns(AisTrackSet& set, std::size_t kept) {
  forEachColumn(set, [&](auto& column) {
    column.resize(kept);
    core::returnPages(column.data() + kept, (column.capacity() - kept) * sizeof(column[0]));
  });
}

void putPoint(AisTrackSet& set, std::size_t at, const AisPoint& p) {
  set.time[at] = p.time;
  set.latE7[at] = p.latE7;
  set.lonE7[at] = p.lonE7;
  set.sogTenths[at] = p.sogTenths;
  set.cogTenths[at] = p.cogTenths;
  set.heading[at] = p.heading;
}

// Points [from, from + count) of every column to [to, to + count), to <= from.
void moveColumns(AisTrackSet& set, std::size_t from, std::size_t to, std::size_t count) {
  forEachColumn(set, [&](auto& column) {
    const auto first = column.begin() + std::ptrdiff_t(from);
    std::copy(first, first + std::ptrdiff_t(count), column.begin() + std::ptrdiff_t(to));
  });
}

// Each vessel's points in the order read, found where they lie, in the reader's chunks: where
// each vessel's points came as one run of a chunk (an archive reads them so), that run; otherwise
// through the points' indices, sorted by vessel. A copy of the points sorted by vessel would be a
// third of the day's memory, its page faults a fifth of the time; sorting them into the columns
// instead wrote eight arrays at thousands of places at once, a cache miss a value.
class VesselPoints {
 public:
  VesselPoints(std::vector<std::vector<AisPoint>>& chunks, const AisVesselTable& index, std::size_t workers)
      : chunks_(std::move(chunks)) {
    chunks.clear();
    if (auto runs = vesselRuns(chunks_, index)) {
      runs_ = std::move(*runs);
      offsets_.assign(runs_.size() + 1, 0);
      for (std::size_t v = 0; v < runs_.size(); ++v) offsets_[v + 1] = offsets_[v] + runs_[v].size();
      countVesselsByChunk();
    } else {
      sortIndices(index, workers);
    }
  }

  // Vessel v's points are [offsets()[v], offsets()[v + 1]) of the order they are sorted into.
  const std::vector<std::size_t>& offsets() const { return offsets_; }

  // Vessel v's points, as read, into `out`. Thread-safe for distinct vessels.
  void gather(std::uint32_t v, std::vector<AisPoint>& out) const {
    out.clear();
    if (!runs_.empty()) {
      out.assign(runs_[v].begin(), runs_[v].end());
      return;
    }
    const std::size_t first = offsets_[v], last = offsets_[v + 1];
    if (first == last) return;
    // A vessel's indices rise (the sort is stable), so its chunks are met in order.
    auto c = std::size_t(std::ranges::upper_bound(chunkStart_, order_[first]) - chunkStart_.begin()) - 1;
    for (std::size_t k = first; k < last; ++k) {
      while (order_[k] >= chunkStart_[c + 1]) ++c;
      out.push_back(chunks_[c][order_[k] - chunkStart_[c]]);
    }
  }

  // Vessel v is gathered for good. Runs: a chunk whose every vessel is goes back to the system,
  // so that the chunks and the columns are never both whole in memory (sorted indices gather
  // from every chunk to the end). Thread-safe.
  void doneWith(std::uint32_t v) {
    if (runs_.empty()) return;
    const std::size_t c = chunkOf_[v];
    if (c < chunks_.size() && vesselsLeft_[c].fetch_sub(1) == 1) {
      core::returnPages(chunks_[c].data(), chunks_[c].capacity() * sizeof(AisPoint));
    }
  }

 private:
  void countVesselsByChunk() {
    std::vector<std::pair<std::uintptr_t, std::size_t>> chunkAt;  // by address
    for (std::size_t c = 0; c < chunks_.size(); ++c) chunkAt.emplace_back(std::uintptr_t(chunks_[c].data()), c);
    std::ranges::sort(chunkAt);
    vesselsLeft_ = std::make_unique<std::atomic<std::size_t>[]>(chunks_.size());
    chunkOf_.assign(runs_.size(), chunks_.size());
    for (std::size_t v = 0; v < runs_.size(); ++v) {
      if (runs_[v].empty()) continue;
      const auto run = std::pair(std::uintptr_t(runs_[v].data()), chunks_.size());
      chunkOf_[v] = std::prev(std::ranges::upper_bound(chunkAt, run))->second;  // the last chunk starting before it
      ++vesselsLeft_[chunkOf_[v]];
    }
  }

  // A counting sort of the points' indices by vessel (stable: file order within a vessel), on
  // `workers` threads that each take a run of chunks. An index is 4 bytes where a point is 32.
  void sortIndices(const AisVesselTable& index, std::size_t workers) {
    workers = std::clamp<std::size_t>(workers, 1, std::max<std::size_t>(1, chunks_.size()));
    const std::size_t vesselCount = index.size();
    chunkStart_.assign(chunks_.size() + 1, 0);
    for (std::size_t c = 0; c < chunks_.size(); ++c) chunkStart_[c + 1] = chunkStart_[c] + chunks_[c].size();
    std::vector<std::size_t> firstChunk(workers + 1, chunks_.size());  // worker w's are [firstChunk[w], firstChunk[w + 1])
    for (std::size_t w = 0; w < workers; ++w) firstChunk[w] = chunks_.size() * w / workers;
    std::vector<std::vector<std::size_t>> counts(workers, std::vector<std::size_t>(vesselCount, 0));
    core::runOnThreads(workers, [&](std::size_t w) {
      for (std::size_t c = firstChunk[w]; c < firstChunk[w + 1]; ++c) {
        for (AisPoint& point : chunks_[c]) {
          point.vessel = std::uint32_t(index.indexOf(point.vessel));  // the key is not needed again
          ++counts[w][point.vessel];
        }
      }
    });
    std::vector<std::vector<std::size_t>> cursors(workers, std::vector<std::size_t>(vesselCount));
    offsets_.assign(vesselCount + 1, 0);
    std::size_t total = 0;
    for (std::size_t v = 0; v < vesselCount; ++v) {
      offsets_[v] = total;
      for (std::size_t w = 0; w < workers; ++w) {
        cursors[w][v] = total;
        total += counts[w][v];
      }
    }
    offsets_[vesselCount] = total;
    // 128 GB of points, more than any machine this runs on holds, before an index overflows.
    if (total > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("over 2^32 AIS points in one data set");
    core::reserveHugePages(order_, total);
    order_.resize(total);
    core::runOnThreads(workers, [&](std::size_t w) {
      for (std::size_t c = firstChunk[w]; c < firstChunk[w + 1]; ++c) {
        for (std::size_t i = 0; i < chunks_[c].size(); ++i) {
          order_[cursors[w][chunks_[c][i].vessel]++] = std::uint32_t(chunkStart_[c] + i);
        }
      }
    });
  }

  std::vector<std::vector<AisPoint>> chunks_;
  std::vector<std::size_t> offsets_;
  std::vector<std::span<AisPoint>> runs_;
  std::vector<std::size_t> chunkOf_;                        // runs: by vessel
  std::unique_ptr<std::atomic<std::size_t>[]> vesselsLeft_;  // runs: by chunk
  std::vector<std::size_t> chunkStart_;                     // sorted: the index of each chunk's first point
  core::NoInitVector<std::uint32_t> order_;                 // sorted: point indices (below 2^32: 128 GB of points)
};

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

// The columns' room past their size was handed back (cutColumns).
std::size_t AisTrackSet::pointBytes() const {
  return time.size() * sizeof(core::UtcMicros) + (latE7.size() + lonE7.size()) * sizeof(std::int32_t) +
         (sogTenths.size() + cogTenths.size() + heading.size()) * sizeof(std::int16_t) +
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
  AisVesselTable index;  // key -> position in set.vessels
  for (const AisVesselInfo& info : set.vessels) index[info.key];
  VesselPoints grouped(raw.pointChunks, index, workers);
  const std::vector<std::size_t>& offsets = grouped.offsets();
  sizeColumns(set, offsets.back());

  std::vector<double> resolutions;
  for (const AisSourceFile& file : raw.files) resolutions.push_back(file.timeResolutionSeconds);
  const Cleaner cleaner{std::int64_t(options.gapHours * 3600 * core::kMicrosPerSecond),
                        options.maxSpeedKnots * kMetresPerSecondPerKnot, std::move(resolutions)};

  // Each worker cleans a run of vessels: sorts each one's points by time, decides their fates and
  // writes the kept ones to the start of the vessel's place in the columns.
  struct Worker {
    std::uint32_t first = 0, last = 0;  // vessels
    std::vector<AisTrack> tracks;       // positions before the columns are closed up
    AisCounts counts;                   // the rows it dropped
  };
  std::vector<Worker> runs;  // cut where the points pass each worker's share
  for (std::size_t w = 1, first = 0; w <= workers && first < set.vessels.size(); ++w) {
    std::size_t last = first;
    while (last < set.vessels.size() && (w == workers || offsets[last] < offsets.back() * w / workers)) ++last;
    if (last == first) continue;
    runs.push_back({std::uint32_t(first), std::uint32_t(last), {}, {}});
    runs.back().counts.rowsPerReason = counts.rowsPerReason;
    first = last;
  }
  std::vector<std::size_t> keptEnd(set.vessels.size());
  auto dropped = [&](AisCounts& into, const AisPoint& p, std::uint32_t vessel, DropReason reason) {
    into.drop(reason, [&] {
      const AisSourceFile& file = raw.files.at(p.file);
      return AisBadRow{file.name, p.line, reason,
                       std::string(dropReasonKey(reason)) + ": " + set.vessels[vessel].label() + " at " +
                           core::formatIso8601(p.time) +
                           (reason == DropReason::Duplicate ? ", same time and position as a kept report"
                                                            : ", a position the reports around it contradict"),
                       file.featureNumbers};
    });
  };
  core::runOnThreads(runs.size(), [&](std::size_t r) {
    Worker& worker = runs[r];
    std::vector<AisPoint> points;
    std::vector<Fate> fates;
    for (std::uint32_t v = worker.first; v < worker.last; ++v) {
      grouped.gather(v, points);
      grouped.doneWith(v);
      // File and line rank reports of the same time and place (a sort need keep no order), so
      // that of exact duplicates the one read first is kept.
      core::sortNearlySorted(points.begin(), points.end(), [](const AisPoint& a, const AisPoint& b) {
        return std::tie(a.time, a.latE7, a.lonE7, a.file, a.line) < std::tie(b.time, b.latE7, b.lonE7, b.file, b.line);
      });
      fates.assign(points.size(), Fate::Keep);
      if (!points.empty()) cleaner.classify(points, fates);
      std::size_t at = offsets[v];
      for (std::size_t i = 0; i < points.size(); ++i) {
        const AisPoint& p = points[i];
        if (fates[i] == Fate::Duplicate || fates[i] == Fate::Jump) {
          dropped(worker.counts, p, v, fates[i] == Fate::Duplicate ? DropReason::Duplicate : DropReason::ImplausibleJump);
          continue;
        }
        if (fates[i] == Fate::StartTrack) worker.tracks.push_back({v, std::uint32_t(at), std::uint32_t(at)});
        putPoint(set, at, p);
        worker.tracks.back().end = std::uint32_t(++at);
      }
      keptEnd[v] = at;
    }
  });

  // The kept points closed up, in vessel order; the dropped rows counted in the same order.
  std::vector<std::size_t> shift(set.vessels.size());
  std::size_t kept = 0;
  for (std::uint32_t v = 0; v < set.vessels.size(); ++v) {
    shift[v] = offsets[v] - kept;
    const std::size_t count = keptEnd[v] - offsets[v];
    if (shift[v] > 0) moveColumns(set, offsets[v], kept, count);
    kept += count;
  }
  cutColumns(set, kept);
  std::size_t trackCount = 0;
  for (const Worker& worker : runs) trackCount += worker.tracks.size();
  set.tracks.reserve(trackCount);
  for (Worker& worker : runs) {
    for (AisTrack track : worker.tracks) {
      const auto by = std::uint32_t(shift[track.vessel]);
      set.tracks.push_back({track.vessel, track.begin - by, track.end - by});
    }
    counts.merge(std::move(worker.counts));
  }
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
