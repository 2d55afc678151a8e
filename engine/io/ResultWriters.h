#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <utility>
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"

namespace corridor::io {

// Writers for simulation results, through GDAL so that the files open in QGIS as they are.

// DateTime values are core::UtcMicros (int64), written as UTC date-times.
enum class FieldType { Text, Real, Integer, DateTime };
struct Field {
  std::string name;
  FieldType type = FieldType::Real;
};
// std::monostate writes NULL (a value that is not available).
using FieldValue = std::variant<std::string, double, std::int64_t, std::monostate>;
using Row = std::vector<FieldValue>;

// A CSV file with a header line (GDAL's CSV driver).
core::Result<void> writeCsv(const std::filesystem::path& path, const std::vector<Field>& fields,
                            const std::vector<Row>& rows);

// A GeoPackage with one MultiLineString layer in EPSG:4326; lines that cross the antimeridian
// are cut there (geo::splitAtAntimeridian), so no tool draws them across the map.
struct LineFeature {
  geo::Polyline line;  // may be unwrapped (longitudes past 180)
  Row values;
};
core::Result<void> writeLineLayer(const std::filesystem::path& path, const std::string& layer,
                                  const std::vector<Field>& fields,
                                  const std::vector<LineFeature>& features);

// A float32 GeoTIFF in EPSG:4326; bands are row-major, north row first. geoTransform is GDAL's
// (west, dx, 0, north, 0, -dy).
struct RasterBand {
  std::string description;
  std::vector<float> values;
  std::string unit;                                          // GDAL's unit type, e.g. "ug/m3"
  std::vector<std::pair<std::string, std::string>> metadata;  // band metadata items
};
core::Result<void> writeGeoTiff(const std::filesystem::path& path, int columns, int rows,
                                const std::array<double, 6>& geoTransform,
                                const std::vector<RasterBand>& bands);

}  // namespace corridor::io
