// Raster layers (--layer RASTER): a projected raster drawn at its own resolution from tiles,
// single bands through a ramp with nodata transparent, and frames that never wait for a tile.
#include <gdal_utils.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <iostream>
#include <thread>
#include <tuple>

#include "GdalFixtures.h"
#include "GpuFixture.h"
#include "ImageChecks.h"
#include "RunCommand.h"
#include "app/RasterLayers.h"
#include "app/VideoOverlay.h"
#include "io/RasterReader.h"
#include "render/OffscreenRenderer.h"
#include "scene/View.h"

namespace corridor::test {
namespace {

class RasterLayerRender : public GpuTest {};

// Long Beach harbour in UTM zone 11N: the point the raster is centred on.
constexpr double kCentreEasting = 389000, kCentreNorthing = 3735000;
constexpr int kUtm11North = 32611;

std::shared_ptr<const scene::Basemap> basemapWith(std::shared_ptr<const scene::RasterLayer> raster) {
  scene::BasemapInput input;
  input.layerStack = {{std::move(raster), 0, 1.0f}};
  return scene::buildBasemap(std::move(input));
}

std::shared_ptr<const scene::RasterLayer> openRaster(const std::filesystem::path& path, const std::filesystem::path& cache,
                                                     const io::RasterStyle& style = {}) {
  auto tiles = io::RasterTiles::open(path, style, cache);
  EXPECT_TRUE(tiles) << tiles.error().message;
  return tiles ? app::rasterLayer(*tiles) : nullptr;
}

// gdalwarp of the source to the picture's lon/lat box: what the map view must show.
core::Image warpedView(const std::filesystem::path& path, const scene::View& view, int width, int height) {
  const double halfLon = view.metersPerPixelAtTarget * width / 2 / geo::MapProjection::kMetersPerDegree;
  const double halfLat = view.metersPerPixelAtTarget * height / 2 / geo::MapProjection::kMetersPerDegree;
  const geo::LonLat centre = view.projection.unproject({view.eye.x, view.eye.y});
  auto number = [](double v) { return std::to_string(v); };
  std::vector<std::string> args{"-of", "MEM", "-t_srs", "EPSG:4326", "-te", number(centre.lon - halfLon),
                                number(centre.lat - halfLat), number(centre.lon + halfLon), number(centre.lat + halfLat),
                                "-ts", std::to_string(width), std::to_string(height), "-r", "bilinear"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  GDALDatasetH source = GDALOpen(path.c_str(), GA_ReadOnly);
  GDALWarpAppOptions* options = GDALWarpAppOptionsNew(argv.data(), nullptr);
  GDALDatasetH warped = GDALWarp("", nullptr, 1, &source, options, nullptr);
  GDALWarpAppOptionsFree(options);
  core::Image image(width, height);
  std::vector<std::uint8_t> plane(std::size_t(width) * height);
  for (int band = 0; band < 3; ++band) {
    EXPECT_EQ(GDALRasterIO(GDALGetRasterBand(warped, band + 1), GF_Read, 0, 0, width, height, plane.data(), width,
                           height, GDT_Byte, 0, 0),
              CE_None);
    for (std::size_t i = 0; i < plane.size(); ++i) image.pixels[i * 4 + std::size_t(band)] = plane[i];
  }
  GDALClose(warped);
  GDALClose(source);
  return image;
}

// Mean absolute difference of the red channel over the picture.
double meanDifference(const core::Image& a, const core::Image& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); i += 4) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
  return sum / double(a.pixels.size() / 4);
}

// The picture of `view` made from the raster warped to a global 4096x2048 image, as `--raster`
// draws it (about 10 km a pixel).
core::Image globalImageryView(const std::filesystem::path& path, const scene::View& view, int width, int height) {
  auto global = io::readRasterEquirectangular(path, 4096, 2048);
  EXPECT_TRUE(global) << global.error().message;
  core::Image image(width, height);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const geo::LonLat at = view.projection.unproject(
          {view.eye.x + (x + 0.5 - width / 2.0) * view.metersPerPixelAtTarget,
           view.eye.y - (y + 0.5 - height / 2.0) * view.metersPerPixelAtTarget});
      const int gx = std::clamp(int((at.lon + 180) / 360 * 4096), 0, 4095), gy = std::clamp(int((90 - at.lat) / 180 * 2048), 0, 2047);
      const core::Rgba pixel = global->at(gx, gy);
      std::copy(pixel.begin(), pixel.end(), image.pixels.begin() + (std::ptrdiff_t(y) * width + x) * 4);
    }
  }
  return image;
}

TEST_F(RasterLayerRender, AProjectedRasterShowsItsOwnDetailWhereAPixelIsAPixel) {
  ScratchDir dir;
  // 4096 x 4096 pixels of 2 m in UTM 11N: blocks of 3 x 5 pixels in an XOR pattern, detail that
  // only a native-resolution drawing keeps.
  const auto path = dir / "pattern.tif";
  writeRgbGeoTiff(path, {4096, 4096, kUtm11North, {kCentreEasting - 4096, 2.0, 0, kCentreNorthing + 4096, 0, -2.0},
                         [](int x, int y) -> Rgb {
                           const std::uint8_t v = ((x / 3) ^ (y / 5)) & 1 ? 230 : 30;
                           return {v, v, v};
                         }});
  auto raster = openRaster(path, dir / "cache");
  ASSERT_TRUE(raster);
  EXPECT_TRUE(std::filesystem::exists(dir / "cache")) << "a 4096-pixel raster without overviews gets them cached";

  const timeline::CameraPose camera = cameraAt(-118.2, 33.75, 0.5);  // 2 m a pixel at 320x180
  const scene::View view = scene::makeView(camera, scene::ViewMode::Map, 320, 180);
  ASSERT_NEAR(view.metersPerPixelAtTarget, 2.0, 0.1);
  const core::Image drawn = render(basemapWith(raster), camera, scene::ViewMode::Map, "raster-native");
  const core::Image reference = warpedView(path, view, 320, 180);
  const core::Image coarse = globalImageryView(path, view, 320, 180);
  core::writePng(reference, artefactDir() / "raster-native-gdalwarp.png");
  const double drawnError = meanDifference(drawn, reference), coarseError = meanDifference(coarse, reference);
  std::cout << "mean difference from gdalwarp: drawn " << drawnError << ", 10 km imagery " << coarseError << "\n";
  EXPECT_LT(drawnError, 30.0) << "the drawing differs from gdalwarp's";
  EXPECT_GT(coarseError, 70.0) << "the test cannot tell 10 km pixels from native ones";
}

TEST_F(RasterLayerRender, ASingleBandIsRampedWithNodataTransparentAndALegend) {
  ScratchDir dir;
  // Depth from -100 m (west) to 0 m (east) in UTM 11N, 30 m pixels, nodata in a central square.
  const auto path = dir / "depth.tif";
  writeFloatGeoTiff(path, {200, 200, kUtm11North, {kCentreEasting - 3000, 30.0, 0, kCentreNorthing + 3000, 0, -30.0},
                           [](int x, int y) {
                             return x >= 80 && x < 120 && y >= 80 && y < 120 ? -9999.0f : -100.0f + float(x) / 2.0f;
                           },
                           -9999.0, "depth", "m"});
  auto raster = openRaster(path, dir / "cache");
  ASSERT_TRUE(raster);
  ASSERT_TRUE(raster->legend);
  EXPECT_EQ(raster->legend->band, "depth");
  EXPECT_EQ(raster->legend->unit, "m");
  EXPECT_NEAR(raster->legend->minimum, -100.0, 0.01);
  EXPECT_NEAR(raster->legend->maximum, -0.5, 0.01);

  auto basemap = basemapWith(raster);
  const auto legend = app::layerLegend(*basemap);
  ASSERT_EQ(legend.size(), 1u);
  EXPECT_EQ(legend[0].label, "depth.tif: depth -100 to -0.5 m");
  EXPECT_EQ(legend[0].ramp.size(), 16u);

  const timeline::CameraPose camera = cameraAt(-118.2, 33.75, 12);
  const scene::View view = scene::makeView(camera, scene::ViewMode::Map, 320, 180);
  const core::Image drawn = render(basemap, camera, scene::ViewMode::Map, "raster-ramp");
  auto pixel = [&](double easting, double northing) {
    OGRSpatialReference utm = spatialReference(kUtm11North), wgs84 = spatialReference(4326);
    auto* transform = OGRCreateCoordinateTransformation(&utm, &wgs84);
    double x = easting, y = northing;
    EXPECT_TRUE(transform->Transform(1, &x, &y));
    OGRCoordinateTransformation::DestroyCT(transform);
    const scene::ScreenPoint screen = scene::projectToScreen(view, {x, y});
    EXPECT_TRUE(screen.visible);
    return drawn.at(int(screen.x), int(screen.y));
  };
  const core::ColorRamp viridis = *core::findColorRamp("viridis");
  auto near = [](core::Rgba a, core::Rgba b) { return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 30; };
  EXPECT_TRUE(near(pixel(kCentreEasting - 2900, kCentreNorthing), viridis.at(0.0)));  // deepest: dark purple
  EXPECT_TRUE(near(pixel(kCentreEasting + 2900, kCentreNorthing), viridis.at(1.0)));  // shallowest: yellow
  EXPECT_TRUE(near(pixel(kCentreEasting + 900, kCentreNorthing + 2000), viridis.at(65.0 / 99.5)));  // x index 130: -35 m
  // Nodata shows what lies under the layer: the ocean of this plain basemap.
  EXPECT_LT(colorDistance(pixel(kCentreEasting, kCentreNorthing), style_.ocean), 0.08);
}

TEST_F(RasterLayerRender, AFrameNeverWaitsForATileAndTheTileArrivesLater) {
  // A raster whose reads take until the test lets them go.
  auto raster = std::make_shared<scene::RasterLayer>();
  raster->id = scene::newRasterLayerId();
  raster->extent = {-119, -118, 33, 34};
  raster->maxLevel = 10;
  std::atomic<bool> release{false};
  std::atomic<int> reads{0};
  raster->readTile = [&](const geo::TileKey&) -> std::optional<core::Image> {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ++reads;
    core::Image red(geo::kTileImageSize, geo::kTileImageSize);
    for (std::size_t i = 0; i < red.pixels.size(); i += 4) red.pixels[i] = red.pixels[i + 3] = 255;
    return red;
  };
  render::OffscreenRenderer renderer(*context_, {320, 180}, 1);
  scene::Frame frame;
  frame.view = scene::makeView(cameraAt(-118.5, 33.5, 60), scene::ViewMode::Map, 320, 180);
  frame.basemap = basemapWith(raster);
  frame.layers = frame.basemap->layerStack;
  frame.style = style_;
  const auto start = std::chrono::steady_clock::now();
  const core::Image waiting = renderer.render(frame);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_LT(colorDistance(waiting.at(160, 90), style_.ocean), 0.08) << "no tile yet: the basemap shows";
  release = true;
  core::Image arrived;
  for (int i = 0; i < 200 && arrived.empty(); ++i) {
    const core::Image image = renderer.render(frame);
    if (image.at(160, 90)[0] > 240) arrived = image;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_FALSE(arrived.empty()) << "the tile never arrived";
  EXPECT_GT(renderer.tileStats().uploads, 0u);
  EXPECT_GT(reads.load(), 0);
}

TEST_F(RasterLayerRender, TheTileAtlasTakesItsMemoryOnlyOnceARasterIsShown) {
  auto raster = std::make_shared<scene::RasterLayer>();
  raster->id = scene::newRasterLayerId();
  raster->extent = {-119, -118, 33, 34};
  raster->maxLevel = 10;
  raster->readTile = [](const geo::TileKey&) -> std::optional<core::Image> {
    core::Image red(geo::kTileImageSize, geo::kTileImageSize);
    for (std::size_t i = 0; i < red.pixels.size(); i += 4) red.pixels[i] = red.pixels[i + 3] = 255;
    return red;
  };
  const std::size_t tileBytes = std::size_t(geo::kTileImageSize) * geo::kTileImageSize * 4;
  render::OffscreenRenderer renderer(*context_, {320, 180}, 1);
  scene::Frame frame;
  frame.view = scene::makeView(cameraAt(-118.5, 33.5, 60), scene::ViewMode::Map, 320, 180);
  frame.basemap = scene::buildBasemap(scene::BasemapInput{});
  frame.style = style_;
  frame.waitForTiles = true;
  renderer.render(frame);
  EXPECT_EQ(renderer.tileStats().atlasBytes, 2 * tileBytes) << "no raster shown: a two-tile stand-in";

  frame.basemap = basemapWith(raster);
  frame.layers = frame.basemap->layerStack;
  const core::Image shown = renderer.render(frame);
  EXPECT_GE(renderer.tileStats().atlasBytes, std::size_t(64) << 20) << "the budget, once a raster is shown";
  EXPECT_GT(shown.at(160, 90)[0], 240) << "the raster's tile drawn from the new atlas";
  EXPECT_LT(shown.at(160, 90)[1], 40);
}

TEST(RasterLayerCli, AZippedRasterRendersThroughItsRampAndBadOnesAreRefused) {
  ScratchDir dir;
  writeFloatGeoTiff(dir / "depth.tif", {200, 200, kUtm11North, {kCentreEasting - 3000, 30.0, 0, kCentreNorthing + 3000, 0, -30.0},
                                        [](int x, int) { return -100.0f + float(x) / 2.0f; }, std::nullopt, "depth", "m"});
  zipFiles(dir / "depth.zip", {dir / "depth.tif"});
  const std::string binary = CORRIDOR_BINARY;
  const auto out = dir / "depth.png";
  const CommandResult run = runCommand("CORRIDOR_VALIDATION=1 " + binary + " render --size 320x180 --view map --camera -118.2,33.75,12 --layer " +
                                       (dir / "depth.zip").string() + ":ramp=magma,range=-100,0 --out " + out.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto image = core::readPng(out);
  ASSERT_TRUE(image) << image.error().message;
  const core::Rgba centre = image->at(160, 90), expected = core::findColorRamp("magma")->at(0.5);  // -50 m
  EXPECT_NEAR(centre[0], expected[0], 12);
  EXPECT_NEAR(centre[1], expected[1], 12);
  EXPECT_NEAR(centre[2], expected[2], 12);

  {
    auto local = createDataset(dir / "local.tif", "GTiff", 16, 16, 1, GDT_Byte);
    double transform[6] = {0, 1, 0, 16, 0, -1};
    local->SetGeoTransform(transform);
    local->SetProjection("LOCAL_CS[\"harbour grid\",UNIT[\"metre\",1]]");
  }
  const std::tuple<std::string, int, std::string> refused[] = {
      {(dir / "depth.zip").string() + ":ramp=rainbow", 2, "unknown ramp 'rainbow'"},
      {(dir / "local.tif").string(), 1, "cannot be transformed to WGS84"},
  };
  for (const auto& [layer, code, message] : refused) {
    const CommandResult bad = runCommand(binary + " render --size 64x64 --out " + (dir / "x.png").string() + " --layer " + layer);
    EXPECT_EQ(bad.exitCode, code) << bad.output;
    EXPECT_TRUE(containsText(bad.output, message)) << bad.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
  }
}

}  // namespace
}  // namespace corridor::test
