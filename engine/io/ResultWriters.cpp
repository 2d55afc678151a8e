#include "io/ResultWriters.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/GdalHandles.h"
#include "io/OgrWriting.h"

namespace corridor::io {

core::Result<void> writeCsv(const std::filesystem::path& path, const std::vector<Field>& fields,
                            const std::vector<Row>& rows) {
  CplErrorCapture warnings;  // GDAL's warnings go to the log, not raw to stderr
  auto created = NewDataset::create(path, "CSV", 0, 0, 0, GDT_Unknown);
  if (!created) return std::unexpected(created.error());
  // Numbers unquoted (the driver's default quotes anything that could be misread as one).
  const char* options[] = {"STRING_QUOTING=IF_NEEDED", nullptr};
  auto layer = createLayer(created->dataset(), path, path.stem().string(), wkbNone, fields, options);
  if (!layer) return std::unexpected(layer.error());
  for (const Row& row : rows) {
    OGRFeature feature((*layer)->GetLayerDefn());
    setValues(feature, row);
    if ((*layer)->CreateFeature(&feature) != OGRERR_NONE) {
      return std::unexpected(writeError(warnings, path, "cannot write a row"));
    }
  }
  return created->finish();
}

core::Result<void> writeLineLayer(const std::filesystem::path& path, const std::string& layerName,
                                  const std::vector<Field>& fields,
                                  const std::vector<LineFeature>& features) {
  CplErrorCapture warnings;  // GDAL's warnings go to the log, not raw to stderr
  auto created = NewDataset::create(path, "GPKG", 0, 0, 0, GDT_Unknown);
  if (!created) return std::unexpected(created.error());
  auto layer = createLayer(created->dataset(), path, layerName, wkbMultiLineString, fields);
  if (!layer) return std::unexpected(layer.error());
  if ((*layer)->StartTransaction() != OGRERR_NONE) {
    return core::fail(core::ErrorKind::Io, path.string() + ": cannot start a transaction");
  }
  for (const LineFeature& source : features) {
    OGRFeature feature((*layer)->GetLayerDefn());
    setValues(feature, source.values);
    OGRMultiLineString lines = cutAtAntimeridian(source.line);
    feature.SetGeometry(&lines);
    if ((*layer)->CreateFeature(&feature) != OGRERR_NONE) {
      return std::unexpected(writeError(warnings, path, "cannot write a feature"));
    }
  }
  if ((*layer)->CommitTransaction() != OGRERR_NONE) {
    return std::unexpected(writeError(warnings, path, "cannot commit"));
  }
  return created->finish();
}

core::Result<void> writeGeoTiff(const std::filesystem::path& path, int columns, int rows,
                                const std::array<double, 6>& geoTransform,
                                const std::vector<RasterBand>& bands) {
  CplErrorCapture warnings;  // GDAL's warnings go to the log, not raw to stderr
  const char* options[] = {"COMPRESS=DEFLATE", nullptr};
  auto created = NewDataset::create(path, "GTiff", columns, rows, int(bands.size()), GDT_Float32, options);
  if (!created) return std::unexpected(created.error());
  GDALDataset* dataset = &created->dataset();
  std::array<double, 6> transform = geoTransform;
  const OGRSpatialReference srs = wgs84LonLat();
  dataset->SetGeoTransform(transform.data());
  dataset->SetSpatialRef(&srs);
  for (std::size_t b = 0; b < bands.size(); ++b) {
    GDALRasterBand* band = dataset->GetRasterBand(int(b) + 1);
    band->SetDescription(bands[b].description.c_str());
    if (!bands[b].unit.empty()) band->SetUnitType(bands[b].unit.c_str());
    for (const auto& [key, value] : bands[b].metadata) band->SetMetadataItem(key.c_str(), value.c_str());
    std::vector<float> values = bands[b].values;
    if (band->RasterIO(GF_Write, 0, 0, columns, rows, values.data(), columns, rows, GDT_Float32, 0,
                       0, nullptr) != CE_None) {
      return std::unexpected(writeError(warnings, path, "cannot write band " + bands[b].description));
    }
  }
  return created->finish();
}

}  // namespace corridor::io
