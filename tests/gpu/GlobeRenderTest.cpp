#include "GdalFixtures.h"
#include "GpuFixture.h"
#include "TestSupport.h"
#include "render/FrameGlobals.h"
#include "scene/View.h"

namespace corridor::test {
namespace {

using GlobeRender = GpuTest;

core::Rgba centre(const core::Image& image) { return image.at(image.width / 2, image.height / 2); }

TEST_F(GlobeRender, MidPacificHasOceanAtTheCentre) {
  const auto image = render(defaultBasemap(), cameraAt(-150, 10, 12000), scene::ViewMode::Globe,
                            "globe_mid_pacific");
  EXPECT_TRUE(looksLike(centre(image), style_.ocean, style_.land));
}

TEST_F(GlobeRender, CentralUnitedStatesHasLandAtTheCentre) {
  const auto image = render(defaultBasemap(), cameraAt(-98, 39, 12000), scene::ViewMode::Globe,
                            "globe_central_us");
  EXPECT_TRUE(looksLike(centre(image), style_.land, style_.ocean));
}

TEST_F(GlobeRender, CornersOutsideTheGlobeShowSpace) {
  const auto image = render(defaultBasemap(), cameraAt(-150, 10, 30000), scene::ViewMode::Globe,
                            "globe_far");
  EXPECT_LT(colorDistance(image.at(2, 2), style_.space), 0.03);
}

TEST_F(GlobeRender, CustomLayerWithoutACountryShowsOceanThere) {
  // Only an "Australia" box: the United States must come out as ocean, the box as land.
  ScratchDir dir;
  writeVector(dir / "australia.gpkg", "GPKG",
              {{"land", 4326, wkbPolygon, {polygonWkt({box(113, -39, 153, -11)}, lonLat)}}});
  const auto basemap = basemapFrom(dir / "australia.gpkg");
  const auto us = render(basemap, cameraAt(-98, 39, 12000), scene::ViewMode::Globe, "custom_us");
  EXPECT_TRUE(looksLike(centre(us), style_.ocean, style_.land));
  const auto au = render(basemap, cameraAt(133, -25, 12000), scene::ViewMode::Globe, "custom_au");
  EXPECT_TRUE(looksLike(centre(au), style_.land, style_.ocean));
}

TEST_F(GlobeRender, IslandAppearsWhereTheCpuProjectionPutsIt) {
  // A 1-degree island off-centre in a low, tilted view: renderer and scene::projectToScreen
  // must agree on where it is (later picking and labels depend on that).
  ScratchDir dir;
  writeVector(dir / "island.gpkg", "GPKG",
              {{"land", 4326, wkbPolygon, {polygonWkt({box(-151, 19, -150, 20)}, lonLat)}}});
  timeline::CameraPose camera = cameraAt(-152, 18, 600);
  camera.heading = 30;
  camera.tilt = 35;
  const auto image = render(basemapFrom(dir / "island.gpkg"), camera, scene::ViewMode::Globe,
                            "island");
  const auto view = scene::makeView(camera, scene::ViewMode::Globe, image.width, image.height);
  const auto inside = scene::projectToScreen(view, {-150.5, 19.5});
  ASSERT_TRUE(inside.visible);
  EXPECT_TRUE(looksLike(image.at(int(inside.x), int(inside.y)), style_.land, style_.ocean));
  const auto outside = scene::projectToScreen(view, {-152.5, 17.5});
  ASSERT_TRUE(outside.visible);
  EXPECT_FALSE(looksLike(image.at(int(outside.x), int(outside.y)), style_.land, style_.ocean));
}

TEST(RelativeToEye, DoubleFloatPairsKeepCentimetresAtEarthScale) {
  // The reason nothing jitters at port zoom: a position near Los Angeles and an eye 20 km
  // above it, both split into float pairs, differ by the right amount to within 1 cm.
  const glm::dvec3 position{-2503356.123456, -4660175.654321, 3551245.987654};
  const glm::dvec3 eye = position + glm::dvec3(1234.5678, -9876.5432, 17000.25);
  const auto p = render::splitDouble(position), e = render::splitDouble(eye);
  const glm::dvec3 relative = glm::dvec3((p.high - e.high) + (p.low - e.low));
  EXPECT_LT(glm::length(relative - (position - eye)), 0.01);
  // Plain float32 loses about half a metre here.
  const glm::dvec3 naive = glm::dvec3(glm::vec3(position) - glm::vec3(eye));
  EXPECT_GT(glm::length(naive - (position - eye)), 0.05);
}

}  // namespace
}  // namespace corridor::test
