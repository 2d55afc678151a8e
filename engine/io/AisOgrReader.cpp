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

// Lower case, letters and digits only: "# Timestamp" and "base_date_time" become
// "timestamp" and "basedatetime".
std::string normalized(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) out += char(std::tolower(c));
  }
  return out;
}

int findField(OGRFeatureDefn& definition, const std::string& given,
              std::initializer_list<std::string_view> candidates) {
  if (!given.empty()) return definition.GetFieldIndex(given.c_str());
  for (std::string_view candidate : candidates) {
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
      if (normalized(definition.GetFieldDefn(i)->GetNameRef()) == candidate) return i;
    }
  }
  return -1;
}

struct Columns {
  int id = -1, time = -1, sog = -1, cog = -1, heading = -1;
  int name = -1, imo = -1, callSign = -1, shipType = -1, length = -1, width = -1, lon = -1, lat = -1;
};

std::string fieldNames(OGRFeatureDefn& definition) {
  std::string names;
  for (int i = 0; i < definition.GetFieldCount(); ++i) {
    names += (i ? ", " : "") + std::string(definition.GetFieldDefn(i)->GetNameRef());
  }
  return names;
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

std::optional<core::UtcMicros> timeField(OGRFeature& feature, int field) {
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
    // OGR's zone flag: 100 is UTC, 100 +- n is n quarter hours east/west; 0/1 unknown/local,
    // taken as UTC as AIS times are.
    const std::int64_t offsetMinutes = zone > 1 ? (zone - 100) * 15 : 0;
    return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 * core::kMicrosPerSecond +
           std::int64_t(std::llround(double(second) * 1e6));
  }
  return parseAisTime(trimField(feature.GetFieldAsString(field)));
}

void readInfo(OGRFeature& feature, const Columns& columns, AisVesselInfo& info) {
  auto text = [&](int field) -> std::string {
    if (field < 0 || !feature.IsFieldSetAndNotNull(field)) return {};
    std::string value(trimField(feature.GetFieldAsString(field)));
    return isAisPlaceholder(value) ? std::string() : value;
  };
  auto positive = [&](int field) {
    double value = kMissing;
    return numberField(feature, field, value) && value > 0 ? value : 0.0;
  };
  if (info.name.empty()) info.name = text(columns.name);
  if (info.imo.empty()) {
    std::string imo = text(columns.imo);
    if (imo.starts_with("IMO")) imo.erase(0, 3);
    if (imo.find_first_not_of('0') != imo.npos && imo.find_first_not_of("0123456789") == imo.npos) {
      info.imo = imo;
    }
  }
  if (info.callSign.empty()) info.callSign = text(columns.callSign);
  if (info.aisType == 0) info.aisType = core::integerOr(positive(columns.shipType), 0);
  if (info.lengthM == 0) info.lengthM = positive(columns.length);
  if (info.widthM == 0) info.widthM = positive(columns.width);
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
  DatasetHandle handle(GDALOpenEx(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!handle) return core::dataError(capture.describe(file, "not a vector data set GDAL can read"));
  auto* dataset = GDALDataset::FromHandle(handle.get());
  OGRLayer* layer = options.layer.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(options.layer.c_str());
  if (!layer) {
    return core::dataError(name + ": " + (options.layer.empty() ? "has no layer" : "has no layer '" + options.layer + "'"));
  }
  OGRFeatureDefn& definition = *layer->GetLayerDefn();
  Columns columns;
  columns.id = findField(definition, options.idField, {"mmsi", "vesselid", "shipid", "userid", "id"});
  columns.time = findField(definition, options.timeField,
                           {"basedatetime", "timestamp", "datetime", "time", "postime", "msgtime", "t"});
  if (columns.id < 0 || columns.time < 0) {
    return core::dataError(name + ": layer '" + layer->GetName() + "' has no " +
                           (columns.id < 0 ? "vessel-id field (mmsi, vessel_id, ...; or --id-field)"
                                           : "time field (BaseDateTime, timestamp, ...; or --time-field)") +
                           "; its fields are: " + fieldNames(definition));
  }
  columns.sog = findField(definition, {}, {"sog", "speedoverground", "speed"});
  columns.cog = findField(definition, {}, {"cog", "courseoverground", "course"});
  columns.heading = findField(definition, {}, {"heading", "trueheading"});
  columns.name = findField(definition, {}, {"vesselname", "name", "shipname"});
  columns.imo = findField(definition, {}, {"imo"});
  columns.callSign = findField(definition, {}, {"callsign"});
  columns.shipType = findField(definition, {}, {"vesseltype", "shiptype"});
  columns.length = findField(definition, {}, {"length"});
  columns.width = findField(definition, {}, {"width", "beam"});
  columns.lon = findField(definition, {}, {"lon", "longitude"});  // where features have no point geometry
  columns.lat = findField(definition, {}, {"lat", "latitude"});

  const OGRSpatialReference target = wgs84LonLat();
  std::unique_ptr<OGRCoordinateTransformation> transform;
  if (const OGRSpatialReference* source = layer->GetSpatialRef(); source && !source->IsSame(&target)) {
    OGRSpatialReference sourceCopy(*source);
    sourceCopy.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    transform.reset(OGRCreateCoordinateTransformation(&sourceCopy, &target));
    if (!transform) return core::dataError(capture.describe(file, "cannot transform its CRS to WGS84"));
  }

  AisCounts counts;
  std::vector<AisPoint> points;
  AisVesselTable vessels;
  auto reject = [&](std::int64_t fid, DropReason reason, std::string detail) {
    counts.drop(reason);
    if (counts.examples.size() < AisCounts::kMaxExamples) {
      counts.examples.push_back({name, fid, reason, "feature " + std::to_string(fid) + ": " + detail});
    }
  };
  // A row GDAL had trouble with (a point that cannot be reprojected, a bad geometry blob) is
  // counted like any bad row; only an error while fetching the next feature ends the read.
  struct ClearEachRow {
    CplErrorCapture& capture;
    ~ClearEachRow() { capture.clear(); }
  };
  layer->ResetReading();
  for (auto& feature : *layer) {
    const ClearEachRow clearAfterThisRow{capture};
    ++counts.rowsRead;
    const std::int64_t fid = feature->GetFID();
    AisRawRow row;
    double id = kMissing;
    if (!numberField(*feature, columns.id, id) || std::isnan(id) || id != std::floor(id) || id <= 0 || id > 4e9) {
      reject(fid, DropReason::BadNumber, "vessel id '" + std::string(feature->GetFieldAsString(columns.id)) + "' is not a positive integer");
      continue;
    }
    row.mmsi = std::int64_t(id);
    const auto time = timeField(*feature, columns.time);
    if (!time) {
      reject(fid, DropReason::BadTime, "time '" + std::string(feature->GetFieldAsString(columns.time)) + "' is not a UTC timestamp");
      continue;
    }
    row.time = *time;
    if (!numberField(*feature, columns.sog, row.sog) || !numberField(*feature, columns.cog, row.cog) ||
        !numberField(*feature, columns.heading, row.heading)) {
      reject(fid, DropReason::BadNumber, "SOG, COG or heading is not a number");
      continue;
    }
    if (const auto* point = dynamic_cast<const OGRPoint*>(feature->GetGeometryRef()); point && !point->IsEmpty()) {
      double x = point->getX(), y = point->getY();
      if (!transform || transform->Transform(1, &x, &y)) {
        row.lon = x;
        row.lat = y;
      }
    } else if (!numberField(*feature, columns.lon, row.lon) || !numberField(*feature, columns.lat, row.lat)) {
      reject(fid, DropReason::BadNumber, "longitude or latitude is not a number");
      continue;
    }
    AisPoint kept;
    if (const auto reason = validateRow(row, kept, counts)) {
      reject(fid, *reason, std::string(dropReasonKey(*reason)) + ": MMSI " + std::to_string(row.mmsi));
      continue;
    }
    points.push_back(kept);
    AisVesselInfo& info = vessels[kept.mmsi];
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
  data.counts.merge(counts);
  data.add(std::move(points), vessels);
  return {};
}

}  // namespace corridor::io
