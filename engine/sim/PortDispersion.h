#pragma once
#include <vector>

#include "geo/Types.h"
#include "sim/Dispersion.h"
#include "sim/Inventory.h"

namespace corridor::sim {

// Ground-level concentrations around a port: ships at berth as point sources spread over the
// berth area (the calling classes' stack height, a typical funnel's buoyancy), ships
// manoeuvring and slowing down spread along the approach, landside equipment as area sources,
// under the port's weather. The grid is square in metres around
// the berth and reported in lon/lat cells (fine for 40 km).
struct PortConcentration {
  geo::LonLat southWest;
  double cellLonDegrees = 0, cellLatDegrees = 0;
  int columns = 0, rows = 0;
  std::vector<double> nox;   // micrograms/m^3, row-major from the south row
  std::vector<double> pm25;  // micrograms/m^3
  struct Hotspot {
    geo::LonLat position;
    double nox = 0;
  };
  std::vector<Hotspot> hotspots;  // highest NOx first
};

inline constexpr double kPortGridMeters = 40'000.0;
inline constexpr double kPortCellMeters = 250.0;

// Annual mean of a year, from the inventory.
PortConcentration portConcentration(const Scenario& scenario, const Inventory& inventory,
                                    std::size_t port, int year);

// At one moment, from the ships in the port area then (and the landside sources of that year):
// what the playback shows when zoomed in on a port.
PortConcentration portConcentrationAt(const Scenario& scenario, const Fleet& fleet,
                                      std::size_t port, core::UtcMicros time);

}  // namespace corridor::sim
