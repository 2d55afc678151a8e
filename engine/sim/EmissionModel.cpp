#include "sim/EmissionModel.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

#include "sim/EmissionFactors.h"

namespace corridor::sim {
namespace {

constexpr double kGramsPerKilogram = 1000.0;
// EPA ShipPowerModel: the service speed is 94 % of the reference speed (the speed at MCR).
constexpr double kServiceShareOfReferenceSpeed = 0.94;
constexpr double kSeaMarginOpenSea = 0.15;
constexpr double kSeaMarginCoastal = 0.10;
// EPA adjusts propulsion emissions below 20 % MCR; its table starts at 2 %.
constexpr double kLowLoadLimit = 0.20;
constexpr double kLowestTabulatedLoadPercent = 2.0;

// The fuel burned and its sulfur content after caps.
struct FuelBurn {
  Fuel fuel = Fuel::VLSFO;
  double sulfurPercent = 0;
};

// What one engine emits per kWh, before any low-load adjustment.
struct Rates {
  double fuelGPerKWh = 0;  // of the fuel actually burned
  double ch4GPerKWh = 0;
  double noxGPerKWh = 0;
  double pmGPerKWh = 0;
  double blackCarbonShareOfPm = 0;
};

// Multipliers on Rates; all 1 except for a propulsion engine below 20 % load.
struct LoadAdjustment {
  double fuel = 1, ch4 = 1, nox = 1, pm = 1;
};

// Main-engine sea margin by phase; none where the main engine is off.
std::optional<double> seaMargin(Phase phase) {
  switch (phase) {
    case Phase::Cruise: return kSeaMarginOpenSea;
    case Phase::ReducedSpeed:
    case Phase::Manoeuvring: return kSeaMarginCoastal;
    case Phase::Anchorage:
    case Phase::AtBerth: return std::nullopt;
  }
  return std::nullopt;
}

// Dual-fuel engines burn liquid fuels in diesel mode. On gas, a four-stroke is taken to be a
// low-pressure Otto engine (nearly all four-stroke gas engines are) and a two-stroke diesel a
// high-pressure diesel-cycle one (ME-GI type).
EngineType combustionMode(EngineType engine, Fuel fuel) {
  const bool gas = fuel == Fuel::LNG;
  switch (engine) {
    case EngineType::SlowSpeedDiesel: return gas ? EngineType::LngDieselSlowSpeed : engine;
    case EngineType::MediumSpeedDiesel: return gas ? EngineType::LngOttoMediumSpeed : engine;
    case EngineType::LngOttoSlowSpeed:
    case EngineType::LngDieselSlowSpeed: return gas ? engine : EngineType::SlowSpeedDiesel;
    case EngineType::LngOttoMediumSpeed: return gas ? engine : EngineType::MediumSpeedDiesel;
  }
  return engine;
}

// Lean-burn Otto engines meet Tier III without aftertreatment; ammonia engines are assumed to
// carry SCR (EmissionFactors.cpp).
NoxTier noxTier(EngineType mode, Fuel fuel, NoxTier certified) {
  return engineFactors(mode).ottoCycle || fuelFactors(fuel).noxTierIII ? NoxTier::III : certified;
}

// SFOC data are diesel-equivalent (quoted at the reference LHV); the same energy takes more
// mass of a leaner fuel.
double fuelGPerKWh(double dieselEquivalentSfoc, Fuel fuel) {
  return dieselEquivalentSfoc * commonFactors().referenceLhvMJPerKg /
         fuelFactors(fuel).lowerHeatingValueMJPerKg;
}

// EPA's PM10: the fuel's nominal PM plus the sulfate formed from its sulfur.
double pmGPerKWh(const FuelBurn& burn, double fuelGPerKWh) {
  const CommonFactors& common = commonFactors();
  return fuelFactors(burn.fuel).pmNominalGPerKWh + burn.sulfurPercent / 100.0 * fuelGPerKWh *
                                                       common.sulfateShareOfSulfur *
                                                       common.sulfateMassPerSulfur;
}

Rates engineRates(EngineType engine, double dieselEquivalentSfoc, NoxTier tier, double ratedRpm,
                  const FuelBurn& burn) {
  const EngineType mode = combustionMode(engine, burn.fuel);
  const CombustionFactors& factors = engineFactors(mode);
  const double fuel = fuelGPerKWh(dieselEquivalentSfoc, burn.fuel);
  return {.fuelGPerKWh = fuel,
          .ch4GPerKWh = factors.methaneGPerKWh,
          .noxGPerKWh = noxLimitGPerKWh(noxTier(mode, burn.fuel, tier), ratedRpm),
          .pmGPerKWh = pmGPerKWh(burn, fuel),
          .blackCarbonShareOfPm = factors.blackCarbonShareOfPm};
}

// The part-load curve covers 20-100 % load; below, the low-load factors take over (on the
// base SFOC), as in EPA's tools: applying both counted the rise in fuel use twice.
double mainEngineSfoc(const VesselClass& vessel, double load) {
  return load >= kLowLoadLimit ? sfocAtLoad(vessel.sfocBaseGPerKWh, load) : vessel.sfocBaseGPerKWh;
}

Rates mainEngineRates(const VesselClass& vessel, double load, const FuelBurn& burn) {
  return engineRates(vessel.mainEngine, mainEngineSfoc(vessel, load), vessel.tier, vessel.mainEngineRpm, burn);
}

// Auxiliaries: medium-speed gensets of the main engine's tier, gas-fuelled on LNG ships.
Rates auxiliaryRates(const VesselClass& vessel, const FuelBurn& burn) {
  const CommonFactors& common = commonFactors();
  return engineRates(EngineType::MediumSpeedDiesel, common.auxiliarySfocGPerKWh, vessel.tier,
                     common.auxiliaryRatedRpm, burn);
}

Rates boilerRates(const FuelBurn& burn) {
  const CommonFactors& common = commonFactors();
  const CombustionFactors& factors = boilerFactors();
  const double fuel = fuelGPerKWh(common.boilerSfocGPerKWh, burn.fuel);
  return {.fuelGPerKWh = fuel,
          .ch4GPerKWh = factors.methaneGPerKWh,
          .noxGPerKWh = common.boilerNoxGPerKWh,
          .pmGPerKWh = pmGPerKWh(burn, fuel),
          .blackCarbonShareOfPm = factors.blackCarbonShareOfPm};
}

// EPA's hydrocarbon factor describes incomplete combustion of liquid fuel; gas engines' methane
// is slip, for which the Fourth IMO GHG Study's g/kWh are kept at every load.
LoadAdjustment mainEngineAdjustment(const VesselClass& vessel, const FuelBurn& burn, double load) {
  const bool slip = engineFactors(combustionMode(vessel.mainEngine, burn.fuel)).gasMode;
  return {.fuel = lowLoadAdjustment(Pollutant::CO2, load),
          .ch4 = slip ? 1.0 : lowLoadAdjustment(Pollutant::CH4, load),
          .nox = lowLoadAdjustment(Pollutant::NOx, load),
          .pm = lowLoadAdjustment(Pollutant::PM, load)};
}

// E = energy * EF * LLAF. CO2 and SO2 follow the (adjusted) fuel mass: its carbon and its
// sulfur; black carbon is a share of PM.
Emissions emitted(double kWh, const Rates& rates, const FuelBurn& burn,
                  const LoadAdjustment& adjust = {}) {
  const FuelFactors& fuel = fuelFactors(burn.fuel);
  const CommonFactors& common = commonFactors();
  const double fuelKg = kWh * rates.fuelGPerKWh / kGramsPerKilogram;
  const double pmKg = kWh * rates.pmGPerKWh / kGramsPerKilogram;
  Emissions e;
  e.fuel = fuelKg * adjust.fuel;
  e.co2 = e.fuel * fuel.carbonFactor;
  e.co2Fossil = e.co2 * fuel.fossilCarbonShare;
  e.ch4 = kWh * rates.ch4GPerKWh / kGramsPerKilogram * adjust.ch4;
  e.co2e = e.co2Fossil + e.ch4 * kGwp100Methane;
  e.nox = kWh * rates.noxGPerKWh / kGramsPerKilogram * adjust.nox;
  e.sox = e.fuel * common.so2PerSulfur * burn.sulfurPercent / 100.0;
  e.pm25 = pmKg * common.pm25ShareOfPm * adjust.pm;
  e.blackCarbon = pmKg * rates.blackCarbonShareOfPm * adjust.pm;
  return e;
}

double tableColumn(const LowLoadRow& row, Pollutant pollutant) {
  switch (pollutant) {
    case Pollutant::CO2:
    case Pollutant::SOx: return row.co2;  // both follow the fuel burned
    case Pollutant::CH4: return row.hydrocarbons;  // EPA tabulates HC, of which CH4 is part
    case Pollutant::NOx: return row.nox;
    case Pollutant::PM:
    case Pollutant::BlackCarbon: return row.pm;  // black carbon is a share of PM
  }
  return 1;
}

}  // namespace

Emissions& Emissions::operator+=(const Emissions& other) {
  fuel += other.fuel;
  co2 += other.co2;
  co2Fossil += other.co2Fossil;
  ch4 += other.ch4;
  co2e += other.co2e;
  nox += other.nox;
  sox += other.sox;
  pm25 += other.pm25;
  blackCarbon += other.blackCarbon;
  return *this;
}

Emissions Emissions::operator*(double factor) const {
  Emissions scaled = *this;
  scaled.fuel *= factor;
  scaled.co2 *= factor;
  scaled.co2Fossil *= factor;
  scaled.ch4 *= factor;
  scaled.co2e *= factor;
  scaled.nox *= factor;
  scaled.sox *= factor;
  scaled.pm25 *= factor;
  scaled.blackCarbon *= factor;
  return scaled;
}

double mainEnginePowerKw(double mcrKw, double speedKn, double serviceSpeedKn, double seaMargin) {
  if (speedKn <= 0 || serviceSpeedKn <= 0) return 0;
  const double referenceSpeedKn = serviceSpeedKn / kServiceShareOfReferenceSpeed;
  const double powerKw = mcrKw * std::pow(speedKn / referenceSpeedKn, 3) * (1 + seaMargin);
  return std::min(powerKw, mcrKw);
}

double sfocAtLoad(double baseGPerKWh, double load) {
  return baseGPerKWh * (0.455 * load * load - 0.710 * load + 1.280);
}

// Linear between the table's whole-percent rows, as EPA's calcLLAF does with load tables.
double amountOf(const Emissions& emissions, Pollutant pollutant) {
  switch (pollutant) {
    case Pollutant::CO2: return emissions.co2;
    case Pollutant::CH4: return emissions.ch4;
    case Pollutant::NOx: return emissions.nox;
    case Pollutant::SOx: return emissions.sox;
    case Pollutant::PM: return emissions.pm25;
    case Pollutant::BlackCarbon: return emissions.blackCarbon;
  }
  return 0.0;
}

double lowLoadAdjustment(Pollutant pollutant, double load) {
  if (load >= kLowLoadLimit) return 1;
  const double percent = std::max(load * 100.0, kLowestTabulatedLoadPercent);
  const auto table = lowLoadAdjustmentTable();
  // The last row is 20 %, so a row at or above any load below 20 % exists.
  const auto upper = std::ranges::find_if(
      table, [percent](const LowLoadRow& row) { return row.loadPercent >= percent; });
  if (upper == table.begin()) return tableColumn(*upper, pollutant);
  const auto lower = std::prev(upper);
  const double t = (percent - lower->loadPercent) / (upper->loadPercent - lower->loadPercent);
  return std::lerp(tableColumn(*lower, pollutant), tableColumn(*upper, pollutant), t);
}

EngineOperation engineOperation(const VesselClass& vessel, Phase phase, double speedKn,
                                bool shorePower) {
  EngineOperation operation;
  if (const std::optional<double> margin = seaMargin(phase); margin && vessel.mcrKw > 0) {
    operation.mainKw = mainEnginePowerKw(vessel.mcrKw, speedKn, vessel.serviceSpeedKn, *margin);
    operation.mainLoad = operation.mainKw / vessel.mcrKw;
  }
  const bool onShorePower = shorePower && phase == Phase::AtBerth;
  operation.auxiliaryKw = onShorePower ? 0 : vessel.auxiliaryKw[phase];
  operation.boilerKw = phase == Phase::Cruise ? 0 : vessel.boilerKw[phase];
  return operation;
}

// Sulfur is capped at the fuel's own content: a 0.5 % global cap does not add sulfur to MGO,
// and LNG, methanol and ammonia carry none whatever cap applies.
Emissions emissions(const VesselClass& vessel, Fuel fuel, double sulfurPercent, Phase phase,
                    double speedKn, double hours, bool shorePower) {
  const EngineOperation operation = engineOperation(vessel, phase, speedKn, shorePower);
  const FuelBurn burn{fuel, std::clamp(sulfurPercent, 0.0, defaultSulfurPercent(fuel))};
  Emissions total = emitted(operation.mainKw * hours,
                            mainEngineRates(vessel, operation.mainLoad, burn), burn,
                            mainEngineAdjustment(vessel, burn, operation.mainLoad));
  total += emitted(operation.auxiliaryKw * hours, auxiliaryRates(vessel, burn), burn);
  total += emitted(operation.boilerKw * hours, boilerRates(burn), burn);
  return total;
}

double defaultSulfurPercent(Fuel fuel) { return fuelFactors(fuel).defaultSulfurPercent; }

}  // namespace corridor::sim
