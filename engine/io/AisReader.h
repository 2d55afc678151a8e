#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "io/AisFields.h"
#include "io/AisTime.h"
#include "io/AisTypes.h"
#include "io/AisVesselTable.h"
#include "io/AisWindow.h"

namespace corridor::io {

// A file read, as the rows it drops name it.
struct AisSourceFile {
  std::string name;
  bool featureNumbers = false;  // its rows are OGR feature ids, not lines
  int timeResolutionSeconds = 1;  // the coarsest of its kept rows' times (60: minutes only)
};

// Accepted rows as read (per chunk, in file order) and what was said about each vessel.
struct AisRawData {
  std::vector<std::vector<AisPoint>> pointChunks;
  AisVesselTable vessels;
  AisTextIds textIds;  // keys of vessels known by text ids
  AisCounts counts;
  std::vector<AisSourceFile> files;  // AisPoint::file indexes this

  std::size_t pointCount() const;
  // Adds a chunk's points and vessel reports; a report for a known vessel fills its gaps.
  void add(std::vector<AisPoint> points, const AisVesselTable& reports);
  // Registers a file read; its index goes into its points.
  std::uint16_t addFile(AisSourceFile file);
};

enum class AisReaderKind {
  Auto,  // CSV files (also .csv.gz and .zip) through the fast parser, other formats through OGR
  Fast,
  Ogr,
};

inline constexpr std::size_t kAisChunkBytes = std::size_t(16) << 20;

struct AisReadOptions {
  AisReaderKind reader = AisReaderKind::Auto;
  int threads = 0;  // 0: every core
  // How much text is parsed at a time, and how many points' bytes an archive's read holds in
  // one block of memory. 0: kAisChunkBytes, or for a CSV file of known size up to four times
  // that (see aisCsvChunkBytes).
  std::size_t chunkBytes = 0;
  // The id, time, longitude and latitude columns, when common names do not find them.
  AisFieldNames fields;
  AisTimeFormat timeFormat = AisTimeFormat::Auto;
  std::string layer;  // OGR reader: the layer (default: the first)
  // Only the reports inside it are kept (an archive reads no others; files count the rest).
  AisWindow window;
  // Archives: of the reports in the margins the window was widened by, only each vessel's
  // nearest to the inner window on each side (AisNearestOutside). For what is drawn; counts
  // ('ais stats') read the margins whole.
  bool nearestInMargins = false;
  // Dropped rows kept per reason for the user (AisCounts::kEveryRow for --dropped).
  std::size_t droppedRowsPerReason = AisCounts::kExamplesPerReason;
  // Called after each chunk with the bytes read so far in the current file and its size (or
  // -1 when unknown, as for compressed input).
  std::function<void(const std::string& file, std::int64_t done, std::int64_t total)> progress;
};

// Reads AIS files into one data set (a week of daily files is one data set). .gz and .zip are
// read through GDAL's virtual file systems; every .csv inside a zip is read. A Corridor AIS
// archive (AisArchive.h) gives the reports in the window.
core::Result<AisRawData> readAis(const std::vector<std::filesystem::path>& files,
                                 const AisReadOptions& options);

// The text the fast parser takes at a time from a CSV file of `fileBytes` (-1: unknown, as for a
// compressed one) on `threads` cores: options.chunkBytes where set, else kAisChunkBytes, or for a
// large file about eight chunks a core, up to 64 MB. So sized, the read buffers (a chunk a core and
// one more) hold less than the points read from the file, which the grouping holds anyway.
std::size_t aisCsvChunkBytes(const AisReadOptions& options, std::int64_t fileBytes, int threads);

// One CSV file (a GDAL path such as /vsigzip/...) through the fast parser; `name` is what
// messages call it. Returns the bytes read (uncompressed).
core::Result<std::int64_t> readAisCsv(const std::string& path, const std::string& name,
                                      const AisReadOptions& options, AisRawData& data);

}  // namespace corridor::io
