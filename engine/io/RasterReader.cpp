#include "io/RasterReader.h"

#include <gdal_utils.h>

#include <string>
#include <vector>

#include "core/Log.h"
#include "io/GdalHandles.h"

namespace corridor::io {
namespace {

core::Result<DatasetHandle> translate(GDALDatasetH source, OptionList options,
                                      const std::filesystem::path& path, const std::string& what) {
  CplErrorCapture capture;
  GDALTranslateOptions* parsed = GDALTranslateOptionsNew(options.argv(), nullptr);
  GDALDatasetH result = GDALTranslate("", source, parsed, nullptr);
  GDALTranslateOptionsFree(parsed);
  if (!result) return core::dataError(capture.describe(path, "cannot " + what));
  return DatasetHandle(result);
}

bool isGeoreferenced(GDALDatasetH dataset) {
  double transform[6];
  return GDALGetSpatialRef(dataset) != nullptr && GDALGetGeoTransform(dataset, transform) == CE_None;
}

// Brings the source to byte RGB(A) or grey with georeferencing, so one warp handles all cases.
core::Result<DatasetHandle> normalized(DatasetHandle source, const std::filesystem::path& path) {
  GDALDatasetH handle = source.get();
  const int width = GDALGetRasterXSize(handle), height = GDALGetRasterYSize(handle);
  if (GDALGetRasterCount(handle) == 0) return core::dataError(path.string() + ": raster has no bands");
  if (!isGeoreferenced(handle)) {
    if (width != 2 * height) {
      return core::dataError(path.string() +
                             ": raster has no coordinate reference system or geotransform "
                             "(expected a georeferenced raster or a 2:1 global plate carree)");
    }
    core::logInfo(path.string() + ": no georeferencing; taking it as a global plate carree");
    auto assigned = translate(handle, {"-of", "VRT", "-a_srs", "EPSG:4326", "-a_ullr", "-180",
                                       "90", "180", "-90"},
                              path, "assign global georeferencing");
    if (!assigned) return assigned;
    // The VRT reads through the source dataset: materialise it, then close the VRT first.
    auto materialised = translate(assigned->get(), {"-of", "MEM"}, path, "load the raster");
    if (!materialised) return materialised;
    assigned->reset();
    source = std::move(*materialised);
    handle = source.get();
  }
  GDALRasterBandH first = GDALGetRasterBand(handle, 1);
  if (GDALGetRasterColorTable(first)) {
    return translate(handle, {"-of", "MEM", "-expand", "rgba"}, path, "expand its palette");
  }
  if (GDALGetRasterDataType(first) != GDT_Byte) {
    return translate(handle, {"-of", "MEM", "-ot", "Byte", "-scale"}, path,
                     "scale its values to 8 bits");
  }
  return source;
}

}  // namespace

core::Result<core::Image> readRasterEquirectangular(const std::filesystem::path& path, int width,
                                                    int height) {
  auto opened = openDataset(path, GDAL_OF_RASTER | GDAL_OF_READONLY, "a raster dataset");
  if (!opened) return std::unexpected(opened.error());
  auto source = normalized(std::move(*opened), path);
  if (!source) return std::unexpected(source.error());

  CplErrorCapture capture;
  OptionList options{"-of", "MEM", "-t_srs", "EPSG:4326", "-te", "-180", "-90", "180", "90",
                     "-ts", std::to_string(width), std::to_string(height), "-r", "bilinear",
                     "-dstalpha", "-wo", "SOURCE_EXTRA=4"};
  GDALWarpAppOptions* parsed = GDALWarpAppOptionsNew(options.argv(), nullptr);
  GDALDatasetH sourceHandle = source->get();
  int usageError = 0;
  DatasetHandle warped(GDALWarp("", nullptr, 1, &sourceHandle, parsed, &usageError));
  GDALWarpAppOptionsFree(parsed);
  if (!warped) return core::dataError(capture.describe(path, "cannot warp to WGS84"));

  const int bands = GDALGetRasterCount(warped.get());
  const int colourBands = bands - 1;  // the last band is the alpha added by -dstalpha
  core::Image image(width, height);
  std::vector<std::uint8_t> row(static_cast<std::size_t>(width) * height);
  const int sourceBandFor[4] = {1, colourBands >= 3 ? 2 : 1, colourBands >= 3 ? 3 : 1, bands};
  for (int channel = 0; channel < 4; ++channel) {
    GDALRasterBandH band = GDALGetRasterBand(warped.get(), sourceBandFor[channel]);
    if (GDALRasterIO(band, GF_Read, 0, 0, width, height, row.data(), width, height, GDT_Byte, 0,
                     0) != CE_None) {
      return core::dataError(capture.describe(path, "cannot read the warped raster"));
    }
    for (std::size_t i = 0; i < row.size(); ++i) image.pixels[i * 4 + channel] = row[i];
  }
  return image;
}

}  // namespace corridor::io
