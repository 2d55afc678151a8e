#include "sim/WindRose.h"

#include <array>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "core/Parallel.h"
#include "sim/AreaKernel.h"

namespace corridor::sim {
namespace {

constexpr double kMicrogramsPerGram = 1e6;
// The sector-averaged plume is tabulated against log distance, from 1 m to 100 km.
constexpr double kNearestMeters = 1.0, kFarthestMeters = 100'000.0;
constexpr int kStepsPerDecade = 64;
constexpr int kTableSize = 5 * kStepsPerDecade + 1;

double degreesToRadians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// For one release (stack height and buoyancy), each sector's frequency-weighted
// sector-averaged concentration per g/s against log distance.
class SectorTables {
 public:
  SectorTables(const WindRose& rose, const PointSource& release, int sectors)
      : sectors_(sectors), values_(std::size_t(sectors) * kTableSize, 0.0) {
    const double width = degreesToRadians(rose.sectorWidthDegrees);
    for (const WindRoseEntry& entry : rose.entries) {
      const int sector = sectorOf(entry.windFromDegrees, rose.sectorWidthDegrees, sectors);
      const double windSpeed = windSpeedAt(rose.weatherOf(entry), release.stackHeight);
      for (int k = 0; k < kTableSize; ++k) {
        const double x = distanceAt(k);
        const Sigmas sigmas = briggsSigmas(entry.stability, rose.terrain, x);
        const double height = effectiveHeight(release, x, windSpeed);
        const double exponent = height * height / (2 * sigmas.z * sigmas.z);
        if (sigmas.z <= 0 || exponent > 40) continue;
        values_[std::size_t(sector) * kTableSize + std::size_t(k)] +=
            entry.frequency * std::sqrt(2 / std::numbers::pi) / (sigmas.z * windSpeed * x * width) *
            std::exp(-exponent);
      }
    }
  }

  // At a distance, with the wind from `fromSectors` (degrees / sector width, fractional):
  // linear between the two nearest sector centres.
  double at(double x, double fromSectors) const {
    const double position = std::log10(x / kNearestMeters) * kStepsPerDecade;
    if (position < 0 || position >= kTableSize - 1) return 0;
    const int k = int(position);
    const double u = position - k;
    const int lower = int(std::floor(fromSectors));
    const double t = fromSectors - lower;
    const int a = ((lower % sectors_) + sectors_) % sectors_, b = (a + 1) % sectors_;
    return (1 - t) * radial(a, k, u) + t * radial(b, k, u);
  }

  static int sectorOf(double fromDegrees, double width, int sectors) {
    return (int(std::lround(fromDegrees / width)) % sectors + sectors) % sectors;
  }

 private:
  static double distanceAt(int k) { return kNearestMeters * std::pow(10.0, double(k) / kStepsPerDecade); }
  double radial(int sector, int k, double u) const {
    const double* row = &values_[std::size_t(sector) * kTableSize];
    return (1 - u) * row[k] + u * row[k + 1];
  }

  int sectors_;
  std::vector<double> values_;
};

// Per g/s of a release at offset `d` (receptor minus release), with the wind from any sector.
double unitConcentration(const SectorTables& tables, glm::dvec2 d, double sectorWidth) {
  const double x = std::hypot(d.x, d.y);
  if (x < kNearestMeters) return 0;
  // The air moved towards the receptor's bearing, so it came from the opposite one.
  const double from = std::atan2(d.x, d.y) * 180.0 / std::numbers::pi + 180.0;
  return tables.at(x, from / sectorWidth);
}

ConcentrationGrid sectorAveraged(const std::vector<PointSource>& points, const std::vector<AreaSource>& areas,
                                 const WindRose& rose, ConcentrationGrid grid) {
  const int sectors = std::max(1, int(std::lround(360.0 / rose.sectorWidthDegrees)));
  // One table set per distinct release height and buoyancy (a port has three or four).
  std::map<std::pair<double, double>, SectorTables> tables;
  const auto tablesFor = [&](const PointSource& release) -> const SectorTables& {
    const auto key = std::make_pair(release.stackHeight, release.buoyancyFlux);
    auto it = tables.find(key);
    if (it == tables.end()) it = tables.emplace(key, SectorTables(rose, release, sectors)).first;
    return it->second;
  };
  std::vector<const SectorTables*> tableOf;
  for (const PointSource& point : points) tableOf.push_back(&tablesFor(point));
  core::forEachBand(grid.rows, 8, [&](int begin, int end) {
    for (int row = begin; row < end; ++row) {
      for (int column = 0; column < grid.columns; ++column) {
        const glm::dvec2 receptor = grid.origin + (glm::dvec2(column, row) + 0.5) * grid.cellSize;
        double sum = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
          sum += points[i].gramsPerSecond *
                 unitConcentration(*tableOf[i], receptor - points[i].position, rose.sectorWidthDegrees);
        }
        grid.values[std::size_t(row) * std::size_t(grid.columns) + std::size_t(column)] = sum;
      }
    }
  });
  for (const AreaSource& area : areas) {
    const SectorTables& areaTables = tablesFor({area.centre, area.gramsPerSecond, area.releaseHeight, 0});
    addAreaByKernel(grid, area, [&](glm::dvec2 offset) {
      return unitConcentration(areaTables, offset, rose.sectorWidthDegrees);
    });
  }
  for (double& value : grid.values) value *= kMicrogramsPerGram;
  return grid;
}

constexpr std::array<std::string_view, 16> kCompass{"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
                                                    "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};

}  // namespace

std::optional<double> compassPointDegrees(std::string_view name) {
  for (std::size_t i = 0; i < kCompass.size(); ++i) {
    if (name == kCompass[i]) return double(i) * 22.5;
  }
  return std::nullopt;
}

std::optional<std::string_view> compassPointName(double degrees) {
  const double point = degrees / 22.5;
  if (std::abs(point - std::round(point)) > 1e-9) return std::nullopt;
  return kCompass[std::size_t(std::lround(point)) % kCompass.size()];
}

bool onSectorCentre(double sectorWidthDegrees, double degrees) {
  if (sectorWidthDegrees <= 0) return true;
  const double sectors = degrees / sectorWidthDegrees;
  return std::abs(sectors - std::round(sectors)) <= 1e-6;
}

bool frequenciesSumToOne(const std::vector<WindRoseEntry>& entries, double& sum) {
  sum = 0;
  for (const WindRoseEntry& entry : entries) sum += entry.frequency;
  return std::abs(sum - 1) <= 0.001;
}

WindRose steadyRose(const Weather& weather) {
  return {{{weather.windFromDegrees, weather.windSpeed, weather.stability, 1.0, WindRoseEntry::kEveryMonth}},
          weather.terrain,
          0.0,
          weather.anemometerHeight};
}

ConcentrationGrid longTermConcentration(const std::vector<PointSource>& points,
                                        const std::vector<AreaSource>& areas, const WindRose& rose,
                                        glm::dvec2 origin, double cellSize, int columns, int rows) {
  ConcentrationGrid grid{origin, cellSize, std::max(columns, 0), std::max(rows, 0), {}};
  grid.values.assign(std::size_t(grid.columns) * std::size_t(grid.rows), 0.0);
  if (grid.values.empty() || cellSize <= 0) return grid;
  if (rose.sectorWidthDegrees > 0) return sectorAveraged(points, areas, rose, std::move(grid));
  for (const WindRoseEntry& entry : rose.entries) {
    const ConcentrationGrid steady =
        groundConcentration(points, areas, rose.weatherOf(entry), origin, cellSize, columns, rows);
    for (std::size_t i = 0; i < grid.values.size(); ++i) grid.values[i] += entry.frequency * steady.values[i];
  }
  return grid;
}

}  // namespace corridor::sim
