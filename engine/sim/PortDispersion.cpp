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

// Points every kilometre along the approach, inside the port radius.
std::vector<glm::dvec2> approachPoints(const Port& port, const LocalFrame& frame) {
  std::vector<geo::LonLat> line{port.position};
  line.insert(line.end(), port.approach.begin(), port.approach.end());
  std::vector<glm::dvec2> points;
  const double limit = port.portRadiusNm * 1852.0;
  double travelled = 0;
  for (std::size_t i = 1; i < line.size() && travelled < limit; ++i) {
    for (const auto& p : geo::geodesicPath(line[i - 1], line[i], kApproachStepMeters)) {
      if (travelled >= limit) break;
      points.push_back(frame.toLocal(p));
      travelled += kApproachStepMeters;
    }
  }
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

// One pollutant's grid: rates in kilograms per year.
ConcentrationGrid gridFor(const Port& port, const LocalFrame& frame, double funnel, double berthKgPerYear,
                          double underwayKgPerYear, const std::vector<double>& landsideKgPerYear,
                          glm::dvec2 origin, int cells) {
  auto gramsPerSecond = [](double kgPerYear) { return kgPerYear * 1000.0 / kSecondsPerYear; };
  std::vector<PointSource> points{{{0.0, 0.0}, gramsPerSecond(berthKgPerYear), funnel, kFunnelBuoyancy}};
  const std::vector<glm::dvec2> approach = approachPoints(port, frame);
  for (const glm::dvec2& p : approach) {
    points.push_back({p, gramsPerSecond(underwayKgPerYear) / double(approach.size()), funnel,
                      kFunnelBuoyancy});
  }
  std::vector<AreaSource> areas;
  for (std::size_t i = 0; i < port.areaSources.size(); ++i) {
    const auto& source = port.areaSources[i];
    areas.push_back({{0.0, 0.0}, source.sizeKm * 500.0, gramsPerSecond(landsideKgPerYear[i]), 3.0});
  }
  return groundConcentration(points, areas, port.weather, origin, kPortCellMeters, cells, cells);
}

}  // namespace

PortConcentration portConcentration(const Scenario& scenario, const Inventory& inventory,
                                    std::size_t portIndex, int year) {
  const Port& port = scenario.ports[portIndex];
  const PortYear& totals = inventory.ports[portIndex][std::size_t(year - inventory.fromYear)];
  const LocalFrame frame(port.position);
  const int cells = int(kPortGridMeters / kPortCellMeters);
  const glm::dvec2 origin(-kPortGridMeters / 2, -kPortGridMeters / 2);

  std::vector<double> landsideNox, landsidePm;
  for (const auto& source : port.areaSources) {
    const double remaining = 1.0 - source.zeroEmissionShare.at(year);
    landsideNox.push_back(source.noxTonnesPerYear * 1000.0 * remaining);
    landsidePm.push_back(source.pm25TonnesPerYear * 1000.0 * remaining);
  }
  const double funnel = funnelHeight(scenario, port);
  const ConcentrationGrid nox = gridFor(port, frame, funnel, totals.atBerth.nox,
                                        totals.ships.nox - totals.atBerth.nox, landsideNox, origin, cells);
  const ConcentrationGrid pm = gridFor(port, frame, funnel, totals.atBerth.pm25,
                                       totals.ships.pm25 - totals.atBerth.pm25, landsidePm, origin, cells);

  PortConcentration result;
  result.southWest = frame.toLonLat(origin);
  result.cellLonDegrees = kPortCellMeters / frame.metersPerDegreeLon;
  result.cellLatDegrees = kPortCellMeters / frame.metersPerDegreeLat;
  result.columns = result.rows = cells;
  result.nox = nox.values;
  result.pm25 = pm.values;
  for (const Hotspot& hotspot : hotspots(nox, 5)) {
    result.hotspots.push_back({frame.toLonLat(hotspot.position), hotspot.value});
  }
  return result;
}

}  // namespace corridor::sim
