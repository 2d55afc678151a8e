#pragma once
// An AIS archive: cleaned reports imported once into a GeoPackage (or, for teams, a PostGIS
// database with the same tables), read back a time window (and a box) at a time, so that
// months of AIS play with memory bounded by the window.
//
// Tables (docs/AIS.md has the full schema): ais_points (a point per kept report, its vessel
// key, time in microseconds with an index, SOG/COG/heading, the import it came from; the
// GeoPackage R-tree on the geometry), ais_vessels (what AIS said about each vessel, first and
// last seen), ais_imports (a row per file: size, content hash, rows read, kept and dropped by
// reason) and corridor_archive (format and schema version).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "core/Time.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::io {

inline constexpr int kAisArchiveSchemaVersion = 1;

// A file imported, as the import log keeps it.
struct AisImportRecord {
  std::string file;  // as given to the import
  std::int64_t bytes = 0;
  std::uint64_t hash = 0;  // of the content (core::contentHash)
  core::UtcMicros importedAt = 0;
  AisCounts counts;  // rows read and dropped by reason (no rows listed)
  std::int64_t pointsKept = 0;
  int timeResolutionSeconds = 1;
  core::UtcMicros first = 0, last = 0;  // of the kept points
};

struct AisArchiveSummary {
  std::vector<AisImportRecord> imports;  // in import order
  std::int64_t points = 0;
  std::int64_t vessels = 0;
  std::optional<core::UtcMicros> first, last;  // none while the archive is empty
};

// Whether `path` is a GeoPackage holding a Corridor archive (not any GeoPackage of points), or a
// PostGIS database named by a GDAL connection string "PG:dbname=... host=...".
bool isAisArchive(const std::filesystem::path& path);
bool isPostgresArchive(const std::filesystem::path& path);

// What the archive holds; an error for a file that is not an archive or from a newer Corridor.
core::Result<AisArchiveSummary> describeAisArchive(const std::filesystem::path& path);

// The archive's vessels as ids that mean the same vessel in any archive: the MMSI in decimal, or
// "text " and the text id. Several archives' vessels are counted once each by these.
core::Result<std::vector<std::string>> aisArchiveVesselIds(const std::filesystem::path& path);

// The archive's reports inside options.window, as a reader of files gives them (vessels with
// their AIS fields; rows named by their block). A window that misses the archive's period is an
// error naming both (readAis forgives it while another archive of the read has the window).
core::Result<void> readAisArchive(const std::filesystem::path& path, const AisReadOptions& options, AisRawData& data);

// Appends imports to an archive (created when missing). One writer at a time: a second one
// waits for the first (after calling `waiting`). Each append is one transaction, so an import
// that is interrupted, killed or fails leaves the archive as it was before it.
class AisArchiveWriter {
 public:
  static core::Result<AisArchiveWriter> open(const std::filesystem::path& path, const std::function<void()>& waiting);
  AisArchiveWriter(AisArchiveWriter&&) noexcept;
  ~AisArchiveWriter();

  // The earlier import of a file with this size and content hash.
  std::optional<AisImportRecord> findImport(std::int64_t bytes, std::uint64_t hash) const;
  // Writes the tracks' points and vessels and the record; `progress` gets the points written.
  core::Result<void> append(AisImportRecord record, const AisTrackSet& tracks,
                            const std::function<void(std::size_t done, std::size_t total)>& progress);

 private:
  struct State;
  explicit AisArchiveWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace corridor::io
