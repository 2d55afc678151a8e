#include "io/RasterTiles.h"

#include <gdal_alg.h>
#include <gdal_utils.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <vector>

#include "core/Log.h"
#include "io/GdalHandles.h"

namespace corridor::io {

namespace {

// Statistics and opening write nothing beside the user's file (no .aux.xml).
class NoPamScope {
 public:
  NoPamScope() { CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO"); }
  ~NoPamScope() { CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr); }
};

}  // namespace

// The open datasets of a raster: a GDAL dataset serves one thread at a time, so each reader
// borrows one, and up to kReaders are opened (on the file, or on its cached overview VRT).
struct RasterTiles::Source {
  static constexpr int kReaders = 2;  // the cores of the machines Corridor targets

  std::filesystem::path reopen;
  bool palette = false;
  std::mutex mutex;
  std::condition_variable returned;
  std::vector<DatasetHandle> idle;
  int opened = 0;

  // A dataset for this thread alone until `give` takes it back; null when it cannot be opened.
  DatasetHandle borrow() {
    std::unique_lock lock(mutex);
    returned.wait(lock, [&] { return !idle.empty() || opened < kReaders; });
    if (!idle.empty()) {
      DatasetHandle dataset = std::move(idle.back());
      idle.pop_back();
      return dataset;
    }
    ++opened;
    lock.unlock();
    NoPamScope noPam;  // a dataset that computes statistics later must not write them beside the file
    auto dataset = openDataset(reopen, GDAL_OF_RASTER | GDAL_OF_READONLY, "a raster dataset");
    if (dataset) return std::move(*dataset);
    lock.lock();
    --opened;
    returned.notify_one();
    return nullptr;
  }
  void give(DatasetHandle dataset) {
    {
      std::lock_guard lock(mutex);
      idle.push_back(std::move(dataset));
    }
    returned.notify_one();
  }
};

namespace {

constexpr int kOverviewThreshold = 2048;  // pixels: a larger raster without overviews gets them
constexpr GIntBig kBlockCacheBytes = 256ll << 20;  // GDAL's block cache: the host side of the budget


bool lastBandIsAlpha(GDALDatasetH dataset) {
  const int count = GDALGetRasterCount(dataset);
  return count > 1 && GDALGetRasterColorInterpretation(GDALGetRasterBand(dataset, count)) == GCI_AlphaBand;
}

// The file's identity for the overview cache: path, size and time, so an edited file gets new ones.
std::string cacheKey(const std::filesystem::path& path) {
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec).string();
  const auto size = std::filesystem::file_size(path, ec);
  const auto time = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016zx",
                std::hash<std::string>()(absolute + "|" + std::to_string(size) + "|" + std::to_string(time)));
  return hex;
}

int CPL_STDCALL reportProgress(double complete, const char*, void* data) {
  const auto* progress = static_cast<const RasterTiles::Progress*>(data);
  if (*progress) (*progress)(complete);
  return TRUE;
}

// A VRT of the source with overviews beside it in the cache, built once (written under
// temporary names, then renamed, so an interrupted build leaves nothing half-made).
core::Result<DatasetHandle> withCachedOverviews(const std::filesystem::path& path, GDALDatasetH source, bool palette,
                                                const std::filesystem::path& cacheDir,
                                                const RasterTiles::Progress& progress) {
  const std::filesystem::path vrt = cacheDir / (cacheKey(path) + ".vrt");
  std::filesystem::path overviews = vrt;
  overviews += ".ovr";
  if (std::filesystem::exists(vrt) && std::filesystem::exists(overviews)) {
    return openDataset(vrt, GDAL_OF_RASTER | GDAL_OF_READONLY, "a cached overview dataset");
  }
  std::error_code ec;
  std::filesystem::create_directories(cacheDir, ec);
  if (ec) return core::dataError(cacheDir.string() + ": cannot create the overview cache (" + ec.message() + ")");
  const std::filesystem::path temporary = cacheDir / (cacheKey(path) + ".tmp" + std::to_string(::getpid()) + ".vrt");
  core::logInfo(path.string() + ": no overviews; building them once into " + cacheDir.string());
  CplErrorCapture capture;
  {
    DatasetHandle copy(GDALCreateCopy(GDALGetDriverByName("VRT"), temporary.c_str(), source, FALSE, nullptr, nullptr, nullptr));
    if (!copy) return core::dataError(capture.describe(path, "cannot describe it as a VRT for its overviews"));
    std::vector<int> factors;
    const int size = std::max(GDALGetRasterXSize(source), GDALGetRasterYSize(source));
    for (int factor = 2; size / factor >= geo::kTileSize / 2; factor *= 2) factors.push_back(factor);
    CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", "DEFLATE");
    const CPLErr built = GDALBuildOverviews(copy.get(), palette ? "NEAREST" : "AVERAGE", int(factors.size()),
                                            factors.data(), 0, nullptr, reportProgress,
                                            const_cast<RasterTiles::Progress*>(&progress));
    CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", nullptr);
    if (built != CE_None) return core::dataError(capture.describe(path, "cannot build overviews"));
  }
  std::filesystem::path temporaryOverviews = temporary;
  temporaryOverviews += ".ovr";
  std::filesystem::rename(temporaryOverviews, overviews, ec);
  if (!ec) std::filesystem::rename(temporary, vrt, ec);
  if (ec) return core::dataError(vrt.string() + ": cannot store the overviews (" + ec.message() + ")");
  return openDataset(vrt, GDAL_OF_RASTER | GDAL_OF_READONLY, "a cached overview dataset");
}

// Where the raster lies in WGS84 and its pixel size there, as gdalwarp would choose them.
core::Result<std::pair<geo::LonLatBox, double>> wgs84Footprint(const std::filesystem::path& path, GDALDatasetH dataset) {
  CplErrorCapture capture;
  char* options[] = {const_cast<char*>("DST_SRS=EPSG:4326"), nullptr};
  void* transformer = GDALCreateGenImgProjTransformer2(dataset, nullptr, options);
  if (!transformer) return core::dataError(capture.describe(path, "its CRS cannot be transformed to WGS84"));
  double transform[6], extent[4];
  int pixels = 0, lines = 0;
  const CPLErr suggested = GDALSuggestedWarpOutput2(dataset, GDALGenImgProjTransform, transformer, transform, &pixels,
                                                    &lines, extent, 0);
  GDALDestroyGenImgProjTransformer(transformer);
  if (suggested != CE_None) return core::dataError(capture.describe(path, "its extent cannot be transformed to WGS84"));
  const geo::LonLatBox box{std::max(extent[0], -180.0), std::min(extent[2], 180.0), std::max(extent[1], -90.0),
                           std::min(extent[3], 90.0)};
  if (box.west >= box.east || box.south >= box.north) {
    return core::dataError(path.string() + ": lies outside -180..180, -90..90 once transformed to WGS84");
  }
  return std::pair{box, std::abs(transform[1])};
}

struct BandSummary {
  std::string name, unit;
  double minimum = 0, maximum = 0;
};

core::Result<BandSummary> summarise(const std::filesystem::path& path, GDALRasterBandH band,
                                    const std::optional<std::pair<double, double>>& range) {
  BandSummary summary;
  const char* description = GDALGetDescription(band);
  summary.name = description && *description ? description : "band 1";
  const char* unit = GDALGetRasterUnitType(band);
  summary.unit = unit ? unit : "";
  if (range) {
    std::tie(summary.minimum, summary.maximum) = *range;
    return summary;
  }
  CplErrorCapture capture;
  double mean = 0, deviation = 0;
  if (GDALComputeRasterStatistics(band, TRUE, &summary.minimum, &summary.maximum, &mean, &deviation, nullptr,
                                  nullptr) != CE_None) {
    return core::dataError(capture.describe(path, "cannot compute the statistics of its band for a colour ramp "
                                                  "(give :range=MIN,MAX)"));
  }
  return summary;
}

// A tile as GDALWarp made it: the source's bands, then the alpha band -dstalpha added.
struct WarpedTile {
  DatasetHandle dataset;
  static constexpr std::size_t kPixels = std::size_t(geo::kTileImageSize) * geo::kTileImageSize;

  int bands() const { return GDALGetRasterCount(dataset.get()); }
  bool read(int band, GDALDataType type, void* into) const {
    const int size = geo::kTileImageSize;
    return GDALRasterIO(GDALGetRasterBand(dataset.get(), band), GF_Read, 0, 0, size, size, into, size, size, type, 0,
                        0) == CE_None;
  }
  std::optional<std::vector<std::uint8_t>> alpha() const {
    std::vector<std::uint8_t> values(kPixels);
    if (!read(bands(), GDT_Byte, values.data())) return std::nullopt;
    return values;
  }
};

// A single band through the ramp; nodata (alpha 0) and NaN transparent.
std::optional<core::Image> rampedTile(const WarpedTile& tile, const RasterDescription& description) {
  const auto alpha = tile.alpha();
  std::vector<float> values(WarpedTile::kPixels);
  if (!alpha || !tile.read(1, GDT_Float32, values.data())) return std::nullopt;
  core::Image image(geo::kTileImageSize, geo::kTileImageSize);
  const double span = description.maximum - description.minimum;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if ((*alpha)[i] == 0 || !std::isfinite(values[i])) continue;
    const core::Rgba color = description.ramp.at(span > 0 ? (values[i] - description.minimum) / span : 0.5);
    std::copy(color.begin(), color.begin() + 3, image.pixels.begin() + std::ptrdiff_t(i * 4));
    image.pixels[i * 4 + 3] = (*alpha)[i];
  }
  return image;
}

// Palette indices looked up in the source's colour table.
std::optional<core::Image> paletteTile(const WarpedTile& tile, GDALColorTableH table) {
  const auto alpha = tile.alpha();
  std::vector<std::uint8_t> indices(WarpedTile::kPixels);
  if (!alpha || !tile.read(1, GDT_Byte, indices.data())) return std::nullopt;
  core::Image image(geo::kTileImageSize, geo::kTileImageSize);
  for (std::size_t i = 0; i < indices.size(); ++i) {
    const GDALColorEntry* entry = GDALGetColorEntry(table, indices[i]);
    if (!entry || (*alpha)[i] == 0) continue;
    image.pixels[i * 4] = std::uint8_t(entry->c1);
    image.pixels[i * 4 + 1] = std::uint8_t(entry->c2);
    image.pixels[i * 4 + 2] = std::uint8_t(entry->c3);
    image.pixels[i * 4 + 3] = std::uint8_t(entry->c4 * (*alpha)[i] / 255);
  }
  return image;
}

// RGB(A) as it is.
std::optional<core::Image> colourTile(const WarpedTile& tile) {
  const auto alpha = tile.alpha();
  if (!alpha) return std::nullopt;
  core::Image image(geo::kTileImageSize, geo::kTileImageSize);
  std::vector<std::uint8_t> channel(WarpedTile::kPixels);
  for (int c = 0; c < 3; ++c) {
    if (!tile.read(std::min(c + 1, tile.bands() - 1), GDT_Byte, channel.data())) return std::nullopt;
    for (std::size_t i = 0; i < channel.size(); ++i) image.pixels[i * 4 + std::size_t(c)] = channel[i];
  }
  for (std::size_t i = 0; i < alpha->size(); ++i) image.pixels[i * 4 + 3] = (*alpha)[i];
  return image;
}

// A single band's ramp, range, name and unit, the range from approximate statistics (the
// overviews: a large raster is not read whole) unless the style gives it.
core::Result<void> applyStyle(RasterDescription& description, const std::filesystem::path& path, GDALRasterBandH band,
                              const RasterStyle& style) {
  auto summary = summarise(path, band, style.range);
  if (!summary) return std::unexpected(summary.error());
  auto ramp = core::findColorRamp(style.ramp);
  if (!ramp) return core::usageError("unknown ramp '" + style.ramp + "' (expected " + core::colorRampNames() + ")");
  description.ramp = *ramp;
  description.band = summary->name;
  description.unit = summary->unit;
  description.minimum = summary->minimum;
  description.maximum = summary->maximum;
  return {};
}

}  // namespace

RasterTiles::RasterTiles(std::filesystem::path path, std::shared_ptr<Source> source, RasterDescription description)
    : path_(std::move(path)), source_(std::move(source)), description_(std::move(description)) {}

bool isRasterDataset(const std::filesystem::path& path) {
  registerGdalDrivers();
  CplErrorCapture quiet;
  DatasetHandle dataset(GDALOpenEx(gdalPath(path).c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  return dataset && GDALGetRasterCount(dataset.get()) > 0;
}

core::Result<std::shared_ptr<const RasterTiles>> RasterTiles::open(const std::filesystem::path& path,
                                                                   const RasterStyle& style,
                                                                   const std::filesystem::path& overviewCache,
                                                                   const Progress& progress) {
  NoPamScope noPam;
  auto opened = openDataset(path, GDAL_OF_RASTER | GDAL_OF_READONLY, "a raster dataset");
  if (!opened) return std::unexpected(opened.error());
  GDALDatasetH dataset = opened->get();
  if (GDALGetRasterCount(dataset) == 0) return core::dataError(path.string() + ": raster has no bands");
  double transform[6];
  if (!GDALGetSpatialRef(dataset) || GDALGetGeoTransform(dataset, transform) != CE_None) {
    return core::dataError(path.string() + ": has no coordinate reference system or geotransform "
                                           "(a layer must be georeferenced)");
  }
  auto footprint = wgs84Footprint(path, dataset);
  if (!footprint) return std::unexpected(footprint.error());
  if (GDALGetCacheMax64() > kBlockCacheBytes) GDALSetCacheMax64(kBlockCacheBytes);

  auto source = std::make_shared<Source>();
  GDALRasterBandH first = GDALGetRasterBand(dataset, 1);
  source->palette = GDALGetRasterColorTable(first) != nullptr;
  RasterDescription description;
  description.extent = footprint->first;
  description.maxLevel = geo::tileLevelFor(footprint->second);
  description.width = GDALGetRasterXSize(dataset);
  description.height = GDALGetRasterYSize(dataset);
  const int colourBands = GDALGetRasterCount(dataset) - (lastBandIsAlpha(dataset) ? 1 : 0);
  description.ramped = colourBands == 1 && !source->palette;
  const bool large = std::max(description.width, description.height) > kOverviewThreshold;
  if (large && GDALGetOverviewCount(first) == 0) {
    auto cached = withCachedOverviews(path, dataset, source->palette, overviewCache, progress);
    if (!cached) return std::unexpected(cached.error());
    source->reopen = GDALGetDescription(cached->get());
    source->idle.push_back(std::move(*cached));
  } else {
    source->reopen = path;
    source->idle.push_back(std::move(*opened));
  }
  source->opened = 1;
  GDALDatasetH statistics = source->idle.back().get();
  if (description.ramped) {
    auto styled = applyStyle(description, path, GDALGetRasterBand(statistics, 1), style);
    if (!styled) return std::unexpected(styled.error());
  }
  return std::shared_ptr<const RasterTiles>(new RasterTiles(path, std::move(source), std::move(description)));
}

core::Result<std::shared_ptr<const RasterTiles>> RasterTiles::restyled(const RasterStyle& style) const {
  RasterDescription description = description_;
  if (description.ramped) {
    DatasetHandle dataset = source_->borrow();
    if (!dataset) return core::dataError(path_.string() + ": cannot be opened again");
    NoPamScope noPam;
    auto styled = applyStyle(description, path_, GDALGetRasterBand(dataset.get(), 1), style);
    source_->give(std::move(dataset));
    if (!styled) return std::unexpected(styled.error());
  }
  return std::shared_ptr<const RasterTiles>(new RasterTiles(path_, source_, std::move(description)));
}

core::Result<core::Image> RasterTiles::readTile(const geo::TileKey& key) const {
  const geo::LonLatBox box = geo::tileBounds(key);
  const double gutter = geo::tileDegrees(key.level) / geo::kTileSize * geo::kTileGutter;
  auto number = [](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", value);
    return std::string(text);
  };
  const std::string size = std::to_string(geo::kTileImageSize);
  OptionList options{"-of", "MEM", "-t_srs", "EPSG:4326", "-te", number(box.west - gutter), number(box.south - gutter),
                     number(box.east + gutter), number(box.north + gutter), "-ts", size, size,
                     "-r", source_->palette ? "near" : "bilinear", "-dstalpha",
                     "-ot", description_.ramped ? "Float32" : "Byte", "-wo", "SOURCE_EXTRA=2"};
  DatasetHandle dataset = source_->borrow();
  if (!dataset) return core::dataError(path_.string() + ": cannot be opened again to read a tile");
  struct GiveBack {
    Source& source;
    DatasetHandle& dataset;
    ~GiveBack() { source.give(std::move(dataset)); }
  } giveBack{*source_, dataset};
  CplErrorCapture capture;
  GDALWarpAppOptions* parsed = GDALWarpAppOptionsNew(options.argv(), nullptr);
  GDALDatasetH handle = dataset.get();
  int usageError = 0;
  WarpedTile warped{DatasetHandle(GDALWarp("", nullptr, 1, &handle, parsed, &usageError))};
  GDALWarpAppOptionsFree(parsed);
  if (!warped.dataset) {
    return core::dataError(capture.describe(path_, "cannot warp tile " + std::to_string(key.level) + "/" +
                                                       std::to_string(key.x) + "/" + std::to_string(key.y)));
  }
  std::optional<core::Image> image;
  if (description_.ramped) {
    image = rampedTile(warped, description_);
  } else if (source_->palette) {
    image = paletteTile(warped, GDALGetRasterColorTable(GDALGetRasterBand(dataset.get(), 1)));
  } else {
    image = colourTile(warped);
  }
  if (!image) return core::dataError(capture.describe(path_, "cannot read a warped tile"));
  return std::move(*image);
}

}  // namespace corridor::io
