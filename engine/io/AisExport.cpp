#include "io/AisExport.h"

#include <algorithm>
#include <tuple>

#include "core/Interruption.h"
#include "geo/Longitude.h"
#include "io/OgrWriting.h"

namespace corridor::io {
namespace {

std::vector<Field> trackFields(const AisExportOptions& options) {
  std::vector<Field> fields = {
      {"mmsi", FieldType::Integer},       {"vessel_name", FieldType::Text},
      {"imo", FieldType::Text},           {"call_sign", FieldType::Text},
      {"ais_type", FieldType::Integer},   {"length_m", FieldType::Real},
      {"width_m", FieldType::Real},       {"start_time", FieldType::DateTime},
      {"end_time", FieldType::DateTime},  {"points", FieldType::Integer},
      {"vertices", FieldType::Integer},   {"distance_km", FieldType::Real},
      {"vessel_id", FieldType::Text},
  };
  fields.insert(fields.end(), options.trackFields.begin(), options.trackFields.end());
  return fields;
}

// The MMSI column: NULL for a vessel known by a text id (in vessel_id).
FieldValue mmsiValue(const AisVesselInfo& vessel) {
  if (!vessel.hasMmsi()) return std::monostate{};
  return std::int64_t(vessel.key);
}

// The id as the source wrote it: the text id, or the MMSI.
std::string vesselId(const AisVesselInfo& vessel) { return vessel.hasMmsi() ? std::to_string(vessel.key) : vessel.textId; }

// AIS "not available" (-1) becomes NULL.
void setOptional(OGRFeature& feature, int field, std::int16_t value, double scale) {
  if (value < 0) {
    feature.SetFieldNull(field);
  } else {
    feature.SetField(field, value * scale);
  }
}

core::Result<void> startTransaction(OGRLayer& layer, const std::filesystem::path& path) {
  if (layer.StartTransaction() != OGRERR_NONE) {
    return core::fail(core::ErrorKind::Io, path.string() + ": cannot start a transaction");
  }
  return {};
}

// Checked every few thousand features: the export stops soon after Ctrl-C or SIGTERM.
bool stopRequested(std::size_t feature) { return feature % 4096 == 0 && core::interrupted(); }

double trackKilometres(const AisTrackSet& set, const AisTrack& track) {
  double metres = 0;
  for (std::uint32_t i = track.begin + 1; i < track.end; ++i) {
    metres += greatCircleMetres(set.lat(i - 1), set.lon(i - 1), set.lat(i), set.lon(i));
  }
  return metres / 1000;
}

core::Result<void> writeTracks(GDALDataset& dataset, const std::filesystem::path& path, const AisTrackSet& set,
                               const AisExportOptions& options, AisExportSummary& summary) {
  auto layer = createLayer(dataset, path, "tracks", wkbMultiLineString, trackFields(options));
  if (!layer) return std::unexpected(layer.error());
  if (auto started = startTransaction(**layer, path); !started) return started;
  CplErrorCapture capture;
  for (std::size_t t = 0; t < set.tracks.size(); ++t) {
    if (stopRequested(t)) return std::unexpected(core::interruption("ais export"));
    const AisTrack& track = set.tracks[t];
    if (track.size() < 2) {
      ++summary.singlePointTracks;
      continue;
    }
    const AisVesselInfo& vessel = set.vessels[track.vessel];
    const std::vector<std::uint32_t> vertices = simplifyAisTrack(set, track, options.simplifyMetres);
    geo::Polyline line;
    line.reserve(vertices.size());
    for (std::uint32_t i : vertices) line.push_back({set.lon(i), set.lat(i)});
    geo::unwrapLongitudes(line);
    OGRFeature feature((*layer)->GetLayerDefn());
    setValues(feature, {mmsiValue(vessel), vessel.name, vessel.imo, vessel.callSign, std::int64_t(vessel.aisType),
                        vessel.lengthM, vessel.widthM, set.time[track.begin], set.time[track.end - 1],
                        std::int64_t(track.size()), std::int64_t(vertices.size()), trackKilometres(set, track),
                        vesselId(vessel)});
    if (t < options.trackValues.size()) setValues(feature, options.trackValues[t], 13);
    OGRMultiLineString geometry = cutAtAntimeridian(line);
    feature.SetGeometry(&geometry);
    if ((*layer)->CreateFeature(&feature) != OGRERR_NONE) {
      return std::unexpected(writeError(capture, path, "cannot write a track"));
    }
    ++summary.lines;
    summary.vertices += vertices.size();
  }
  if ((*layer)->CommitTransaction() != OGRERR_NONE) {
    return std::unexpected(writeError(capture, path, "cannot commit the tracks"));
  }
  return {};
}

core::Result<void> writePoints(GDALDataset& dataset, const std::filesystem::path& path, const AisTrackSet& set,
                               AisExportSummary& summary) {
  const std::vector<Field> fields = {{"mmsi", FieldType::Integer}, {"track", FieldType::Integer},
                                     {"time", FieldType::DateTime}, {"sog_kn", FieldType::Real},
                                     {"cog_deg", FieldType::Real},  {"heading_deg", FieldType::Real},
                                     {"vessel_id", FieldType::Text}};
  auto layer = createLayer(dataset, path, "points", wkbPoint, fields);
  if (!layer) return std::unexpected(layer.error());
  if (auto started = startTransaction(**layer, path); !started) return started;
  CplErrorCapture capture;
  OGRFeature feature((*layer)->GetLayerDefn());
  for (std::size_t t = 0; t < set.tracks.size(); ++t) {
    const AisTrack& track = set.tracks[t];
    for (std::uint32_t i = track.begin; i < track.end; ++i) {
      if (stopRequested(i)) return std::unexpected(core::interruption("ais export"));
      feature.SetFID(OGRNullFID);
      const AisVesselInfo& vessel = set.vessels[track.vessel];
      if (vessel.hasMmsi()) {
        feature.SetField(0, GIntBig(vessel.key));
      } else {
        feature.SetFieldNull(0);
      }
      feature.SetField(1, GIntBig(t + 1));
      setValues(feature, {set.time[i]}, 2);
      feature.SetField(6, vesselId(vessel).c_str());
      setOptional(feature, 3, set.sogTenths[i], 0.1);
      setOptional(feature, 4, set.cogTenths[i], 0.1);
      setOptional(feature, 5, set.heading[i], 1.0);
      OGRPoint point(set.lon(i), set.lat(i));
      feature.SetGeometry(&point);
      if ((*layer)->CreateFeature(&feature) != OGRERR_NONE) {
        return std::unexpected(writeError(capture, path, "cannot write a point"));
      }
      ++summary.points;
    }
  }
  if ((*layer)->CommitTransaction() != OGRERR_NONE) {
    return std::unexpected(writeError(capture, path, "cannot commit the points"));
  }
  return {};
}

}  // namespace

core::Result<AisExportSummary> writeAisTracks(const std::filesystem::path& path, const AisTrackSet& set,
                                              const AisExportOptions& options) {
  CplErrorCapture warnings;  // GDAL's warnings go to the log, not raw to stderr
  AisExportSummary summary;
  auto created = NewDataset::create(path, "GPKG", 0, 0, 0, GDT_Unknown);
  if (!created) return std::unexpected(created.error());
  if (auto tracks = writeTracks(created->dataset(), path, set, options, summary); !tracks) {
    return std::unexpected(tracks.error());
  }
  if (options.points) {
    if (auto points = writePoints(created->dataset(), path, set, summary); !points) {
      return std::unexpected(points.error());
    }
  }
  if (auto finished = created->finish(); !finished) return std::unexpected(finished.error());
  return summary;
}

core::Result<void> writeAisDroppedRows(const std::filesystem::path& path, const AisCounts& counts) {
  std::vector<const AisBadRow*> sorted;
  for (const AisBadRow& row : counts.rows) sorted.push_back(&row);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const AisBadRow* a, const AisBadRow* b) { return std::tie(a->file, a->line) < std::tie(b->file, b->line); });
  std::vector<Row> rows;
  rows.reserve(sorted.size());
  for (const AisBadRow* row : sorted) {
    const FieldValue number = std::int64_t(row->line);
    rows.push_back({row->file, row->feature ? FieldValue{std::monostate{}} : number, row->feature ? number : FieldValue{std::monostate{}},
                    std::string(dropReasonKey(row->reason)), row->detail});
  }
  return writeCsv(path, {{"file", FieldType::Text}, {"line", FieldType::Integer}, {"feature", FieldType::Integer},
                         {"reason", FieldType::Text}, {"detail", FieldType::Text}},
                  rows);
}

}  // namespace corridor::io
