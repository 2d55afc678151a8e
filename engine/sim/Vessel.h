#pragma once
#include <string>

namespace corridor::sim {

// Operating phases of a port call and a voyage (EPA Port Emissions Inventory Guidance 2022).
enum class Phase { Cruise, ReducedSpeed, Manoeuvring, Anchorage, AtBerth };
inline constexpr int kPhaseCount = 5;
const char* phaseName(Phase phase);

// Kilowatts by phase, for auxiliary engines and boilers.
struct PhasePower {
  double cruise = 0, reducedSpeed = 0, manoeuvring = 0, anchorage = 0, atBerth = 0;
  double operator[](Phase phase) const;
};

enum class EngineType {
  SlowSpeedDiesel,     // 2-stroke, < 130 rpm (container main engines)
  MediumSpeedDiesel,   // 4-stroke (auxiliary engines)
  LngOttoSlowSpeed,    // 2-stroke low-pressure dual fuel (e.g. WinGD X-DF)
  LngOttoMediumSpeed,  // 4-stroke low-pressure dual fuel
  LngDieselSlowSpeed,  // 2-stroke high-pressure dual fuel (e.g. MAN ME-GI)
};

enum class NoxTier { I, II, III };

enum class Fuel { VLSFO, MGO, LNG, GreyMethanol, GreenMethanol, Ammonia };
inline constexpr int kFuelCount = 6;
const char* fuelName(Fuel fuel);

// A vessel class as the scenario defines it.
struct VesselClass {
  std::string id;
  std::string name;
  int teuMin = 0, teuMax = 0;
  double mcrKw = 0;           // main engine maximum continuous rating
  double designSpeedKn = 0;
  double serviceSpeedKn = 0;
  EngineType mainEngine = EngineType::SlowSpeedDiesel;
  double mainEngineRpm = 80;
  NoxTier tier = NoxTier::II;
  double sfocBaseGPerKWh = 175;  // main engine, at its best load (before the part-load curve)
  PhasePower auxiliaryKw;
  PhasePower boilerKw;
  double stackHeightM = 45;
};

}  // namespace corridor::sim
