#include "io/AisArchiveSchema.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/Time.h"
#include "io/GdalHandles.h"

namespace corridor::io::archive {
namespace {

struct FieldSpec {
  const char* name;
  OGRFieldType type;
  OGRFieldSubType subType = OFSTNone;
};

core::Result<void> addFields(OGRLayer& layer, const std::filesystem::path& path, const std::vector<FieldSpec>& fields) {
  for (const FieldSpec& spec : fields) {
    OGRFieldDefn field(spec.name, spec.type);
    field.SetSubType(spec.subType);
    if (layer.CreateField(&field) != OGRERR_NONE) {
      return core::fail(core::ErrorKind::Io, path.string() + ": cannot create field " + layer.GetName() + "." + spec.name);
    }
  }
  return {};
}

core::Result<OGRLayer*> table(GDALDataset& dataset, const std::filesystem::path& path, const char* name,
                              OGRwkbGeometryType geometry, const std::vector<FieldSpec>& fields) {
  OGRSpatialReference srs = wgs84LonLat();
  const char* gpkgOptions[] = {"SPATIAL_INDEX=YES", nullptr};
  OGRLayer* layer = dataset.CreateLayer(name, geometry == wkbNone ? nullptr : &srs, geometry,
                                        onPostgres(dataset) ? nullptr : const_cast<char**>(gpkgOptions));
  if (!layer) return core::fail(core::ErrorKind::Io, path.string() + ": cannot create table " + name);
  if (auto added = addFields(*layer, path, fields); !added) return std::unexpected(added.error());
  return layer;
}

// PostGIS: the same columns as the GeoPackage's layer, partitioned by time.
core::Result<void> createPartitionedBlocks(GDALDataset& dataset, const std::filesystem::path& path) {
  for (const std::string& sql : {std::string("CREATE TABLE ") + kBlocks +
                                    " (geom geometry(MultiLineString, 4326), vessel bigint, start_us bigint NOT NULL, "
                                    "end_us bigint, point_count integer, import_id integer, points bytea) "
                                    "PARTITION BY RANGE (start_us)",
                                std::string("CREATE INDEX ais_blocks_geom ON ") + kBlocks + " USING GIST (geom)"}) {
    if (auto done = execute(dataset, path, sql); !done) return done;
  }
  return {};
}

std::string droppedField(int reason) { return std::string("dropped_") + dropReasonKey(DropReason(reason)); }

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", (unsigned long long)value);
  return text;
}

}  // namespace

std::string utf8(const std::string& text) {
  if (CPLIsUTF8(text.c_str(), -1)) return text;
  char* ascii = CPLForceToASCII(text.c_str(), -1, '?');
  std::string converted(ascii);
  CPLFree(ascii);
  return converted;
}

bool onPostgres(GDALDataset& dataset) {
  return dataset.GetDriver() && std::string_view(dataset.GetDriver()->GetDescription()) == "PostgreSQL";
}

core::Result<void> execute(GDALDataset& dataset, const std::filesystem::path& path, const std::string& sql) {
  CplErrorCapture capture;
  if (OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr)) dataset.ReleaseResultSet(result);
  if (!capture.lastError().empty()) {
    return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot run " + sql.substr(0, 80)));
  }
  return {};
}

core::Result<void> createSchema(GDALDataset& dataset, const std::filesystem::path& path) {
  if (onPostgres(dataset)) {
    if (auto blocks = createPartitionedBlocks(dataset, path); !blocks) return blocks;
  } else {
    auto blocks = table(dataset, path, kBlocks, wkbMultiLineString,
                        {{"vessel", OFTInteger64}, {"start_us", OFTInteger64}, {"end_us", OFTInteger64},
                         {"point_count", OFTInteger}, {"import_id", OFTInteger}, {"points", OFTBinary}});
    if (!blocks) return std::unexpected(blocks.error());
  }
  auto vessels = table(dataset, path, kVessels, wkbNone,
                       {{"vessel", OFTInteger64}, {"mmsi", OFTInteger64}, {"text_id", OFTString}, {"name", OFTString},
                        {"imo", OFTString}, {"call_sign", OFTString}, {"ais_type", OFTInteger}, {"length_m", OFTReal},
                        {"width_m", OFTReal}, {"first_time_us", OFTInteger64}, {"last_time_us", OFTInteger64}});
  if (!vessels) return std::unexpected(vessels.error());
  std::vector<FieldSpec> importFields = {
      {"file", OFTString},          {"bytes", OFTInteger64},         {"content_hash", OFTString},
      {"imported_at", OFTDateTime}, {"rows_read", OFTInteger64},     {"bytes_read", OFTInteger64},
      {"points_kept", OFTInteger64}, {"time_resolution_s", OFTInteger}, {"first_time_us", OFTInteger64},
      {"last_time_us", OFTInteger64}};
  std::vector<std::string> dropped;
  for (int r = 0; r < kDropReasonCount; ++r) dropped.push_back(droppedField(r));
  for (const std::string& name : dropped) importFields.push_back({name.c_str(), OFTInteger64});
  auto imports = table(dataset, path, kImports, wkbNone, importFields);
  if (!imports) return std::unexpected(imports.error());
  auto metadata = table(dataset, path, kMetadata, wkbNone, {{"key", OFTString}, {"value", OFTString}});
  if (!metadata) return std::unexpected(metadata.error());
  const std::pair<const char*, std::string> rows[] = {{"format", kFormat},
                                                      {"schema_version", std::to_string(kAisArchiveSchemaVersion)}};
  for (const auto& [key, value] : rows) {
    OGRFeature feature((*metadata)->GetLayerDefn());
    feature.SetField(0, key);
    feature.SetField(1, value.c_str());
    if ((*metadata)->CreateFeature(&feature) != OGRERR_NONE) {
      return core::fail(core::ErrorKind::Io, path.string() + ": cannot write the archive's metadata");
    }
  }
  // Windows are read by time: the index makes that a range scan, whatever the archive's length.
  if (auto index = execute(dataset, path, std::string("CREATE INDEX ais_blocks_start ON ") + kBlocks + " (start_us)"); !index) {
    return index;
  }
  return execute(dataset, path, std::string("CREATE INDEX ais_imports_hash ON ") + kImports + " (content_hash)");
}

core::Result<void> addPartitions(GDALDataset& dataset, const std::filesystem::path& path, core::UtcMicros first,
                                 core::UtcMicros last) {
  if (!onPostgres(dataset) || first > last) return {};
  const core::CivilTime start = core::toCivilTime(first), end = core::toCivilTime(last);
  for (int year = start.year, month = start.month; year < end.year || (year == end.year && month <= end.month);) {
    const int nextYear = month == 12 ? year + 1 : year, nextMonth = month == 12 ? 1 : month + 1;
    auto micros = [](int y, int m) {
      return std::to_string(core::daysFromCivil(y, unsigned(m), 1) * 86400 * core::kMicrosPerSecond);
    };
    char name[32];
    std::snprintf(name, sizeof name, "%s_%04d_%02d", kBlocks, year, month);
    const std::string sql = std::string("CREATE TABLE IF NOT EXISTS ") + name + " PARTITION OF " + kBlocks +
                            " FOR VALUES FROM (" + micros(year, month) + ") TO (" + micros(nextYear, nextMonth) + ")";
    if (auto done = execute(dataset, path, sql); !done) return done;
    year = nextYear;
    month = nextMonth;
  }
  return {};
}

std::string boxCondition(GDALDataset& dataset, const AisBox& asked) {
  const bool postgres = onPostgres(dataset);
  // A block's line is simplified to 10 m: a report can lie that far outside the line's box, so
  // the index is asked for a box 0.01 degrees (over 300 m at 70 degrees north) wider; the reports
  // themselves are then kept by the exact box.
  constexpr double kMargin = 0.01;
  const AisBox box{asked.west - kMargin, std::max(-90.0, asked.south - kMargin), asked.east + kMargin,
                   std::min(90.0, asked.north + kMargin)};
  auto range = [&](double west, double east) {
    if (postgres) {
      return "geom && ST_MakeEnvelope(" + std::to_string(west) + ", " + std::to_string(box.south) + ", " +
             std::to_string(east) + ", " + std::to_string(box.north) + ", 4326)";
    }
    return "(minx <= " + std::to_string(east) + " AND maxx >= " + std::to_string(west) + " AND miny <= " +
           std::to_string(box.north) + " AND maxy >= " + std::to_string(box.south) + ")";
  };
  // Across the antimeridian (or widened past it): the two sides, each up to +-180.
  const bool across = asked.crossesAntimeridian() || box.west < -180 || box.east > 180;
  const double west = box.west < -180 ? box.west + 360 : box.west, east = box.east > 180 ? box.east - 360 : box.east;
  const std::string boxes = across ? range(west, 180) + " OR " + range(-180, east) : range(box.west, box.east);
  return postgres ? "(" + boxes + ")" : std::string("fid IN (SELECT id FROM rtree_") + kBlocks + "_geom WHERE " + boxes + ")";
}

core::Result<void> checkArchive(GDALDataset& dataset, const std::filesystem::path& path) {
  OGRLayer* metadata = dataset.GetLayerByName(kMetadata);
  if (!metadata) {
    return core::dataError(path.string() + (onPostgres(dataset) ? ": a database" : ": a GeoPackage") +
                           ", but not a Corridor AIS archive (no " + kMetadata +
                           " table); 'corridor ais import FILES --into ARCHIVE.gpkg' makes one");
  }
  std::string format, version;
  for (auto& feature : *metadata) {
    const std::string key = feature->GetFieldAsString(0);
    if (key == "format") format = feature->GetFieldAsString(1);
    if (key == "schema_version") version = feature->GetFieldAsString(1);
  }
  if (format != kFormat) return core::dataError(path.string() + ": " + kMetadata + " names format '" + format + "', not " + kFormat);
  const int schema = std::atoi(version.c_str());
  if (schema < 1) return core::dataError(path.string() + ": " + kMetadata + " has no valid schema_version ('" + version + "')");
  if (schema > kAisArchiveSchemaVersion) {
    return core::dataError(path.string() + ": an archive of schema version " + version + ", written by a newer Corridor; "
                           "this one reads up to version " + std::to_string(kAisArchiveSchemaVersion));
  }
  for (const char* name : {kBlocks, kVessels, kImports}) {
    if (!dataset.GetLayerByName(name)) return core::dataError(path.string() + ": a Corridor archive without its " + name + " table");
  }
  return {};
}

std::vector<AisImportRecord> readImports(GDALDataset& dataset) {
  std::vector<AisImportRecord> records;
  OGRLayer& layer = *dataset.GetLayerByName(kImports);
  layer.ResetReading();
  for (auto& feature : layer) {
    AisImportRecord record;
    record.file = feature->GetFieldAsString("file");
    record.bytes = feature->GetFieldAsInteger64("bytes");
    record.hash = std::strtoull(feature->GetFieldAsString("content_hash"), nullptr, 16);  // 0 when damaged
    int year, month, day, hour, minute, zone;
    float second;
    if (feature->GetFieldAsDateTime(feature->GetFieldIndex("imported_at"), &year, &month, &day, &hour, &minute, &second, &zone)) {
      // PostgreSQL gives the session's zone: OGR's flag 100 + n is n quarter hours east of UTC.
      const int offsetMinutes = zone > 1 ? (zone - 100) * 15 : 0;
      record.importedAt = ((core::daysFromCivil(year, unsigned(month), unsigned(day)) * 24 + hour) * 60 + minute -
                           offsetMinutes) * 60 * core::kMicrosPerSecond +
                          core::UtcMicros(second) * core::kMicrosPerSecond;
    }
    record.counts.rowsRead = feature->GetFieldAsInteger64("rows_read");
    record.counts.bytesRead = feature->GetFieldAsInteger64("bytes_read");
    for (int r = 0; r < kDropReasonCount; ++r) {
      record.counts.dropped[std::size_t(r)] = feature->GetFieldAsInteger64(droppedField(r).c_str());
    }
    record.pointsKept = feature->GetFieldAsInteger64("points_kept");
    record.timeResolutionSeconds = feature->GetFieldAsInteger("time_resolution_s");
    record.first = feature->GetFieldAsInteger64("first_time_us");
    record.last = feature->GetFieldAsInteger64("last_time_us");
    records.push_back(std::move(record));
  }
  return records;
}

core::Result<void> writeImport(GDALDataset& dataset, const std::filesystem::path& path, const AisImportRecord& record) {
  OGRLayer& layer = *dataset.GetLayerByName(kImports);
  OGRFeature feature(layer.GetLayerDefn());
  feature.SetField("file", utf8(record.file).c_str());
  feature.SetField("bytes", GIntBig(record.bytes));
  feature.SetField("content_hash", hex(record.hash).c_str());
  const core::CivilTime at = core::toCivilTime(record.importedAt);
  feature.SetField(feature.GetFieldIndex("imported_at"), at.year, at.month, at.day, at.hour, at.minute, float(at.second), 100);
  feature.SetField("rows_read", GIntBig(record.counts.rowsRead));
  feature.SetField("bytes_read", GIntBig(record.counts.bytesRead));
  for (int r = 0; r < kDropReasonCount; ++r) {
    feature.SetField(droppedField(r).c_str(), GIntBig(record.counts.dropped[std::size_t(r)]));
  }
  feature.SetField("points_kept", GIntBig(record.pointsKept));
  feature.SetField("time_resolution_s", record.timeResolutionSeconds);
  feature.SetField("first_time_us", GIntBig(record.first));
  feature.SetField("last_time_us", GIntBig(record.last));
  if (layer.CreateFeature(&feature) != OGRERR_NONE) {
    return core::fail(core::ErrorKind::Io, path.string() + ": cannot write the import log");
  }
  return {};
}

}  // namespace corridor::io::archive
