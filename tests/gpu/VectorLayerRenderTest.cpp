// Vector layers drawn as layers (--layer): a polygon over the ocean in its style colour with
// the ocean around it untouched, a line layer as a line, points as discs where the projection
// says, and the basemap's land unchanged.
#include <gtest/gtest.h>

#include "GdalFixtures.h"
#include "GpuFixture.h"
#include "ImageChecks.h"
#include "app/SceneOptions.h"
#include "app/VectorLayers.h"
#include "scene/View.h"

namespace corridor::test {
namespace {

class VectorLayerRender : public GpuTest {};

TEST_F(VectorLayerRender, APolygonOverTheOceanIsDrawnInItsColourAndTheLandStays) {
  ScratchDir dir;
  writeVector(dir / "zone.geojson", "GeoJSON",
              {{"zone", 4326, wkbPolygon, {"POLYGON ((-165 25,-160 25,-160 30,-165 30,-165 25))"}}});
  writeVector(dir / "lane.geojson", "GeoJSON", {{"lane", 4326, wkbLineString, {"LINESTRING (-150 10,-150 40)"}}});
  app::SceneOptions plain, layered;
  layered.layers = {(dir / "zone.geojson").string() + ":color=#ff0000,opacity=1",
                    (dir / "lane.geojson").string() + ":color=#00ff00,width=3"};
  auto without = app::loadBasemap(plain, false);
  auto with = app::loadBasemap(layered, false);
  ASSERT_TRUE(without) << without.error().message;
  ASSERT_TRUE(with) << with.error().message;
  ASSERT_EQ((*with)->layers.size(), 2u);
  EXPECT_EQ((*with)->layers[0].name, "zone.geojson");

  const timeline::CameraPose camera = cameraAt(-170, 30, 12000);
  const scene::View view = scene::makeView(camera, scene::ViewMode::Map, 640, 360);
  const core::Image before = render(*without, camera, scene::ViewMode::Map, "layers-without", 640, 360);
  const core::Image after = render(*with, camera, scene::ViewMode::Map, "layers-with", 640, 360);
  auto pixel = [&](const core::Image& image, geo::LonLat at) {
    const auto screen = scene::projectToScreen(view, at);
    EXPECT_TRUE(screen.visible);
    return image.at(int(screen.x), int(screen.y));
  };
  const core::Rgba inside = pixel(after, {-162.5, 27.5});
  EXPECT_GT(inside[0], 240);
  EXPECT_LT(inside[1] + inside[2], 20);
  EXPECT_TRUE(looksLike(pixel(after, {-167.5, 27.5}), style_.ocean, style_.land));  // west of it: ocean
  EXPECT_TRUE(looksLike(pixel(after, {-162.5, 22.0}), style_.ocean, style_.land));  // south of it: ocean
  const core::Rgba lane = pixel(after, {-150, 20});
  EXPECT_GT(lane[1], 150);
  EXPECT_LT(lane[0], 100);
  // The land (Japan, California) is the same pixel for pixel with the layers as without.
  for (const geo::LonLat land : {geo::LonLat{138.5, 36.0}, geo::LonLat{-119.5, 36.5}}) {
    EXPECT_TRUE(looksLike(pixel(after, land), style_.land, style_.ocean));
    EXPECT_EQ(pixel(after, land), pixel(before, land));
  }
}

TEST_F(VectorLayerRender, PointsAreDiscsOfConstantSizeWhereTheProjectionSays) {
  ScratchDir dir;
  writeVector(dir / "stations.gpkg", "GPKG",
              {{"stations", 4326, wkbPoint, {"POINT (-140 20)", "POINT (-140 35)"}}});
  app::SceneOptions options;
  options.layers = {(dir / "stations.gpkg").string() + ":color=#ffff00"};
  auto basemap = app::loadBasemap(options, false);
  ASSERT_TRUE(basemap) << basemap.error().message;
  ASSERT_EQ((*basemap)->layers.at(0).points.size(), 2u);
  for (const scene::ViewMode mode : {scene::ViewMode::Globe, scene::ViewMode::Map}) {
    const timeline::CameraPose camera = cameraAt(-150, 30, 10000);
    const scene::View view = scene::makeView(camera, mode, 640, 360);
    const core::Image image = render(*basemap, camera, mode, "layers-points", 640, 360);
    for (const geo::LonLat point : {geo::LonLat{-140, 20}, geo::LonLat{-140, 35}}) {
      const auto at = scene::projectToScreen(view, point);
      ASSERT_TRUE(at.visible);
      const core::Rgba centre = image.at(int(at.x), int(at.y));
      EXPECT_GT(centre[0], 200);
      EXPECT_GT(centre[1], 200);
      EXPECT_LT(centre[2], 80);
      EXPECT_TRUE(looksLike(image.at(int(at.x) + 12, int(at.y)), style_.ocean, style_.land));  // 5-pixel radius
    }
  }
}

TEST_F(VectorLayerRender, LabelsFromAFieldArePaintedWhereTheirFeaturesAre) {
  // A station (point) and a terminal (polygon) labelled by 'name'; the picture's white text
  // starts just right of and above where projectToScreen puts each.
  ScratchDir dir;
  const auto path = dir / "sites.geojson";
  writeTextFile(path, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Station 7"},"geometry":{"type":"Point","coordinates":[-140,20]}},
    {"type":"Feature","properties":{"name":"Terminal"},"geometry":{"type":"Polygon",
     "coordinates":[[[-160,30],[-156,30],[-156,34],[-160,34],[-160,30]]]}},
    {"type":"Feature","properties":{"name":""},"geometry":{"type":"Point","coordinates":[-170,10]}}]})");
  app::SceneOptions options;
  options.layers = {path.string() + ":label=name,color=#ffff00"};
  auto basemap = app::loadBasemap(options, false);
  ASSERT_TRUE(basemap) << basemap.error().message;
  const auto& labels = (*basemap)->layers.at(0).labels;
  ASSERT_EQ(labels.size(), 2u);  // the empty name is no label
  EXPECT_EQ(labels[0].second, "Station 7");
  EXPECT_NEAR(labels[1].first.lon, -158, 2.0);  // inside the terminal
  EXPECT_NEAR(labels[1].first.lat, 32, 2.0);

  const timeline::CameraPose camera = cameraAt(-150, 30, 10000);
  const scene::View view = scene::makeView(camera, scene::ViewMode::Map, 640, 360);
  core::Image image = render(*basemap, camera, scene::ViewMode::Map, "layers-labels", 640, 360);
  auto labelled = app::LayerLabels::of(*basemap);
  ASSERT_TRUE(labelled) << labelled.error().message;
  labelled->paint(image, view);
  for (const auto& [at, text] : labels) {
    const auto screen = scene::projectToScreen(view, at);
    const int x = int(screen.x), y = int(screen.y);
    EXPECT_GT(whitePixels(image, x + 4, y - 24, x + 70, y - 2, 220), 15) << text;
  }
  EXPECT_EQ(whitePixels(image, 0, 300, 200, 360, 220), 0);  // nothing painted where no feature is
}

TEST_F(VectorLayerRender, AnUnknownLabelFieldNamesTheFileAndTheFields) {
  ScratchDir dir;
  writeVector(dir / "stations.gpkg", "GPKG", {{"stations", 4326, wkbPoint, {"POINT (-140 20)"}}});
  app::SceneOptions options;
  options.layers = {(dir / "stations.gpkg").string() + ":label=nom"};
  auto basemap = app::loadBasemap(options, false);
  ASSERT_FALSE(basemap);
  EXPECT_EQ(basemap.error().kind, core::ErrorKind::Data);
  EXPECT_TRUE(containsText(basemap.error().message, "stations.gpkg:stations: no field named 'nom' to label with"))
      << basemap.error().message;
}

TEST_F(VectorLayerRender, AFourKFrameDrawsLinesAndSymbolsTwiceAsWideAsTenEighty) {
  // A green line 3 points wide and a point of 5 points' radius over the plain ocean, on the map.
  scene::VectorLayerInput layer;
  layer.name = "lane";
  layer.geometry.outlines = {{{-150.0, 10.0}, {-150.0, 40.0}}};
  layer.line = {{0.0f, 1.0f, 0.0f, 1.0f}, 3.0f};
  layer.points = {{-140.0, 25.0}};
  scene::BasemapInput input;
  input.layers.push_back(std::move(layer));
  input.layerStack = {{nullptr, 0, 1.0f}};
  const auto basemap = scene::buildBasemap(std::move(input));
  const timeline::CameraPose camera = cameraAt(-145, 25, 6000);
  auto widths = [&](int width, int height) {
    const core::Image image = render(basemap, camera, scene::ViewMode::Map, "points-" + std::to_string(height), width, height);
    const scene::View view = scene::makeView(camera, scene::ViewMode::Map, width, height);
    auto run = [&](geo::LonLat at, auto inside) {
      const auto centre = scene::projectToScreen(view, at);
      int count = 0;
      for (int x = int(centre.x) - 40; x < int(centre.x) + 40; ++x) count += inside(image.at(x, int(centre.y)));
      return count;
    };
    const int line = run({-150, 25}, [](const core::Rgba& p) { return p[1] > 128 && p[0] < 100; });
    const int disc = run({-140, 25}, [&](const core::Rgba& p) { return colorDistance(p, style_.ocean) > 0.1; });
    return std::pair{line, disc};
  };
  const auto [line1080, disc1080] = widths(1920, 1080);
  const auto [line2160, disc2160] = widths(3840, 2160);
  EXPECT_GE(line1080, 2);
  EXPECT_NEAR(line2160, 2 * line1080, 1.0);
  EXPECT_GE(disc1080, 9);
  EXPECT_NEAR(disc2160, 2 * disc1080, 1.0);
}

}  // namespace
}  // namespace corridor::test
