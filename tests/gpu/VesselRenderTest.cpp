#include "GpuFixture.h"
#include "TestSupport.h"
#include "render/OffscreenRenderer.h"
#include "app/AisVesselLayer.h"
#include "scene/Trips.h"
#include "scene/VesselLayer.h"
#include "sim/ScenarioFile.h"

namespace corridor::test {
namespace {

using VesselRender = GpuTest;

double distance(const core::Rgba& pixel, const glm::vec4& color) {
  return colorDistance(pixel, glm::vec3(color));
}

// The frame over an empty basemap, without MSAA.
core::Image renderOver(const gpu::Context& context, const scene::BasemapStyle& style, scene::Frame frame,
                       const scene::View& view) {
  render::OffscreenRenderer renderer(context, {uint32_t(view.width), uint32_t(view.height)}, 1);
  frame.view = view;
  frame.style = style;
  frame.basemap = scene::buildBasemap({});
  return renderer.render(frame);
}

core::Image renderLayer(const gpu::Context& context, const scene::BasemapStyle& style,
                        std::shared_ptr<const scene::VesselLayer> layer, const scene::View& view) {
  scene::Frame frame;
  frame.vessels = std::move(layer);
  return renderOver(context, style, frame, view);
}

core::Image renderTrips(const gpu::Context& context, const scene::BasemapStyle& style,
                        std::shared_ptr<const scene::Trips> trips, core::UtcMicros time, const scene::View& view) {
  scene::Frame frame;
  frame.trips = std::move(trips);
  frame.time = time;
  return renderOver(context, style, frame, view);
}

constexpr core::UtcMicros kHour = 3600LL * 1000000;

TEST_F(VesselRender, ShipsOfTheDefaultScenarioAppearWhereTheProjectionPutsThem) {
  auto scenario = sim::loadScenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) /
                                        "assets/scenarios/transpacific.toml", "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  const core::UtcMicros t = core::parseIso8601("2030-06-01T00:00Z").value();
  const sim::Fleet fleet(*scenario, t - 4 * 86400LL * 1000000, t + 1);
  std::vector<sim::VesselState> states;
  fleet.query(t, states);
  ASSERT_FALSE(states.empty());
  const auto trips = scene::buildTrips(fleet, t - kHour, t + kHour, 72 * kHour, scene::VesselColoring::Fuel);
  const scene::View view = scene::makeView(cameraAt(180, 25, 14000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderTrips(*context_, style_, trips, t, view);
  core::writePng(image, artefactDir() / "vessels_map.png");
  // Glyphs overlap where ships meet (in port), so each ship's pixel must show some vessel
  // colour, and most ships their own.
  int checked = 0, own = 0;
  for (const sim::VesselState& state : states) {
    const auto at = scene::projectToScreen(view, state.position);
    if (!at.visible || at.x < 2 || at.y < 2 || at.x > 317 || at.y > 177) continue;
    const core::Rgba pixel = image.at(int(at.x), int(at.y));
    EXPECT_GT(colorDistance(pixel, style_.ocean), 0.3)
        << "nothing drawn at " << state.position.lon << "," << state.position.lat;
    own += distance(pixel, scene::fuelColor(state.fuel)) < 0.35;
    ++checked;
  }
  EXPECT_GT(checked, 10);
  EXPECT_GT(own, checked / 2);
}

const glm::vec4 kRed{1.0f, 0.2f, 0.2f, 1.0f};

// One ship sailing east along 10 N from `fromLon` at a degree an hour, leaving at t0.
std::shared_ptr<const scene::Trips> eastwardTrip(double fromLon, int legs, core::UtcMicros t0, core::UtcMicros origin,
                                                 core::UtcMicros trailSpan) {
  scene::TripsBuilder trips(origin, t0 + legs * kHour, trailSpan);
  for (int i = 0; i < legs; ++i) {
    trips.add({{fromLon + i, 10.0}, {fromLon + 1 + i, 10.0}, t0 + i * kHour, t0 + (i + 1) * kHour, kRed});
  }
  return std::move(trips).finish();
}

// On a map centred on Greenwich that shows a little more than the world, a red line across
// 180 along 10 N: only near both edges may anything be red.
void expectRedOnlyAtTheEdges(const core::Image& image, const scene::View& view) {
  const auto west = scene::projectToScreen(view, {-169.0, 10.0});
  const auto east = scene::projectToScreen(view, {169.0, 10.0});
  ASSERT_TRUE(west.visible && east.visible);
  int drawn = 0;
  for (int x = 0; x < image.width; ++x) {
    const bool red = distance(image.at(x, int(west.y)), kRed) < 0.5;
    if (x > west.x + 2 && x < east.x - 2) {
      EXPECT_FALSE(red) << "x " << x;  // the middle of the map: nothing
    } else {
      drawn += red;
    }
  }
  EXPECT_GT(drawn, 4);  // both edges show their part of the line
}

TEST_F(VesselRender, AGpuTripShowsItsPastWithinTheTrailAndNothingAhead) {
  // Seen at hour 20 with a 10-hour trail: the glyph at 170E, the trail back to 160E, nothing
  // before or after.
  const core::UtcMicros t0 = core::parseIso8601("2031-01-01T00:00Z").value();
  const scene::View view = scene::makeView(cameraAt(170, 10, 6000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderTrips(*context_, style_, eastwardTrip(150, 40, t0, t0, 10 * kHour), t0 + 20 * kHour, view);
  core::writePng(image, artefactDir() / "trip_now.png");
  auto drawnAt = [&](double lon) {
    const auto at = scene::projectToScreen(view, {lon, 10.0});
    return colorDistance(image.at(int(at.x), int(at.y)), style_.ocean) > 0.05;
  };
  const auto glyph = scene::projectToScreen(view, {169.8, 10.0});
  EXPECT_LT(distance(image.at(int(glyph.x), int(glyph.y)), kRed), 0.35);  // the glyph, in full colour
  EXPECT_TRUE(drawnAt(165.0));  // the trail, fading with age
  EXPECT_TRUE(drawnAt(163.0));
  EXPECT_FALSE(drawnAt(158.0));  // older than the trail
  EXPECT_FALSE(drawnAt(172.0));  // not sailed yet
  EXPECT_FALSE(drawnAt(180.0));
}

TEST_F(VesselRender, TheRendererHoldsNoTripsOnceTheirFrameIsDrawn) {
  // A set of trips is as large as a window of AIS: the one the clock left must go with the
  // window, not stay with the renderer until the next is drawn.
  const core::UtcMicros t0 = core::parseIso8601("2031-01-01T00:00Z").value();
  const scene::View view = scene::makeView(cameraAt(170, 10, 6000), scene::ViewMode::Map, 320, 180);
  render::OffscreenRenderer renderer(*context_, {320, 180}, 1);
  scene::Frame frame;
  frame.view = view;
  frame.style = style_;
  frame.basemap = scene::buildBasemap({});
  frame.time = t0 + 20 * kHour;
  frame.trips = eastwardTrip(150, 40, t0, t0, 10 * kHour);
  const std::weak_ptr<const scene::Trips> drawn = frame.trips;
  const core::Image first = renderer.render(frame);
  frame.trips.reset();
  EXPECT_TRUE(drawn.expired());
  // The next set, alike, draws the same picture.
  frame.trips = eastwardTrip(150, 40, t0, t0, 10 * kHour);
  const core::Image second = renderer.render(frame);
  EXPECT_EQ(first.pixels, second.pixels);
  const auto glyph = scene::projectToScreen(view, {169.8, 10.0});
  EXPECT_LT(distance(second.at(int(glyph.x), int(glyph.y)), kRed), 0.35);
}

// The centre of the pixels of `color` (red by default) within 12 pixels of `around`.
glm::dvec2 colorCentre(const core::Image& image, glm::dvec2 around, const glm::vec4& color = kRed) {
  glm::dvec2 sum{0.0};
  int count = 0;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const glm::dvec2 pixel{x + 0.5, y + 0.5};
      if (glm::length(pixel - around) < 12 && distance(image.at(x, y), color) < 0.3) sum += pixel, ++count;
    }
  }
  return count > 4 ? sum / double(count) : glm::dvec2(-1.0);
}

TEST_F(VesselRender, AGpuTripSeenFromAHundredMetresMovesSmoothlyWhereTheProjectionPutsIt) {
  // A ship off Long Beach sailing 555 m in 10 minutes (0.93 m/s), seen from 100 m (about 0.3 m
  // a pixel) on the globe and the map, a day into its set: its glyph must follow it to within
  // a pixel and a half, second by second (no jitter from positions or times at Earth scale).
  // No trail, so only the glyph is red; its centroid lies 0.13 of its size behind its point.
  const core::UtcMicros t0 = core::parseIso8601("2031-01-15T00:00Z").value();
  const core::UtcMicros minute = 60 * core::kMicrosPerSecond;
  scene::TripsBuilder builder(t0 - 24 * kHour, t0 + 29 * 24 * kHour, 0);
  builder.add({{-118.30, 33.70}, {-118.30, 33.70}, t0 - 24 * kHour, t0 - 23 * kHour, kRed});  // the set's first point
  builder.add({{-118.2030, 33.75}, {-118.1970, 33.75}, t0, t0 + 10 * minute, kRed});
  const auto trips = std::move(builder).finish();
  for (const scene::ViewMode mode : {scene::ViewMode::Globe, scene::ViewMode::Map}) {
    const scene::View view = scene::makeView(cameraAt(-118.2, 33.75, 0.1), mode, 320, 180);
    for (const int second : {300, 302, 305}) {
      const core::Image image = renderTrips(*context_, style_, trips, t0 + second * core::kMicrosPerSecond, view);
      const auto expected = scene::projectToScreen(view, {-118.2030 + 0.0060 * second / 600.0, 33.75});
      ASSERT_TRUE(expected.visible);
      const glm::dvec2 centre = colorCentre(image, {expected.x, expected.y});
      EXPECT_NEAR(centre.x, expected.x, 1.5) << "second " << second << (mode == scene::ViewMode::Map ? " map" : " globe");
      EXPECT_NEAR(centre.y, expected.y, 1.5) << "second " << second << (mode == scene::ViewMode::Map ? " map" : " globe");
    }
  }
}

TEST_F(VesselRender, AGpuTripsGlyphShowsAtEveryMomentAroundLegEndsBetweenTicks) {
  // Leg ends at 10.03 s and 20.047 s, between the GPU's 1/16 s ticks (a scenario's legs end at
  // any microsecond): the CPU's choice of legs and the shader's test of the leg under way must
  // agree, or the glyph blinks out for a moment at each end.
  const core::UtcMicros t0 = core::parseIso8601("2031-01-15T00:00Z").value();
  const core::UtcMicros ms = 1000;
  scene::TripsBuilder builder(t0, t0 + kHour, 0);
  builder.add({{-160.00, 30.0}, {-159.99, 30.0}, t0, t0 + 10'030 * ms, kRed});
  builder.add({{-159.99, 30.0}, {-159.98, 30.0}, t0 + 10'030 * ms, t0 + 20'047 * ms, kRed});
  builder.add({{-159.98, 30.0}, {-159.97, 30.0}, t0 + 20'047 * ms, t0 + 30'000 * ms, kRed});
  const auto trips = std::move(builder).finish();
  const scene::View view = scene::makeView(cameraAt(-159.99, 30.0, 4), scene::ViewMode::Map, 320, 180);
  for (const core::UtcMicros at : {10'000 * ms, 10'010 * ms, 10'029 * ms, 10'031 * ms, 20'001 * ms, 20'046 * ms}) {
    const core::Image image = renderTrips(*context_, style_, trips, t0 + at, view);
    int red = 0;
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) red += distance(image.at(x, y), kRed) < 0.3;
    }
    EXPECT_GT(red, 4) << "no glyph " << at / ms << " ms in";
  }
}

TEST_F(VesselRender, AGpuTripAcrossTheAntimeridianDrawsNothingOnTheFarSideOfTheMap) {
  // 170E to 170W (unwrapped: 170 -> 190), in a set whose window starts 17 years before it.
  const core::UtcMicros t0 = core::parseIso8601("2040-06-01T00:00Z").value();
  const auto trips = eastwardTrip(170, 20, t0, core::parseIso8601("2023-01-01T00:00Z").value(), 40 * kHour);
  const scene::View view = scene::makeView(cameraAt(0, 10, 32000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderTrips(*context_, style_, trips, t0 + 20 * kHour, view);
  core::writePng(image, artefactDir() / "trip_antimeridian.png");
  expectRedOnlyAtTheEdges(image, view);
}

TEST_F(VesselRender, TrailAcrossTheAntimeridianDrawsNothingOnTheFarSideOfTheMap) {
  // The same line as a trail built on the CPU (AIS).
  auto layer = std::make_shared<scene::VesselLayer>();
  for (int i = 0; i < 20; ++i) {
    layer->trails.push_back({{170.0 + i, 10.0}, {171.0 + i, 10.0}, 0.0f, 0.0f, kRed});
  }
  const scene::View view = scene::makeView(cameraAt(0, 10, 32000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderLayer(*context_, style_, layer, view);
  core::writePng(image, artefactDir() / "trail_antimeridian.png");
  expectRedOnlyAtTheEdges(image, view);
}

TEST_F(VesselRender, AnAisShipMidPacificIsDrawnWhereTheProjectionPutsIt) {
  io::AisTrackSet set;
  set.vessels.push_back({.key = 367000001, .aisType = 70});
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
  const auto trips = app::buildAisTrips(set, 0, 20 * minute, 60 * minute);
  ASSERT_EQ(trips->glyphRange(5 * minute).count, 1u);
  const scene::View view = scene::makeView(cameraAt(180, 25, 14000), scene::ViewMode::Map, 320, 180);
  const core::Image image = renderTrips(*context_, style_, trips, 5 * minute, view);
  core::writePng(image, artefactDir() / "ais_vessel_map.png");
  const auto at = scene::projectToScreen(view, {-159.975, 30.0});
  ASSERT_TRUE(at.visible);
  EXPECT_LT(distance(image.at(int(at.x), int(at.y)), app::aisTypeColor(70)), 0.35);
  const auto away = scene::projectToScreen(view, {-150.0, 20.0});
  EXPECT_LT(colorDistance(image.at(int(away.x), int(away.y)), style_.ocean), 0.1);
}

TEST_F(VesselRender, AnAisTrackWithoutTheReportsItsViewCannotShowLooksTheSame) {
  // Four hours of reports a minute apart along a curve with 10 m of noise and a half-hour stop
  // (minutes 150 to 180): at 1.1 km a pixel the reports left out move neither the trail nor
  // the vessel, seen stopped at minute 170. Only its glyph's direction may differ: that of its
  // leg, over the kept reports the way it came, over all of them the last metres of noise.
  io::AisTrackSet set;
  set.vessels.push_back({.key = 367000001, .aisType = 70});
  const core::UtcMicros minute = 60 * core::kMicrosPerSecond;
  const auto along = [](double angle) {
    return geo::LonLat{-160.6 + 0.6 * std::cos(angle), 30.0 + 0.6 * std::sin(angle)};
  };
  for (int i = 0; i <= 240; ++i) {
    const double noise = 0.0001 * std::sin(i * 2.7);
    const geo::LonLat at = along(std::min(i, 150) * 0.006 + std::max(i - 180, 0) * 0.006);
    set.time.push_back(i * minute);
    set.latE7.push_back(std::int32_t((at.lat + noise) * 1e7));
    set.lonE7.push_back(std::int32_t((at.lon - noise) * 1e7));
    set.sogTenths.push_back(150);
    set.cogTenths.push_back(-1);
    set.heading.push_back(-1);
  }
  set.tracks.push_back({0, 0, 241});
  const scene::View view = scene::makeView(cameraAt(-160.6, 30.3, 300), scene::ViewMode::Globe, 320, 180);
  const auto all = app::buildAisTrips(set, 0, 240 * minute, 3 * kHour, 0);
  const auto fewer = app::buildAisTrips(set, 0, 240 * minute, 3 * kHour, 0, app::aisTripTolerance(view));
  EXPECT_LT(fewer->legs.size(), all->legs.size() / 4);
  const core::Image expected = renderTrips(*context_, style_, all, 170 * minute, view);
  const core::Image actual = renderTrips(*context_, style_, fewer, 170 * minute, view);
  core::writePng(actual, artefactDir() / "ais_track_within_a_quarter_pixel.png");
  const auto stop = scene::projectToScreen(view, along(150 * 0.006));
  ASSERT_TRUE(stop.visible);
  const glm::dvec2 glyph = colorCentre(expected, {stop.x, stop.y}, app::aisTypeColor(70));
  EXPECT_LT(glm::length(glyph - glm::dvec2(stop.x, stop.y)), 3.0) << "the stop's glyph";
  // The glyph's centre lies 0.13 of its size behind its point, so turning it moves the centre.
  EXPECT_LT(glm::length(colorCentre(actual, {stop.x, stop.y}, app::aisTypeColor(70)) - glyph), 2.0);
  int trail = 0, different = 0;
  for (int y = 0; y < view.height; ++y) {
    for (int x = 0; x < view.width; ++x) {
      if (glm::length(glm::dvec2(x + 0.5, y + 0.5) - glyph) < 8) continue;
      const core::Rgba wanted = expected.at(x, y);
      trail += colorDistance(wanted, style_.ocean) > 0.05;
      different += colorDistance(actual.at(x, y), glm::vec3(wanted[0], wanted[1], wanted[2]) / 255.0f) > 0.05;
    }
  }
  EXPECT_GT(trail, 30) << "three hours of trail";
  EXPECT_LE(different, trail / 10);
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
  frame.trips = scene::buildTrips(fleet, t, t + 5 * 86400LL * 1000000, 3 * 86400LL * 1000000, scene::VesselColoring::Fuel);
  for (int k = 0; k < 5; ++k) {
    const double lon = k < 4 ? 180.0 : 170.0;  // the camera moves for the last frame
    frame.view = scene::makeView(cameraAt(lon, 25, 14000), scene::ViewMode::Globe, 320, 180);
    frame.time = t + k * 86400LL * 1000000;
    const core::Image expected = plain.render(frame);
    const core::Image actual = cached.render(frame);
    EXPECT_EQ(actual.pixels, expected.pixels) << "frame " << k;
  }
  EXPECT_EQ(cached.framesOverCachedBasemap(), 3);  // frames 1, 2 and 3
  EXPECT_EQ(plain.framesOverCachedBasemap(), 0);
}

}  // namespace
}  // namespace corridor::test
