#pragma once
#include "io/AisExport.h"
#include "io/AisTracks.h"

namespace corridor::viewer {

// Emissions of AIS tracks with the scenario model (sim/AisEmissions.h): vessel classes inferred
// from the AIS type and length, VLSFO at its default sulfur content.

// Adds per-track columns (ais_class, fuel_t, co2_t, ch4_kg, nox_kg, sox_kg, pm25_kg).
void addEmissionColumns(const io::AisTrackSet& set, io::AisExportOptions& options);

// Prints the totals over all tracks, and the assumptions.
void printEmissionTotals(const io::AisTrackSet& set);

}  // namespace corridor::viewer
