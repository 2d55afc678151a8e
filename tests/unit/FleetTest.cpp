#include "sim/Fleet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "geo/Geodesic.h"
#include "geo/Longitude.h"
#include "sim/Inventory.h"
#include "sim/PortDispersion.h"
#include "sim/ScenarioFile.h"
#include "sim/Schedule.h"

namespace corridor::sim {
namespace {

const std::filesystem::path kDefaultScenario =
    std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets" / "scenarios" / "transpacific.toml";

Scenario load(const std::string& variant) {
  auto scenario = loadScenario(kDefaultScenario, variant);
  EXPECT_TRUE(scenario) << scenario.error().message;
  return *scenario;
}

TEST(Fleet, SameScenarioSameScheduleBitForBit) {
  const Scenario scenario = load("baseline");
  const Fleet a(scenario, yearStart(2030), yearStart(2031)), b(scenario, yearStart(2030), yearStart(2031));
  ASSERT_EQ(a.ships().size(), b.ships().size());
  ASSERT_EQ(a.voyages().size(), b.voyages().size());
  for (std::size_t s = 0; s < a.ships().size(); ++s) {
    const auto& x = a.ships()[s].sections;
    const auto& y = b.ships()[s].sections;
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].start, y[i].start);
      EXPECT_EQ(x[i].end, y[i].end);
      EXPECT_EQ(x[i].phase, y[i].phase);
      EXPECT_EQ(x[i].shorePower, y[i].shorePower);
    }
  }
  for (std::size_t v = 0; v < a.voyages().size(); ++v) EXPECT_EQ(a.voyages()[v].fuel, b.voyages()[v].fuel);
}

TEST(Fleet, APeriodSeesTheSameCallsWhateverItStartsAt) {
  // --from 2030 and --from 2023 must agree on 2030: the loop is anchored to the scenario.
  const Scenario scenario = load("baseline");
  const Fleet whole(scenario, yearStart(2023), yearStart(2031));
  const Fleet late(scenario, yearStart(2030), yearStart(2031));
  ASSERT_EQ(whole.ships().size(), late.ships().size());
  for (std::size_t s = 0; s < whole.ships().size(); ++s) {
    const core::UtcMicros t = yearStart(2030) + 86400LL * 1000000 * 200;
    const Section* a = whole.sectionAt(whole.ships()[s], t);
    const Section* b = late.sectionAt(late.ships()[s], t);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->start, b->start);
    EXPECT_EQ(a->phase, b->phase);
    EXPECT_EQ(whole.voyages()[a->voyage].fuel, late.voyages()[b->voyage].fuel);
  }
}

TEST(Fleet, AWeeklyServiceCallsEverySevenDaysExactly) {
  // 365 days / 7 = 52.14: a weekly service calls 52 or 53 times a year at each end, one week
  // apart (before, ships looped at their own pace: 58-66 calls and gaps of 7, 7, 7 and 1.7 days).
  const Scenario scenario = load("baseline");
  const Fleet fleet(scenario, yearStart(2030), yearStart(2031));
  constexpr core::UtcMicros kWeek = 7LL * 86400 * 1000000;
  for (std::size_t s = 0; s < scenario.services.size(); ++s) {
    const Service& service = scenario.services[s];
    ASSERT_EQ(service.sailingIntervalDays, 7) << service.id;
    for (const std::string& portId : service.calls) {
      std::vector<core::UtcMicros> calls;
      for (const Ship& ship : fleet.ships()) {
        if (ship.service != s) continue;
        for (const Section& section : ship.sections) {
          const bool inYear = section.start >= yearStart(2030) && section.start < yearStart(2031);
          if (section.phase == Phase::AtBerth && inYear && scenario.ports[std::size_t(section.port)].id == portId) {
            calls.push_back(section.start);
          }
        }
      }
      std::sort(calls.begin(), calls.end());
      EXPECT_TRUE(calls.size() == 52 || calls.size() == 53) << service.id << " at " << portId << ": " << calls.size();
      for (std::size_t i = 1; i < calls.size(); ++i) {
        EXPECT_NEAR(double(calls[i] - calls[i - 1]), double(kWeek), 2.0) << service.id << " at " << portId;
      }
    }
  }
}

TEST(Fleet, EachLegFillsItsShareOfTheLoopBySlowingAtSea) {
  // PSW-15 calls at Shanghai, Los Angeles and Tokyo: 6 ships x 7 days = 1,008 h a loop; less
  // 24 + 72 + 24 h at berth, 888 h at sea. Each leg takes its shortest passage at the service's
  // 18 kn with every speed limit kept (~660 h for the loop's ~11,900 nm), plus a share of the
  // rest by length, so the ships slow in the open sea, and only there.
  const Scenario scenario = load("baseline");
  const Fleet fleet(scenario, yearStart(2030), yearStart(2031));
  std::map<uint32_t, double> shortest, length;  // by route: the loop's three legs
  for (const Voyage& voyage : fleet.voyages()) {
    if (scenario.services[fleet.ships()[voyage.ship].service].id != "PSW-15") continue;
    const Route& route = fleet.routes()[voyage.route];
    const Port &from = scenario.ports[voyage.fromPort], &to = scenario.ports[voyage.toPort];
    shortest[voyage.route] = sailingHours(seaSections(route, from, to, 18.0, true, true), 18.0);
    length[voyage.route] = route.lengthMeters();
  }
  ASSERT_EQ(length.size(), 3u);
  double spare = 888.0, loopLength = 0;
  for (const auto& [route, hours] : shortest) spare -= hours;
  for (const auto& [route, meters] : length) loopLength += meters;
  EXPECT_GT(spare, 150.0);
  int checked = 0;
  for (const Voyage& voyage : fleet.voyages()) {
    const Ship& ship = fleet.ships()[voyage.ship];
    if (scenario.services[ship.service].id != "PSW-15" || voyage.depart < yearStart(2030)) continue;
    const double hours = double(voyage.arrive - voyage.depart) / 3.6e9;
    EXPECT_NEAR(hours, shortest[voyage.route] + spare * length[voyage.route] / loopLength, 0.01);
    for (const Section& section : ship.sections) {
      if (section.voyage != &voyage - fleet.voyages().data()) continue;
      const double sectionHours = double(section.end - section.start) / 3.6e9;
      if (section.phase == Phase::AtBerth) {
        EXPECT_NEAR(sectionHours, scenario.ports[voyage.fromPort].id == "LAX" ? 72.0 : 24.0, 1e-6);
      } else if (section.phase == Phase::Cruise) {
        EXPECT_GT(section.speedKn, 12.0);
        EXPECT_LT(section.speedKn, 18.0);
      }
    }
    ++checked;
  }
  EXPECT_GT(checked, 40);  // 6 ships, 3 legs a loop, about 8.7 loops a year
}

TEST(Fleet, EveryShipsTimelineRunsInOrderWithoutAGapOrAnOverlap) {
  // The hop from Los Angeles to Long Beach (~41 nm, mostly at manoeuvring and zone speeds)
  // once got a share of its loop by length alone, shorter than it can be sailed: the ship
  // reached the berth after its next call had begun, and that hour counted twice.
  for (const std::string variant : {"baseline", "green-corridor"}) {
    const Scenario scenario = load(variant);
    const Fleet fleet(scenario, yearStart(2030), yearStart(2031));
    for (const Ship& ship : fleet.ships()) {
      for (std::size_t i = 1; i < ship.sections.size(); ++i) {
        const Section &before = ship.sections[i - 1], &section = ship.sections[i];
        ASSERT_EQ(section.start, before.end) << variant << " " << ship.name << " section " << i;
        ASSERT_GE(section.end, section.start) << variant << " " << ship.name << " section " << i;
      }
    }
  }
}

TEST(Fleet, EachLegSailsAndCountsWithTheCorridorBetweenItsPorts) {
  // Loops of three to five calls take a different lane on each leg.
  const Scenario scenario = load("baseline");
  const Fleet fleet(scenario, yearStart(2030), yearStart(2031));
  for (const Voyage& voyage : fleet.voyages()) {
    const Corridor& corridor = scenario.corridors[voyage.corridor];
    EXPECT_TRUE(corridor.joins(scenario.ports[voyage.fromPort].id, scenario.ports[voyage.toPort].id)) << corridor.id;
  }
  // Every lane is sailed, and its total holds its own legs' passages (a voyage on the Japan to
  // Shanghai lane never counts with the trans-Pacific one).
  const Inventory inventory = takeInventory(scenario, fleet, 2030, 2030);
  for (std::size_t c = 0; c < scenario.corridors.size(); ++c) {
    Emissions atSea;
    for (const Ship& ship : fleet.ships()) {
      for (const Section& section : ship.sections) {
        const Voyage& voyage = fleet.voyages()[section.voyage];
        const bool inYear = section.start >= yearStart(2030) && section.end <= yearStart(2031);
        if (voyage.corridor == c && section.phase != Phase::AtBerth && inYear) {
          atSea += sectionRate(scenario, fleet, ship, section) * (double(section.end - section.start) / 3.6e9);
        }
      }
    }
    EXPECT_GT(atSea.co2, 0) << scenario.corridors[c].id;
    EXPECT_GE(inventory.corridors.at(scenario.corridors[c].id)[0].co2, atSea.co2) << scenario.corridors[c].id;
  }
}

TEST(Fleet, RoutesCrossThePacificNotTheContinents) {
  const Scenario scenario = load("baseline");
  const Fleet fleet(scenario, yearStart(2030), yearStart(2030) + 1);
  for (const Route& route : fleet.routes()) {
    const auto& points = route.points();
    for (std::size_t i = 1; i < points.size(); ++i) {
      EXPECT_LT(std::abs(points[i].lon - points[i - 1].lon), 1.0) << "no jump across the map";
    }
    // Mid-route the ship is in the Pacific or the South China Sea, not over the Americas
    // (but for the hop from Los Angeles to Long Beach, which never leaves San Pedro Bay).
    if (route.lengthMeters() < 100'000) continue;
    const geo::LonLat middle = route.at(route.lengthMeters() / 2);
    const double lon = geo::normalizeLongitude(middle.lon);
    EXPECT_TRUE(lon > 100.0 || lon < -125.0) << lon;
  }
}

TEST(Fleet, QueryPutsEveryShipOnItsRoute) {
  const Scenario scenario = load("baseline");
  const Fleet fleet(scenario, yearStart(2030), yearStart(2031));
  std::vector<VesselState> states;
  fleet.query(yearStart(2030) + 86400LL * 1000000 * 100, states);
  EXPECT_EQ(states.size(), fleet.ships().size());
  for (const VesselState& state : states) {
    EXPECT_GE(state.position.lat, -5.0);
    EXPECT_LE(state.position.lat, 60.0);
    if (state.phase == Phase::AtBerth) {
      EXPECT_EQ(state.speedKn, 0.0);
    } else if (state.phase == Phase::Cruise) {
      EXPECT_GT(state.speedKn, 10.0);
    }
  }
}

TEST(Inventory, GreenCorridorEmitsLessCo2In2040AndAmmoniaNone) {
  const Scenario baseline = load("baseline"), green = load("green-corridor");
  const Fleet baseFleet(baseline, yearStart(2040), yearStart(2041));
  const Fleet greenFleet(green, yearStart(2040), yearStart(2041));
  const Inventory base = takeInventory(baseline, baseFleet, 2040, 2040);
  const Inventory greener = takeInventory(green, greenFleet, 2040, 2040);
  EXPECT_LT(greener.years[0].co2Fossil, 0.1 * base.years[0].co2Fossil);
  EXPECT_LT(greener.years[0].co2e, base.years[0].co2e);
  int ammonia = 0;
  for (std::size_t v = 0; v < greenFleet.voyages().size(); ++v) {
    if (greenFleet.voyages()[v].fuel != Fuel::Ammonia || greener.voyages[v].hours == 0) continue;
    EXPECT_EQ(greener.voyages[v].emissions.co2, 0.0);
    EXPECT_GT(greener.voyages[v].emissions.nox, 0.0);
    ++ammonia;
  }
  EXPECT_GT(ammonia, 10);
}

TEST(Inventory, ShorePowerCutsAtBerthEmissionsAtLosAngeles) {
  const Scenario baseline = load("baseline");
  const Fleet fleet(baseline, yearStart(2030), yearStart(2031));
  const Inventory inventory = takeInventory(baseline, fleet, 2030, 2030);
  std::size_t la = 0;
  while (baseline.ports[la].id != "LAX") ++la;
  const PortYear& port = inventory.ports[la][0];
  EXPECT_GT(port.calls, 100);
  EXPECT_GT(port.shorePowerCalls, port.calls * 8 / 10);  // uptake 95 %, drawn per call
  EXPECT_GT(port.landside.nox, 0.0);
  EXPECT_LT(port.atBerth.co2, port.ships.co2);
}

TEST(PortConcentration, TheAnnualFieldLeansDownwindOfThePrevailingWindAndShrinksWithTheGreenCorridor) {
  const Scenario baseline = load("baseline"), green = load("green-corridor");
  std::size_t la = 0;
  while (baseline.ports[la].id != "LAX") ++la;
  const Fleet baseFleet(baseline, yearStart(2040), yearStart(2041));
  const Fleet greenFleet(green, yearStart(2040), yearStart(2041));
  const auto base = portConcentration(annualFootprint(baseline, la), baseline,
                                      takeInventory(baseline, baseFleet, 2040, 2040), la, 2040);
  const auto greener = portConcentration(annualFootprint(green, la), green,
                                         takeInventory(green, greenFleet, 2040, 2040), la, 2040);
  ASSERT_FALSE(base.hotspots.empty());
  EXPECT_GT(base.hotspots.front().nox, 0.0);
  EXPECT_LT(greener.hotspots.front().nox, base.hotspots.front().nox);
  // Los Angeles' rose (the airport's 2013 record) blows from the west 35 % of the hours and from
  // the south-east 3.5 %: 8 km east of the berth the annual mean is well above that 8 km
  // north-west.
  const auto cellToward = [&](double bearingDegrees) {
    const double angle = bearingDegrees * std::numbers::pi / 180, cells = 8000.0 / kPortCellMeters;
    const int column = base.columns / 2 + int(std::lround(std::sin(angle) * cells));
    const int row = base.rows / 2 + int(std::lround(std::cos(angle) * cells));
    return base.nox[std::size_t(row) * std::size_t(base.columns) + std::size_t(column)];
  };
  EXPECT_GT(cellToward(90), 2 * cellToward(315));
}

TEST(PortConcentration, AtAMomentFollowsTheShipsInPort) {
  const Scenario baseline = load("baseline");
  std::size_t la = 0;
  while (baseline.ports[la].id != "LAX") ++la;
  const Fleet fleet(baseline, yearStart(2030), yearStart(2031));
  // The first moment of 2030 with a ship at a Los Angeles berth (checked hourly).
  core::UtcMicros t = yearStart(2030);
  auto shipAtBerth = [&] {
    for (const Ship& ship : fleet.ships()) {
      const Section* section = fleet.sectionAt(ship, t);
      if (section && section->port == int(la) && section->phase == Phase::AtBerth) return true;
    }
    return false;
  };
  while (!shipAtBerth()) t += 3600LL * 1000000;
  const auto now = portConcentrationAt(baseline, fleet, la, t);
  ASSERT_FALSE(now.hotspots.empty());
  EXPECT_GT(now.hotspots.front().nox, 0.0);
  // The peak lies within the port's grid around the berth.
  EXPECT_NEAR(now.hotspots.front().position.lat, baseline.ports[la].position.lat, 0.2);
  EXPECT_NEAR(now.hotspots.front().position.lon, baseline.ports[la].position.lon, 0.25);
}

TEST(Inventory, PortRateIsWhatTheShipsInThePortAreaEmitNow) {
  const Scenario baseline = load("baseline");
  const Fleet fleet(baseline, yearStart(2030), yearStart(2031));
  double total = 0;
  for (int day = 0; day < 30; ++day) {
    total += portRate(baseline, fleet, 0, yearStart(2030) + core::UtcMicros(day) * 86400LL * 1000000).co2;
  }
  EXPECT_GT(total, 0.0);
}

TEST(SplitAtAntimeridian, CutsAtOneEightyAndKeepsLongitudesInRange) {
  const geo::Polyline path{{170, 10}, {190, 20}, {200, 20}};
  const auto parts = geo::splitAtAntimeridian(path);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_DOUBLE_EQ(parts[0].back().lon, 180.0);
  EXPECT_DOUBLE_EQ(parts[1].front().lon, -180.0);
  EXPECT_DOUBLE_EQ(parts[0].back().lat, 15.0);
  EXPECT_DOUBLE_EQ(parts[1].front().lat, 15.0);
  EXPECT_DOUBLE_EQ(parts[1].back().lon, -160.0);
  EXPECT_EQ(geo::splitAtAntimeridian({{10, 0}, {20, 0}}).size(), 1u);
}

}  // namespace
}  // namespace corridor::sim
