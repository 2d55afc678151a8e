#pragma once
// A port's hotspot figures: emissions by source and variant over the years, peak concentration.
#include <filesystem>
#include <string>
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"
#include "sim/Inventory.h"
#include "sim/PortDispersion.h"

namespace corridor::app {

// A scenario's ports over its whole horizon, for each variant: what the hotspot panel reads.
struct VariantInventory {
  std::string variant;  // "" for the base
  sim::Scenario scenario;
  sim::Inventory inventory;
};
struct PortInventories {
  std::vector<VariantInventory> variants;
  std::size_t playing = 0;                     // index of the variant playing
  std::vector<sim::PortFootprint> footprints;  // by port, from the playing variant's ports
};

// The variants a scenario file's variants are compared among, in their colours' order
// (scene::variantColor): the file's variants, with `playing` first when it is not one of them
// (the base of a file with variants).
core::Result<std::vector<std::string>> comparedVariants(const std::filesystem::path& scenarioFile,
                                                        const std::string& playing);

// Simulates every variant of the scenario file (the base alone when it has none; `playing`
// is added when it is not among them) over the scenario's years. Seconds of work: run it off
// the UI thread.
core::Result<PortInventories> computePortInventories(const std::filesystem::path& scenarioFile,
                                                     const std::string& playing);

// One port in one year of one variant, with one pollutant picked out. Masses in tonnes.
struct PortSummary {
  std::string portName;
  sim::Emissions total;  // ships in the port area and landside sources, tonnes in the year
  struct Source {
    std::string name;
    double tonnes = 0;  // of the pollutant
  };
  std::vector<Source> sources;  // largest first
  std::vector<int> years;
  // [variant][year]: tonnes of the pollutant; NaN where a variant lacks the year or the port.
  std::vector<std::vector<double>> series;
  // The highest annual-mean ground concentration of the pollutant (micrograms/m^3) and where.
  double peak = 0;
  geo::LonLat peakAt;
  double peakDistanceKm = 0;
  double peakBearingDegrees = 0;  // from the berth, clockwise from north
};

// Of the playing variant (`port` indexes its ports).
PortSummary summarizePort(const PortInventories& inventories, std::size_t port, int year, sim::Pollutant pollutant);

}  // namespace corridor::app
