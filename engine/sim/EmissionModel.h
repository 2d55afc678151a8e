#pragma once
#include "sim/Vessel.h"

namespace corridor::sim {

// Bottom-up ship emissions after the IMO GHG Studies and the US EPA Port Emissions Inventory
// Guidance: E = t * P * EF * LLAF per engine (main, auxiliary, boiler). Every factor lives in
// EmissionFactors.cpp with its source.

// Masses in kilograms.
struct Emissions {
  double fuel = 0;
  double co2 = 0;        // tank-to-wake, all carbon
  double co2Fossil = 0;  // tank-to-wake, fossil carbon only (green methanol's is biogenic/e-fuel)
  double ch4 = 0;        // methane slip and combustion
  double co2e = 0;       // co2Fossil + ch4 * GWP100 (kGwp100Methane)
  double nox = 0;
  double sox = 0;  // as SO2
  double pm25 = 0;
  double blackCarbon = 0;

  Emissions& operator+=(const Emissions& other);
  Emissions operator*(double factor) const;
};

// GWP100 of methane used for CO2e (IPCC AR5 without climate-carbon feedback, as in the Fourth
// IMO GHG Study).
inline constexpr double kGwp100Methane = 28.0;

// Main-engine power by the propeller law: P = MCR * (v / v_ref)^3 * (1 + margin), with
// v_ref = service speed / 0.94 (EPA ShipPowerModel). Margins: 15 % at sea, 10 % coastal.
double mainEnginePowerKw(double mcrKw, double speedKn, double serviceSpeedKn, double seaMargin);

// Specific fuel oil consumption at part load L (fraction of MCR): base * (0.455 L^2 - 0.710 L
// + 1.280) (Third IMO GHG Study, Jalkanen 2012). The main engine follows it from 20 % load up;
// below, its base SFOC and the low-load factors apply instead (EPA's tools).
double sfocAtLoad(double baseGPerKWh, double load);

enum class Pollutant { CO2, CH4, NOx, SOx, PM, BlackCarbon };
// The mass of one pollutant in a set of emissions (PM: PM2.5).
double amountOf(const Emissions& emissions, Pollutant pollutant);
// EPA low-load adjustment multiplier for the main engine below 20 % load (1 at 20 % and above).
double lowLoadAdjustment(Pollutant pollutant, double load);

// What the engines do in one phase at one speed.
struct EngineOperation {
  double mainKw = 0;
  double mainLoad = 0;  // fraction of MCR
  double auxiliaryKw = 0;
  double boilerKw = 0;
};
// At berth the main engine is off; with shore power the auxiliary engines are off too.
// Boilers are off at sea (cruise) on container ships (exhaust gas economisers).
EngineOperation engineOperation(const VesselClass& vessel, Phase phase, double speedKn,
                                bool shorePower);

// Emissions of `hours` in one phase at one speed burning `fuel` with the given sulfur content
// (mass %; the caller applies ECA caps). Rate per hour: hours = 1.
Emissions emissions(const VesselClass& vessel, Fuel fuel, double sulfurPercent, Phase phase,
                    double speedKn, double hours, bool shorePower);

// The default sulfur content of a fuel (mass %), before any ECA cap.
double defaultSulfurPercent(Fuel fuel);

}  // namespace corridor::sim
