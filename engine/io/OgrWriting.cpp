#include "io/OgrWriting.h"

#include "core/Time.h"
#include "geo/Longitude.h"

namespace corridor::io {

core::Error writeError(const CplErrorCapture& capture, const std::filesystem::path& path, const std::string& what) {
  if (core::diskFullWhileWriting(path, capture.lastError())) return {core::ErrorKind::Io, path.string() + ": disk full"};
  return {core::ErrorKind::Io, capture.describe(path, what)};
}

core::Result<NewDataset> NewDataset::create(const std::filesystem::path& path, const char* driverName, int columns,
                                            int rows, int bands, GDALDataType type, const char* const* options) {
  registerGdalDrivers();
  CplErrorCapture capture;
  GDALDriverH driver = GDALGetDriverByName(driverName);
  if (!driver) return core::fail(core::ErrorKind::Internal, std::string("GDAL has no ") + driverName + " driver");
  auto output = core::PendingOutput::begin(path);
  if (!output) return std::unexpected(output.error());
  GDALDatasetH dataset = GDALCreate(driver, output->temporary().c_str(), columns, rows, bands, type,
                                    const_cast<char**>(options));
  if (!dataset) return std::unexpected(writeError(capture, path, "cannot create"));
  return NewDataset(std::move(*output), DatasetHandle(dataset));
}

core::Result<void> NewDataset::finish() {
  CplErrorCapture capture;  // GDAL 3.6's close reports failures only through CPLError
  GDALClose(handle_.release());
  if (!capture.lastError().empty()) return std::unexpected(writeError(capture, path(), "cannot finish writing"));
  return output_.commit();
}

namespace {

OGRFieldType ogrType(FieldType type) {
  switch (type) {
    case FieldType::Text: return OFTString;
    case FieldType::Real: return OFTReal;
    case FieldType::Integer: return OFTInteger;
    case FieldType::DateTime: return OFTDateTime;
  }
  return OFTString;
}

void setDateTime(OGRFeature& feature, int index, core::UtcMicros time) {
  const core::CivilTime t = core::toCivilTime(time);
  feature.SetField(index, t.year, t.month, t.day, t.hour, t.minute,
                   float(t.second + t.microsecond * 1e-6), 100);  // 100: UTC
}

}  // namespace

core::Result<OGRLayer*> createLayer(GDALDataset& dataset, const std::filesystem::path& path,
                                    const std::string& name, OGRwkbGeometryType geometry,
                                    const std::vector<Field>& fields,
                                    const char* const* options) {
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

void setValues(OGRFeature& feature, const Row& values, int first) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = first + int(i);
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::string>) {
            feature.SetField(index, value.c_str());
          } else if constexpr (std::is_same_v<T, double>) {
            feature.SetField(index, value);
          } else if constexpr (std::is_same_v<T, std::monostate>) {
            feature.SetFieldNull(index);
          } else if (feature.GetFieldDefnRef(index)->GetType() == OFTDateTime) {
            setDateTime(feature, index, value);
          } else {
            feature.SetField(index, static_cast<GIntBig>(value));
          }
        },
        values[i]);
  }
}

OGRMultiLineString cutAtAntimeridian(const geo::Polyline& path) {
  OGRMultiLineString lines;
  for (const geo::Polyline& part : geo::splitAtAntimeridian(path)) {
    OGRLineString line;
    line.setNumPoints(int(part.size()));
    for (std::size_t i = 0; i < part.size(); ++i) line.setPoint(int(i), part[i].lon, part[i].lat);
    lines.addGeometry(&line);
  }
  return lines;
}

}  // namespace corridor::io
