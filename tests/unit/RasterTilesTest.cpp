// Rasters as layers (io::RasterTiles, app::parseRasterLayer): styles parsed or refused, files
// that cannot be layers refused with their reason, overviews built once into the cache and
// never beside the user's file, and tiles that are transparent where there is no data.
#include <gtest/gtest.h>

#include <algorithm>

#include "GdalFixtures.h"
#include "TestSupport.h"
#include "app/RasterLayers.h"
#include "app/VideoOverlay.h"
#include "ImageChecks.h"
#include "io/RasterTiles.h"

namespace corridor {
namespace {

using test::ScratchDir;

TEST(RasterLayerStyle, RampRangeAndOpacity) {
  auto request = app::parseRasterLayer("/data/depth.tif:ramp=magma,range=-50,0,opacity=0.5");
  ASSERT_TRUE(request) << request.error().message;
  EXPECT_EQ(request->path, "/data/depth.tif");
  EXPECT_EQ(request->style.ramp, "magma");
  ASSERT_TRUE(request->style.range);
  EXPECT_EQ(request->style.range->first, -50.0);
  EXPECT_EQ(request->style.range->second, 0.0);
  EXPECT_FLOAT_EQ(request->opacity, 0.5f);
  auto plain = app::parseRasterLayer("aerial.tif");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->style.ramp, "viridis");
  EXPECT_FALSE(plain->style.range);
}

TEST(RasterLayerStyle, BadStylesAreUsageErrorsNamingTheOption) {
  const std::pair<const char*, const char*> cases[] = {
      {"d.tif:ramp=rainbow", "unknown ramp 'rainbow' (expected viridis, cividis, magma, greys, blues)"},
      {"d.tif:range=5,1", "range must be MIN,MAX with MIN < MAX"},
      {"d.tif:range=5", "range must be MIN,MAX"},
      {"d.tif:opacity=2", "opacity must be within 0..1"},
      {"d.tif:color=#ff0000", "unknown style 'color' for a raster layer"},
  };
  for (const auto& [text, message] : cases) {
    auto request = app::parseRasterLayer(text);
    ASSERT_FALSE(request) << text;
    EXPECT_EQ(request.error().kind, core::ErrorKind::Usage) << text;
    EXPECT_TRUE(test::containsText(request.error().message, text)) << request.error().message;
    EXPECT_TRUE(test::containsText(request.error().message, message)) << request.error().message;
  }
}

TEST(RasterTiles, FilesThatCannotBeLayersSayWhy) {
  ScratchDir dir;
  // No georeferencing at all.
  test::createDataset(dir / "plain.tif", "GTiff", 16, 16, 1, GDT_Byte);
  // A local engineering grid: no way to WGS84.
  {
    auto local = test::createDataset(dir / "local.tif", "GTiff", 16, 16, 1, GDT_Byte);
    double transform[6] = {0, 1, 0, 16, 0, -1};
    local->SetGeoTransform(transform);
    local->SetProjection("LOCAL_CS[\"harbour grid\",UNIT[\"metre\",1]]");
  }
  const std::pair<const char*, const char*> cases[] = {
      {"plain.tif", "has no coordinate reference system or geotransform"},
      {"local.tif", "cannot be transformed to WGS84"},
      {"missing.tif", "no such file or directory"},
  };
  for (const auto& [name, message] : cases) {
    auto tiles = io::RasterTiles::open(dir / name, {}, dir / "cache");
    ASSERT_FALSE(tiles) << name;
    EXPECT_EQ(tiles.error().kind, core::ErrorKind::Data) << name;
    EXPECT_TRUE(test::containsText(tiles.error().message, (dir / name).string())) << tiles.error().message;
    EXPECT_TRUE(test::containsText(tiles.error().message, message)) << tiles.error().message;
  }
}

TEST(RasterTiles, OverviewsAreBuiltOnceIntoTheCacheAndNothingBesideTheFile) {
  ScratchDir dir;
  std::filesystem::create_directories(dir / "data");
  const auto path = dir / "data" / "big.tif";
  test::writeFloatGeoTiff(path, {3000, 3000, 32611, {380000, 10, 0, 3740000, 0, -10},
                                 [](int x, int y) { return float(x + y); }, std::nullopt, "height", "m"});
  auto first = io::RasterTiles::open(path, {}, dir / "cache");
  ASSERT_TRUE(first) << first.error().message;
  std::vector<std::filesystem::path> cached;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "cache")) cached.push_back(entry.path());
  std::sort(cached.begin(), cached.end());
  ASSERT_EQ(cached.size(), 2u);  // NAME.vrt and NAME.vrt.ovr
  EXPECT_EQ(cached[0].extension(), ".vrt");
  const auto overviews = cached[0].string() + ".ovr";
  ASSERT_EQ(cached[1], overviews);
  const auto built = std::filesystem::last_write_time(overviews);
  auto second = io::RasterTiles::open(path, {}, dir / "cache");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(std::filesystem::last_write_time(overviews), built) << "the second open rebuilt them";
  // The ramp's range comes from approximate statistics (the overviews): within 1 % of 0..5998,
  // computed, not stored beside the user's file.
  EXPECT_NEAR((*second)->description().minimum, 0.0, 60.0);
  EXPECT_NEAR((*second)->description().maximum, 5998.0, 60.0);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "data")) ++files;
  EXPECT_EQ(files, 1);
}

TEST(RasterTiles, TilesAreTransparentWhereThereIsNoData) {
  ScratchDir dir;
  const auto path = dir / "patch.tif";
  // One degree square at 1/64 degree, value 7 except a nodata quarter (north-west).
  test::writeFloatGeoTiff(path, {64, 64, 4326, {10, 1.0 / 64, 0, 51, 0, -1.0 / 64},
                                 [](int x, int y) { return x < 32 && y < 32 ? -1.0f : 7.0f; }, -1.0, "", ""});
  auto tiles = io::RasterTiles::open(path, {"greys", std::pair{0.0, 14.0}}, dir / "cache");
  ASSERT_TRUE(tiles) << tiles.error().message;
  const io::RasterDescription& description = (*tiles)->description();
  EXPECT_NEAR(description.extent.west, 10.0, 1e-9);
  EXPECT_NEAR(description.extent.north, 51.0, 1e-9);
  EXPECT_EQ(description.maxLevel, geo::tileLevelFor(1.0 / 64));
  EXPECT_EQ(description.band, "band 1");
  // Level 8 tiles are 0.703 degrees: tile (8, 270, 55) spans 9.84..10.55 E, 51.33..50.63 N.
  const geo::TileKey key{8, 270, 55};
  auto tile = (*tiles)->readTile(key);
  ASSERT_TRUE(tile) << tile.error().message;
  ASSERT_EQ(tile->width, geo::kTileImageSize);
  auto pixelAt = [&](double lon, double lat) {
    const geo::LonLatBox box = geo::tileBounds(key);
    const int x = geo::kTileGutter + int((lon - box.west) / (box.east - box.west) * geo::kTileSize);
    const int y = geo::kTileGutter + int((box.north - lat) / (box.north - box.south) * geo::kTileSize);
    return tile->at(x, y);
  };
  EXPECT_EQ(pixelAt(9.9, 51.0)[3], 0) << "west of the raster";
  EXPECT_EQ(pixelAt(10.2, 50.8)[3], 0) << "the nodata quarter";
  const core::Rgba grey = pixelAt(10.53, 50.7);  // value 7 of 0..14: mid grey
  EXPECT_EQ(grey[3], 255);
  EXPECT_NEAR(grey[0], 128, 3);
  // A tile that misses the raster altogether is all transparent.
  auto away = (*tiles)->readTile({8, 0, 0});
  ASSERT_TRUE(away);
  for (std::size_t i = 3; i < away->pixels.size(); i += 4) ASSERT_EQ(away->pixels[i], 0);
}

TEST(RasterLegend, ARecordingBurnsInTheRampWithBandRangeAndUnit) {
  auto raster = std::make_shared<scene::RasterLayer>();
  raster->name = "depth.tif";
  const core::ColorRamp greys = *core::findColorRamp("greys");
  raster->legend = scene::RampLegend{"depth", "m", -30, 0, {greys.at(0), greys.at(0.5), greys.at(1)}};
  scene::Basemap basemap;
  basemap.layerStack = {{raster, 0, 1.0f}};
  app::OverlayContent content;
  content.layers = app::layerLegend(basemap);
  ASSERT_EQ(content.layers.size(), 1u);
  EXPECT_EQ(content.layers[0].label, "depth.tif: depth -30 to 0 m");
  auto overlay = app::VideoOverlay::create(content);
  ASSERT_TRUE(overlay) << overlay.error().message;
  core::Image frame(1280, 720);
  std::fill(frame.pixels.begin(), frame.pixels.end(), std::uint8_t(128));  // grey: the bar's black end stands out
  overlay->paint(frame, 0, 10.0, 20.0, "");
  // In the legend box (top right) a bar runs from black to white, left to right, over more
  // than a swatch's width.
  bool found = false;
  for (int y = 0; y < 150 && !found; ++y) {
    for (int x = 700; x < 1180 && !found; ++x) {
      if (frame.at(x, y)[0] > 8 || frame.at(x - 1, y)[0] < 20) continue;  // the bar's left end
      int end = x;
      while (end + 1 < 1280 && frame.at(end + 1, y)[0] >= frame.at(end, y)[0]) ++end;
      found = frame.at(end, y)[0] > 245 && end - x > 50;
    }
  }
  EXPECT_TRUE(found) << "no black-to-white ramp bar in the legend";
}

}  // namespace
}  // namespace corridor
