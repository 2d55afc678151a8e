#pragma once
// Writes small vector and raster fixture files with GDAL. Coordinates are given in lon/lat and
// projected by hand (not by GDAL), so the readers' reprojection is checked independently.
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "TestSupport.h"
#include "geo/Types.h"

namespace corridor::test {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kMercatorRadius = 6378137.0;

struct Xy {
  double x = 0;
  double y = 0;
};
using Projection = Xy (*)(geo::LonLat);

inline Xy lonLat(geo::LonLat p) { return {p.lon, p.lat}; }

// Spherical Web Mercator (EPSG:3857).
inline Xy webMercator(geo::LonLat p) {
  const double lon = p.lon * kPi / 180.0, lat = p.lat * kPi / 180.0;
  return {kMercatorRadius * lon, kMercatorRadius * std::log(std::tan(kPi / 4.0 + lat / 2.0))};
}

using Ring = std::vector<geo::LonLat>;

// A closed, counter-clockwise rectangle.
inline Ring box(double lon0, double lat0, double lon1, double lat1) {
  return {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}};
}

inline std::string coordinateList(const Ring& points, Projection project) {
  std::ostringstream out;
  out.precision(17);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Xy xy = project(points[i]);
    out << (i ? ", " : "") << xy.x << ' ' << xy.y;
  }
  return out.str();
}

inline std::string ringList(const std::vector<Ring>& rings, Projection project) {
  std::string text = "(";
  for (std::size_t i = 0; i < rings.size(); ++i) {
    text += (i ? ", (" : "(") + coordinateList(rings[i], project) + ")";
  }
  return text + ")";
}

// rings: outer ring first, then holes.
inline std::string polygonWkt(const std::vector<Ring>& rings, Projection project) {
  return "POLYGON " + ringList(rings, project);
}

inline std::string multiPolygonWkt(const std::vector<std::vector<Ring>>& polygons,
                                   Projection project) {
  std::string text = "MULTIPOLYGON (";
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    text += (i ? ", " : "") + ringList(polygons[i], project);
  }
  return text + ")";
}

inline std::string lineWkt(const Ring& points, Projection project) {
  return "LINESTRING (" + coordinateList(points, project) + ")";
}

inline std::string pointWkt(geo::LonLat point, Projection project) {
  return "POINT (" + coordinateList({point}, project) + ")";
}

struct GdalDatasetCloser {
  void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

inline GdalDatasetPtr createDataset(const std::filesystem::path& path, const char* driverName,
                                    int width, int height, int bands, GDALDataType type) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
  if (!driver) throw std::runtime_error(std::string("no GDAL driver ") + driverName);
  GdalDatasetPtr dataset(driver->Create(path.c_str(), width, height, bands, type, nullptr));
  if (!dataset) throw std::runtime_error("cannot create " + path.string());
  return dataset;
}

inline OGRSpatialReference spatialReference(int epsg) {
  OGRSpatialReference srs;
  if (srs.importFromEPSG(epsg) != OGRERR_NONE) {
    throw std::runtime_error("unknown EPSG:" + std::to_string(epsg));
  }
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

struct LayerSpec {
  std::string name;
  int epsg = 4326;
  OGRwkbGeometryType type = wkbUnknown;
  std::vector<std::string> wkt;  // one feature each, already in the layer's CRS
};

inline void writeVector(const std::filesystem::path& path, const char* driverName,
                        const std::vector<LayerSpec>& layers) {
  auto dataset = createDataset(path, driverName, 0, 0, 0, GDT_Unknown);
  for (const auto& spec : layers) {
    OGRSpatialReference srs = spatialReference(spec.epsg);  // CreateLayer wants it mutable
    OGRLayer* layer = dataset->CreateLayer(spec.name.c_str(), &srs, spec.type, nullptr);
    if (!layer) throw std::runtime_error("cannot create layer " + spec.name);
    for (const auto& wkt : spec.wkt) {
      OGRGeometry* geometry = nullptr;
      if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry) != OGRERR_NONE) {
        throw std::runtime_error("bad WKT " + wkt);
      }
      OGRFeature feature(layer->GetLayerDefn());
      feature.SetGeometryDirectly(geometry);
      if (layer->CreateFeature(&feature) != OGRERR_NONE) {
        throw std::runtime_error("cannot write a feature to " + spec.name);
      }
    }
  }
}

using Rgb = std::array<std::uint8_t, 3>;
inline constexpr Rgb kRed{255, 0, 0};
inline constexpr Rgb kGreen{0, 255, 0};
inline constexpr Rgb kBlue{0, 0, 255};

struct RasterSpec {
  int width = 0;
  int height = 0;
  int epsg = 4326;
  std::array<double, 6> geoTransform{};  // GDAL order: x0, dx, 0, y0, 0, dy
  std::function<Rgb(int x, int y)> colour;
};

// A three-band byte GeoTIFF.
inline void writeRgbGeoTiff(const std::filesystem::path& path, const RasterSpec& spec) {
  auto dataset = createDataset(path, "GTiff", spec.width, spec.height, 3, GDT_Byte);
  std::array<double, 6> transform = spec.geoTransform;
  const OGRSpatialReference srs = spatialReference(spec.epsg);
  if (dataset->SetGeoTransform(transform.data()) != CE_None ||
      dataset->SetSpatialRef(&srs) != CE_None) {
    throw std::runtime_error("cannot georeference " + path.string());
  }
  std::vector<std::uint8_t> plane(static_cast<std::size_t>(spec.width) * spec.height);
  for (int band = 0; band < 3; ++band) {
    for (int y = 0; y < spec.height; ++y) {
      for (int x = 0; x < spec.width; ++x) {
        plane[static_cast<std::size_t>(y) * spec.width + x] = spec.colour(x, y)[band];
      }
    }
    if (dataset->GetRasterBand(band + 1)->RasterIO(GF_Write, 0, 0, spec.width, spec.height,
                                                   plane.data(), spec.width, spec.height,
                                                   GDT_Byte, 0, 0, nullptr) != CE_None) {
      throw std::runtime_error("cannot write " + path.string());
    }
  }
}

// A single-band Float32 GeoTIFF with a band description, unit and optional nodata, as a
// bathymetry or concentration grid would be.
struct FloatRasterSpec {
  int width = 0;
  int height = 0;
  int epsg = 4326;
  std::array<double, 6> geoTransform{};
  std::function<float(int x, int y)> value;
  std::optional<double> nodata;
  std::string description, unit;
};

inline void writeFloatGeoTiff(const std::filesystem::path& path, const FloatRasterSpec& spec) {
  auto dataset = createDataset(path, "GTiff", spec.width, spec.height, 1, GDT_Float32);
  std::array<double, 6> transform = spec.geoTransform;
  const OGRSpatialReference srs = spatialReference(spec.epsg);
  if (dataset->SetGeoTransform(transform.data()) != CE_None || dataset->SetSpatialRef(&srs) != CE_None) {
    throw std::runtime_error("cannot georeference " + path.string());
  }
  GDALRasterBand* band = dataset->GetRasterBand(1);
  if (spec.nodata) band->SetNoDataValue(*spec.nodata);
  band->SetDescription(spec.description.c_str());
  band->SetUnitType(spec.unit.c_str());
  std::vector<float> plane(static_cast<std::size_t>(spec.width) * spec.height);
  for (int y = 0; y < spec.height; ++y) {
    for (int x = 0; x < spec.width; ++x) plane[static_cast<std::size_t>(y) * spec.width + x] = spec.value(x, y);
  }
  if (band->RasterIO(GF_Write, 0, 0, spec.width, spec.height, plane.data(), spec.width, spec.height, GDT_Float32, 0, 0,
                     nullptr) != CE_None) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

// Zips files (by their names) into `zip`, as a user's archive of a shapefile would be.
inline void zipFiles(const std::filesystem::path& zip, const std::vector<std::filesystem::path>& files) {
  void* archive = CPLCreateZip(zip.c_str(), nullptr);
  if (!archive) throw std::runtime_error("cannot create " + zip.string());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CPLCreateFileInZip(archive, file.filename().c_str(), nullptr);
    CPLWriteFileInZip(archive, bytes.data(), int(bytes.size()));
    CPLCloseFileInZip(archive);
  }
  CPLCloseZip(archive);
}

// `file` gzipped into `gz`.
inline void gzipFile(const std::filesystem::path& file, const std::filesystem::path& gz) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  VSILFILE* out = VSIFOpenL(("/vsigzip/" + gz.string()).c_str(), "wb");
  if (!out) throw std::runtime_error("cannot create " + gz.string());
  VSIFWriteL(bytes.data(), 1, bytes.size(), out);
  VSIFCloseL(out);
}

// 360 x 180 one-degree pixels over the whole world: north of 80N green, else west red and
// east blue.
inline void writeWorldGeoTiff(const std::filesystem::path& path) {
  writeRgbGeoTiff(path, {360, 180, 4326, {-180.0, 1.0, 0.0, 90.0, 0.0, -1.0},
                         [](int x, int y) { return y < 10 ? kGreen : x < 180 ? kRed : kBlue; }});
}

}  // namespace corridor::test
