#include "scene/PortLayer.h"

#include <algorithm>
#include <cmath>

#include "geo/Geodesic.h"

namespace corridor::scene {
namespace {

constexpr double kPlumeLengthMeters = 12'000;  // drawn downwind of the berth
constexpr double kPuffCycleSeconds = 6.0;      // a puff's way from the funnels to the end
constexpr double kMaxRiseDistanceMeters = 2'000;  // Briggs rise levels off (final rise)
// Exhaust of a two-stroke engine at port load, as in the dispersion model.
const double kFunnelBuoyancy = sim::buoyancyFlux(15.0, 0.75, 570.0, 293.0);

// A point `meters` from p toward `bearingDegrees` (local flat approximation, fine for tens of
// kilometres).
geo::LonLat offset(const geo::LonLat& p, double bearingDegrees, double meters) {
  const double bearing = bearingDegrees * M_PI / 180.0;
  const double cosLat = std::max(0.05, std::cos(p.lat * M_PI / 180.0));
  return {p.lon + meters * std::sin(bearing) / (111'320.0 * cosLat),
          p.lat + meters * std::cos(bearing) / 110'574.0};
}

double fractionalPart(double x) { return x - std::floor(x); }

}  // namespace

// Smoke: warm and cool greys that no ship colour (fuel, class, variant, CO2 intensity) uses.
glm::vec4 plumeColor(sim::Pollutant pollutant) {
  switch (pollutant) {
    case sim::Pollutant::NOx: return {0.74f, 0.66f, 0.60f, 1.0f};  // brownish, as NO2 is
    case sim::Pollutant::SOx: return {0.76f, 0.74f, 0.62f, 1.0f};  // khaki
    case sim::Pollutant::PM: return {0.52f, 0.52f, 0.55f, 1.0f};   // soot
    default: return {0.80f, 0.83f, 0.86f, 1.0f};                   // pale grey
  }
}

std::vector<PlumePuff> plumePuffs(const PlumeSource& source, sim::Pollutant pollutant,
                                  double animationSeconds) {
  std::vector<PlumePuff> puffs;
  if (source.kgPerHour <= 0 || source.referenceKgPerHour <= 0) return puffs;
  // Area grows with the rate: a plume twice as strong is ~1.4 times as wide on screen.
  const double strength = std::min(1.0, std::sqrt(source.kgPerHour / source.referenceKgPerHour));
  const sim::Weather& weather = source.weather;
  const double toward = weather.windFromDegrees + 180.0;
  const geo::LonLat downwind = offset(source.berth, toward, 40'000);
  const glm::vec4 color = plumeColor(pollutant);
  const double phase = fractionalPart(animationSeconds / kPuffCycleSeconds);
  for (int i = 0; i < kPuffsPerPlume; ++i) {
    const double age = fractionalPart((i + phase) / kPuffsPerPlume);  // 0 at the funnels, 1 at the end
    const double x = std::max(1.0, age * kPlumeLengthMeters);
    const sim::Sigmas sigmas = sim::briggsSigmas(weather.stability, weather.terrain, std::max(100.0, x));
    const double rise = sim::plumeRise(kFunnelBuoyancy, std::min(x, kMaxRiseDistanceMeters), weather.windSpeed);
    PlumePuff puff;
    puff.source = source.berth;
    puff.downwind = downwind;
    const geo::LonLat ground = offset(source.berth, toward, x);
    puff.position = {ground.lon, ground.lat, source.stackHeightMeters + rise};
    puff.radiusMeters = 300.0 + 2.0 * sigmas.y;
    const double scale = 0.4 + 0.6 * strength;
    puff.minRadiusPixels = float((5.0 + 16.0 * age) * scale);
    puff.minOffsetPixels = float(age * 60.0 * scale);
    // Dilutes as it spreads; fades in at the funnels so puffs do not pop.
    const double fade = std::min(1.0, age * 8.0) * std::pow(1.0 - age, 1.3);
    puff.color = glm::vec4(glm::vec3(color), float(0.85 * (0.3 + 0.7 * strength) * fade));
    puffs.push_back(puff);
  }
  return puffs;
}

// References: WHO global air quality guidelines 2021 (annual NO2 10, annual PM2.5 5, 24-hour
// SO2 40 micrograms/m^3); US EPA NAAQS (annual NO2 53 ppb, about 100 micrograms/m^3; annual
// PM2.5 9 micrograms/m^3 since 2024). NOx is drawn against the NO2 references, as an upper bound.
HeatmapScale heatmapScale(sim::Pollutant pollutant) {
  switch (pollutant) {
    case sim::Pollutant::NOx: return {0.5, 200.0, {{10.0, "WHO"}, {100.0, "US"}}};
    case sim::Pollutant::PM: return {0.05, 50.0, {{5.0, "WHO"}, {9.0, "US"}}};
    case sim::Pollutant::SOx: return {0.05, 100.0, {{40.0, "WHO 24 h"}}};
    case sim::Pollutant::BlackCarbon: return {0.005, 5.0, {}};
    case sim::Pollutant::CH4: return {0.05, 50.0, {}};
    default: return {10.0, 10000.0, {}};
  }
}

glm::vec4 heatmapColor(double value, const HeatmapScale& scale) {
  if (!(value > scale.bottom * 0.1)) return glm::vec4(0.0f);
  const double decades = std::log10(value / scale.bottom);
  const double t = std::clamp(decades / std::log10(scale.top / scale.bottom), 0.0, 1.0);
  constexpr glm::vec3 kStops[] = {{1.00f, 0.95f, 0.60f}, {1.00f, 0.75f, 0.25f}, {0.95f, 0.40f, 0.15f},
                                  {0.80f, 0.10f, 0.25f}, {0.55f, 0.05f, 0.50f}};
  const double position = t * 4.0;
  const int i = std::min(3, int(position));
  const glm::vec3 rgb = glm::mix(kStops[i], kStops[i + 1], float(position - i));
  const double fadeIn = std::clamp(1.0 + decades, 0.0, 1.0);  // over the decade below the bottom
  return glm::vec4(rgb, float((0.15 + 0.7 * t) * fadeIn));
}

GroundHeatmap groundHeatmap(const sim::PortFootprint& footprint, const sim::ConcentrationGrid& field,
                            const HeatmapScale& scale) {
  GroundHeatmap heatmap{footprint.southWest, footprint.cellLonDegrees, footprint.cellLatDegrees,
                        field.columns, field.rows, {}, {}, scale};
  const std::size_t corners = std::size_t(field.columns + 1) * std::size_t(field.rows + 1);
  heatmap.cornerValues.reserve(corners);
  heatmap.cornerFades.reserve(corners);
  // A corner's value: the mean of the cells around it.
  for (int row = 0; row <= field.rows; ++row) {
    for (int column = 0; column <= field.columns; ++column) {
      double sum = 0;
      int cells = 0;
      for (int r = std::max(0, row - 1); r <= std::min(field.rows - 1, row); ++r) {
        for (int c = std::max(0, column - 1); c <= std::min(field.columns - 1, column); ++c) {
          sum += field.at(c, r);
          ++cells;
        }
      }
      // Fades out toward the grid's inscribed circle, smoothly (smoothstep) over its outer
      // sim::kPortGridFadeMeters (40 % of the smallest grid's radius, at most 40 % of any), so
      // that a plume leaving the grid, however strong, tapers off as a plume does: a fade toward
      // the square's sides still drew the square at 80 km, where night plumes reach past the
      // grid at the top of the scale. Wider grids leave that band beyond their areas.
      const double radius = 0.5 * std::min(field.columns, field.rows);
      const double band = std::min(0.4 * radius, sim::kPortGridFadeMeters / field.cellSize);
      const double fromCentre = std::hypot(column - 0.5 * field.columns, row - 0.5 * field.rows);
      const float t = float(std::clamp((radius - fromCentre) / band, 0.0, 1.0));
      heatmap.cornerValues.push_back(float(sum / cells));
      heatmap.cornerFades.push_back(t * t * (3 - 2 * t));
    }
  }
  return heatmap;
}

std::string pollutantName(sim::Pollutant pollutant) {
  switch (pollutant) {
    case sim::Pollutant::CO2: return "CO2";
    case sim::Pollutant::CH4: return "CH4";
    case sim::Pollutant::NOx: return "NOx";
    case sim::Pollutant::SOx: return "SOx";
    case sim::Pollutant::PM: return "PM2.5";
    case sim::Pollutant::BlackCarbon: return "black carbon";
  }
  return "?";
}


sim::Emissions plumeReference(const sim::Scenario& scenario) {
  constexpr int kSamples = 120;
  constexpr core::UtcMicros kStep = 6 * 3600LL * core::kMicrosPerSecond;
  // Spring of the first year: the ships have spread over their loops by then.
  const core::UtcMicros start = sim::yearStart(scenario.startYear) + 90 * 86400LL * core::kMicrosPerSecond;
  const sim::Fleet fleet(scenario, start - 60 * 86400LL * core::kMicrosPerSecond, start + kSamples * kStep);
  sim::Emissions busiest;
  for (std::size_t port = 0; port < scenario.ports.size(); ++port) {
    sim::Emissions sum;
    for (int i = 0; i < kSamples; ++i) sum += sim::portRate(scenario, fleet, port, start + i * kStep);
    const sim::Emissions mean = sum * (1.0 / kSamples);
    busiest.co2 = std::max(busiest.co2, mean.co2);
    busiest.ch4 = std::max(busiest.ch4, mean.ch4);
    busiest.nox = std::max(busiest.nox, mean.nox);
    busiest.sox = std::max(busiest.sox, mean.sox);
    busiest.pm25 = std::max(busiest.pm25, mean.pm25);
    busiest.blackCarbon = std::max(busiest.blackCarbon, mean.blackCarbon);
  }
  return busiest;
}

bool heatmapInView(const timeline::CameraPose& camera, const geo::LonLat& port) {
  constexpr double kPortScaleAltitude = 400'000;  // metres
  if (camera.altitude > kPortScaleAltitude) return false;
  return geo::geodesicDistanceMeters({camera.lon, camera.lat}, port) < camera.altitude * 2.0 + 40'000;
}

std::shared_ptr<const PortLayer> buildPortLayer(const sim::Fleet& fleet, core::UtcMicros time,
                                                const sim::Emissions& reference,
                                                const PortLayerOptions& options) {
  const sim::Scenario& scenario = fleet.scenario();
  auto layer = std::make_shared<PortLayer>();
  for (std::size_t port = 0; port < scenario.ports.size(); ++port) {
    const sim::PortSources sources = sim::portSourcesAt(scenario, fleet, port, time);
    PlumeSource plume{scenario.ports[port].position, sim::portWeatherAt(scenario, port, time),
                      sim::portStackHeight(scenario, scenario.ports[port]),
                      sim::amountOf(sources.ships(), options.pollutant),
                      sim::amountOf(reference, options.pollutant)};
    const std::vector<PlumePuff> puffs = plumePuffs(plume, options.pollutant, options.animationSeconds);
    layer->puffs.insert(layer->puffs.end(), puffs.begin(), puffs.end());
    if (port < options.heatmaps.size() && options.heatmaps[port]) {
      const sim::PortFootprint& footprint = *options.heatmaps[port];
      layer->heatmaps.push_back(groundHeatmap(footprint, sim::groundField(footprint, sources, options.pollutant),
                                              heatmapScale(options.pollutant)));
    }
  }
  return layer;
}

}  // namespace corridor::scene
