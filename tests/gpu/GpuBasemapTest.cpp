// The basemap's GPU geometry is built a level of detail at a time, when a frame first draws it;
// the flat map places the world's copies by the range of every level, built or not.
#include "GpuFixture.h"
#include "geo/MapProjection.h"
#include "render/GpuBasemap.h"

namespace corridor::test {
namespace {

using GpuBasemapGeometry = GpuTest;

geo::LandLevel triangle(double tolerance, geo::LonLat a, geo::LonLat b, geo::LonLat c) {
  return {tolerance, {{a, b, c}, {0, 1, 2}}};
}

scene::Basemap twoLevels() {
  scene::Basemap basemap;
  // The finest level reaches further east (200, unwrapped) than the coarse one.
  basemap.land = {triangle(0.0, {100, 0}, {200, 10}, {150, 20}), triangle(1.0, {120, 0}, {160, 10}, {140, 20})};
  scene::VectorLayer layer;
  layer.points = {{-170, 5}};  // the westernmost point: a layer's
  basemap.layers.push_back(layer);
  return basemap;
}

TEST_F(GpuBasemapGeometry, TheMapRangeCoversEveryLevelBeforeAnyIsBuilt) {
  const scene::Basemap basemap = twoLevels();
  render::GpuGeometry map(*context_, basemap, scene::ViewMode::Map);
  constexpr double kMetres = geo::MapProjection::kMetersPerDegree;  // x = (lon - 180) in degrees
  EXPECT_NEAR(map.mapRange().x, -350 * kMetres, 1e-3);
  EXPECT_NEAR(map.mapRange().y, 20 * kMetres, 1e-3);
  const render::GpuGeometry globe(*context_, basemap, scene::ViewMode::Globe);
  EXPECT_EQ(globe.mapRange(), glm::dvec2(0.0));
}

TEST_F(GpuBasemapGeometry, ALevelIsBuiltOnceWhenFirstDrawnWithItsOwnVertices) {
  const scene::Basemap basemap = twoLevels();
  render::GpuGeometry globe(*context_, basemap, scene::ViewMode::Globe);
  EXPECT_EQ(globe.levelsBuilt(), 0u);
  const render::GpuLand& coarse = globe.land(1);
  EXPECT_EQ(&globe.land(1), &coarse);
  EXPECT_EQ(globe.levelsBuilt(), 1u);  // not the finest
  globe.buildEveryLevel();
  EXPECT_EQ(globe.levelsBuilt(), 2u);
  EXPECT_EQ(&globe.land(1), &coarse);
  EXPECT_EQ(coarse.vertices.size(), 3 * 6 * sizeof(float));  // a double-float position per vertex
  EXPECT_EQ(coarse.indices.size(), 3 * sizeof(std::uint32_t));
  EXPECT_EQ(globe.layerPoints(0).size(), 6 * sizeof(float));
  EXPECT_THROW(globe.land(2), std::out_of_range);
}

}  // namespace
}  // namespace corridor::test
