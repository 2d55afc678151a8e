#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "io/AisTypes.h"
#include "io/AisVesselTable.h"

namespace corridor::io {

// Accepted rows as read (per chunk, in file order) and what was said about each vessel.
struct AisRawData {
  std::vector<std::vector<AisPoint>> pointChunks;
  AisVesselTable vessels;
  AisCounts counts;

  std::size_t pointCount() const;
  // Adds a chunk's points and vessel reports; a report for a known vessel fills its gaps.
  void add(std::vector<AisPoint> points, const AisVesselTable& reports);
};

enum class AisReaderKind {
  Auto,  // CSV files (also .csv.gz and .zip) through the fast parser, other formats through OGR
  Fast,
  Ogr,
};

struct AisReadOptions {
  AisReaderKind reader = AisReaderKind::Auto;
  int threads = 0;  // 0: every core
  std::size_t chunkBytes = std::size_t(16) << 20;
  // OGR reader: the vessel-id and time fields, when common names do not find them; the layer.
  std::string idField, timeField, layer;
  // Called after each chunk with the bytes read so far in the current file and its size (or
  // -1 when unknown, as for compressed input).
  std::function<void(const std::string& file, std::int64_t done, std::int64_t total)> progress;
};

// Reads AIS files into one data set (a week of daily files is one data set). .gz and .zip are
// read through GDAL's virtual file systems; every .csv inside a zip is read.
core::Result<AisRawData> readAis(const std::vector<std::filesystem::path>& files,
                                 const AisReadOptions& options);

// One CSV file (a GDAL path such as /vsigzip/...) through the fast parser; `name` is what
// messages call it.
core::Result<void> readAisCsv(const std::string& path, const std::string& name,
                              const AisReadOptions& options, AisRawData& data);

}  // namespace corridor::io
