#pragma once
// Emissions of AIS tracks from the scenario model: per-track export columns and totals.
#include "io/AisExport.h"
#include "io/AisTracks.h"
#include "sim/EmissionModel.h"

namespace corridor::app {

// Emissions of AIS tracks with the scenario model (sim/AisEmissions.h): vessel classes inferred
// from the AIS type and length, VLSFO at its default sulfur content.

// Adds per-track columns (ais_class, fuel_t, co2_t, ch4_kg, nox_kg, sox_kg, pm25_kg).
void addEmissionColumns(const io::AisTrackSet& set, io::AisExportOptions& options);

// The emissions of every track together, and the fuel assumed for them.
struct AisEmissionTotals {
  sim::Emissions total;
  sim::Fuel fuel;
  double sulfurPercent = 0;
};
AisEmissionTotals totalEmissions(const io::AisTrackSet& set);

}  // namespace corridor::app
