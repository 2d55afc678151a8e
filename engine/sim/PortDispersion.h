#pragma once
#include <vector>

#include "geo/Types.h"
#include "sim/Dispersion.h"
#include "sim/Inventory.h"

namespace corridor::sim {

inline constexpr double kPortCellMeters = 250.0;
// The smallest and the largest port grid, square around the berth. The heatmap fades out over
// the outer kPortGridFadeMeters of the grid's inscribed circle (scene::groundHeatmap), so a
// plume leaving the grid tapers off; a grid reaches that far beyond its farthest area, so the
// areas are drawn at full strength. An area may reach kMaxAreaReachMeters from the berth.
inline constexpr double kMinPortGridMeters = 40'000.0, kMaxPortGridMeters = 96'000.0;
inline constexpr double kPortGridFadeMeters = 8'000.0;
inline constexpr double kMaxAreaReachMeters = kMaxPortGridMeters / 2 - kPortGridFadeMeters;

// The side of a port's grid: 40 km, or more where a landside area reaches further from the
// berth (Los Angeles' rail to the downtown yards, Shanghai's drayage over the Donghai Bridge),
// so that every area lies within the circle inside the fade (its bounding box's farthest corner
// counts); a whole number of cells either side of the berth, so the cells near it keep their
// centres (and their values, to rounding) whatever the width. At most kMaxPortGridMeters
// (scenario files hold every area's farthest corner to kMaxAreaReachMeters).
double portGridMeters(const Port& port);

// Where a port's emissions go: the ground-level concentration around the berth per unit rate
// (1 g/s) of each group of sources. Ships at berth are point sources spread over the berth
// area (the calling classes' stack height, a typical funnel's buoyancy), ships under way are
// spread along the approach, landside equipment are area sources, all under the port's
// weather. Dispersion is linear in the rates, so the field of any pollutant at any moment is a
// weighted sum of these grids: the costly part is done once per port. The grid is square in
// metres around the berth and reported in lon/lat cells (fine for tens of km).
struct PortFootprint {
  geo::LonLat southWest;
  double cellLonDegrees = 0, cellLatDegrees = 0;
  ConcentrationGrid atBerth, underway;       // micrograms/m^3 per g/s
  std::vector<ConcentrationGrid> landside;  // per area source of the port, in its order

  int columns() const { return atBerth.columns; }
  int rows() const { return atBerth.rows; }
  geo::LonLat cellCentre(int column, int row) const {
    return {southWest.lon + (column + 0.5) * cellLonDegrees, southWest.lat + (row + 0.5) * cellLatDegrees};
  }
  // A point of the grids' local metres (as in Hotspot::position) in lon/lat.
  geo::LonLat lonLatOf(const glm::dvec2& local) const {
    return {southWest.lon + (local.x - atBerth.origin.x) / atBerth.cellSize * cellLonDegrees,
            southWest.lat + (local.y - atBerth.origin.y) / atBerth.cellSize * cellLatDegrees};
  }
};

// The footprint under a climatology on a grid about `gridMeters` across (whole cells either
// side of the berth): the frequency-weighted long-term grids (WindRose.h); a steadyRose gives
// the steady plume of one weather.
PortFootprint portFootprint(const Scenario& scenario, std::size_t port, const WindRose& rose, double gridMeters);
// For annual means: under the port's wind rose (or the rose of its meteorology file), on the
// port's grid (portGridMeters).
PortFootprint annualFootprint(const Scenario& scenario, std::size_t port);
// For a moment of playback: the steady plume of its weather on the port's grid (portGridMeters),
// which holds every landside area, as the annual grids do.
PortFootprint momentFootprint(const Scenario& scenario, std::size_t port, const Weather& weather);

// The weather at a port at a moment: the hour of its meteorology file where that covers the
// moment; otherwise drawn from its wind rose for each 3-hour block, deterministic by the
// scenario's seed, among the entries of that month (WindRoseEntry::months) and of the classes
// the sun allows then (A-C by day, E-F by night, D always), relaxing the month and then the
// light where nothing is left; the direction is uniform within its sector.
Weather portWeatherAt(const Scenario& scenario, std::size_t port, core::UtcMicros time);

// The funnel height of the ships calling at a port: the classes' stack heights, weighted by the
// number of ships of each service that calls there.
double portStackHeight(const Scenario& scenario, const Port& port);

// What a port's source groups emit per hour (kg/h).
struct PortSources {
  Emissions atBerth, underway;     // ships in the port area
  std::vector<Emissions> landside;  // per area source, less its zero-emission share

  Emissions ships() const;
  Emissions total() const;
};

// At one moment, from the ships in the port area then (and the landside sources of that year).
PortSources portSourcesAt(const Scenario& scenario, const Fleet& fleet, std::size_t port,
                          core::UtcMicros time);
// The mean hour of a year, from the inventory.
PortSources portSourcesInYear(const Scenario& scenario, const Inventory& inventory,
                              std::size_t port, int year);

// The ground concentration [micrograms/m^3] of one pollutant from those sources.
ConcentrationGrid groundField(const PortFootprint& footprint, const PortSources& sources,
                              Pollutant pollutant);

// NOx and PM2.5 fields with their NOx hotspots: what `corridor simulate` writes.
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

// Annual mean of a year, from the inventory and the port's annual footprint.
PortConcentration portConcentration(const PortFootprint& annual, const Scenario& scenario,
                                    const Inventory& inventory, std::size_t port, int year);

// At one moment, under that moment's weather: what the playback shows zoomed in on a port.
PortConcentration portConcentrationAt(const Scenario& scenario, const Fleet& fleet,
                                      std::size_t port, core::UtcMicros time);

}  // namespace corridor::sim
