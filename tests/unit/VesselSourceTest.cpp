// Where the ships come from (app::VesselSource): the period a source covers, its ports, the
// choices that name no ships or two sources at once; and the one recipe of a frame
// (app::composeFrame) that render, record and the viewer share.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "AisFixtures.h"
#include "TestSupport.h"
#include "app/AisImport.h"
#include "app/AisVesselLayer.h"
#include "app/FrameContent.h"
#include "app/VesselSource.h"
#include "geo/Sun.h"
#include "io/AisArchive.h"
#include "sim/Fleet.h"

namespace corridor {
namespace {

TEST(VesselSource, AScenarioCoversItsHorizonAndNamesItsPorts) {
  auto source = app::VesselSource::load({.scenario = "default", .variant = "baseline"}, std::nullopt);
  ASSERT_TRUE(source && *source) << (source ? "" : source.error().message);
  EXPECT_EQ((*source)->start(), sim::yearStart(2023));
  EXPECT_EQ((*source)->end(), sim::yearStart(2041));
  const auto ports = (*source)->ports();
  ASSERT_EQ(ports.size(), 6u);
  EXPECT_EQ(ports[0].name, "Port of Los Angeles");
  EXPECT_NEAR(ports[0].position.lon, -118.2625, 1e-9);
  EXPECT_NEAR(ports[0].position.lat, 33.73, 1e-9);
  app::OverlayContent content;
  (*source)->describe(content);
  EXPECT_EQ(content.source, "Trans-Pacific green corridors - baseline");
  EXPECT_EQ(content.legendTitle, "Fuel");
}

TEST(VesselSource, AisTracksCoverTheirFirstToLastReport) {
  test::ScratchDir dir;
  std::string csv = std::string(test::kMarineCadastreHeader) + "\n";
  // Rows out of order, as real files are: the period is still first to last.
  csv += test::marineCadastreRow(367000001, test::juneFirst(3, 0), 33.5, -118.5) + "\n";
  csv += test::marineCadastreRow(367000001, test::juneFirst(1, 0), 33.5, -118.7) + "\n";
  csv += test::marineCadastreRow(367000002, test::juneFirst(2, 30), 34.0, -119.0) + "\n";
  csv += test::marineCadastreRow(367000002, test::juneFirst(2, 40), 34.0, -118.98) + "\n";
  test::writeTextFile(dir / "day.csv", csv);
  auto source = app::VesselSource::load({.ais = {(dir / "day.csv").string()}}, std::nullopt);
  ASSERT_TRUE(source && *source) << (source ? "" : source.error().message);
  EXPECT_EQ((*source)->start(), *core::parseIso8601("2022-06-01T01:00:00Z"));
  EXPECT_EQ((*source)->end(), *core::parseIso8601("2022-06-01T03:00:00Z"));
  EXPECT_TRUE((*source)->ports().empty());
  app::OverlayContent content;
  (*source)->describe(content);
  EXPECT_EQ(content.source, "AIS: day.csv (2 vessels)");
}

TEST(VesselSource, AisTripsAheadOfTheClockAreBuiltInTheBackground) {
  // A day of two ships reporting every 10 minutes. Trips are built from an hour before the
  // clock to six after; meanwhile the next window is built in the background around its end,
  // and taken up when the clock gets there: it starts an hour before the first window's end (a
  // window built when needed would start an hour before the clock).
  test::ScratchDir dir;
  std::string csv = std::string(test::kMarineCadastreHeader) + "\n";
  for (int minute = 0; minute < 24 * 60; minute += 10) {
    for (int ship = 0; ship < 2; ++ship) {
      csv += test::marineCadastreRow(367000001 + ship, test::juneFirst(minute / 60, minute % 60), 33.5 + 0.1 * ship,
                                     -118.9 + minute * 1e-4) + "\n";
    }
  }
  test::writeTextFile(dir / "day.csv", csv);
  auto source = app::VesselSource::load({.ais = {(dir / "day.csv").string()}}, std::nullopt);
  ASSERT_TRUE(source && *source) << (source ? "" : source.error().message);
  const auto at = [](int hour, int minute) { return *core::parseIso8601(test::juneFirst(hour, minute) + "Z"); };
  scene::Frame frame;
  (*source)->fill(frame, at(2, 0), app::FrameClock::Playback);
  ASSERT_TRUE(frame.trips);
  EXPECT_EQ(frame.trips->from, at(1, 0));
  EXPECT_TRUE((*source)->readingAhead());
  (*source)->fill(frame, at(5, 0), app::FrameClock::Playback);
  EXPECT_EQ(frame.trips->from, at(1, 0));
  (*source)->fill(frame, at(8, 30), app::FrameClock::Playback);  // past the first window's end (08:00)
  EXPECT_EQ(frame.trips->from, at(7, 0));
  EXPECT_TRUE((*source)->readingAhead()) << "and the one after";
  // A scrub back to the night: the trips built ahead of 14:00 make room, once built, for those
  // after the night's window (23:30 to 06:30).
  const core::UtcMicros hour = 3600LL * core::kMicrosPerSecond;
  (*source)->fill(frame, at(0, 30), app::FrameClock::Playback);
  EXPECT_EQ(frame.trips->from, at(0, 30) - hour);
  for (int tries = 0; tries < 200; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    (*source)->fill(frame, at(0, 40), app::FrameClock::Playback);
  }
  (*source)->fill(frame, at(6, 40), app::FrameClock::Playback);  // past the night window's end
  EXPECT_EQ(frame.trips->from, at(5, 30)) << "built ahead from the night's window";
}

TEST(VesselSource, AnExportLeavesOutWhatItsViewCannotShowTheViewerFollowsItsZoomInTheBackground) {
  // Two ships zigzagging 0.001 degrees (111 m) either side of a line, a report every 10 minutes.
  test::ScratchDir dir;
  std::string csv = std::string(test::kMarineCadastreHeader) + "\n";
  for (int minute = 0; minute < 12 * 60; minute += 10) {
    for (int ship = 0; ship < 2; ++ship) {
      csv += test::marineCadastreRow(367000001 + ship, test::juneFirst(minute / 60, minute % 60),
                                     33.5 + 0.1 * ship + 0.001 * (minute / 10 % 2), -118.9 + minute * 1e-4) + "\n";
    }
  }
  test::writeTextFile(dir / "day.csv", csv);
  // One source for the exports, one for the viewer: a viewer would draw an export's window.
  auto exports = app::VesselSource::load({.ais = {(dir / "day.csv").string()}}, std::nullopt);
  auto viewer = app::VesselSource::load({.ais = {(dir / "day.csv").string()}}, std::nullopt);
  ASSERT_TRUE(exports && *exports && viewer && *viewer);
  const core::UtcMicros time = *core::parseIso8601("2022-06-01T05:00:00Z");
  const auto filled = [&](double altitudeKm, app::FrameClock clock) {
    scene::Frame frame;
    frame.view = scene::makeView({.lon = -118.8, .lat = 33.5, .altitude = altitudeKm * 1000}, scene::ViewMode::Globe,
                                 960, 540);
    (clock == app::FrameClock::Export ? *exports : *viewer)->fill(frame, time, clock);
    return frame.trips;
  };
  // From 10,000 km the zigzag is a fraction of a pixel: a few straight pieces a ship. From 2 km
  // (2.7 m a pixel) every report shows: built anew.
  const auto far = filled(10'000, app::FrameClock::Export);
  const auto near = filled(2, app::FrameClock::Export);
  ASSERT_TRUE(far && near);
  EXPECT_LT(far->legs.size(), near->legs.size() / 2);
  // Moving out again keeps the finer trips.
  EXPECT_EQ(filled(10'000, app::FrameClock::Export), near);

  // The viewer's trips, built for a view 8 times closer, leave out the zigzag from 10,000 km too.
  const auto viewerFar = filled(10'000, app::FrameClock::Playback);
  ASSERT_TRUE(viewerFar);
  EXPECT_LT(viewerFar->legs.size(), near->legs.size() / 2);
  // Zoomed in to 2 km, the viewer draws those at once (a frame never waits) while finer ones are
  // built in the background, then those: every report again.
  EXPECT_EQ(filled(2, app::FrameClock::Playback), viewerFar);
  const auto drawnOnceBuilt = [&](double altitudeKm, const std::shared_ptr<const scene::Trips>& before) {
    auto trips = filled(altitudeKm, app::FrameClock::Playback);
    for (int i = 0; i < 1000 && trips == before; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      trips = filled(altitudeKm, app::FrameClock::Playback);
    }
    return trips;
  };
  const auto viewerNear = drawnOnceBuilt(2, viewerFar);
  ASSERT_TRUE(viewerNear);
  EXPECT_EQ(viewerNear->legs.size(), near->legs.size());
  EXPECT_EQ(viewerNear->from, viewerFar->from) << "the same hours";
  // Back out at 10,000 km, coarser ones replace them, as cheap to draw as before.
  const auto viewerOut = drawnOnceBuilt(10'000, viewerNear);
  ASSERT_TRUE(viewerOut);
  EXPECT_EQ(viewerOut->legs.size(), viewerFar->legs.size());

  // Around 2.6 km the viewer's tolerance steps between 0 (every report) and the finest power of
  // two: a camera going to and fro there keeps its trips.
  const auto tolerance = [](double altitudeKm) {
    return app::aisTripTolerance(scene::makeView({.lon = -118.8, .lat = 33.5, .altitude = altitudeKm * 1000},
                                                 scene::ViewMode::Globe, 960, 540),
                                 app::kViewerZoomHeadroom);
  };
  ASSERT_EQ(tolerance(2.4), 0.0);
  ASSERT_GT(tolerance(2.9), 0.0);
  const auto atStep = drawnOnceBuilt(2.4, viewerOut);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(filled(i % 2 ? 2.4 : 2.9, app::FrameClock::Playback), atStep);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // time for a build, were one started
  }
}

TEST(VesselSource, AVesselInSeveralArchivesCountsOnce) {
  // Two archives, morning and evening: 367000001 sails in both, 367000002 only in the first,
  // 367000003 only in the second. The caption counts three vessels (it summed the archives'
  // counts to four).
  test::ScratchDir dir;
  const auto archive = [&](const std::string& name, int hour, std::int64_t other) {
    std::string csv = std::string(test::kMarineCadastreHeader) + "\n";
    csv += test::marineCadastreRow(367000001, test::juneFirst(hour, 0), 33.5, -118.5) + "\n";
    csv += test::marineCadastreRow(367000001, test::juneFirst(hour, 10), 33.5, -118.48) + "\n";
    csv += test::marineCadastreRow(other, test::juneFirst(hour, 0), 34.0, -119.0) + "\n";
    csv += test::marineCadastreRow(other, test::juneFirst(hour, 10), 34.0, -118.98) + "\n";
    test::writeTextFile(dir / (name + ".csv"), csv);
    auto writer = io::AisArchiveWriter::open(dir / (name + ".gpkg"), nullptr);
    EXPECT_TRUE(writer) << (writer ? "" : writer.error().message);
    auto imported = app::importAisFile(*writer, dir / (name + ".csv"), {}, {}, nullptr);
    EXPECT_TRUE(imported) << (imported ? "" : imported.error().message);
    return (dir / (name + ".gpkg")).string();
  };
  const std::string first = archive("first", 1, 367000002), second = archive("second", 20, 367000003);
  for (const auto& [files, vessels] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{first}, "(2 vessels)"}, {{first, second}, "(3 vessels)"}, {{first, first}, "(2 vessels)"}}) {
    auto source = app::VesselSource::load({.ais = files}, std::nullopt);
    ASSERT_TRUE(source && *source) << (source ? "" : source.error().message);
    app::OverlayContent content;
    (*source)->describe(content);
    EXPECT_TRUE(test::containsText(content.source, vessels)) << content.source;
  }
}

TEST(VesselSource, NoneNoShipsAndTwoSourcesAreTold) {
  auto none = app::VesselSource::load({.scenario = "none"}, std::nullopt);
  ASSERT_TRUE(none);
  EXPECT_EQ(*none, nullptr);
  auto nothing = app::VesselSource::load({}, std::nullopt);
  ASSERT_TRUE(nothing);
  EXPECT_EQ(*nothing, nullptr);
  auto both = app::VesselSource::load({.scenario = "default", .ais = {"day.csv"}}, std::nullopt);
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().kind, core::ErrorKind::Usage);
  EXPECT_TRUE(test::containsText(both.error().message, "--ais and --scenario both name the ships"));
  test::ScratchDir dir;
  test::writeTextFile(dir / "empty.csv", std::string(test::kMarineCadastreHeader) + "\n");
  auto empty = app::VesselSource::load({.ais = {(dir / "empty.csv").string()}}, std::nullopt);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().kind, core::ErrorKind::Data);
  EXPECT_TRUE(test::containsText(empty.error().message, "no AIS rows to read"));
}

TEST(VesselSource, WithoutPlumesThereIsNoPortLayer) {
  const core::UtcMicros t = *core::parseIso8601("2030-06-01T00:00Z");
  const timeline::CameraPose overLosAngeles{-118.26, 33.73, 60'000.0, 0.0, 0.0};
  auto plumes = app::VesselSource::load({.scenario = "default"}, app::VesselSource::Period{t, t});
  auto none = app::VesselSource::load({.scenario = "default", .plumes = false}, app::VesselSource::Period{t, t});
  ASSERT_TRUE(plumes && *plumes && none && *none);
  EXPECT_NE((*plumes)->portLayerAt(t, overLosAngeles, 0, true), nullptr);
  EXPECT_EQ((*none)->portLayerAt(t, overLosAngeles, 0, true), nullptr);
}

TEST(FrameContent, AMomentGivesTheViewTheSunAndTheShipsThen) {
  const core::UtcMicros t = *core::parseIso8601("2030-06-01T00:00Z");
  auto vessels = app::VesselSource::load({.scenario = "default"}, app::VesselSource::Period{t, t});
  ASSERT_TRUE(vessels && *vessels);
  const timeline::CameraPose camera{-118.26, 33.73, 60'000.0, 0.0, 0.0};
  app::FrameContent content{nullptr, {}, scene::ViewMode::Map, vessels->get()};
  const scene::Frame frame = app::composeFrame(content, {t, camera, 320, 180});
  EXPECT_EQ(frame.view.width, 320);
  EXPECT_EQ(frame.view.height, 180);
  EXPECT_EQ(frame.view.mode, scene::ViewMode::Map);
  EXPECT_EQ(frame.time, t);
  EXPECT_EQ(frame.subsolarPoint.lat, geo::subsolarPoint(t).lat);
  ASSERT_TRUE(frame.trips);
  EXPECT_TRUE(frame.vessels);  // the corridor lanes
  EXPECT_TRUE(frame.ports);    // within reach of Los Angeles' heatmap

  content.ships = false;
  const scene::Frame withoutShips = app::composeFrame(content, {t, camera, 320, 180});
  EXPECT_FALSE(withoutShips.trips);
  EXPECT_FALSE(withoutShips.vessels);
  EXPECT_TRUE(withoutShips.ports);
  content.plumes = false;
  EXPECT_FALSE(app::composeFrame(content, {t, camera, 320, 180}).ports);
  content.vessels = nullptr;
  content.ships = content.plumes = true;
  const scene::Frame basemapOnly = app::composeFrame(content, {t, camera, 320, 180});
  EXPECT_FALSE(basemapOnly.trips || basemapOnly.vessels || basemapOnly.ports);
}

TEST(FrameContent, TheStartingCameraFramesEveryPortOnGlobeAndMap) {
  auto vessels = app::VesselSource::load({.scenario = "default"}, std::nullopt);
  ASSERT_TRUE(vessels && *vessels);
  const auto ports = (*vessels)->ports();
  ASSERT_EQ(ports.size(), 6u);
  for (const scene::ViewMode mode : {scene::ViewMode::Globe, scene::ViewMode::Map}) {
    const timeline::CameraPose camera = app::startingCamera({}, false, vessels->get(), mode, 1280, 720);
    const scene::View view = scene::makeView(camera, mode, 1280, 720);
    double left = 1280, right = 0;
    for (const auto& port : ports) {
      const scene::ScreenPoint at = scene::projectToScreen(view, port.position);
      EXPECT_TRUE(at.visible && at.x > 0 && at.x < 1280 && at.y > 0 && at.y < 720) << port.name;
      left = std::min(left, at.x);
      right = std::max(right, at.x);
    }
    // Across the Pacific, not around the world the other way, and filling the picture.
    EXPECT_TRUE(camera.lon > 150 || camera.lon < -150) << camera.lon;
    EXPECT_GT(right - left, 0.5 * 1280);
  }
  const timeline::CameraPose chosen{139.8, 35.6, 60'000.0, 0.0, 0.0};
  EXPECT_EQ(app::startingCamera(chosen, true, vessels->get(), scene::ViewMode::Globe, 1280, 720).lon, 139.8);
}

}  // namespace
}  // namespace corridor
