#pragma once
#include <span>

#include "sim/Vessel.h"

namespace corridor::sim {

// Every factor of the bottom-up emission model (EmissionModel.h). The values and their sources
// live in one place, EmissionFactors.cpp; this header only says what each one means.

// Per fuel.
struct FuelFactors {
  Fuel fuel = Fuel::VLSFO;
  double carbonFactor = 0;              // Cf: t CO2 per t fuel (all carbon, tank-to-wake)
  double lowerHeatingValueMJPerKg = 0;  // LHV
  double fossilCarbonShare = 0;         // share of the CO2 that is fossil
  double defaultSulfurPercent = 0;      // mass %, before any ECA cap
  double pmNominalGPerKWh = 0;          // PMnom: PM10 at 0 % sulfur (EPA's PM equation)
  bool noxTierIII = false;              // NOx at Tier III whatever the engine's certificate
  const char* source = "";
};
const FuelFactors& fuelFactors(Fuel fuel);
// A zero-emission fuel: one whose tank-to-wake CO2 holds no fossil carbon (green methanol,
// ammonia), as the headline numbers count them.
inline bool zeroEmissionFuel(Fuel fuel) { return fuelFactors(fuel).fossilCarbonShare == 0; }

// Per combustion mode of an engine type, and for the boilers.
struct CombustionFactors {
  double methaneGPerKWh = 0;        // slip (gas engines) or combustion CH4 (liquid fuels)
  double blackCarbonShareOfPm = 0;  // BC mass / PM mass
  bool ottoCycle = false;           // lean-burn Otto: NOx at a Tier III level
  bool gasMode = false;             // burns gas: its CH4 is slip, not a hydrocarbon of combustion
  const char* source = "";
};
// The factors of `engine` as it burns its design fuel (gas for the LNG types, liquid fuel for
// the diesels); EmissionModel.cpp picks the mode from the fuel actually burned.
const CombustionFactors& engineFactors(EngineType engine);
const CombustionFactors& boilerFactors();

// Factors that depend on neither fuel nor engine type.
struct CommonFactors {
  double referenceLhvMJPerKg = 0;   // the LHV that SFOC figures are quoted at
  double auxiliarySfocGPerKWh = 0;  // diesel-equivalent, at the reference LHV
  double auxiliaryRatedRpm = 0;     // for the auxiliaries' NOx limit
  double boilerSfocGPerKWh = 0;     // diesel-equivalent, at the reference LHV
  double boilerNoxGPerKWh = 0;
  // EPA's PM equation: PM10 = PMnom + S% * SFOC * sulfateShareOfSulfur * sulfateMassPerSulfur / 100
  double sulfateShareOfSulfur = 0;  // FSC: the fraction of fuel sulfur that leaves as sulfate PM
  double sulfateMassPerSulfur = 0;  // MWR: hydrated sulfate mass per sulfur mass
  double pm25ShareOfPm = 0;
  double so2PerSulfur = 0;  // kg SO2 per kg S
};
const CommonFactors& commonFactors();

// NOx limit of MARPOL Annex VI Regulation 13 [g/kWh] at the engine's rated speed.
double noxLimitGPerKWh(NoxTier tier, double ratedRpm);

// EPA low-load adjustment factors for propulsion engines, one row per whole percent of MCR
// from 2 % to 20 % (where every factor is 1). Fuel and SO2 follow the CO2 column (a mass
// balance of the fuel burned).
struct LowLoadRow {
  double loadPercent = 0;
  double co2 = 1, nox = 1, pm = 1, hydrocarbons = 1;
};
std::span<const LowLoadRow> lowLoadAdjustmentTable();

}  // namespace corridor::sim
