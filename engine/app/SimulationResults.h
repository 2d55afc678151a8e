#pragma once
// A simulated scenario's results as files: tracks, emission tables, concentration maps.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "sim/Fleet.h"
#include "sim/Inventory.h"
#include "sim/PortDispersion.h"

namespace corridor::app {

// Called after each part is written: "tables", then "dispersion PORT" for each port.
using PartWritten = std::function<void(const std::string& part)>;

// One variant's results in `dir`: tracks.gpkg (a line per voyage with its emissions),
// emissions_by_voyage.csv, emissions_by_port_year.csv (a row per port, year and source) and
// hotspots_<port>.tif (annual-mean NOx and PM2.5 of every year, two bands a year). Returns each
// port's concentration grid of the inventory's last year. Stops at the
// first file that fails, or between ports when interrupted (core::Interruption).
// The names of those files, to check before any work what they would replace.
std::vector<std::string> simulationResultNames(const sim::Scenario& scenario);

core::Result<std::vector<sim::PortConcentration>> writeSimulationResults(const std::filesystem::path& dir,
                                                                        const sim::Scenario& scenario,
                                                                        const sim::Fleet& fleet,
                                                                        const sim::Inventory& inventory,
                                                                        const PartWritten& partWritten);

}  // namespace corridor::app
