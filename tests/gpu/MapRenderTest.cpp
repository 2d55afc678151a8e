#include "GdalFixtures.h"
#include "GpuFixture.h"
#include "TestSupport.h"
#include "scene/View.h"

namespace corridor::test {
namespace {

using MapRender = GpuTest;

core::Rgba pixelAt(const core::Image& image, const scene::View& view, geo::LonLat point) {
  const auto screen = scene::projectToScreen(view, point);
  EXPECT_TRUE(screen.visible) << point.lon << "," << point.lat;
  return image.at(int(screen.x), int(screen.y));
}

TEST_F(MapRender, PacificCentredMapShowsBothShores) {
  const auto camera = cameraAt(180, 10, 14000);
  const auto image = render(defaultBasemap(), camera, scene::ViewMode::Map, "map_pacific");
  const auto view = scene::makeView(camera, scene::ViewMode::Map, image.width, image.height);
  EXPECT_TRUE(looksLike(pixelAt(image, view, {-100, 40}), style_.land, style_.ocean));  // USA
  EXPECT_TRUE(looksLike(pixelAt(image, view, {105, 35}), style_.land, style_.ocean));   // China
  EXPECT_TRUE(looksLike(pixelAt(image, view, {-150, 10}), style_.ocean, style_.land));
  EXPECT_TRUE(looksLike(pixelAt(image, view, {170, 30}), style_.ocean, style_.land));
}

TEST_F(MapRender, PolygonSplitAtTheAntimeridianIsWholeAndDrawsNoStripe) {
  // An island from 175E to 175W, stored as two parts cut at 180 as datasets do.
  ScratchDir dir;
  const std::string island = multiPolygonWkt(
      {{box(175, 10, 180, 20)}, {box(-180, 10, -175, 20)}}, lonLat);
  writeVector(dir / "dateline.gpkg", "GPKG", {{"land", 4326, wkbMultiPolygon, {island}}});
  const auto basemap = basemapFrom(dir / "dateline.gpkg");

  for (const double centreLon : {180.0, -170.0, 170.0}) {
    const auto camera = cameraAt(centreLon, 15, 9000);
    const auto image = render(basemap, camera, scene::ViewMode::Map,
                              "map_dateline_" + std::to_string(int(centreLon)));
    const auto view = scene::makeView(camera, scene::ViewMode::Map, image.width, image.height);
    for (const double lon : {176.0, 179.9, -179.9, -176.0}) {
      EXPECT_TRUE(looksLike(pixelAt(image, view, {lon, 15}), style_.land, style_.ocean))
          << "lon " << lon << " with the map centred on " << centreLon;
    }
    // Nothing of the island anywhere else on its row: no stripe across the map.
    const auto left = scene::projectToScreen(view, {170, 15});
    const auto right = scene::projectToScreen(view, {-170, 15});
    for (int x = 0; x < image.width; ++x) {
      if (x > left.x && x < right.x) continue;
      EXPECT_FALSE(looksLike(image.at(x, int(left.y)), style_.land, style_.ocean)) << "x " << x;
    }
  }
}

}  // namespace
}  // namespace corridor::test
