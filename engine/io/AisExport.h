#pragma once
#include <filesystem>
#include <vector>

#include "core/Result.h"
#include "io/AisTracks.h"
#include "io/ResultWriters.h"

namespace corridor::io {

struct AisExportOptions {
  double simplifyMetres = 0;  // 0: every kept point becomes a vertex
  bool points = false;        // also a "points" layer: every kept point with its time
  // Extra per-track columns (emissions, ...): one row per track, in track order.
  std::vector<Field> trackFields;
  std::vector<Row> trackValues;
};

struct AisExportSummary {
  std::size_t lines = 0;              // features in the "tracks" layer
  std::size_t singlePointTracks = 0;  // tracks of one point: no line, only in "points"
  std::size_t vertices = 0;
  std::size_t points = 0;
};

// A GeoPackage (EPSG:4326) with a "tracks" layer: one feature per track of two or more points,
// a MultiLineString cut at the antimeridian, with the vessel's fields, start and end times.
// Written under a temporary name and renamed when complete, so a failed export leaves no
// half-written file under the final name.
core::Result<AisExportSummary> writeAisTracks(const std::filesystem::path& path, const AisTrackSet& set,
                                              const AisExportOptions& options);

// Every dropped row the counts kept (read with AisCounts::kEveryRow to have them all) as a CSV:
// file, line (empty for a feature), feature (the OGR feature id, else empty), reason, detail;
// by file and line.
core::Result<void> writeAisDroppedRows(const std::filesystem::path& path, const AisCounts& counts);

}  // namespace corridor::io
