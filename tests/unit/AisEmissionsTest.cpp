// Emissions of AIS tracks: vessel classes inferred from type and length, phases from speed,
// and the model's numbers against a hand calculation.
#include <gtest/gtest.h>

#include "sim/AisEmissions.h"
#include "sim/EmissionFactors.h"

namespace corridor::sim {
namespace {

constexpr core::UtcMicros kHour = 3600 * core::kMicrosPerSecond;

TEST(AisEmissions, VesselClassFollowsTypeAndLength) {
  const VesselClass handymax = vesselClassFromAis(70, 190, 32);
  EXPECT_EQ(handymax.id, "cargo-handymax");
  EXPECT_EQ(handymax.mcrKw, 8500);  // EPA 2022 Table C.3, bulk Handymax
  EXPECT_EQ(handymax.mainEngine, EngineType::SlowSpeedDiesel);
  EXPECT_EQ(vesselClassFromAis(70, 320, 55).id, "cargo-capesize");
  EXPECT_EQ(vesselClassFromAis(80, 0, 0).id, "tanker-handymax");  // unknown length: middle bin
  EXPECT_EQ(vesselClassFromAis(52, 30, 10).id, "tug");
  EXPECT_EQ(vesselClassFromAis(52, 30, 10).mainEngine, EngineType::MediumSpeedDiesel);
  EXPECT_EQ(vesselClassFromAis(0, 0, 0).id, "other");
}

TEST(AisEmissions, PhaseFollowsSpeed) {
  const VesselClass vessel = vesselClassFromAis(70, 190, 32);  // 15.3 kn maximum
  EXPECT_EQ(phaseFromSpeed(vessel, 0.4), Phase::AtBerth);
  EXPECT_EQ(phaseFromSpeed(vessel, 5), Phase::Manoeuvring);  // (5/15.3)^3 = 3.5 % load
  EXPECT_EQ(phaseFromSpeed(vessel, 9.5), Phase::Cruise);     // (9.5/15.3)^3 = 24 % load
}

TEST(AisEmissions, TrackIntervalsUseTheEarlierReportsSpeed) {
  const VesselClass vessel = vesselClassFromAis(70, 190, 32);
  const AisActivity reports[] = {{0, 0.0}, {10 * kHour, 14.0}, {12 * kHour, 3.0}};
  const Emissions total = trackEmissions(vessel, Fuel::VLSFO, reports);

  // 10 h at berth: auxiliaries 370 kW at 185 g/kWh and the boiler 100 kW at 300 g/kWh
  // (EPA Tables E.1 and E.2; SFOCs of EmissionFactors.cpp), scaled to VLSFO's heating value.
  const double lhvScale = 42.7 / fuelFactors(Fuel::VLSFO).lowerHeatingValueMJPerKg;
  const Emissions berth = trackEmissions(vessel, Fuel::VLSFO, std::span(reports, 2));
  EXPECT_NEAR(berth.fuel, (370 * 10 * 0.185 + 100 * 10 * 0.300) * lhvScale, 0.05 * berth.fuel);
  EXPECT_NEAR(berth.co2 / berth.fuel, fuelFactors(Fuel::VLSFO).carbonFactor, 1e-9);

  const Emissions cruise = emissions(vessel, Fuel::VLSFO, defaultSulfurPercent(Fuel::VLSFO), Phase::Cruise, 14, 2, false);
  EXPECT_NEAR(total.fuel, berth.fuel + cruise.fuel, 1e-9 * total.fuel);
  EXPECT_GT(cruise.fuel / 2, berth.fuel / 10);  // the main engine at sea burns more per hour
}

}  // namespace
}  // namespace corridor::sim
