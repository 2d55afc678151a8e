#include "sim/EmissionModel.h"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/EmissionFactors.h"
#include "sim/ScenarioFile.h"

namespace corridor::sim {
namespace {

// Diesel-equivalent SFOC figures are quoted at 42.7 MJ/kg; VLSFO holds 41.0 MJ/kg.
constexpr double kVlsfoSfocScale = 42.7 / 41.0;  // 1.041463

// A large container ship: MCR 60,000 kW, service speed 22 kn, slow-speed Tier II main engine
// with SFOC base 175 g/kWh (post-2001 slow speed, FACTS.md).
VesselClass largeContainerShip() {
  VesselClass vessel;
  vessel.id = "test-large";
  vessel.mcrKw = 60000;
  vessel.designSpeedKn = 23;
  vessel.serviceSpeedKn = 22;
  vessel.mainEngine = EngineType::SlowSpeedDiesel;
  vessel.mainEngineRpm = 80;
  vessel.tier = NoxTier::II;
  vessel.sfocBaseGPerKWh = 175;
  vessel.auxiliaryKw = {.cruise = 1500, .reducedSpeed = 1500, .manoeuvring = 2500,
                        .anchorage = 1200, .atBerth = 1000};
  vessel.boilerKw = {.cruise = 300, .reducedSpeed = 300, .manoeuvring = 500, .anchorage = 500,
                     .atBerth = 500};
  return vessel;
}

double relative(double expected, double tolerance) { return expected * tolerance; }

TEST(EmissionModel, MainEnginePowerFollowsPropellerLaw) {
  // P = MCR (v / (vs / 0.94))^3 (1 + margin) = 9,363 (10 / 15.957)^3 = 2,304.2 kW; x 1.15.
  EXPECT_NEAR(mainEnginePowerKw(9363, 10, 15, 0), 2304.2, 0.1);
  EXPECT_NEAR(mainEnginePowerKw(9363, 10, 15, 0.15), 2649.9, 0.1);
  EXPECT_DOUBLE_EQ(mainEnginePowerKw(9363, 30, 15, 0.15), 9363);  // clamped to MCR
  EXPECT_EQ(mainEnginePowerKw(9363, 0, 15, 0.15), 0);
  EXPECT_EQ(mainEnginePowerKw(9363, -1, 15, 0.15), 0);
}

TEST(EmissionModel, SfocAtHalfLoad) {
  // 195 (0.455 * 0.25 - 0.710 * 0.5 + 1.280) = 195 * 1.03875 = 202.556 g/kWh.
  EXPECT_NEAR(sfocAtLoad(195, 0.5), 202.556, 1e-3);
}

TEST(EmissionModel, EngineOperationByPhase) {
  const VesselClass vessel = largeContainerShip();
  const EngineOperation cruise = engineOperation(vessel, Phase::Cruise, 16, false);
  EXPECT_NEAR(cruise.mainKw, mainEnginePowerKw(60000, 16, 22, 0.15), 1e-9);
  EXPECT_NEAR(cruise.mainLoad, cruise.mainKw / 60000, 1e-12);
  EXPECT_EQ(cruise.auxiliaryKw, 1500);
  EXPECT_EQ(cruise.boilerKw, 0);  // exhaust-gas economiser at sea

  const EngineOperation manoeuvring = engineOperation(vessel, Phase::Manoeuvring, 6, false);
  EXPECT_NEAR(manoeuvring.mainKw, mainEnginePowerKw(60000, 6, 22, 0.10), 1e-9);
  EXPECT_EQ(manoeuvring.boilerKw, 500);

  const EngineOperation anchored = engineOperation(vessel, Phase::Anchorage, 0.5, false);
  EXPECT_EQ(anchored.mainKw, 0);
  EXPECT_EQ(anchored.auxiliaryKw, 1200);
}

TEST(EmissionModel, TransPacificVoyageCo2AndSo2OnVlsfo) {
  // Los Angeles - Tokyo great circle, 4,771 nm at 16 kn in cruise on VLSFO at 0.5 % S:
  //   t = 4,771 / 16 = 298.1875 h
  //   P = 60,000 (16 / (22 / 0.94))^3 * 1.15 = 22,045.7 kW, load L = 0.367429
  //   SFOC = 175 (0.455 L^2 - 0.710 L + 1.280) = 175 * 1.080552 = 189.097 g/kWh at 42.7 MJ/kg
  //        = 189.097 * 42.7 / 41.0 = 196.937 g/kWh of VLSFO
  //   main fuel = 22,045.7 kW * 298.1875 h * 196.937 g/kWh = 1,294,619 kg
  //   auxiliaries 1,500 kW * 298.1875 h * 185 * 42.7 / 41.0 g/kWh = 86,178 kg; boiler off
  //   fuel 1,380,797 kg; CO2 = 3.151 * fuel = 4,350,890 kg; SO2 = fuel * 2 * 0.5 / 100
  //   = 13,808 kg.
  const Emissions voyage =
      emissions(largeContainerShip(), Fuel::VLSFO, 0.5, Phase::Cruise, 16, 4771.0 / 16, false);
  EXPECT_NEAR(voyage.fuel, 1380797, relative(1380797, 1e-3));
  EXPECT_NEAR(voyage.co2, 4350890, relative(4350890, 1e-3));
  EXPECT_NEAR(voyage.sox, 13808, relative(13808, 1e-3));
  EXPECT_DOUBLE_EQ(voyage.co2Fossil, voyage.co2);
}

TEST(EmissionModel, LngOttoSlowSpeedSlipsMethane) {
  // 10 h at 18 kn: P = 60,000 (18 / (22 / 0.94))^3 * 1.15 = 31,389.3 kW (load 0.52, no
  // low-load factor), E = 313,893 kWh; CH4 = 2.5 g/kWh * E = 784.73 kg (auxiliaries off).
  VesselClass vessel = largeContainerShip();
  vessel.mainEngine = EngineType::LngOttoSlowSpeed;
  vessel.auxiliaryKw = {};
  const Emissions e = emissions(vessel, Fuel::LNG, 0.5, Phase::Cruise, 18, 10, false);
  EXPECT_NEAR(e.ch4, 784.73, relative(784.73, 1e-4));
  EXPECT_NEAR(e.co2e, e.co2Fossil + kGwp100Methane * e.ch4, 1e-6);
  EXPECT_EQ(e.sox, 0);  // LNG carries no sulfur whatever cap the caller passes
}

TEST(EmissionModel, ShorePowerLeavesOnlyTheBoilerAtBerth) {
  // 10 h at berth on VLSFO 0.1 % S, main engine off:
  //   auxiliaries 1,000 kW * 10 h * 185 * 42.7 / 41.0 g/kWh = 1,926.71 kg
  //   boiler        500 kW * 10 h * 300 * 42.7 / 41.0 g/kWh = 1,562.20 kg
  const VesselClass vessel = largeContainerShip();
  const Emissions burning = emissions(vessel, Fuel::VLSFO, 0.1, Phase::AtBerth, 0, 10, false);
  const Emissions plugged = emissions(vessel, Fuel::VLSFO, 0.1, Phase::AtBerth, 0, 10, true);
  EXPECT_NEAR(burning.fuel, 1926.71 + 1562.20, 0.01);
  EXPECT_NEAR(plugged.fuel, 1562.20, 0.01);
  EXPECT_GT(plugged.co2, 0);
  EXPECT_GT(plugged.nox, 0);

  VesselClass withoutAuxiliaries = vessel;
  withoutAuxiliaries.auxiliaryKw = {};
  const Emissions boilerOnly =
      emissions(withoutAuxiliaries, Fuel::VLSFO, 0.1, Phase::AtBerth, 0, 10, false);
  EXPECT_DOUBLE_EQ(plugged.co2, boilerOnly.co2);
  EXPECT_DOUBLE_EQ(plugged.nox, boilerOnly.nox);
  EXPECT_DOUBLE_EQ(plugged.pm25, boilerOnly.pm25);
  EXPECT_EQ(engineOperation(vessel, Phase::AtBerth, 0, true).auxiliaryKw, 0);
}

TEST(EmissionModel, AmmoniaEmitsNoCarbonDioxide) {
  const Emissions e =
      emissions(largeContainerShip(), Fuel::Ammonia, 0.5, Phase::Cruise, 16, 24, false);
  EXPECT_GT(e.fuel, 0);
  EXPECT_EQ(e.co2, 0);
  EXPECT_EQ(e.co2Fossil, 0);
  EXPECT_EQ(e.sox, 0);
}

TEST(EmissionModel, GreenMethanolCarbonIsNotFossil) {
  const VesselClass vessel = largeContainerShip();
  const Emissions green = emissions(vessel, Fuel::GreenMethanol, 0.5, Phase::Cruise, 16, 24, false);
  const Emissions grey = emissions(vessel, Fuel::GreyMethanol, 0.5, Phase::Cruise, 16, 24, false);
  EXPECT_GT(green.co2, 0);
  EXPECT_EQ(green.co2Fossil, 0);
  EXPECT_DOUBLE_EQ(grey.co2, green.co2);
  EXPECT_DOUBLE_EQ(grey.co2Fossil, grey.co2);
  // Same energy as VLSFO: methanol mass = VLSFO mass * 41.0 / 19.9.
  const Emissions vlsfo = emissions(vessel, Fuel::VLSFO, 0.5, Phase::Cruise, 16, 24, false);
  EXPECT_NEAR(green.fuel, vlsfo.fuel * 41.0 / 19.9, relative(green.fuel, 1e-9));
}

TEST(EmissionModel, SulfurIsCappedByTheFuelsOwnContent) {
  // MGO holds 0.1 % S; a 0.5 % cap does not raise it: SO2 = fuel * 2 * 0.1 / 100.
  const Emissions e = emissions(largeContainerShip(), Fuel::MGO, 0.5, Phase::Cruise, 16, 1, false);
  EXPECT_NEAR(e.sox, e.fuel * 2 * 0.1 / 100, 1e-9);
}

TEST(EmissionModel, LowLoadAdjustment) {
  EXPECT_GT(lowLoadAdjustment(Pollutant::PM, 0.05), 1);
  EXPECT_NEAR(lowLoadAdjustment(Pollutant::PM, 0.05), 2.44, 1e-9);  // EPA table, 5 % row
  EXPECT_EQ(lowLoadAdjustment(Pollutant::PM, 0.25), 1);
  EXPECT_EQ(lowLoadAdjustment(Pollutant::NOx, 0.20), 1);
  // Below the table's first row the 2 % value holds; between rows it is interpolated.
  EXPECT_NEAR(lowLoadAdjustment(Pollutant::NOx, 0.01), 4.63, 1e-9);
  EXPECT_NEAR(lowLoadAdjustment(Pollutant::CO2, 0.025), (3.28 + 2.44) / 2, 1e-9);
  EXPECT_NEAR(lowLoadAdjustment(Pollutant::BlackCarbon, 0.05),
              lowLoadAdjustment(Pollutant::PM, 0.05), 1e-12);
}

TEST(EmissionModel, LowLoadRaisesMainEngineEmissionsOnly) {
  // At 5 kn the main engine runs at 60,000 (5 / 23.404)^3 * 1.10 / 60,000 = 1.07 % load.
  const VesselClass vessel = largeContainerShip();
  const EngineOperation operation = engineOperation(vessel, Phase::Manoeuvring, 5, false);
  ASSERT_LT(operation.mainLoad, 0.02);
  VesselClass mainOnly = vessel;
  mainOnly.auxiliaryKw = {};
  mainOnly.boilerKw = {};
  const Emissions e = emissions(mainOnly, Fuel::MGO, 0.1, Phase::Manoeuvring, 5, 1, false);
  // NOx = 14.4 g/kWh (Tier II, 80 rpm) * P * LLAF(NOx, 2 %) = 4.63.
  EXPECT_NEAR(e.nox, operation.mainKw * 14.4 * 4.63 / 1000, 1e-9);
}

TEST(EmissionModel, ManoeuvringFuelCountsTheLowLoadRiseOnce) {
  // One call's manoeuvring, 3 nm in and 3 nm out at 6 kn: 1 h on 0.1 % S MGO (42.7 MJ/kg, the
  // SFOC reference, so no heating-value scaling).
  //   P = 60,000 (6 / (22 / 0.94))^3 * 1.10 = 1,112.02 kW, load 1.853 % (below the 2 % row)
  //   fuel = 1,112.02 kW * 1 h * 175 g/kWh (base SFOC) * 3.28 (LLAF CO2, 2 %) = 638.30 kg
  // Before, the part-load curve (x 1.2670 at this load) was applied as well: 808.72 kg, +26.7 %.
  VesselClass mainOnly = largeContainerShip();
  mainOnly.auxiliaryKw = {};
  mainOnly.boilerKw = {};
  const Emissions e = emissions(mainOnly, Fuel::MGO, 0.1, Phase::Manoeuvring, 6, 1, false);
  EXPECT_NEAR(e.fuel, 638.30, 0.01);
  EXPECT_NEAR(e.co2, 638.30 * 3.206, 0.05);
  EXPECT_NEAR(e.sox, 638.30 * 2 * 0.1 / 100, 1e-3);  // the sulfur of the fuel burned
  // From 20 % load up the curve alone applies: at 21 %, 12,600 kW * 175 * (0.455 * 0.0441 -
  // 0.710 * 0.21 + 1.280 = 1.15097) = 2,537.88 kg; at 19 %, the base SFOC and LLAF 1.01:
  // 11,400 kW * 175 * 1.01 = 2,014.95 kg. (Loads away from 20 % itself, where rounding decides.)
  const auto speedAtLoad = [](double load) { return 22 / 0.94 * std::cbrt(load / 1.15); };
  const Emissions above = emissions(mainOnly, Fuel::MGO, 0.1, Phase::Cruise, speedAtLoad(0.21), 1, false);
  const Emissions below = emissions(mainOnly, Fuel::MGO, 0.1, Phase::Cruise, speedAtLoad(0.19), 1, false);
  EXPECT_NEAR(above.fuel, 2537.88, 0.01);
  EXPECT_NEAR(below.fuel, 2014.95, 0.01);
}

TEST(EmissionModel, LngSlipIsNotScaledByTheHydrocarbonLowLoadFactor) {
  // EPA's HC factor (x 21.18 at 2 %) describes liquid-fuel combustion; slip stays 2.5 g/kWh.
  VesselClass vessel = largeContainerShip();
  vessel.mainEngine = EngineType::LngOttoSlowSpeed;
  vessel.auxiliaryKw = {};
  vessel.boilerKw = {};
  const Emissions e = emissions(vessel, Fuel::LNG, 0, Phase::Manoeuvring, 6, 1, false);
  EXPECT_NEAR(e.ch4, 1112.02 * 2.5 / 1000, 1e-4);
  // On liquid fuel the same engine's combustion methane does take the HC factor.
  const Emissions liquid = emissions(vessel, Fuel::MGO, 0.1, Phase::Manoeuvring, 6, 1, false);
  EXPECT_NEAR(liquid.ch4, 1112.02 * 0.01 * 21.18 / 1000, 1e-5);
}

TEST(EmissionModel, ParticulatesFollowEpasSulfurEquation) {
  // PM10 = PMnom + S% * SFOC * 0.02247 * 7 / 100 (ShipEF calcEF_PM.r); PM2.5 = 0.92 PM10.
  // Auxiliaries at berth on 0.1 % S MGO: 0.1545 + 0.001 * 185 * 0.15729 = 0.18360 g/kWh
  // (EPA's own 217 g/kWh auxiliary SFOC gives 0.1886; the old B + 1.37 S% gave 0.437).
  VesselClass auxiliaryOnly = largeContainerShip();
  auxiliaryOnly.boilerKw = {};
  const Emissions berth = emissions(auxiliaryOnly, Fuel::MGO, 0.1, Phase::AtBerth, 0, 1, false);
  EXPECT_NEAR(berth.pm25, 1000 * 0.18360 * 0.92 / 1000, 1e-5);
  // At sea on 0.5 % S VLSFO (residual PMnom 0.5761), 16 kn, 1 h:
  //   main 22,045.7 kW at SFOC 196.937 g/kWh: PM10 0.5761 + 0.005 * 196.937 * 0.15729
  //        = 0.730981 g/kWh -> PM2.5 14.8258 kg
  //   auxiliaries 1,500 kW at 192.671 g/kWh: PM10 0.727626 -> PM2.5 1.00412 kg; boiler off
  const Emissions sea = emissions(largeContainerShip(), Fuel::VLSFO, 0.5, Phase::Cruise, 16, 1, false);
  EXPECT_NEAR(sea.pm25, 14.8258 + 1.00412, 1e-3);
  EXPECT_NEAR(sea.blackCarbon, 14.8258 / 0.92 * 0.45 + 1.00412 / 0.92 * 0.35, 1e-3);
}

TEST(EmissionModel, BerthFuelOfTheDefaultClassesFollowsTable17) {
  // A day at berth in the ECA on 0.1 % S MGO without shore power. Fourth IMO GHG Study Table
  // 17, container 12,000-14,499 TEU: auxiliaries 1,300 kW, boiler 630 kW at berth.
  //   auxiliaries 1,300 kW * 24 h * 185 g/kWh = 5,772 kg; boiler 630 kW * 24 h * 300 g/kWh
  //   = 4,536 kg; 10,308 kg in all (before: 1,500 + 400 kW, 9,540 kg).
  const auto scenario = loadScenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets" / "scenarios" /
                                         "transpacific.toml",
                                     "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  const VesselClass& neoPanamax = scenario->vesselClass("neo-panamax");
  const Emissions day = emissions(neoPanamax, Fuel::MGO, 0.1, Phase::AtBerth, 0, 24, false);
  EXPECT_NEAR(day.fuel, 5772 + 4536, 0.01);
  // 3,000-4,999 TEU: 1,100 kW and 480 kW at berth; 14,500-19,999 TEU: 1,400 kW and 630 kW.
  EXPECT_EQ(scenario->vesselClass("panamax").auxiliaryKw.atBerth, 1100);
  EXPECT_EQ(scenario->vesselClass("panamax").boilerKw.atBerth, 480);
  EXPECT_EQ(scenario->vesselClass("ulcv-lng").auxiliaryKw.manoeuvring, 3600);
  EXPECT_EQ(scenario->vesselClass("ulcv-lng").boilerKw.anchorage, 630);
}

TEST(EmissionModel, EmissionsArithmetic) {
  Emissions a;
  a.fuel = 1;
  a.co2 = 2;
  a.co2Fossil = 3;
  a.ch4 = 4;
  a.co2e = 5;
  a.nox = 6;
  a.sox = 7;
  a.pm25 = 8;
  a.blackCarbon = 9;
  Emissions sum = a;
  sum += a * 2;
  EXPECT_EQ(sum.fuel, 3);
  EXPECT_EQ(sum.co2, 6);
  EXPECT_EQ(sum.co2Fossil, 9);
  EXPECT_EQ(sum.ch4, 12);
  EXPECT_EQ(sum.co2e, 15);
  EXPECT_EQ(sum.nox, 18);
  EXPECT_EQ(sum.sox, 21);
  EXPECT_EQ(sum.pm25, 24);
  EXPECT_EQ(sum.blackCarbon, 27);
}

TEST(EmissionFactors, NoxLimitsFollowMarpolAnnexVI) {
  EXPECT_EQ(noxLimitGPerKWh(NoxTier::I, 80), 17.0);
  EXPECT_EQ(noxLimitGPerKWh(NoxTier::II, 80), 14.4);
  EXPECT_EQ(noxLimitGPerKWh(NoxTier::III, 80), 3.4);
  EXPECT_NEAR(noxLimitGPerKWh(NoxTier::II, 900), 44 * 0.209182, 1e-4);  // 44 * 900^-0.23
  EXPECT_NEAR(noxLimitGPerKWh(NoxTier::I, 900), 45 * 0.256538, 1e-4);   // 45 * 900^-0.2
  EXPECT_EQ(noxLimitGPerKWh(NoxTier::III, 2000), 2.0);
}

TEST(EmissionFactors, CarbonFactorsAndHeatingValues) {
  EXPECT_EQ(fuelFactors(Fuel::LNG).lowerHeatingValueMJPerKg, 49.1);  // FuelEU Annex II
  EXPECT_EQ(fuelFactors(Fuel::MGO).carbonFactor, 3.206);
  EXPECT_EQ(fuelFactors(Fuel::LNG).carbonFactor, 2.750);
  EXPECT_EQ(fuelFactors(Fuel::Ammonia).carbonFactor, 0.0);
  EXPECT_EQ(fuelFactors(Fuel::GreenMethanol).fossilCarbonShare, 0.0);
  EXPECT_EQ(defaultSulfurPercent(Fuel::VLSFO), 0.5);
  EXPECT_EQ(engineFactors(EngineType::LngOttoMediumSpeed).methaneGPerKWh, 5.5);
}

}  // namespace
}  // namespace corridor::sim
