#include "sim/Headline.h"

#include <gtest/gtest.h>

#include "sim/EmissionFactors.h"
#include "sim/Inventory.h"
#include "sim/ScenarioFile.h"

namespace corridor::sim {
namespace {

const std::filesystem::path kDefaultScenario =
    std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets" / "scenarios" / "transpacific.toml";
constexpr core::UtcMicros kHour = 3600LL * core::kMicrosPerSecond;

class Headline2035 : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = loadScenario(kDefaultScenario, "green-corridor");
    ASSERT_TRUE(loaded) << loaded.error().message;
    scenario = std::move(*loaded);
    fleet.emplace(scenario, yearStart(2035), yearStart(2036));
    series.emplace(scenario, *fleet, yearStart(2035), yearStart(2036));
  }
  Scenario scenario;
  std::optional<Fleet> fleet;
  std::optional<HeadlineSeries> series;
};

TEST_F(Headline2035, YearTotalIsTheInventorysYear) {
  const Inventory inventory = takeInventory(scenario, *fleet, 2035, 2035);
  const RunningTotals year = series->totalsAt(yearStart(2036));
  EXPECT_NEAR(year.co2eKg, inventory.years[0].co2e, 1e-9 * inventory.years[0].co2e);
  EXPECT_GT(year.co2eKg, 1e8);  // hundreds of thousands of tonnes: the sums are not empty
  // Energy: the year's fuel by fuel burned times its heating value, summed by hand here.
  double energy = 0, zero = 0;
  for (const Ship& ship : fleet->ships()) {
    for (const Section& section : ship.sections) {
      const core::UtcMicros from = std::max(section.start, yearStart(2035)), to = std::min(section.end, yearStart(2036));
      if (from >= to) continue;
      const Fuel fuel = burnedFuel(*fleet, section);
      const double mj = sectionRate(scenario, *fleet, ship, section).fuel * double(to - from) / kHour *
                        fuelFactors(fuel).lowerHeatingValueMJPerKg;
      energy += mj;
      if (fuel == Fuel::GreenMethanol || fuel == Fuel::Ammonia) zero += mj;
    }
  }
  EXPECT_NEAR(year.fuelEnergyMJ, energy, 1e-9 * energy);
  EXPECT_NEAR(year.zeroEmissionEnergyMJ, zero, 1e-9 * energy);
  EXPECT_GT(zero, 0.2 * energy);  // green-corridor 2035: 40-60 % of the oil fleet's voyages
}

TEST_F(Headline2035, ShipCountsAreTheFleetsAtAHandPickedMoment) {
  // An hour into the first ship's first call of the year: at least that ship is at berth.
  core::UtcMicros inFirstCall = 0;
  for (const Section& section : fleet->ships()[0].sections) {
    if (section.phase == Phase::AtBerth && section.start >= yearStart(2035)) {
      inFirstCall = section.start + kHour;
      break;
    }
  }
  for (const core::UtcMicros t : {yearStart(2035) + 40 * 24 * kHour + 7 * kHour, inFirstCall}) {
    std::vector<VesselState> states;
    fleet->query(t, states);
    FleetMoment expected;
    for (const VesselState& state : states) {
      (state.phase == Phase::AtBerth ? expected.atBerth : expected.underWay) += 1;
      expected.zeroEmission += (state.fuel == Fuel::GreenMethanol || state.fuel == Fuel::Ammonia) ? 1 : 0;
    }
    const FleetMoment counted = series->shipsAt(t);
    EXPECT_EQ(counted.underWay, expected.underWay);
    EXPECT_EQ(counted.atBerth, expected.atBerth);
    EXPECT_EQ(counted.zeroEmission, expected.zeroEmission);
    // The scenario's 185 ships (20 loops of 6, 7 of 7, 2 of 8), all in service.
    EXPECT_EQ(counted.underWay + counted.atBerth, 185);
  }
  EXPECT_GT(series->shipsAt(inFirstCall).atBerth, 0);
}

TEST_F(Headline2035, TotalsRiseLinearlyWithinADayAndClampToThePeriod) {
  const core::UtcMicros day = yearStart(2035) + 100 * 24 * kHour;
  const double a = series->totalsAt(day).co2eKg, b = series->totalsAt(day + 24 * kHour).co2eKg;
  EXPECT_NEAR(series->totalsAt(day + 6 * kHour).co2eKg, a + 0.25 * (b - a), 1e-6 * b);
  EXPECT_LT(a, b);
  EXPECT_EQ(series->totalsAt(yearStart(2035) - kHour).co2eKg, 0.0);
  EXPECT_EQ(series->totalsAt(yearStart(2037)).co2eKg, series->totalsAt(yearStart(2036)).co2eKg);
}

}  // namespace
}  // namespace corridor::sim
