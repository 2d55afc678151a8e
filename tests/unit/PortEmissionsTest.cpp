// The ports' side of the model as the playback shows it: source rates, the dispersion
// footprint, plumes, heatmaps and the hotspot panel's figures.
#include <gtest/gtest.h>

#include <cmath>

#include "app/PortReport.h"
#include "geo/Geodesic.h"
#include "scene/PortLayer.h"
#include "sim/PortDispersion.h"
#include "sim/ScenarioFile.h"

namespace corridor {
namespace {

const std::filesystem::path kDefaultScenario =
    std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets" / "scenarios" / "transpacific.toml";

sim::Scenario load(const std::string& variant) {
  auto scenario = sim::loadScenario(kDefaultScenario, variant);
  EXPECT_TRUE(scenario) << scenario.error().message;
  return *scenario;
}

std::size_t portIndex(const sim::Scenario& scenario, const std::string& id) {
  std::size_t i = 0;
  while (scenario.ports[i].id != id) ++i;
  return i;
}

double bearingDegrees(const geo::LonLat& from, const geo::LonLat& to) {
  const double east = (to.lon - from.lon) * std::cos(from.lat * M_PI / 180.0), north = to.lat - from.lat;
  const double degrees = std::atan2(east, north) * 180.0 / M_PI;
  return degrees < 0 ? degrees + 360.0 : degrees;
}

TEST(PortSources, AYearsMeanHourAddsUpToTheInventoryAndTheLandsideTonnes) {
  const sim::Scenario scenario = load("baseline");
  const std::size_t la = portIndex(scenario, "LAX");
  const sim::Fleet fleet(scenario, sim::yearStart(2030), sim::yearStart(2031));
  const sim::Inventory inventory = sim::takeInventory(scenario, fleet, 2030, 2030);
  const sim::PortSources sources = sim::portSourcesInYear(scenario, inventory, la, 2030);
  const double hours = 365 * 24;
  EXPECT_NEAR(sources.ships().nox * hours, inventory.ports[la][0].ships.nox, 1e-6 * inventory.ports[la][0].ships.nox);
  EXPECT_NEAR(sources.atBerth.co2 * hours, inventory.ports[la][0].atBerth.co2, 1e-6 * inventory.ports[la][0].atBerth.co2);
  // Per TEU of the port's 8,634,497: cargo-handling equipment 10.4 g of NOx with 30 %
  // zero-emission in 2030, 62.859 t; drayage 8.9 g with 2 % (2023) -> 30 % (2035), 18.33 % in
  // 2030, 62.758 t; rail 16.3 g, none zero-emission, 140.742 t; 266.359 t of NOx.
  double landside = 0;
  for (const sim::Emissions& source : sources.landside) landside += source.nox * hours / 1000;
  EXPECT_NEAR(landside, 266.359, 0.001);
}

TEST(PortFootprint, TheFieldIsLinearInTheRatesAndLiesDownwind) {
  const sim::Scenario scenario = load("baseline");
  const std::size_t la = portIndex(scenario, "LAX");
  const sim::Weather fromWestSouthWest{3.5, 250, sim::StabilityClass::D, sim::Terrain::Urban};
  const sim::PortFootprint footprint = sim::momentFootprint(scenario, la, fromWestSouthWest);
  ASSERT_EQ(footprint.landside.size(), 3u);
  sim::PortSources sources;
  sources.atBerth.nox = 36.0;  // kg/h = 10 g/s
  sources.landside.resize(3);
  const sim::ConcentrationGrid berth = sim::groundField(footprint, sources, sim::Pollutant::NOx);
  sources.atBerth.nox = 72.0;
  const sim::ConcentrationGrid twice = sim::groundField(footprint, sources, sim::Pollutant::NOx);
  const auto peak = sim::hotspots(berth, 1).front();
  const std::size_t cell = std::size_t((peak.position.y - berth.origin.y) / berth.cellSize) * std::size_t(berth.columns) +
                           std::size_t((peak.position.x - berth.origin.x) / berth.cellSize);
  EXPECT_NEAR(berth.values[cell], 10.0 * footprint.atBerth.values[cell], 1e-9 * berth.values[cell]);
  EXPECT_NEAR(twice.values[cell], 2.0 * berth.values[cell], 1e-9 * berth.values[cell]);
  EXPECT_EQ(sim::groundField(footprint, sources, sim::Pollutant::SOx).values[cell], 0.0);  // no SOx given
  // Wind from 250 degrees: the peak lies east-north-east of the berth.
  const double bearing = bearingDegrees(scenario.ports[la].position, footprint.lonLatOf(peak.position));
  EXPECT_GT(bearing, 40.0);
  EXPECT_LT(bearing, 100.0);
}

// The mean northing of a grid's concentration, in metres from the port.
double meanNorthing(const sim::ConcentrationGrid& grid) {
  double weighted = 0, total = 0;
  for (int row = 0; row < grid.rows; ++row) {
    for (int column = 0; column < grid.columns; ++column) {
      weighted += grid.at(column, row) * (grid.origin.y + (row + 0.5) * grid.cellSize);
      total += grid.at(column, row);
    }
  }
  return weighted / total;
}

TEST(PortFootprint, AnAreaSourceLiesWhereItsOffsetPutsIt) {
  // Los Angeles' rail runs 32 km north along the Alameda Corridor from 1 km north of the port
  // (offset 17 km); the equipment's area is centred on the port. With a wind from the south
  // both fields are carried north alike, so only the offset tells them apart.
  const sim::Scenario scenario = load("baseline");
  const std::size_t la = portIndex(scenario, "LAX");
  ASSERT_EQ(scenario.ports[la].areaSources[2].name, "rail");
  const sim::Weather fromSouth{4.0, 180, sim::StabilityClass::D, sim::Terrain::Urban};
  const sim::PortFootprint footprint = sim::momentFootprint(scenario, la, fromSouth);
  const double equipment = meanNorthing(footprint.landside[0]), rail = meanNorthing(footprint.landside[2]);
  EXPECT_GT(rail - equipment, 5000.0) << "equipment " << equipment << " m, rail " << rail << " m";
}

TEST(PortFootprint, TheGridHoldsEveryLandsideAreaInsideTheHeatmapsFade) {
  // The grid's inscribed circle reaches 8 km (the heatmap's fade) beyond each area's farthest
  // bounding-box corner, in whole cells either side.
  // Los Angeles' rail, 3 km wide with its middle 2 km east, reaches 3.5 km east and
  // 17 + 32 / 2 = 33 km north: hypot(3.5, 33) + 8 = 41.19 km, 165 cells of 250 m: an 82.5 km
  // grid of 330 cells.
  // Shanghai's drayage over the Donghai Bridge reaches 14.5 km west and 29.5 km north with half
  // its width: hypot(14.5, 29.5) + 8 = 40.87 km, 164 cells: 82 km.
  // Tokyo's areas lie within 5 km of the berth: the 40 km grid.
  const sim::Scenario scenario = load("baseline");
  EXPECT_DOUBLE_EQ(sim::portGridMeters(scenario.ports[portIndex(scenario, "LAX")]), 82'500.0);
  EXPECT_DOUBLE_EQ(sim::portGridMeters(scenario.ports[portIndex(scenario, "SHA")]), 82'000.0);
  EXPECT_DOUBLE_EQ(sim::portGridMeters(scenario.ports[portIndex(scenario, "TYO")]), 40'000.0);
  // On that grid, with a wind from the south, the rail's field reaches the top: at 30 km north
  // of the berth, where the 40 km grid ends at 20 km, the rail's own cells are still polluted.
  const std::size_t la = portIndex(scenario, "LAX");
  const sim::Weather fromSouth{4.0, 180, sim::StabilityClass::D, sim::Terrain::Urban};
  const sim::PortFootprint footprint =
      sim::portFootprint(scenario, la, sim::steadyRose(fromSouth), sim::portGridMeters(scenario.ports[la]));
  const sim::ConcentrationGrid& rail = footprint.landside[2];
  ASSERT_EQ(rail.rows, 330);
  const int row = int((30'000.0 - rail.origin.y) / rail.cellSize), column = int((2'000.0 - rail.origin.x) / rail.cellSize);
  EXPECT_GT(rail.at(column, row), 0.1 * rail.at(column, int((10'000.0 - rail.origin.y) / rail.cellSize)));
}

TEST(PortFootprint, DrayageOverABridgeLiesAlongTheBridgeWithoutSpikes) {
  // Shanghai's trucks cross the Donghai Bridge: path_km from (-2.5, 2.5) to (-6.5, 13.0) km
  // runs north-north-west, at x = -4.5 km where y = 7.75 km, in a strip 1 km wide. With a wind
  // from the west, the cells 1 km east of the bridge there are polluted and those 2 km west of
  // it, upwind, are clean; a 10 x 25 km box west of the port, as before, polluted both.
  const sim::Scenario scenario = load("baseline");
  const std::size_t sha = portIndex(scenario, "SHA");
  ASSERT_EQ(scenario.ports[sha].areaSources[1].name, "drayage trucks");
  for (const double windFrom : {270.0, 250.0, 225.0}) {
    const sim::Weather weather{5.0, windFrom, sim::StabilityClass::D, sim::Terrain::Rural};
    const sim::PortFootprint footprint = sim::momentFootprint(scenario, sha, weather);
    const sim::ConcentrationGrid& bridge = footprint.landside[1];
    const auto rowOf = [&](double north) { return int((north - bridge.origin.y) / bridge.cellSize); };
    const auto at = [&](double east, double north) {
      return bridge.at(int((east - bridge.origin.x) / bridge.cellSize), rowOf(north));
    };
    EXPECT_GT(at(-3'500.0, 7'750.0), 0.0) << windFrom;
    EXPECT_LT(at(-6'500.0, 7'750.0), 1e-3 * at(-3'500.0, 7'750.0)) << windFrom;
    // Along that stretch the highest cell of each row stays within 30 % of the others, whatever
    // the wind's angle to the grid: points of the line put a few metres from a receptor (or on
    // the corners of the cells, for a wind along their diagonal) drew cells 3 to 30 times their
    // neighbours.
    double lowest = 1e300, highest = 0;
    for (int row = rowOf(4'000.0); row < rowOf(11'000.0); ++row) {
      double ridge = 0;
      for (int column = 0; column < bridge.columns; ++column) ridge = std::max(ridge, bridge.at(column, row));
      lowest = std::min(lowest, ridge);
      highest = std::max(highest, ridge);
    }
    EXPECT_LT(highest, 1.3 * lowest) << "wind from " << windFrom << ": lowest " << lowest << ", highest " << highest;
  }
}

TEST(Plume, PuffsDriftDownwindRiseAndSpreadAndFollowTheRate) {
  scene::PlumeSource source;
  source.berth = {-118.27, 33.74};
  source.weather.windFromDegrees = 250;
  source.stackHeightMeters = 45;
  source.referenceKgPerHour = 100;
  EXPECT_TRUE(scene::plumePuffs(source, sim::Pollutant::NOx, 0).empty());  // nothing emitted
  source.kgPerHour = 25;
  const auto weak = scene::plumePuffs(source, sim::Pollutant::NOx, 1.0);
  ASSERT_EQ(weak.size(), std::size_t(scene::kPuffsPerPlume));
  std::vector<std::pair<double, const scene::PlumePuff*>> byDistance;
  for (const auto& puff : weak) {
    const geo::LonLat at{puff.position.lon, puff.position.lat};
    const double distance = geo::geodesicDistanceMeters(source.berth, at);
    if (distance > 100) {
      EXPECT_NEAR(bearingDegrees(source.berth, at), 70.0, 1.0);
    }
    EXPECT_GE(puff.position.alt, 45.0);
    byDistance.push_back({distance, &puff});
  }
  std::sort(byDistance.begin(), byDistance.end());
  for (std::size_t i = 1; i < byDistance.size(); ++i) {
    EXPECT_GE(byDistance[i].second->position.alt, byDistance[i - 1].second->position.alt);
    EXPECT_GT(byDistance[i].second->radiusMeters, byDistance[i - 1].second->radiusMeters);
  }
  // Four times the rate: larger and denser puffs (the same layout).
  source.kgPerHour = 100;
  const auto strong = scene::plumePuffs(source, sim::Pollutant::NOx, 1.0);
  for (std::size_t i = 0; i < weak.size(); ++i) {
    EXPECT_GT(strong[i].minRadiusPixels, weak[i].minRadiusPixels);
    EXPECT_GE(strong[i].color.a, weak[i].color.a);
  }
  // Capped at the reference rate.
  source.kgPerHour = 1000;
  EXPECT_EQ(scene::plumePuffs(source, sim::Pollutant::NOx, 1.0)[3].color.a, strong[3].color.a);
  // A moment later every puff is further downwind (none has wrapped back to the funnels yet).
  const auto later = scene::plumePuffs(source, sim::Pollutant::NOx, 1.05);
  const auto now = scene::plumePuffs(source, sim::Pollutant::NOx, 1.0);
  int further = 0;
  for (std::size_t i = 0; i < now.size(); ++i) {
    further += geo::geodesicDistanceMeters(source.berth, {later[i].position.lon, later[i].position.lat}) >
               geo::geodesicDistanceMeters(source.berth, {now[i].position.lon, now[i].position.lat});
  }
  EXPECT_GE(further, scene::kPuffsPerPlume - 1);
}

TEST(Heatmap, AFixedScaleWithItsReferencesFadingBelowItsBottom) {
  const scene::HeatmapScale scale = scene::heatmapScale(sim::Pollutant::NOx);
  // Peaks at the six corridor ports are 2 to 12 micrograms/m^3 of NOx: all on the scale, and
  // both references (WHO 10, US annual NO2 about 100) inside it.
  EXPECT_LE(scale.bottom, 1.0);
  EXPECT_GE(scale.top, 100.0);
  ASSERT_EQ(scale.references.size(), 2u);
  EXPECT_EQ(scale.references[0].value, 10.0);
  EXPECT_EQ(scale.references[0].label, "WHO");
  EXPECT_EQ(scale.references[1].value, 100.0);
  const auto pm = scene::heatmapScale(sim::Pollutant::PM);
  EXPECT_EQ(pm.references[0].value, 5.0);  // WHO annual PM2.5
  EXPECT_EQ(pm.references[1].value, 9.0);  // US annual PM2.5 (2024)
  // A decade below the bottom nothing; between, a fade; above, rising opacity to the top.
  EXPECT_EQ(scene::heatmapColor(scale.bottom * 0.09, scale).a, 0.0f);
  const float faded = scene::heatmapColor(scale.bottom * 0.5, scale).a;
  EXPECT_GT(faded, 0.0f);
  EXPECT_LT(faded, scene::heatmapColor(scale.bottom, scale).a);
  float previous = 0;
  for (double value = scale.bottom * 1.5; value <= scale.top; value *= 1.5) {
    const float alpha = scene::heatmapColor(value, scale).a;
    EXPECT_GT(alpha, previous);
    previous = alpha;
  }
  EXPECT_FLOAT_EQ(scene::heatmapColor(scale.top * 10, scale).a, scene::heatmapColor(scale.top, scale).a);
  // At the bottom the colour is pale yellow at 0.15 opacity: (log10(v / bottom) / log10(top / bottom)) = 0.
  const glm::vec4 low = scene::heatmapColor(scale.bottom, scale);
  EXPECT_NEAR(low.r, 1.0f, 1e-6);
  EXPECT_NEAR(low.b, 0.60f, 1e-6);
  EXPECT_NEAR(low.a, 0.15f, 1e-6);
}

TEST(Heatmap, CornerValuesAreTheCellMeansAndTheGridBorderFades) {
  const scene::HeatmapScale scale = scene::heatmapScale(sim::Pollutant::NOx);
  sim::PortFootprint footprint;
  footprint.cellLonDegrees = footprint.cellLatDegrees = 0.01;
  sim::ConcentrationGrid field;
  field.columns = field.rows = 20;
  field.values.assign(400, 40.0);
  field.values[0] = 0.0;  // the south-west cell
  const scene::GroundHeatmap heatmap = scene::groundHeatmap(footprint, field, scale);
  ASSERT_EQ(heatmap.cornerValues.size(), 21u * 21u);
  EXPECT_FLOAT_EQ(heatmap.cornerValues[0], 0.0f);          // only the south-west cell touches it
  EXPECT_FLOAT_EQ(heatmap.cornerValues[1], 20.0f);         // mean of 0 and 40
  EXPECT_FLOAT_EQ(heatmap.cornerValues[10 * 21 + 10], 40.0f);
  EXPECT_EQ(heatmap.cornerFades.front(), 0.0f);            // the grid's border
  EXPECT_EQ(heatmap.cornerFades[10 * 21 + 10], 1.0f);      // its middle
  // A smoothstep from the inscribed circle (radius 10 corners) to 60 % of it: 1 and 2 corners
  // in along the middle line, 0.156 and 0.5.
  EXPECT_FLOAT_EQ(heatmap.cornerFades[1 * 21 + 10], 0.15625f);
  EXPECT_FLOAT_EQ(heatmap.cornerFades[2 * 21 + 10], 0.5f);
  // Toward the square's corners it fades as the circle does, not as the square's sides: 3
  // corners in on the diagonal is 9.9 from the middle (a fade toward the sides gave 0.84).
  EXPECT_LT(heatmap.cornerFades[3 * 21 + 3], 0.01f);
  EXPECT_EQ(heatmap.scale.top, scale.top);
}

TEST(PortLayer, PlumesAtPortsWithShipsAndAHeatmapOnlyWhereAsked) {
  const sim::Scenario scenario = load("baseline");
  const sim::Emissions reference = scene::plumeReference(scenario);
  EXPECT_GT(reference.nox, 0.0);
  EXPECT_GT(reference.co2, reference.nox);
  const core::UtcMicros t = sim::yearStart(2025) + 60 * 86400LL * core::kMicrosPerSecond;
  const sim::Fleet fleet(scenario, t - 90 * 86400LL * core::kMicrosPerSecond, t + core::kMicrosPerSecond);
  const std::size_t la = portIndex(scenario, "LAX");
  const sim::PortFootprint footprint = sim::momentFootprint(scenario, la, sim::portWeatherAt(scenario, la, t));
  scene::PortLayerOptions options;
  options.heatmaps.assign(scenario.ports.size(), nullptr);
  options.heatmaps[la] = &footprint;
  const auto layer = scene::buildPortLayer(fleet, t, reference, options);
  ASSERT_EQ(layer->heatmaps.size(), 1u);
  // A moment's grid is the port's, wider than the smallest (40 km) where the rail to the
  // downtown yards reaches further, so the heatmap holds all of it.
  const double halfGridKm = sim::portGridMeters(scenario.ports[la]) / 2000;
  EXPECT_GT(halfGridKm, 20.0);
  EXPECT_NEAR(layer->heatmaps[0].southWest.lat, scenario.ports[la].position.lat - halfGridKm / 110.574, 0.001);
  std::size_t withShips = 0;
  for (std::size_t port = 0; port < scenario.ports.size(); ++port) {
    withShips += sim::portSourcesAt(scenario, fleet, port, t).ships().nox > 0;
  }
  EXPECT_GT(withShips, 0u);
  EXPECT_EQ(layer->puffs.size(), withShips * std::size_t(scene::kPuffsPerPlume));
  // Zoomed in on the port (not from orbit, not on the far side of the world).
  timeline::CameraPose camera;
  camera.lon = -118.25;
  camera.lat = 33.7;
  camera.altitude = 120'000;
  EXPECT_TRUE(scene::heatmapInView(camera, scenario.ports[la].position));
  camera.altitude = 5'000'000;
  EXPECT_FALSE(scene::heatmapInView(camera, scenario.ports[la].position));
  camera.altitude = 120'000;
  camera.lon = 139.7;
  EXPECT_FALSE(scene::heatmapInView(camera, scenario.ports[la].position));
}

TEST(PortReport, TheHotspotPanelsFiguresAddUp) {
  auto inventories = app::computePortInventories(kDefaultScenario, "baseline");
  ASSERT_TRUE(inventories) << inventories.error().message;
  ASSERT_EQ(inventories->variants.size(), 2u);  // baseline and green-corridor
  const std::size_t la = portIndex(inventories->variants[0].scenario, "LAX");
  ASSERT_EQ(inventories->playing, 0u);
  const app::PortSummary summary = app::summarizePort(*inventories, la, 2030, sim::Pollutant::NOx);
  EXPECT_EQ(summary.portName, inventories->variants[0].scenario.ports[la].name);
  // Top sources: largest first, adding up to the year's total.
  ASSERT_EQ(summary.sources.size(), 5u);  // ships at berth and under way, three landside sources
  double sum = 0;
  for (std::size_t i = 0; i < summary.sources.size(); ++i) {
    sum += summary.sources[i].tonnes;
    if (i > 0) {
      EXPECT_LE(summary.sources[i].tonnes, summary.sources[i - 1].tonnes);
    }
  }
  EXPECT_NEAR(sum, summary.total.nox, 1e-6 * sum);
  const sim::PortYear& year = inventories->variants[0].inventory.ports[la][2030 - 2023];
  EXPECT_NEAR(summary.total.nox, (year.ships.nox / 1000) + 266.359, 0.001);  // landside as above
  // The chart: every variant over every year; the green corridor ends cleaner.
  ASSERT_EQ(summary.years.size(), 18u);
  ASSERT_EQ(summary.series.size(), 2u);
  EXPECT_NEAR(summary.series[0][2030 - 2023], summary.total.nox, 1e-6 * sum);
  EXPECT_LT(summary.series[1].back(), summary.series[0].back());
  // Under the wind rose the peak annual mean lies among the port's own sources, within the
  // 8 x 6 km drayage area around the berth.
  EXPECT_GT(summary.peak, 0.0);
  EXPECT_LT(summary.peakDistanceKm, 5.0);
}

}  // namespace
}  // namespace corridor
