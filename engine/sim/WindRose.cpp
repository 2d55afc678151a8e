#include "sim/WindRose.h"

#include <array>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "core/Parallel.h"

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

// Sums over [m, m + width) x [n, n + height) of a table, from its prefix sums in four lookups.
class BoxSums {
 public:
  BoxSums(int columns, int rows)
      : columns_(columns), rows_(rows), prefix_(std::size_t(columns + 1) * std::size_t(rows + 1), 0.0) {}
  // Fills the table row by row (value(m, n) for every m of row n, then the next row).
  template <class Value>
  void fill(const Value& value) {
    for (int n = 0; n < rows_; ++n) {
      for (int m = 0; m < columns_; ++m) at(m + 1, n + 1) = value(m, n) + at(m, n + 1) + at(m + 1, n) - at(m, n);
    }
  }
  double box(int m, int n, int width, int height) const {
    return at(m + width, n + height) - at(m, n + height) - at(m + width, n) + at(m, n);
  }

 private:
  double& at(int m, int n) { return prefix_[std::size_t(n) * std::size_t(columns_ + 1) + std::size_t(m)]; }
  double at(int m, int n) const { return prefix_[std::size_t(n) * std::size_t(columns_ + 1) + std::size_t(m)]; }
  int columns_, rows_;
  std::vector<double> prefix_;
};

// A path's area: the kernel summed over the lattice points in its strip, each by its share.
// `kernel`: the unit concentration at every receptor-to-point offset, indexed as addArea's.
void addPathArea(ConcentrationGrid& grid, const AreaSource& area, const std::vector<double>& kernel, int kernelWidth,
                 glm::dvec2 first, double step) {
  const int nx = areaLatticeCount(2 * area.halfSize.x, step), ny = areaLatticeCount(2 * area.halfSize.y, step);
  const std::vector<LatticeShare> shares = areaLatticeShares(area, nx, ny, first, step);
  core::forEachBand(grid.rows, 8, [&](int begin, int end) {
    for (int row = begin; row < end; ++row) {
      for (int column = 0; column < grid.columns; ++column) {
        double sum = 0;
        for (const LatticeShare& share : shares) {
          const int m = 2 * column - share.i + nx - 1, n = 2 * row - share.j + ny - 1;
          sum += share.gramsPerSecond * kernel[std::size_t(n) * std::size_t(kernelWidth) + std::size_t(m)];
        }
        grid.values[std::size_t(row) * std::size_t(grid.columns) + std::size_t(column)] += sum;
      }
    }
  });
}

// An area as a lattice half a cell apart (its extent rounded to whole steps). Receptors lie a
// cell apart, so every receptor-to-point offset falls on one lattice of half-cell steps: the
// kernel is evaluated once per offset. The area's tapered sum at a receptor (AreaTaper: box(flat)
// convolved with box(ramp) along each axis) is a box sum of ramp-wide box sums, each read from
// prefix sums in four lookups.
void addArea(ConcentrationGrid& grid, const AreaSource& area, const SectorTables& tables, double sectorWidth) {
  const double step = grid.cellSize / 2;
  const int nx = areaLatticeCount(2 * area.halfSize.x, step), ny = areaLatticeCount(2 * area.halfSize.y, step);
  const AreaTaper alongX(nx), alongY(ny);
  const glm::dvec2 first = area.centre - glm::dvec2(nx - 1, ny - 1) * (step / 2);
  // Offset of receptor (column, row) from point (i, j) = base + (2 column - i, 2 row - j) step;
  // index m = 2 column - i + nx - 1 runs over [0, 2 (columns - 1) + nx).
  const glm::dvec2 base = grid.origin + 0.5 * grid.cellSize - first - glm::dvec2(nx - 1, ny - 1) * step;
  const int width = 2 * (grid.columns - 1) + nx, height = 2 * (grid.rows - 1) + ny;
  const auto kernelAt = [&](int m, int n) {
    return unitConcentration(tables, base + glm::dvec2(m, n) * step, sectorWidth);
  };
  if (!area.path.empty()) {
    std::vector<double> kernel(std::size_t(width) * std::size_t(height));
    for (int n = 0; n < height; ++n) {
      for (int m = 0; m < width; ++m) kernel[std::size_t(n) * std::size_t(width) + std::size_t(m)] = kernelAt(m, n);
    }
    addPathArea(grid, area, kernel, width, first, step);
    return;
  }
  BoxSums kernel(width, height);
  kernel.fill(kernelAt);
  const int rampsWidth = width - alongX.ramp + 1, rampsHeight = height - alongY.ramp + 1;
  BoxSums ramps(rampsWidth, rampsHeight);
  ramps.fill([&](int m, int n) { return kernel.box(m, n, alongX.ramp, alongY.ramp); });
  const double share = area.gramsPerSecond / (alongX.total() * alongY.total());
  for (int row = 0; row < grid.rows; ++row) {
    for (int column = 0; column < grid.columns; ++column) {
      const double sum = ramps.box(2 * column, 2 * row, alongX.flat, alongY.flat);
      grid.values[std::size_t(row) * std::size_t(grid.columns) + std::size_t(column)] += share * sum;
    }
  }
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
    addArea(grid, area, tablesFor({area.centre, area.gramsPerSecond, area.releaseHeight, 0}), rose.sectorWidthDegrees);
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
