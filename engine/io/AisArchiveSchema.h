#pragma once
// Private to engine/io: the tables of an AIS archive (AisArchive.h), created and checked.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <vector>

#include "core/Result.h"
#include "io/AisArchive.h"

namespace corridor::io::archive {

inline constexpr const char* kBlocks = "ais_blocks";
inline constexpr const char* kVessels = "ais_vessels";
inline constexpr const char* kImports = "ais_imports";
inline constexpr const char* kMetadata = "corridor_archive";
inline constexpr const char* kFormat = "corridor-ais-archive";

// The blocks' fields, in order (the geometry is the reports' line, simplified, cut at the
// antimeridian: for the R-tree and for GIS, not for reading back).
enum BlockField { kVessel, kStart, kEnd, kPointCount, kImport, kPoints };
// The vessels' fields, in order.
enum VesselField { kVesselKey, kMmsi, kTextId, kName, kImo, kCallSign, kAisType, kLength, kWidth, kFirst, kLast };

// Text as UTF-8, which PostgreSQL insists on: bytes of another encoding become '?'.
std::string utf8(const std::string& text);
// Runs a statement; the error names the archive and GDAL's message.
core::Result<void> execute(GDALDataset& dataset, const std::filesystem::path& path, const std::string& sql);
// Whether the archive is a PostGIS database (else a GeoPackage).
bool onPostgres(GDALDataset& dataset);
// Creates every table in an empty GeoPackage or database. In PostGIS, ais_blocks is range-
// partitioned by start_us (a partition a month, made by addPartitions), with a GiST index on
// the geometry and a B-tree on start_us.
core::Result<void> createSchema(GDALDataset& dataset, const std::filesystem::path& path);
// PostGIS: the monthly partitions of ais_blocks that [first, last] needs (nothing in a GeoPackage).
core::Result<void> addPartitions(GDALDataset& dataset, const std::filesystem::path& path, core::UtcMicros first,
                                 core::UtcMicros last);
// The SQL condition on ais_blocks for blocks whose line may meet the box (the GeoPackage's
// R-tree, PostGIS's GiST index).
std::string boxCondition(GDALDataset& dataset, const AisBox& box);
// An error unless the dataset is an archive of a schema this Corridor reads.
core::Result<void> checkArchive(GDALDataset& dataset, const std::filesystem::path& path);
// The import log, in import order.
std::vector<AisImportRecord> readImports(GDALDataset& dataset);
// Adds a row to the import log.
core::Result<void> writeImport(GDALDataset& dataset, const std::filesystem::path& path, const AisImportRecord& record);

}  // namespace corridor::io::archive
