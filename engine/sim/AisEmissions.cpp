#include "sim/AisEmissions.h"

#include <cmath>

namespace corridor::sim {
namespace {

// A size bin of a ship-type group. Sources:
//  MCR and speed: US EPA Port Emissions Inventory Guidance (EPA-420-B-22-011, 2022), Table C.3
//    (average installed propulsion power and maximum speed by ship type and size bin);
//  auxiliary kW (sea / manoeuvring / berth): same guidance, Table E.1;
//  boiler kW at berth (also anchorage and manoeuvring; 0 at sea): same guidance, Table E.2.
//  The guidance bins by TEU, DWT or gross tonnage; AIS gives length, so the length bands are
//  Corridor's mapping (docs/AIS.md). AIS types 70-79 do not separate container ships from bulk
//  and general cargo: the bulk/general-cargo bins are used (scenarios define container
//  classes explicitly).
struct SizeBin {
  const char* id;
  double maxLengthM;  // the bin applies below this length
  double mcrKw;
  double maxSpeedKn;
  double auxSeaKw, auxManoeuvringKw, auxBerthKw;
  double boilerKw;
};

constexpr double kAnyLength = 1e9;

constexpr SizeBin kCargo[] = {
    {"cargo-small", 100, 1400, 12.0, 60, 90, 120, 0},
    {"cargo-handysize", 180, 6900, 15.3, 190, 310, 280, 50},
    {"cargo-handymax", 200, 8500, 15.3, 260, 420, 370, 100},
    {"cargo-panamax", 235, 10300, 15.4, 420, 680, 600, 200},
    {"cargo-capesize", kAnyLength, 16400, 15.7, 420, 680, 600, 200},
};
constexpr SizeBin kTanker[] = {
    {"tanker-small", 100, 2300, 11.4, 250, 375, 250, 500},
    {"tanker-handysize", 150, 5300, 15.2, 625, 938, 625, 1250},
    {"tanker-handymax", 230, 8700, 15.5, 750, 1125, 750, 1500},
    {"tanker-aframax", 250, 12200, 15.7, 1000, 1500, 1000, 2000},
    {"tanker-suezmax", kAnyLength, 16900, 15.6, 1250, 1875, 1250, 2500},
};
constexpr SizeBin kPassenger[] = {
    {"passenger-ferry", 120, 2400, 17.7, 105, 105, 105, 0},
    {"passenger-ropax", kAnyLength, 8800, 19.7, 710, 710, 710, 0},
};
constexpr SizeBin kFishing[] = {{"fishing", kAnyLength, 1000, 12.3, 200, 200, 200, 0}};
// Tugs: no C.3 row; 1,500 kW sits in the usual 500-2,500 kW of harbour tugs. Aux 50 kW: Third
// IMO GHG Study 2014, Annex 1 (tugs).
constexpr SizeBin kTug[] = {{"tug", kAnyLength, 1500, 12.0, 50, 50, 50, 0}};
constexpr SizeBin kPleasure[] = {{"pleasure", kAnyLength, 3100, 18.7, 130, 130, 130, 0}};
constexpr SizeBin kOther[] = {{"other", kAnyLength, 5800, 15.5, 190, 190, 190, 0}};

template <std::size_t N>
const SizeBin& binFor(const SizeBin (&bins)[N], double lengthM) {
  for (const SizeBin& bin : bins) {
    if (lengthM < bin.maxLengthM) return bin;
  }
  return bins[N - 1];
}

const SizeBin& sizeBin(int aisType, double lengthM) {
  // Unknown length: the middle bin of the group rather than the smallest.
  auto pick = [&](const auto& bins) -> const SizeBin& {
    constexpr std::size_t count = std::extent_v<std::remove_reference_t<decltype(bins)>>;
    return lengthM > 0 ? binFor(bins, lengthM) : bins[count / 2];
  };
  if (aisType >= 70 && aisType <= 79) return pick(kCargo);
  if (aisType >= 80 && aisType <= 89) return pick(kTanker);
  if (aisType >= 60 && aisType <= 69) return pick(kPassenger);
  if (aisType == 30) return pick(kFishing);
  if (aisType == 31 || aisType == 32 || aisType == 52) return pick(kTug);
  if (aisType == 36 || aisType == 37) return pick(kPleasure);
  return pick(kOther);
}

// Main-engine load that separates manoeuvring from cruise (EPA guidance: below 20 % load).
constexpr double kManoeuvringLoad = 0.20;
constexpr double kStationaryKn = 1.0;

}  // namespace

VesselClass vesselClassFromAis(int aisType, double lengthM, double /*widthM*/) {
  const SizeBin& bin = sizeBin(aisType, lengthM);
  VesselClass vessel;
  vessel.id = bin.id;
  vessel.name = std::string(bin.id) + " (from AIS type " + std::to_string(aisType) + ")";
  vessel.mcrKw = bin.mcrKw;
  vessel.designSpeedKn = bin.maxSpeedKn;
  // The model's reference speed is service / 0.94; EPA's propeller law uses the maximum speed.
  vessel.serviceSpeedKn = bin.maxSpeedKn * 0.94;
  // Large cargo ships and tankers have two-stroke slow-speed engines, the rest four-stroke.
  const bool slowSpeed = (aisType >= 70 && aisType <= 89) && bin.mcrKw >= 5000;
  vessel.mainEngine = slowSpeed ? EngineType::SlowSpeedDiesel : EngineType::MediumSpeedDiesel;
  vessel.mainEngineRpm = slowSpeed ? 100 : 600;
  // SFOC of engines built after 2000 (Third IMO GHG Study 2014): slow-speed 175, medium 185 g/kWh.
  vessel.sfocBaseGPerKWh = slowSpeed ? 175 : 185;
  vessel.auxiliaryKw = {bin.auxSeaKw, bin.auxSeaKw, bin.auxManoeuvringKw, bin.auxBerthKw, bin.auxBerthKw};
  vessel.boilerKw = {0, 0, bin.boilerKw, bin.boilerKw, bin.boilerKw};
  return vessel;
}

Phase phaseFromSpeed(const VesselClass& vessel, double speedKn) {
  if (speedKn < kStationaryKn) return Phase::AtBerth;
  const double referenceKn = vessel.serviceSpeedKn / 0.94;
  const double load = std::pow(speedKn / referenceKn, 3);
  return load < kManoeuvringLoad ? Phase::Manoeuvring : Phase::Cruise;
}

Emissions trackEmissions(const VesselClass& vessel, Fuel fuel, std::span<const AisActivity> reports) {
  Emissions total;
  const double sulfur = defaultSulfurPercent(fuel);
  for (std::size_t i = 0; i + 1 < reports.size(); ++i) {
    const double hours = double(reports[i + 1].time - reports[i].time) / (3600.0 * core::kMicrosPerSecond);
    if (hours <= 0) continue;
    const double speed = reports[i].speedKn;
    total += emissions(vessel, fuel, sulfur, phaseFromSpeed(vessel, speed), speed, hours, false);
  }
  return total;
}

}  // namespace corridor::sim
