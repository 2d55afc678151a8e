#include "GpuFixture.h"
#include "TestSupport.h"
#include "render/OffscreenRenderer.h"
#include "AisVesselLayer.h"
#include "scene/VesselLayer.h"
#include "sim/ScenarioFile.h"

namespace corridor::test {
namespace {

using VesselRender = GpuTest;

double distance(const core::Rgba& pixel, const glm::vec4& color) {
  return colorDistance(pixel, glm::vec3(color));
}

core::Image renderLayer(const gpu::Context& context, const scene::BasemapStyle& style,
                        std::shared_ptr<const scene::VesselLayer> layer, const scene::View& view) {
  render::OffscreenRenderer renderer(context, {uint32_t(view.width), uint32_t(view.height)}, 1);
  scene::Frame frame;
  frame.view = view;
  frame.style = style;
  frame.basemap = scene::buildBasemap({});
  frame.vessels = std::move(layer);
  return renderer.render(frame);
}

TEST_F(VesselRender, ShipsOfTheDefaultScenarioAppearWhereTheProjectionPutsThem) {
  auto scenario = sim::loadScenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) /
                                        "assets/scenarios/transpacific.toml", "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  const core::UtcMicros t = core::parseIso8601("2030-06-01T00:00Z").value();
  const sim::Fleet fleet(*scenario, t - 4 * 86400LL * 1000000, t + 1);
  const auto layer = scene::buildVesselLayer(fleet, t);
  ASSERT_FALSE(layer->glyphs.empty());
  const scene::View view = scene::makeView(cameraAt(180, 25, 14000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderLayer(*context_, style_, layer, view);
  core::writePng(image, artefactDir() / "vessels_map.png");
  // Glyphs overlap where ships meet (in port), so each ship's pixel must show some vessel
  // colour, and most ships their own.
  int checked = 0, own = 0;
  for (const scene::VesselGlyph& glyph : layer->glyphs) {
    const auto at = scene::projectToScreen(view, glyph.position);
    if (!at.visible || at.x < 2 || at.y < 2 || at.x > 317 || at.y > 177) continue;
    const core::Rgba pixel = image.at(int(at.x), int(at.y));
    EXPECT_GT(colorDistance(pixel, style_.ocean), 0.3)
        << "nothing drawn at " << glyph.position.lon << "," << glyph.position.lat;
    own += distance(pixel, glyph.color) < 0.35;
    ++checked;
  }
  EXPECT_GT(checked, 10);
  EXPECT_GT(own, checked / 2);
}

TEST_F(VesselRender, TrailAcrossTheAntimeridianDrawsNothingOnTheFarSideOfTheMap) {
  // One trail from 170E to 170W (unwrapped: 170 -> 190), seen on a map centred on Greenwich
  // that shows a little more than the world: 180 lies near both edges, and only there may
  // anything be coloured.
  auto layer = std::make_shared<scene::VesselLayer>();
  const glm::vec4 color{1.0f, 0.2f, 0.2f, 1.0f};
  for (int i = 0; i < 20; ++i) {
    layer->trails.push_back({{170.0 + i, 10.0}, {171.0 + i, 10.0}, 0.0f, 0.0f, color});
  }
  const scene::View view = scene::makeView(cameraAt(0, 10, 32000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderLayer(*context_, style_, layer, view);
  core::writePng(image, artefactDir() / "trail_antimeridian.png");
  const auto west = scene::projectToScreen(view, {-169.0, 10.0});
  const auto east = scene::projectToScreen(view, {169.0, 10.0});
  ASSERT_TRUE(west.visible && east.visible);
  int drawn = 0;
  for (int x = 0; x < image.width; ++x) {
    const bool red = distance(image.at(x, int(west.y)), color) < 0.5;
    if (x > west.x + 2 && x < east.x - 2) {
      EXPECT_FALSE(red) << "x " << x;  // the middle of the map: nothing
    } else {
      drawn += red;
    }
  }
  EXPECT_GT(drawn, 4);  // both edges show their part of the trail
}

TEST_F(VesselRender, AnAisShipMidPacificIsDrawnWhereTheProjectionPutsIt) {
  io::AisTrackSet set;
  set.vessels.push_back({.mmsi = 367000001, .aisType = 70});
  const core::UtcMicros minute = 60 * core::kMicrosPerSecond;
  for (int i = 0; i < 2; ++i) {
    set.time.push_back(i * 10 * minute);
    set.latE7.push_back(300000000);
    set.lonE7.push_back(std::int32_t((-160.0 + 0.05 * i) * 1e7));
    set.sogTenths.push_back(150);
    set.cogTenths.push_back(900);
    set.heading.push_back(90);
  }
  set.tracks.push_back({0, 0, 2});
  const auto layer = viewer::buildAisVesselLayer(set, 5 * minute);
  ASSERT_EQ(layer->glyphs.size(), 1u);
  const scene::View view = scene::makeView(cameraAt(180, 25, 14000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderLayer(*context_, style_, layer, view);
  core::writePng(image, artefactDir() / "ais_vessel_map.png");
  const auto at = scene::projectToScreen(view, {-159.975, 30.0});
  ASSERT_TRUE(at.visible);
  EXPECT_LT(distance(image.at(int(at.x), int(at.y)), viewer::aisTypeColor(70)), 0.35);
  const auto away = scene::projectToScreen(view, {-150.0, 20.0});
  EXPECT_LT(colorDistance(image.at(int(away.x), int(away.y)), style_.ocean), 0.1);
}

TEST_F(VesselRender, AStillBasemapCachedForVideoGivesTheSameFrames) {
  // Frames of moving ships under a still camera, with and without the basemap cache: the
  // same pixels at MSAA 1 (frame 0 renders whole, frame 1 captures the basemap, frame 2 reuses
  // it), and a change of camera renders whole again.
  auto scenario = sim::loadScenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets/scenarios/transpacific.toml",
                                    "baseline");
  ASSERT_TRUE(scenario);
  const core::UtcMicros t = core::parseIso8601("2030-06-01T00:00Z").value();
  const sim::Fleet fleet(*scenario, t - 4 * 86400LL * 1000000, t + 10 * 86400LL * 1000000);
  render::OffscreenRenderer plain(*context_, {320, 180}, 1), cached(*context_, {320, 180}, 1);
  cached.cacheStillBasemap(true);
  scene::Frame frame;
  frame.style = style_;
  frame.style.graticule = true;
  frame.basemap = scene::buildBasemap({});
  for (int k = 0; k < 5; ++k) {
    const double lon = k < 4 ? 180.0 : 170.0;  // the camera moves for the last frame
    frame.view = scene::makeView(cameraAt(lon, 25, 14000), scene::ViewMode::Globe, 320, 180);
    frame.vessels = scene::buildVesselLayer(fleet, t + k * 86400LL * 1000000);
    const core::Image expected = plain.render(frame);
    const core::Image actual = cached.render(frame);
    EXPECT_EQ(actual.pixels, expected.pixels) << "frame " << k;
  }
  EXPECT_EQ(cached.framesOverCachedBasemap(), 3);  // frames 1, 2 and 3
  EXPECT_EQ(plain.framesOverCachedBasemap(), 0);
}

}  // namespace
}  // namespace corridor::test
