#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "core/Time.h"
#include "sim/EmissionModel.h"

namespace corridor::sim {

// Emissions of ships known only from AIS: the scenario model (EmissionModel.h) with a vessel
// class inferred from the AIS ship type, length and beam. The defaults and their sources are in
// AisEmissions.cpp and docs/AIS.md.

// The vessel class Corridor assumes for an AIS ship type code ("type of ship and cargo"),
// length overall and beam in metres (0 = not known). The class id names the group and the
// size bin, e.g. "cargo-handysize".
VesselClass vesselClassFromAis(int aisType, double lengthM, double widthM);

// Phase from speed over ground: below 1 kn the ship is taken as at berth (AIS gives no berth
// polygons); below 20 % main-engine load (propeller law) manoeuvring; otherwise cruise.
Phase phaseFromSpeed(const VesselClass& vessel, double speedKn);

// One report of a track: time and the speed until the next report (knots; the caller uses SOG
// where AIS has it, else the speed implied by the positions).
struct AisActivity {
  core::UtcMicros time = 0;
  double speedKn = 0;
};

// Emissions over a track: each interval between consecutive reports at the earlier report's
// speed and phase, burning `fuel` at its default sulfur content.
Emissions trackEmissions(const VesselClass& vessel, Fuel fuel, std::span<const AisActivity> reports);

}  // namespace corridor::sim
