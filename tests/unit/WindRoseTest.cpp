#include "sim/WindRose.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "TestSupport.h"
#include "sim/PortDispersion.h"
#include "sim/ScenarioFile.h"

namespace corridor::sim {
namespace {

using test::ScratchDir;
using test::containsText;
using test::writeTextFile;

constexpr double kCell = 250;
constexpr int kCells = 80;  // 20 x 20 km around the origin
const glm::dvec2 kOrigin(-kCells * kCell / 2, -kCells * kCell / 2);

const std::vector<PointSource> kFunnel{{{0.0, 0.0}, 10.0, 40.0, 5.0}};  // 10 g/s from 40 m

ConcentrationGrid longTerm(const WindRose& rose, const std::vector<PointSource>& points = kFunnel,
                           const std::vector<AreaSource>& areas = {}) {
  return longTermConcentration(points, areas, rose, kOrigin, kCell, kCells, kCells);
}

double at(const ConcentrationGrid& grid, glm::dvec2 where) {
  const int column = int((where.x - grid.origin.x) / grid.cellSize), row = int((where.y - grid.origin.y) / grid.cellSize);
  return grid.at(column, row);
}

TEST(WindRose, OneSteadyEntryIsTheSinglePlumeExactly) {
  // The old single weather per port is a rose of one entry without sector spread.
  const Weather weather{3.5, 250, StabilityClass::D, Terrain::Urban};
  const std::vector<AreaSource> yard{{{2000.0, -1000.0}, {1500.0, 1000.0}, 4.0, 3.0}};
  const ConcentrationGrid steady = groundConcentration(kFunnel, yard, weather, kOrigin, kCell, kCells, kCells);
  const ConcentrationGrid rose = longTerm(steadyRose(weather), kFunnel, yard);
  ASSERT_EQ(rose.values.size(), steady.values.size());
  EXPECT_EQ(rose.values, steady.values);
  EXPECT_GT(*std::max_element(rose.values.begin(), rose.values.end()), 0.0);
}

TEST(WindRose, ASectorSpreadKeepsTheCrosswindIntegralOfThePlume) {
  // Wind from the west, 5 m/s, class C, a ground-level source: across the plume's path at x,
  // both the steady plume and its sector average integrate to sqrt(2/pi) q / (u sigma_z)
  // (ISC-LT spreads the same mass over the sector's 22.5 degrees). Summed along the column of
  // cells 5 km east, the two agree within the few percent that a straight cut through a fan
  // differs from an arc.
  const std::vector<PointSource> ground{{{0.0, 0.0}, 10.0, 0.0, 0.0}};
  const Weather west{5, 270, StabilityClass::C, Terrain::Rural};
  WindRose spread = steadyRose(west);
  spread.sectorWidthDegrees = 22.5;
  const ConcentrationGrid plume = longTerm(steadyRose(west), ground), sector = longTerm(spread, ground);
  const int column = int((5000.0 - kOrigin.x) / kCell);
  double plumeSum = 0, sectorSum = 0;
  for (int row = 0; row < kCells; ++row) {
    plumeSum += plume.at(column, row);
    sectorSum += sector.at(column, row);
  }
  EXPECT_NEAR(sectorSum / plumeSum, 1.0, 0.06);
  // Spread over the sector's 1,963 m of arc instead of a sigma_y of 449 m: the centre line is
  // about 0.57 times the plume's, and 15 degrees off it (3 sigma_y) the sector is far fuller.
  EXPECT_LT(at(sector, {5000, 0}), 0.65 * at(plume, {5000, 0}));
  const glm::dvec2 flank{5000, 5000 * std::tan(15 * std::numbers::pi / 180)};
  EXPECT_GT(at(sector, flank), 5 * at(plume, flank));
}

TEST(WindRose, AUniformRoseGivesANearlyAxisymmetricField) {
  WindRose uniform;
  uniform.terrain = Terrain::Urban;
  for (int sector = 0; sector < 16; ++sector) uniform.entries.push_back({sector * 22.5, 4.0, StabilityClass::D, 1.0 / 16});
  const ConcentrationGrid field = longTerm(uniform);
  // Cells whose centres lie 3 km (+-100 m) from the source, all round.
  double lowest = 1e300, highest = 0;
  int cells = 0;
  for (int row = 0; row < kCells; ++row) {
    for (int column = 0; column < kCells; ++column) {
      const glm::dvec2 centre = kOrigin + (glm::dvec2(column, row) + 0.5) * kCell;
      if (std::abs(glm::length(centre) - 3000) > 100) continue;
      lowest = std::min(lowest, field.at(column, row));
      highest = std::max(highest, field.at(column, row));
      ++cells;
    }
  }
  EXPECT_GT(cells, 50);
  EXPECT_GT(lowest, 0.0);
  EXPECT_LT(highest / lowest, 1.10);  // the spread left is the 200 m of radius the ring spans
}

// Every kind of area (a box, a box of no whole number of half cells, a path's strip) against
// its lattice of points given one by one: equal to 1e-9 of each cell's value, or for a steady
// plume (whose kernel spans more decades, so prefix sums round to a share of the largest) to
// 1e-9 of the field's peak.
void expectAreasAreTheirPoints(const WindRose& rose) {
  // The second yard's 1.33 x 0.66 km are no whole number of half cells: both paths round them
  // to the same lattice (before, the points' lattice rounded up and the area's to the nearest).
  // The third is a road's strip, summed point by point over its lattice rather than by boxes.
  for (const AreaSource& yard : {AreaSource{{1300.0, -700.0}, {2000.0, 1500.0}, 4.0, 3.0},
                                 AreaSource{{-900.0, 400.0}, {665.0, 330.0}, 4.0, 3.0},
                                 pathArea({{-2000.0, -1500.0}, {300.0, 200.0}, {2500.0, 900.0}}, 300.0, 4.0, 3.0,
                                          kCell)}) {
    const ConcentrationGrid asArea = longTerm(rose, {}, {yard});
    const ConcentrationGrid asPoints = longTerm(rose, releasePoints({}, {yard}, kCell / 2), {});
    const double peak = *std::max_element(asPoints.values.begin(), asPoints.values.end());
    EXPECT_GT(peak, 0.0);
    ASSERT_EQ(asArea.values.size(), asPoints.values.size());
    for (std::size_t i = 0; i < asArea.values.size(); ++i) {
      const double tolerance = rose.sectorWidthDegrees > 0 ? 1e-9 * asPoints.values[i] + 1e-12 : 1e-9 * peak;
      EXPECT_NEAR(asArea.values[i], asPoints.values[i], tolerance) << i;
      EXPECT_GE(asArea.values[i], 0.0) << i;
    }
  }
}

TEST(WindRose, AnAreaIsTheSumOfItsLatticeOfPoints) {
  // Areas are summed by prefix sums over the receptor-to-point offsets; the same lattice given
  // as points, summed pair by pair, must agree: under a rose's sector averages and under one
  // weather's steady plume (a moment of playback), whose wind runs along the cells' diagonal.
  WindRose sectors;
  for (int sector = 0; sector < 16; sector += 3) {
    sectors.entries.push_back({sector * 22.5, 3.0, StabilityClass::E, 1.0 / 6});
  }
  for (const WindRose& rose : {sectors, steadyRose({3.0, 225, StabilityClass::D, Terrain::Urban})}) {
    expectAreasAreTheirPoints(rose);
  }
}

TEST(WindRose, FrequenciesWeightLinearly) {
  const WindRoseEntry west{270, 5, StabilityClass::D, 1}, north{0, 2.5, StabilityClass::E, 1};
  WindRose onlyWest{{west}, Terrain::Urban, 22.5}, onlyNorth{{north}, Terrain::Urban, 22.5};
  WindRose mixed{{west, north}, Terrain::Urban, 22.5};
  mixed.entries[0].frequency = 0.3;
  mixed.entries[1].frequency = 0.7;
  const ConcentrationGrid a = longTerm(onlyWest), b = longTerm(onlyNorth), both = longTerm(mixed);
  for (std::size_t i = 0; i < both.values.size(); ++i) {
    EXPECT_NEAR(both.values[i], 0.3 * a.values[i] + 0.7 * b.values[i], 1e-9 * (a.values[i] + b.values[i]) + 1e-15);
  }
}

TEST(PasquillClass, TurnersTable) {
  EXPECT_EQ(pasquillClass(1.5, 70, 0), StabilityClass::A);  // light wind, strong sun
  EXPECT_EQ(pasquillClass(4, 45, 0), StabilityClass::C);    // moderate sun: B-C, the stabler
  EXPECT_EQ(pasquillClass(2.5, 45, 6), StabilityClass::C);  // cloud makes moderate slight
  EXPECT_EQ(pasquillClass(4, -10, 2), StabilityClass::E);   // clear night
  EXPECT_EQ(pasquillClass(2.5, -10, 5), StabilityClass::E); // cloudy night, 2-3 m/s
  EXPECT_EQ(pasquillClass(1, -10, 1), StabilityClass::F);
  EXPECT_EQ(pasquillClass(1, 70, 8), StabilityClass::D);    // overcast
  EXPECT_EQ(pasquillClass(7, 70, 0), StabilityClass::C);
}

TEST(WindProfile, StationWindsAreRaisedToTheReleaseHeight) {
  // ISC3's power law: urban D, p = 0.25: 4 m/s at 10 m is 4 (50 / 10)^0.25 = 5.981 m/s at a 50 m
  // funnel; rural F, p = 0.55: 2 (40 / 10)^0.55 = 4.287 m/s; below 10 m the station's speed.
  EXPECT_NEAR(windSpeedAt({4, 270, StabilityClass::D, Terrain::Urban, 10}, 50), 5.981, 1e-3);
  EXPECT_NEAR(windSpeedAt({2, 270, StabilityClass::F, Terrain::Rural, 10}, 40), 4.287, 1e-3);
  EXPECT_EQ(windSpeedAt({2, 270, StabilityClass::F, Terrain::Rural, 10}, 3), 2.0);
  EXPECT_EQ(windSpeedAt({2, 270, StabilityClass::F, Terrain::Rural, 0}, 40), 2.0);  // already at the release
}

TEST(PasquillGifford, BriggsSigmasAgainstTurnersCurves) {
  // The ISC3 fit of the Pasquill-Gifford curves in Turner's Workbook (EPA-454/B-95-003b):
  // class D at 1 km, sigma_y = 465.11628 x tan(0.017453293 (8.333 - 0.72382 ln x)) = 68.12 m,
  // sigma_z = 32.093 x^0.81066 = 32.09 m. Corridor's Briggs rural curves are 12 % and 18 %
  // wider there (docs/MODEL.md tabulates the other classes).
  const Sigmas briggs = briggsSigmas(StabilityClass::D, Terrain::Rural, 1000);
  EXPECT_NEAR(briggs.y / 68.12, 1.12, 0.01);
  EXPECT_NEAR(briggs.z / 32.09, 1.18, 0.01);
}

const std::filesystem::path kDefaultScenario =
    std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets" / "scenarios" / "transpacific.toml";

// The default scenario with Los Angeles' wind rose replaced by `climate`.
std::filesystem::path withLosAngelesClimate(const ScratchDir& dir, const std::string& climate) {
  std::string text = test::readTextFile(kDefaultScenario);
  const auto start = text.find("[ports.wind_rose]");
  const auto end = text.find("[[ports.area_sources]]", start);
  text.replace(start, end - start, climate + "\n\n");
  writeTextFile(dir / "scenario.toml", text);
  copyScenarioFiles(kDefaultScenario.parent_path(), dir);
  return dir / "scenario.toml";
}

TEST(PortWeather, TheMomentFollowsTheHourlyMeteorologyFile) {
  ScratchDir dir;
  writeTextFile(dir / "lax.csv",
                "time,wind_from,wind_speed,stability\n"
                "2030-03-01T00:00Z,270,4,D\n"
                "2030-03-01T01:00Z,0,3,E\n"
                "2030-03-01T02:00Z,90,6,C\n");
  const auto scenario = loadScenario(withLosAngelesClimate(dir, "met_file = \"lax.csv\""), "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  const std::size_t la = 0;
  ASSERT_EQ(scenario->ports[la].id, "LAX");
  const core::UtcMicros hour = 3600LL * core::kMicrosPerSecond;
  const core::UtcMicros start = *core::parseIso8601("2030-03-01T00:00Z");
  EXPECT_EQ(portWeatherAt(*scenario, la, start + hour + hour / 2).windFromDegrees, 0.0);
  EXPECT_EQ(portWeatherAt(*scenario, la, start + 2 * hour).stability, StabilityClass::C);
  // The hours also make the rose of the annual means: three sectors a third each.
  ASSERT_EQ(scenario->ports[la].windRose.entries.size(), 3u);
  EXPECT_NEAR(scenario->ports[la].windRose.entries[0].frequency, 1.0 / 3, 1e-12);
  // Wind from the east in the third hour: the ground field of a berth source lies west.
  const PortFootprint footprint =
      momentFootprint(*scenario, la, portWeatherAt(*scenario, la, start + 2 * hour));
  const auto peak = hotspots(footprint.atBerth, 1).front();
  EXPECT_LT(peak.position.x, -200.0);
  EXPECT_NEAR(peak.position.y, 0.0, 1500.0);
}

TEST(PortWeather, DrawnFromTheRoseByDayAndNightDeterministically) {
  const auto scenario = loadScenario(kDefaultScenario, "baseline"), again = loadScenario(kDefaultScenario, "baseline");
  ASSERT_TRUE(scenario && again);
  Scenario reseeded = *scenario;
  reseeded.seed += 1;
  const std::size_t la = 0;
  const core::UtcMicros hour = 3600LL * core::kMicrosPerSecond;
  int days = 0, nights = 0, changedBySeed = 0;
  for (core::UtcMicros t = yearStart(2030); t < yearStart(2030) + 60 * 24 * hour; t += 3 * hour) {
    const Weather weather = portWeatherAt(*scenario, la, t);
    EXPECT_EQ(weather, portWeatherAt(*again, la, t)) << "another load of the same scenario";
    EXPECT_EQ(weather, portWeatherAt(*scenario, la, t + 2 * hour)) << "the same 3-hour block";
    changedBySeed += !(weather == portWeatherAt(reseeded, la, t));
    const bool day = sunElevationDegrees(scenario->ports[la].position, t + 3 * hour / 2) > 0;
    if (day) {
      EXPECT_TRUE(weather.stability != StabilityClass::E && weather.stability != StabilityClass::F);
      ++days;
    } else {
      EXPECT_TRUE(weather.stability >= StabilityClass::D);
      ++nights;
    }
    EXPECT_EQ(weather.anemometerHeight, 10.0);  // rose speeds are station winds
  }
  EXPECT_GT(days, 100);
  EXPECT_GT(nights, 100);
  EXPECT_GT(changedBySeed, 240);  // of 480 blocks: the seed drives the draw
}

// The wind directions drawn for a port every 3 hours over 28 days from `firstDay`.
std::vector<double> windsDrawn(const Scenario& scenario, std::size_t port, const char* firstDay) {
  const core::UtcMicros hour = 3600LL * core::kMicrosPerSecond;
  std::vector<double> from;
  const core::UtcMicros start = *core::parseIso8601(firstDay);
  for (core::UtcMicros t = start; t < start + 28 * 24 * hour; t += 3 * hour) {
    from.push_back(portWeatherAt(scenario, port, t).windFromDegrees);
  }
  return from;
}

int countWithin(const std::vector<double>& winds, double low, double high) {
  return int(std::count_if(winds.begin(), winds.end(), [&](double from) { return from >= low && from <= high; }));
}

TEST(PortWeather, MonsoonEntriesAreDrawnInTheirMonthsOnly) {
  // A rose file of two seasons: the wind from the north-east November-April, from the
  // south-south-west May-October. A July moment never has the north-east wind, a January one
  // never the south-south-west.
  ScratchDir dir;
  writeTextFile(dir / "two-seasons.csv",
                "# a test rose\nfrom,speed,stability,frequency,months\n"
                "NE,4.3,D,0.25,11 12 1 2 3 4\nNE,2.5,E,0.25,11 12 1 2 3 4\n"
                "SSW,4.3,D,0.25,5 6 7 8 9 10\nSSW,2.5,E,0.25,5 6 7 8 9 10\n");
  const auto scenario = loadScenario(
      withLosAngelesClimate(dir, "[ports.wind_rose]\nentries_file = \"two-seasons.csv\""), "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  const std::vector<double> july = windsDrawn(*scenario, 0, "2030-07-01"), january = windsDrawn(*scenario, 0, "2030-01-01");
  // A moment's direction is spread over its sector: NE is 33.75-56.25, SSW 191.25-213.75.
  EXPECT_EQ(countWithin(july, 33.75, 56.25), 0);
  EXPECT_EQ(countWithin(july, 191.25, 213.75), int(july.size()));
  EXPECT_EQ(countWithin(january, 33.75, 56.25), int(january.size()));
}

// The winds drawn at a port of the default scenario over four weeks from 1 January and from
// 1 July 2030 (both empty when the scenario does not load or has no such port).
std::pair<std::vector<double>, std::vector<double>> defaultScenarioWinds(const std::string& portId) {
  const auto scenario = loadScenario(kDefaultScenario, "baseline");
  EXPECT_TRUE(scenario) << scenario.error().message;
  if (!scenario) return {};
  for (std::size_t port = 0; port < scenario->ports.size(); ++port) {
    if (scenario->ports[port].id == portId) {
      return {windsDrawn(*scenario, port, "2030-01-01"), windsDrawn(*scenario, port, "2030-07-01")};
    }
  }
  ADD_FAILURE() << "no port " << portId;
  return {};
}

TEST(PortWeather, SingaporesMonsoonsFollowChangisRecord) {
  // Changi's typical year by season (winds/singapore-changi-tmyx-2009-2023.csv): in January
  // most winds come from the N-NE, in July from the SSE-SW.
  const auto [january, july] = defaultScenarioWinds("SIN");
  ASSERT_FALSE(january.empty());
  const int northEast = countWithin(january, 0, 45) + countWithin(january, 337.5, 360);
  const int southWest = countWithin(july, 157.5, 225);
  EXPECT_GT(northEast, int(january.size()) / 2) << northEast << " of " << january.size();
  EXPECT_GT(southWest, int(july.size()) / 2) << southWest << " of " << july.size();
  EXPECT_LT(countWithin(july, 0, 45), int(july.size()) / 10);
}

TEST(PortWeather, ShanghaisSeasonsFollowBaoshansRecord) {
  // Baoshan's typical year by season (winds/shanghai-baoshan-tmyx-2009-2023.csv): NW to NNE
  // winds are 45 % of the winter's hours and 11 % of the summer's; E to SSE 21 % and 50 %. (The
  // hand-shaped rose it replaced had no northerly in summer.)
  const auto [january, july] = defaultScenarioWinds("SHA");
  ASSERT_FALSE(january.empty());
  auto northerly = [](const std::vector<double>& winds) { return countWithin(winds, 303.75, 360) + countWithin(winds, 0, 33.75); };
  auto southEasterly = [](const std::vector<double>& winds) { return countWithin(winds, 78.75, 168.75); };
  EXPECT_GT(northerly(january), int(january.size()) / 3) << northerly(january) << " of " << january.size();
  EXPECT_GT(northerly(january), 2 * northerly(july));
  EXPECT_GT(southEasterly(july), int(july.size()) / 3) << southEasterly(july) << " of " << july.size();
  EXPECT_GT(southEasterly(july), 3 * southEasterly(january) / 2);
  // A summer of the record, not of a monsoon drawn by hand: some northerlies (11 % of its hours).
  EXPECT_GT(northerly(july), int(july.size()) / 20);
}

TEST(WindRoseFile, ARoseWrittenAndReadBackIsTheSame) {
  // Two seasons of hours: January from the west at 4 m/s (class D), July from the east at 2 m/s
  // (class F): two entries, half the hours each, each with its season's months.
  std::vector<MetHour> hours;
  const core::UtcMicros hour = 3600LL * core::kMicrosPerSecond;
  for (int i = 0; i < 10; ++i) {
    hours.push_back({*core::parseIso8601("2030-01-10T00:00Z") + i * hour, {4, 270, StabilityClass::D}});
    hours.push_back({*core::parseIso8601("2030-07-10T00:00Z") + i * hour, {2, 90, StabilityClass::F}});
  }
  const WindRose rose = seasonalRoseFromHours(hours, Terrain::Urban, {{12, 1, 2}, {6, 7, 8}, {3, 4, 5}});
  ASSERT_EQ(rose.entries.size(), 2u);
  EXPECT_EQ(rose.entries[0].windFromDegrees, 270);
  EXPECT_EQ(rose.entries[0].windSpeed, 4.3);  // ISC's class of 3.09-5.14 m/s
  EXPECT_EQ(rose.entries[0].frequency, 0.5);
  EXPECT_EQ(rose.entries[0].months, (1u << 11) | 1u | 2u);
  EXPECT_EQ(rose.entries[1].months, (1u << 5) | (1u << 6) | (1u << 7));
  ScratchDir dir;
  writeTextFile(dir / "rose.csv", "# made by the test\n" + windRoseCsv(rose.entries));
  const auto read = readWindRoseFile(dir / "rose.csv", 22.5);
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ((*read)[i].windFromDegrees, rose.entries[i].windFromDegrees);
    EXPECT_EQ((*read)[i].windSpeed, rose.entries[i].windSpeed);
    EXPECT_EQ((*read)[i].stability, rose.entries[i].stability);
    EXPECT_EQ((*read)[i].frequency, rose.entries[i].frequency);
    EXPECT_EQ((*read)[i].months, rose.entries[i].months);
  }
}

TEST(PortWeather, BadClimatesNameTheFileTheLineAndTheField) {
  ScratchDir dir;
  const auto error = [&](const std::string& climate, const std::string& met = "") {
    if (!met.empty()) writeTextFile(dir / "met.csv", met);
    const auto result = loadScenario(withLosAngelesClimate(dir, climate), "baseline");
    return result ? std::string("(loaded)") : result.error().message;
  };
  const std::string header = "time,wind_from,wind_speed,stability\n";
  EXPECT_TRUE(containsText(error("met_file = \"met.csv\"", header + "2030-01-01T00:00Z,270,4,D\n2030-01-01T02:00Z,270,4,D\n"),
                           "met.csv:3: time: 2030-01-01T02:00Z does not follow 2030-01-01T00:00:00Z by one hour"));
  EXPECT_TRUE(containsText(error("met_file = \"met.csv\"", header + "2030-01-01T00:00Z,270,4,G\n"),
                           "met.csv:2: stability: 'G' is not a Pasquill class A to F"));
  EXPECT_TRUE(containsText(error("met_file = \"met.csv\"", header + "yesterday,270,4,D\n"),
                           "met.csv:2: time: 'yesterday' is not an ISO 8601 time"));
  EXPECT_TRUE(containsText(error("met_file = \"met.csv\"", header + "2030-01-01T00:00Z,400,4,D\n"),
                           "met.csv:2: wind_from: '400' is not a direction"));
  EXPECT_TRUE(containsText(error("met_file = \"met.csv\"", "time,speed\n"), "met.csv:1: header: expected the columns"));
  EXPECT_TRUE(containsText(error("met_file = \"missing.csv\""), "missing.csv: no such meteorology file"));
  EXPECT_TRUE(containsText(error("[ports.wind_rose]\nentries = [{ from = \"W\", speed = 4, stability = \"D\", frequency = 0.5 },\n"
                                 "  { from = \"N\", speed = 4, stability = \"D\", frequency = 0.49 }]"),
                           "ports[0].wind_rose.entries: the frequencies sum to 0.99"));
  EXPECT_TRUE(containsText(error("[ports.wind_rose]\nentries = [{ from = \"W\", speed = 4, stability = \"H\", frequency = 1 }]"),
                           "ports[0].wind_rose.entries[0].stability: 'H' is not one of: A, B, C, D, E, F"));
  EXPECT_TRUE(containsText(error("[ports.wind_rose]\nentries = [{ from = 250, speed = 4, stability = \"D\", frequency = 1 }]"),
                           "a sector centre is a multiple of sector_width_deg"));
  EXPECT_TRUE(containsText(error("[ports.wind_rose]\nentries = [{ from = 270, speed = 4, stability = \"D\", frequency = 1, months = [13] }]"),
                           "ports[0].wind_rose.entries[0].months[0]: value 13 is outside 1"));
  // Rose files.
  const auto roseFile = [&](const std::string& rows) {
    writeTextFile(dir / "rose.csv", "# a rose\nfrom,speed,stability,frequency,months\n" + rows);
    return error("[ports.wind_rose]\nentries_file = \"rose.csv\"");
  };
  EXPECT_EQ(roseFile("W,4.3,D,0.5,\nE,2.5,F,0.5,1 2\n"), "(loaded)");
  EXPECT_TRUE(containsText(roseFile("W,4.3,D,0.5,\nE,2.5,H,0.5,\n"), "rose.csv:4: stability: 'H' is not a Pasquill class A to F"));
  EXPECT_TRUE(containsText(roseFile("W,4.3,D,0.5,\nE,2.5,F,0.49,\n"), "rose.csv:4: frequency: the frequencies sum to 0.99"));
  EXPECT_TRUE(containsText(roseFile("W,4.3,D,0.5,13\nE,2.5,F,0.5,\n"), "rose.csv:3: months: '13' is not a month from 1 to 12"));
  EXPECT_TRUE(containsText(roseFile("250,4.3,D,1,\n"), "rose.csv:3: from: '250' is not a sector centre"));
  EXPECT_TRUE(containsText(roseFile("W,0.1,D,1,\n"), "rose.csv:3: speed: '0.1' is not a speed from 0.5 to 40 m/s"));
  EXPECT_TRUE(containsText(roseFile(""), "rose.csv:2: from: no entries after the header"));
  writeTextFile(dir / "rose.csv", "direction,speed\nW,4\n");
  EXPECT_TRUE(containsText(error("[ports.wind_rose]\nentries_file = \"rose.csv\""), "rose.csv:1: header: expected the columns"));
  EXPECT_TRUE(containsText(error("[ports.wind_rose]\nentries_file = \"none.csv\""), "none.csv: no such wind rose file"));
  EXPECT_TRUE(containsText(error("[ports.wind_rose]\nentries_file = \"rose.csv\"\nentries = []"),
                           "ports[0].wind_rose.entries: give entries or entries_file, not both"));
}

}  // namespace
}  // namespace corridor::sim
