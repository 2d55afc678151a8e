#include "sim/PortDispersion.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "geo/Ellipsoid.h"
#include "geo/Geodesic.h"

namespace corridor::sim {
namespace {

// Under way in the port area the main engine's exhaust lifts the plume: ~15 m/s, 0.75 m
// funnel radius, 570 K into 293 K.
const double kFunnelBuoyancy = buoyancyFlux(15.0, 0.75, 570.0, 293.0);
// At berth only the auxiliaries and the boiler run. ASSUMPTION from a genset's exhaust: ~7 kg
// of gas per kWh, so ~2.5 kg/s for the 1.1-1.4 MW of Table 17, at 620 K through a 0.3 m
// radius uptake: ~15 m/s. A sixth of the main engine's buoyancy, so a lower plume.
const double kHotellingBuoyancy = buoyancyFlux(15.0, 0.3, 620.0, 293.0);
constexpr double kApproachStepMeters = 250.0;  // the grid cell: no gaps between the wedges of the points

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

constexpr double kLandsideRelease = 3.0;  // metres: exhaust pipes of trucks and yard equipment

// A landside source as the dispersion sees it, emitting 1 g/s: a box, or a path's strip.
AreaSource landsideArea(const AreaEmissionSource& source) {
  if (source.pathKm.empty()) return {source.offsetKm * 1000.0, source.sizeKm * 500.0, 1.0, kLandsideRelease};
  std::vector<glm::dvec2> path;
  for (const glm::dvec2& vertex : source.pathKm) path.push_back(vertex * 1000.0);
  return pathArea(std::move(path), source.pathWidthKm * 500.0, 1.0, kLandsideRelease, kPortCellMeters);
}

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

}  // namespace

double portGridMeters(const Port& port) {
  double reach = kMinPortGridMeters / 2;
  for (const AreaEmissionSource& source : port.areaSources) {
    reach = std::max(reach, glm::length(source.reachKm()) * 1000.0 + kPortGridFadeMeters);
  }
  return std::min(2 * std::ceil(reach / kPortCellMeters) * kPortCellMeters, kMaxPortGridMeters);
}

double portStackHeight(const Scenario& scenario, const Port& port) {
  double weighted = 0, ships = 0;
  for (const Service& service : scenario.services) {
    if (!service.callsAt(port.id)) continue;
    weighted += scenario.vesselClass(service.vesselClass).stackHeightM * service.ships;
    ships += service.ships;
  }
  return ships > 0 ? weighted / ships : VesselClass{}.stackHeightM;
}

namespace {

constexpr int kBerthLattice = 3;  // 3 x 3 funnels over the berth area
constexpr double kGramsPerSecondPerKgPerHour = 1000.0 / 3600.0;

constexpr std::uint64_t kSaltWeatherClass = 11, kSaltWeatherDirection = 12;
constexpr core::UtcMicros kWeatherBlock = 3 * 3600LL * core::kMicrosPerSecond;

// The grid of one group of sources, whose rates add up to 1 g/s: `cellsEitherSide` of the berth.
ConcentrationGrid unitGrid(int cellsEitherSide, const WindRose& rose, const std::vector<PointSource>& points,
                           const std::vector<AreaSource>& areas) {
  const double half = cellsEitherSide * kPortCellMeters;
  return longTermConcentration(points, areas, rose, {-half, -half}, kPortCellMeters, 2 * cellsEitherSide,
                               2 * cellsEitherSide);
}

// Unstable classes need sunshine and stable ones a night sky.
bool possibleInLight(StabilityClass stability, bool day) {
  if (day) return stability != StabilityClass::E && stability != StabilityClass::F;
  return stability != StabilityClass::A && stability != StabilityClass::B && stability != StabilityClass::C;
}

// The rose's entries that can occur at a moment: in its month and light; failing any, in its
// light; failing that, all.
std::vector<const WindRoseEntry*> possibleEntries(const WindRose& rose, int month, bool day) {
  const auto select = [&](auto&& keep) {
    std::vector<const WindRoseEntry*> chosen;
    for (const WindRoseEntry& entry : rose.entries) {
      if (entry.frequency > 0 && keep(entry)) chosen.push_back(&entry);
    }
    return chosen;
  };
  auto chosen = select([&](const WindRoseEntry& e) {
    return possibleInLight(e.stability, day) && (e.months >> (month - 1) & 1u);
  });
  if (chosen.empty()) chosen = select([&](const WindRoseEntry& e) { return possibleInLight(e.stability, day); });
  if (chosen.empty()) chosen = select([](const WindRoseEntry&) { return true; });
  return chosen;
}

// Landside sources in a year (kg/h over the year's hours), their zero-emission share taken out.
std::vector<Emissions> landsideRates(const Port& port, int year) {
  const double hours = double(yearStart(year + 1) - yearStart(year)) / 3.6e9;
  std::vector<Emissions> rates;
  for (const auto& source : port.areaSources) rates.push_back(landsideEmissions(port, source, year) * (1.0 / hours));
  return rates;
}

PortConcentration concentration(const PortFootprint& footprint, const PortSources& sources) {
  const ConcentrationGrid nox = groundField(footprint, sources, Pollutant::NOx);
  PortConcentration result;
  result.southWest = footprint.southWest;
  result.cellLonDegrees = footprint.cellLonDegrees;
  result.cellLatDegrees = footprint.cellLatDegrees;
  result.columns = footprint.columns();
  result.rows = footprint.rows();
  result.nox = nox.values;
  result.pm25 = groundField(footprint, sources, Pollutant::PM).values;
  for (const Hotspot& hotspot : hotspots(nox, 5)) {
    result.hotspots.push_back({footprint.lonLatOf(hotspot.position), hotspot.value});
  }
  return result;
}

}  // namespace

PortFootprint portFootprint(const Scenario& scenario, std::size_t portIndex, const WindRose& rose, double gridMeters) {
  const Port& port = scenario.ports[portIndex];
  const LocalFrame frame(port.position);
  const double funnel = portStackHeight(scenario, port);
  PortFootprint footprint;
  // Whole cells either side of the berth, whatever the width asked for.
  const int cells = std::max(1, int(std::lround(gridMeters / (2 * kPortCellMeters))));
  footprint.southWest = frame.toLonLat({-cells * kPortCellMeters, -cells * kPortCellMeters});
  footprint.cellLonDegrees = kPortCellMeters / frame.metersPerDegreeLon;
  footprint.cellLatDegrees = kPortCellMeters / frame.metersPerDegreeLat;

  std::vector<PointSource> berth;
  const glm::dvec2 berthSize = port.berthSizeKm * 1000.0;
  for (int i = 0; i < kBerthLattice; ++i) {
    for (int j = 0; j < kBerthLattice; ++j) {
      const glm::dvec2 offset((i + 0.5) / kBerthLattice - 0.5, (j + 0.5) / kBerthLattice - 0.5);
      berth.push_back({offset * berthSize, 1.0 / (kBerthLattice * kBerthLattice), funnel, kHotellingBuoyancy});
    }
  }
  footprint.atBerth = unitGrid(cells, rose, berth, {});
  std::vector<PointSource> underway;
  const std::vector<glm::dvec2> approach = approachPoints(port, frame);
  for (const glm::dvec2& p : approach) {
    underway.push_back({p, 1.0 / double(approach.size()), funnel, kFunnelBuoyancy});
  }
  footprint.underway = unitGrid(cells, rose, underway, {});
  for (const auto& source : port.areaSources) {
    footprint.landside.push_back(
        unitGrid(cells, rose, {}, {landsideArea(source)}));
  }
  return footprint;
}

PortFootprint annualFootprint(const Scenario& scenario, std::size_t port) {
  return portFootprint(scenario, port, scenario.ports[port].windRose, portGridMeters(scenario.ports[port]));
}

PortFootprint momentFootprint(const Scenario& scenario, std::size_t port, const Weather& weather) {
  return portFootprint(scenario, port, steadyRose(weather), portGridMeters(scenario.ports[port]));
}

Weather portWeatherAt(const Scenario& scenario, std::size_t portIndex, core::UtcMicros time) {
  const Port& port = scenario.ports[portIndex];
  if (!port.metHours.empty() && time >= port.metHours.front().start) {
    const auto hour = std::size_t((time - port.metHours.front().start) / (kWeatherBlock / 3));
    if (hour < port.metHours.size()) return port.metHours[hour].weather;
  }
  const WindRose& rose = port.windRose;
  const std::int64_t block = time / kWeatherBlock - (time % kWeatherBlock < 0 ? 1 : 0);
  const core::UtcMicros middle = block * kWeatherBlock + kWeatherBlock / 2;
  const bool day = sunElevationDegrees(port.position, middle) > 0;
  const std::vector<const WindRoseEntry*> candidates = possibleEntries(rose, core::toCivilTime(middle).month, day);
  double share = 0;
  for (const WindRoseEntry* entry : candidates) share += entry->frequency;
  const std::uint64_t key = std::uint64_t(block);
  double pick = deterministicUniform(scenario.seed, portIndex, key, 0, kSaltWeatherClass) * share;
  const WindRoseEntry* chosen = candidates.back();
  for (const WindRoseEntry* entry : candidates) {
    if ((pick -= entry->frequency) < 0) {
      chosen = entry;
      break;
    }
  }
  Weather weather = rose.weatherOf(*chosen);
  // Within its sector the direction is uniform, as the long-term model takes it.
  const double spread = deterministicUniform(scenario.seed, portIndex, key, 0, kSaltWeatherDirection) - 0.5;
  weather.windFromDegrees = std::fmod(weather.windFromDegrees + spread * rose.sectorWidthDegrees + 360.0, 360.0);
  return weather;
}

Emissions PortSources::ships() const {
  Emissions sum = atBerth;
  sum += underway;
  return sum;
}

Emissions PortSources::total() const {
  Emissions sum = ships();
  for (const Emissions& source : landside) sum += source;
  return sum;
}

PortSources portSourcesAt(const Scenario& scenario, const Fleet& fleet, std::size_t port,
                          core::UtcMicros time) {
  PortSources sources;
  for (const Ship& ship : fleet.ships()) {
    const Section* section = fleet.sectionAt(ship, time);
    if (!section || section->port != int(port)) continue;
    const Emissions rate = sectionRate(scenario, fleet, ship, *section);
    (section->phase == Phase::AtBerth ? sources.atBerth : sources.underway) += rate;
  }
  sources.landside = landsideRates(scenario.ports[port], yearOf(time));
  return sources;
}

PortSources portSourcesInYear(const Scenario& scenario, const Inventory& inventory,
                              std::size_t port, int year) {
  const PortYear& totals = inventory.ports[port][std::size_t(year - inventory.fromYear)];
  const double hours = double(yearStart(year + 1) - yearStart(year)) / 3.6e9;
  PortSources sources;
  sources.atBerth = totals.atBerth * (1.0 / hours);
  sources.underway = totals.ships * (1.0 / hours);
  sources.underway += totals.atBerth * (-1.0 / hours);  // ships in the port area, not at berth
  sources.landside = landsideRates(scenario.ports[port], year);
  return sources;
}

ConcentrationGrid groundField(const PortFootprint& footprint, const PortSources& sources,
                              Pollutant pollutant) {
  ConcentrationGrid field = footprint.atBerth;
  const double berth = amountOf(sources.atBerth, pollutant) * kGramsPerSecondPerKgPerHour;
  const double underway = amountOf(sources.underway, pollutant) * kGramsPerSecondPerKgPerHour;
  std::vector<double> landside;
  for (const Emissions& source : sources.landside) {
    landside.push_back(amountOf(source, pollutant) * kGramsPerSecondPerKgPerHour);
  }
  for (std::size_t i = 0; i < field.values.size(); ++i) {
    double value = berth * footprint.atBerth.values[i] + underway * footprint.underway.values[i];
    for (std::size_t s = 0; s < landside.size() && s < footprint.landside.size(); ++s) {
      value += landside[s] * footprint.landside[s].values[i];
    }
    field.values[i] = value;
  }
  return field;
}

PortConcentration portConcentration(const PortFootprint& annual, const Scenario& scenario,
                                    const Inventory& inventory, std::size_t port, int year) {
  return concentration(annual, portSourcesInYear(scenario, inventory, port, year));
}

PortConcentration portConcentrationAt(const Scenario& scenario, const Fleet& fleet,
                                      std::size_t port, core::UtcMicros time) {
  const PortFootprint footprint = momentFootprint(scenario, port, portWeatherAt(scenario, port, time));
  return concentration(footprint, portSourcesAt(scenario, fleet, port, time));
}

}  // namespace corridor::sim
