#include "io/AisOgrReader.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>

#include "core/Numeric.h"
#include "io/AisRow.h"
#include "io/GdalHandles.h"

namespace corridor::io {
namespace {

std::vector<std::string> fieldNames(OGRFeatureDefn& definition) {
  std::vector<std::string> names;
  for (int i = 0; i < definition.GetFieldCount(); ++i) names.emplace_back(definition.GetFieldDefn(i)->GetNameRef());
  return names;
}

// The line each record of a CSV starts on, as GDAL's CSV driver reads it (feature id n is
// record n): empty lines are skipped, a quoted field may hold line breaks. Empty when the file
// cannot be read.
std::vector<std::uint32_t> csvRecordLines(const std::string& path) {
  std::vector<std::uint32_t> starts;
  VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
  if (!file) return starts;
  std::uint32_t line = 1;
  bool inQuotes = false, recordStart = false;  // the header is no record
  std::vector<char> buffer(std::size_t(1) << 20);
  std::size_t got = 0;
  while ((got = VSIFReadL(buffer.data(), 1, buffer.size(), file)) > 0) {
    for (std::size_t i = 0; i < got; ++i) {
      const char c = buffer[i];
      if (c == '\n') {
        ++line;
        recordStart |= !inQuotes;
        continue;
      }
      if (recordStart && c != '\r') {
        starts.push_back(line);
        recordStart = false;
      }
      if (c == '"') inQuotes = !inQuotes;
    }
  }
  VSIFCloseL(file);
  return starts;
}

// A field as a number; false when it holds text that is not one.
bool numberField(OGRFeature& feature, int field, double& out) {
  if (field < 0 || !feature.IsFieldSetAndNotNull(field)) {
    out = kMissing;
    return true;
  }
  const OGRFieldType type = feature.GetFieldDefnRef(field)->GetType();
  if (type == OFTReal || type == OFTInteger || type == OFTInteger64) {
    out = feature.GetFieldAsDouble(field);
    return true;
  }
  return parseAisNumber(feature.GetFieldAsString(field), out);
}

std::optional<AisTime> timeField(OGRFeature& feature, int field, AisTimeFormat format) {
  if (!feature.IsFieldSetAndNotNull(field)) return {};
  const OGRFieldType type = feature.GetFieldDefnRef(field)->GetType();
  if (type == OFTDateTime || type == OFTDate) {
    int year, month, day, hour, minute, zone;
    float second;
    if (!feature.GetFieldAsDateTime(field, &year, &month, &day, &hour, &minute, &second, &zone)) return {};
    // The range the text parser accepts: beyond it the microsecond arithmetic could overflow.
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 || !(second >= 0 && second < 62)) {
      return {};
    }
    const std::int64_t days = core::daysFromCivil(year, unsigned(month), unsigned(day));
    if (core::toCivilTime(days * 86400 * core::kMicrosPerSecond).day != day) return {};  // 30 February
    // OGR's zone flag: 100 is UTC, 100 +- n is n quarter hours east/west; 0/1 unknown/local,
    // taken as UTC as AIS times are.
    const std::int64_t offsetMinutes = zone > 1 ? (zone - 100) * 15 : 0;
    return AisTime{((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 * core::kMicrosPerSecond +
                       std::int64_t(std::llround(double(second) * 1e6)),
                   1};
  }
  return parseAisTime(trimField(feature.GetFieldAsString(field)), format);
}

void readInfo(OGRFeature& feature, const AisColumnMap& columns, AisVesselInfo& info) {
  auto text = [&](AisField field) -> std::string {
    const int index = columns[field];
    if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
    std::string value(trimField(feature.GetFieldAsString(index)));
    return isAisPlaceholder(value) ? std::string() : value;
  };
  auto positive = [&](AisField field) {
    double value = kMissing;
    return numberField(feature, columns[field], value) && value > 0 ? value : 0.0;
  };
  if (info.name.empty()) info.name = text(AisField::Name);
  if (info.imo.empty()) info.imo = imoDigits(text(AisField::Imo));
  if (info.callSign.empty()) info.callSign = text(AisField::CallSign);
  if (info.aisType == 0 && columns[AisField::ShipType] >= 0 &&
      feature.IsFieldSetAndNotNull(columns[AisField::ShipType])) {
    info.aisType = shipTypeCode(feature.GetFieldAsString(columns[AisField::ShipType]));
  }
  if (info.lengthM == 0) info.lengthM = positive(AisField::Length);
  if (info.widthM == 0) info.widthM = positive(AisField::Width);
}

bool allBlank(OGRFeature& feature) {
  if (feature.GetGeometryRef() && !feature.GetGeometryRef()->IsEmpty()) return false;
  for (int i = 0; i < feature.GetFieldCount(); ++i) {
    if (feature.IsFieldSetAndNotNull(i) && !trimField(feature.GetFieldAsString(i)).empty()) return false;
  }
  return true;
}

// The time fields of the first features, when times are text: what decides the date order.
std::vector<std::string> sampleTimes(OGRLayer& layer, int field) {
  std::vector<std::string> samples;
  if (layer.GetLayerDefn()->GetFieldDefn(field)->GetType() != OFTString) return samples;
  layer.ResetReading();
  while (samples.size() < 5000) {
    std::unique_ptr<OGRFeature> feature(layer.GetNextFeature());
    if (!feature) break;
    if (feature->IsFieldSetAndNotNull(field)) samples.emplace_back(trimField(feature->GetFieldAsString(field)));
  }
  layer.ResetReading();
  return samples;
}

}  // namespace

core::Result<void> readAisOgr(const std::filesystem::path& file, const AisReadOptions& options,
                              AisRawData& data) {
  registerGdalDrivers();
  CplErrorCapture capture;
  const std::string name = file.string();
  // A CSV's coordinates are read from its fields below, not turned into geometries by GDAL's
  // X/Y_POSSIBLE_NAMES: with those, GDAL 3.6's CSV driver crashes (SIGSEGV) on a header where two
  // columns fit the names (found by fuzzing).
  // .gz and .zip through GDAL's virtual file systems, as for map layers.
  DatasetHandle handle(
      GDALOpenEx(gdalPath(file).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!handle) return core::dataError(capture.describe(file, "not a vector data set GDAL can read"));
  auto* dataset = GDALDataset::FromHandle(handle.get());
  OGRLayer* layer = options.layer.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(options.layer.c_str());
  if (!layer) {
    return core::dataError(name + ": " + (options.layer.empty() ? "has no layer" : "has no layer '" + options.layer + "'"));
  }
  OGRFeatureDefn& definition = *layer->GetLayerDefn();
  auto mapped = mapAisColumns(fieldNames(definition), options.fields, layer->GetGeomType() == wkbNone);
  if (!mapped) return core::dataError(name + ": layer '" + layer->GetName() + "': " + mapped.error().message);
  const AisColumnMap columns = *mapped;
  const AisTimeFormat timeFormat =
      fileTimeFormat(options.timeFormat, sampleTimes(*layer, columns[AisField::Time]), name);

  const OGRSpatialReference target = wgs84LonLat();
  std::unique_ptr<OGRCoordinateTransformation> transform;
  if (const OGRSpatialReference* source = layer->GetSpatialRef(); source && !source->IsSame(&target)) {
    OGRSpatialReference sourceCopy(*source);
    sourceCopy.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    transform.reset(OGRCreateCoordinateTransformation(&sourceCopy, &target));
    if (!transform) return core::dataError(capture.describe(file, "cannot transform its CRS to WGS84"));
  }

  // Rows of a plain CSV are named by their line, as a text editor shows it (when the count of
  // records agrees with GDAL's); compressed ones and other formats by feature id.
  const bool plainCsv = std::string_view(dataset->GetDriver()->GetDescription()) == "CSV" &&
                        file.extension() != ".gz" && file.extension() != ".zip";
  std::vector<std::uint32_t> recordLines = plainCsv ? csvRecordLines(name) : std::vector<std::uint32_t>{};
  if (std::int64_t(recordLines.size()) != layer->GetFeatureCount(TRUE)) recordLines.clear();
  auto lineOf = [&](std::int64_t fid) -> std::int64_t {
    return fid >= 1 && std::size_t(fid) <= recordLines.size() ? recordLines[std::size_t(fid - 1)] : fid;
  };
  const bool featureNumbers = recordLines.empty();
  const std::uint16_t fileIndex = data.addFile({name, featureNumbers});

  AisCounts counts;
  counts.rowsPerReason = options.droppedRowsPerReason;
  std::vector<AisPoint> points;
  AisVesselTable vessels;
  int timeResolution = 1;
  auto reject = [&](std::int64_t line, DropReason reason, std::string detail) {
    counts.drop(reason, [&] { return AisBadRow{name, line, reason, std::move(detail), featureNumbers}; });
  };
  // A row GDAL had trouble with (a point that cannot be reprojected, a bad geometry blob) is
  // counted like any bad row; only an error while fetching the next feature ends the read.
  struct ClearEachRow {
    CplErrorCapture& capture;
    ~ClearEachRow() { capture.clear(); }
  };
  const int idField = columns[AisField::Id], timeIndex = columns[AisField::Time];
  layer->ResetReading();
  for (auto& feature : *layer) {
    const ClearEachRow clearAfterThisRow{capture};
    if (allBlank(*feature)) continue;  // ",,,,": a blank spreadsheet row
    ++counts.rowsRead;
    const std::int64_t line = lineOf(feature->GetFID());
    AisRawRow row;
    const std::string id(trimField(feature->IsFieldSetAndNotNull(idField) ? feature->GetFieldAsString(idField) : ""));
    if (!columns.idIsMmsi) {
      if (isMissingTextId(id)) {
        reject(line, DropReason::MissingId, "the vessel id is empty");
        continue;
      }
      row.textIdKey = data.textIds.keyOf(id);
    } else {
      double mmsi = kMissing;
      if (!numberField(*feature, idField, mmsi) || !isMmsiNumber(mmsi)) {
        reject(line, DropReason::BadNumber, "MMSI '" + id + "' is not a positive integer");
        continue;
      }
      row.mmsi = std::int64_t(mmsi);
    }
    const auto time = timeField(*feature, timeIndex, timeFormat);
    if (!time) {
      reject(line, DropReason::BadTime, badTimeDetail(trimField(feature->GetFieldAsString(timeIndex)), timeFormat));
      continue;
    }
    row.time = time->time;
    if (!numberField(*feature, columns[AisField::Sog], row.sog) || !numberField(*feature, columns[AisField::Cog], row.cog) ||
        !numberField(*feature, columns[AisField::Heading], row.heading)) {
      reject(line, DropReason::BadNumber, "SOG, COG or heading is not a number");
      continue;
    }
    if (const auto* point = dynamic_cast<const OGRPoint*>(feature->GetGeometryRef()); point && !point->IsEmpty()) {
      double x = point->getX(), y = point->getY();
      if (!transform || transform->Transform(1, &x, &y)) {
        row.lon = x;
        row.lat = y;
      }
    } else if (!numberField(*feature, columns[AisField::Lon], row.lon) ||
               !numberField(*feature, columns[AisField::Lat], row.lat)) {
      reject(line, DropReason::BadNumber, "longitude or latitude is not a number");
      continue;
    }
    row.baseStation = columns[AisField::TypeOfMobile] >= 0 &&
                      trimField(feature->GetFieldAsString(columns[AisField::TypeOfMobile])) == "Base Station";
    AisPoint kept;
    if (const auto reason = validateRow(row, kept, counts)) {
      reject(line, *reason, std::string(dropReasonKey(*reason)) + ": " + (row.textIdKey ? "id " + id : "MMSI " + id));
      continue;
    }
    kept.line = std::uint32_t(std::clamp<std::int64_t>(line, 0, UINT32_MAX));
    kept.file = fileIndex;
    points.push_back(kept);
    timeResolution = std::max(timeResolution, time->resolutionSeconds);
    AisVesselInfo& info = vessels[kept.vessel];
    if (row.textIdKey && info.textId.empty()) info.textId = id;
    readInfo(*feature, columns, info);
  }
  // A read that failed midway (a truncated GeoPackage, a damaged shapefile) ends the loop like
  // the end of the layer: only GDAL's error state, which now holds only what fetching after the
  // last row said, tells them apart.
  if (!capture.lastError().empty()) {
    return core::dataError(capture.describe(file, "read failed after " + std::to_string(counts.rowsRead) + " features"));
  }
  VSIStatBufL stat{};
  if (VSIStatL(name.c_str(), &stat) == 0) counts.bytesRead = std::int64_t(stat.st_size);
  data.files[fileIndex].timeResolutionSeconds = timeResolution;
  data.counts.merge(std::move(counts));
  data.add(std::move(points), vessels);
  return {};
}

}  // namespace corridor::io
