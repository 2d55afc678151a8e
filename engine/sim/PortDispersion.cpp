#include "sim/PortDispersion.h"

#include <algorithm>
#include <cmath>

#include "geo/Ellipsoid.h"
#include "geo/Geodesic.h"

namespace corridor::sim {
namespace {

constexpr double kSecondsPerYear = 365.25 * 86400.0;
// Exhaust of a two-stroke engine at port load: ~15 m/s, 0.75 m funnel radius, 570 K into 293 K.
const double kFunnelBuoyancy = buoyancyFlux(15.0, 0.75, 570.0, 293.0);
constexpr double kApproachStepMeters = 1000.0;

// Local metres east/north of a reference point (equirectangular; fine over tens of km).
struct LocalFrame {
  geo::LonLat origin;
  double metersPerDegreeLon, metersPerDegreeLat;
  explicit LocalFrame(geo::LonLat o)
      : origin(o),
        metersPerDegreeLon(111'320.0 * std::cos(geo::radians(o.lat))),
        metersPerDegreeLat(110'574.0) {}
  glm::dvec2 toLocal(const geo::LonLat& p) const {
    return {(p.lon - origin.lon) * metersPerDegreeLon, (p.lat - origin.lat) * metersPerDegreeLat};
  }
  geo::LonLat toLonLat(const glm::dvec2& m) const {
    return {origin.lon + m.x / metersPerDegreeLon, origin.lat + m.y / metersPerDegreeLat};
  }
};

// Points every kilometre along the approach (from the berth out), inside the port radius; the
// berth alone when the port has no approach.
std::vector<glm::dvec2> approachPoints(const Port& port, const LocalFrame& frame) {
  std::vector<geo::LonLat> line{port.position};
  line.insert(line.end(), port.approach.begin(), port.approach.end());
  const double limit = port.portRadiusNm * 1852.0;
  std::vector<glm::dvec2> points;
  double travelled = 0;
  for (std::size_t i = 1; i < line.size() && travelled < limit; ++i) {
    const geo::Polyline leg = geo::geodesicPath(line[i - 1], line[i], kApproachStepMeters);
    for (std::size_t j = 1; j < leg.size() && travelled < limit; ++j) {
      travelled += geo::geodesicDistanceMeters(leg[j - 1], leg[j]);
      points.push_back(frame.toLocal(leg[j]));
    }
  }
  if (points.empty()) points.push_back({0.0, 0.0});
  return points;
}

// The funnel height of the ships calling at a port: the classes' stack heights, weighted by the
// number of ships of each service that calls there.
double funnelHeight(const Scenario& scenario, const Port& port) {
  double weighted = 0, ships = 0;
  for (const Service& service : scenario.services) {
    const Corridor& corridor = scenario.corridor(service.corridor);
    if (corridor.from != port.id && corridor.to != port.id) continue;
    weighted += scenario.vesselClass(service.vesselClass).stackHeightM * service.ships;
    ships += service.ships;
  }
  return ships > 0 ? weighted / ships : VesselClass{}.stackHeightM;
}

// Emission rates of one pollutant in grams per second.
struct SourceRates {
  double berth = 0, underway = 0;
  std::vector<double> landside;  // per area source of the port
};

constexpr int kBerthLattice = 3;  // 3 x 3 funnels over the berth area

ConcentrationGrid gridFor(const Port& port, const LocalFrame& frame, double funnel,
                          const SourceRates& rates, glm::dvec2 origin, int cells) {
  std::vector<PointSource> points;
  const glm::dvec2 berth = port.berthSizeKm * 1000.0;
  for (int i = 0; i < kBerthLattice; ++i) {
    for (int j = 0; j < kBerthLattice; ++j) {
      const glm::dvec2 offset((i + 0.5) / kBerthLattice - 0.5, (j + 0.5) / kBerthLattice - 0.5);
      points.push_back({offset * berth, rates.berth / (kBerthLattice * kBerthLattice), funnel,
                        kFunnelBuoyancy});
    }
  }
  const std::vector<glm::dvec2> approach = approachPoints(port, frame);
  for (const glm::dvec2& p : approach) {
    points.push_back({p, rates.underway / double(approach.size()), funnel, kFunnelBuoyancy});
  }
  std::vector<AreaSource> areas;
  for (std::size_t i = 0; i < port.areaSources.size(); ++i) {
    areas.push_back({{0.0, 0.0}, port.areaSources[i].sizeKm * 500.0, rates.landside[i], 3.0});
  }
  return groundConcentration(points, areas, port.weather, origin, kPortCellMeters, cells, cells);
}

// Landside sources' rates in a year (g/s), with their zero-emission share taken out.
void addLandside(const Port& port, double year, SourceRates& nox, SourceRates& pm) {
  for (const auto& source : port.areaSources) {
    const double remaining = (1.0 - source.zeroEmissionShare.at(year)) * 1e6 / kSecondsPerYear;
    nox.landside.push_back(source.noxTonnesPerYear * remaining);
    pm.landside.push_back(source.pm25TonnesPerYear * remaining);
  }
}

PortConcentration concentration(const Scenario& scenario, std::size_t portIndex,
                                const SourceRates& nox, const SourceRates& pm) {
  const Port& port = scenario.ports[portIndex];
  const LocalFrame frame(port.position);
  const int cells = int(kPortGridMeters / kPortCellMeters);
  const glm::dvec2 origin(-kPortGridMeters / 2, -kPortGridMeters / 2);
  const double funnel = funnelHeight(scenario, port);
  const ConcentrationGrid noxGrid = gridFor(port, frame, funnel, nox, origin, cells);
  const ConcentrationGrid pmGrid = gridFor(port, frame, funnel, pm, origin, cells);

  PortConcentration result;
  result.southWest = frame.toLonLat(origin);
  result.cellLonDegrees = kPortCellMeters / frame.metersPerDegreeLon;
  result.cellLatDegrees = kPortCellMeters / frame.metersPerDegreeLat;
  result.columns = result.rows = cells;
  result.nox = noxGrid.values;
  result.pm25 = pmGrid.values;
  for (const Hotspot& hotspot : hotspots(noxGrid, 5)) {
    result.hotspots.push_back({frame.toLonLat(hotspot.position), hotspot.value});
  }
  return result;
}

}  // namespace

PortConcentration portConcentration(const Scenario& scenario, const Inventory& inventory,
                                    std::size_t port, int year) {
  const PortYear& totals = inventory.ports[port][std::size_t(year - inventory.fromYear)];
  const double secondsInYear = double(yearStart(year + 1) - yearStart(year)) / 1e6;
  const double gramsPerSecond = 1000.0 / secondsInYear;  // from kg per year
  SourceRates nox{totals.atBerth.nox * gramsPerSecond,
                  (totals.ships.nox - totals.atBerth.nox) * gramsPerSecond, {}};
  SourceRates pm{totals.atBerth.pm25 * gramsPerSecond,
                 (totals.ships.pm25 - totals.atBerth.pm25) * gramsPerSecond, {}};
  addLandside(scenario.ports[port], year, nox, pm);
  return concentration(scenario, port, nox, pm);
}

PortConcentration portConcentrationAt(const Scenario& scenario, const Fleet& fleet,
                                      std::size_t port, core::UtcMicros time) {
  SourceRates nox, pm;
  const double gramsPerSecond = 1000.0 / 3600.0;  // from kg per hour
  for (const Ship& ship : fleet.ships()) {
    const Section* section = fleet.sectionAt(ship, time);
    if (!section || section->port != int(port)) continue;
    const Emissions rate = sectionRate(scenario, fleet, ship, *section);
    const bool atBerth = section->phase == Phase::AtBerth;
    (atBerth ? nox.berth : nox.underway) += rate.nox * gramsPerSecond;
    (atBerth ? pm.berth : pm.underway) += rate.pm25 * gramsPerSecond;
  }
  addLandside(scenario.ports[port], yearOf(time), nox, pm);
  return concentration(scenario, port, nox, pm);
}

}  // namespace corridor::sim
