#include "io/ResultWriters.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/Longitude.h"
#include "io/GdalHandles.h"

namespace corridor::io {
namespace {

core::Result<DatasetHandle> create(const std::filesystem::path& path, const char* driverName,
                                   int columns, int rows, int bands, GDALDataType type,
                                   const char* const* options = nullptr) {
  registerGdalDrivers();
  CplErrorCapture capture;
  GDALDriverH driver = GDALGetDriverByName(driverName);
  if (!driver) return core::fail(core::ErrorKind::Internal, std::string("GDAL has no ") + driverName + " driver");
  std::error_code ec;
  std::filesystem::remove(path, ec);  // drivers refuse to overwrite
  GDALDatasetH dataset = GDALCreate(driver, path.c_str(), columns, rows, bands, type,
                                    const_cast<char**>(options));
  if (!dataset) return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot create"));
  return DatasetHandle(dataset);
}

OGRFieldType ogrType(FieldType type) {
  switch (type) {
    case FieldType::Text: return OFTString;
    case FieldType::Real: return OFTReal;
    case FieldType::Integer: return OFTInteger;
  }
  return OFTString;
}

core::Result<OGRLayer*> createLayer(GDALDataset& dataset, const std::filesystem::path& path,
                                    const std::string& name, OGRwkbGeometryType geometry,
                                    const std::vector<Field>& fields,
                                    const char* const* options = nullptr) {
  OGRSpatialReference srs = wgs84LonLat();
  OGRLayer* layer = dataset.CreateLayer(name.c_str(), geometry == wkbNone ? nullptr : &srs, geometry,
                                        const_cast<char**>(options));
  if (!layer) return core::fail(core::ErrorKind::Io, path.string() + ": cannot create layer " + name);
  for (const Field& field : fields) {
    OGRFieldDefn definition(field.name.c_str(), ogrType(field.type));
    if (layer->CreateField(&definition) != OGRERR_NONE) {
      return core::fail(core::ErrorKind::Io, path.string() + ": cannot create field " + field.name);
    }
  }
  return layer;
}

void setValues(OGRFeature& feature, const Row& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = int(i);
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::string>) {
            feature.SetField(index, value.c_str());
          } else if constexpr (std::is_same_v<T, double>) {
            feature.SetField(index, value);
          } else {
            feature.SetField(index, static_cast<int>(value));
          }
        },
        values[i]);
  }
}

core::Result<void> closeChecked(DatasetHandle handle, const std::filesystem::path& path) {
  CplErrorCapture capture;  // GDAL 3.6's close reports failures only through CPLError
  GDALClose(handle.release());
  if (!capture.lastError().empty()) {
    return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot finish writing (disk full?)"));
  }
  return {};
}

}  // namespace

core::Result<void> writeCsv(const std::filesystem::path& path, const std::vector<Field>& fields,
                            const std::vector<Row>& rows) {
  CplErrorCapture warnings;  // GDAL's warnings go to the log, not raw to stderr
  auto handle = create(path, "CSV", 0, 0, 0, GDT_Unknown);
  if (!handle) return std::unexpected(handle.error());
  auto* dataset = GDALDataset::FromHandle(handle->get());
  // Numbers unquoted (the driver's default quotes anything that could be misread as one).
  const char* options[] = {"STRING_QUOTING=IF_NEEDED", nullptr};
  auto layer = createLayer(*dataset, path, path.stem().string(), wkbNone, fields, options);
  if (!layer) return std::unexpected(layer.error());
  for (const Row& row : rows) {
    OGRFeature feature((*layer)->GetLayerDefn());
    setValues(feature, row);
    if ((*layer)->CreateFeature(&feature) != OGRERR_NONE) {
      return core::fail(core::ErrorKind::Io, path.string() + ": cannot write a row");
    }
  }
  return closeChecked(std::move(*handle), path);
}

core::Result<void> writeLineLayer(const std::filesystem::path& path, const std::string& layerName,
                                  const std::vector<Field>& fields,
                                  const std::vector<LineFeature>& features) {
  CplErrorCapture warnings;  // GDAL's warnings go to the log, not raw to stderr
  auto handle = create(path, "GPKG", 0, 0, 0, GDT_Unknown);
  if (!handle) return std::unexpected(handle.error());
  auto* dataset = GDALDataset::FromHandle(handle->get());
  auto layer = createLayer(*dataset, path, layerName, wkbMultiLineString, fields);
  if (!layer) return std::unexpected(layer.error());
  if ((*layer)->StartTransaction() != OGRERR_NONE) {
    return core::fail(core::ErrorKind::Io, path.string() + ": cannot start a transaction");
  }
  for (const LineFeature& source : features) {
    OGRFeature feature((*layer)->GetLayerDefn());
    setValues(feature, source.values);
    OGRMultiLineString lines;
    for (const geo::Polyline& part : geo::splitAtAntimeridian(source.line)) {
      OGRLineString line;
      line.setNumPoints(int(part.size()));
      for (std::size_t i = 0; i < part.size(); ++i) line.setPoint(int(i), part[i].lon, part[i].lat);
      lines.addGeometry(&line);
    }
    feature.SetGeometry(&lines);
    if ((*layer)->CreateFeature(&feature) != OGRERR_NONE) {
      return core::fail(core::ErrorKind::Io, path.string() + ": cannot write a feature");
    }
  }
  if ((*layer)->CommitTransaction() != OGRERR_NONE) {
    return core::fail(core::ErrorKind::Io, path.string() + ": cannot commit (disk full?)");
  }
  return closeChecked(std::move(*handle), path);
}

core::Result<void> writeGeoTiff(const std::filesystem::path& path, int columns, int rows,
                                const std::array<double, 6>& geoTransform,
                                const std::vector<RasterBand>& bands) {
  CplErrorCapture warnings;  // GDAL's warnings go to the log, not raw to stderr
  const char* options[] = {"COMPRESS=DEFLATE", nullptr};
  auto handle = create(path, "GTiff", columns, rows, int(bands.size()), GDT_Float32, options);
  if (!handle) return std::unexpected(handle.error());
  auto* dataset = GDALDataset::FromHandle(handle->get());
  std::array<double, 6> transform = geoTransform;
  const OGRSpatialReference srs = wgs84LonLat();
  dataset->SetGeoTransform(transform.data());
  dataset->SetSpatialRef(&srs);
  for (std::size_t b = 0; b < bands.size(); ++b) {
    GDALRasterBand* band = dataset->GetRasterBand(int(b) + 1);
    band->SetDescription(bands[b].description.c_str());
    std::vector<float> values = bands[b].values;
    if (band->RasterIO(GF_Write, 0, 0, columns, rows, values.data(), columns, rows, GDT_Float32, 0,
                       0, nullptr) != CE_None) {
      return core::fail(core::ErrorKind::Io, path.string() + ": cannot write band " + bands[b].description);
    }
  }
  return closeChecked(std::move(*handle), path);
}

}  // namespace corridor::io
