#include "sim/Dispersion.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <numeric>

#include "core/Parallel.h"
#include "sim/AreaKernel.h"

namespace corridor::sim {
namespace {

constexpr double kGravity = 9.81;  // m/s^2
constexpr double kMicrogramsPerGram = 1e6;

// Every Briggs curve has the shape a x (1 + b x)^p with p one of these.
enum class Exponent { Zero, MinusHalf, MinusOne, PlusHalf };

struct BriggsCurve {
  double a = 0, b = 0;
  Exponent exponent = Exponent::Zero;

  double at(double x) const {
    const double base = 1 + b * x;
    switch (exponent) {
      case Exponent::Zero: return a * x;
      case Exponent::MinusHalf: return a * x / std::sqrt(base);
      case Exponent::MinusOne: return a * x / base;
      case Exponent::PlusHalf: return a * x * std::sqrt(base);
    }
    return 0;
  }
};

struct BriggsCurves {
  BriggsCurve y, z;
};

// Rural sigma-y shares b = 0.0001 and the (1 + b x)^-1/2 shape; only the slope differs.
BriggsCurve ruralSigmaY(double a) { return {a, 0.0001, Exponent::MinusHalf}; }
BriggsCurve urbanSigmaY(double a) { return {a, 0.0004, Exponent::MinusHalf}; }

BriggsCurves ruralCurves(StabilityClass stability) {
  switch (stability) {
    case StabilityClass::A: return {ruralSigmaY(0.22), {0.20, 0, Exponent::Zero}};
    case StabilityClass::B: return {ruralSigmaY(0.16), {0.12, 0, Exponent::Zero}};
    case StabilityClass::C: return {ruralSigmaY(0.11), {0.08, 0.0002, Exponent::MinusHalf}};
    case StabilityClass::D: return {ruralSigmaY(0.08), {0.06, 0.0015, Exponent::MinusHalf}};
    case StabilityClass::E: return {ruralSigmaY(0.06), {0.03, 0.0003, Exponent::MinusOne}};
    case StabilityClass::F: return {ruralSigmaY(0.04), {0.016, 0.0003, Exponent::MinusOne}};
  }
  return {};
}

// Briggs' urban curves (McElroy-Pooler, St. Louis) pair the classes A-B and E-F.
BriggsCurves urbanCurves(StabilityClass stability) {
  switch (stability) {
    case StabilityClass::A:
    case StabilityClass::B: return {urbanSigmaY(0.32), {0.24, 0.001, Exponent::PlusHalf}};
    case StabilityClass::C: return {urbanSigmaY(0.22), {0.20, 0, Exponent::Zero}};
    case StabilityClass::D: return {urbanSigmaY(0.16), {0.14, 0.0003, Exponent::MinusHalf}};
    case StabilityClass::E:
    case StabilityClass::F: return {urbanSigmaY(0.11), {0.08, 0.0015, Exponent::MinusHalf}};
  }
  return {};
}

BriggsCurves briggsCurves(StabilityClass stability, Terrain terrain) {
  return terrain == Terrain::Urban ? urbanCurves(stability) : ruralCurves(stability);
}

// Upwind the curves are meaningless (urban A-B would even take the root of a negative number).
Sigmas sigmasAt(const BriggsCurves& curves, double x) {
  if (x <= 0) return {};
  return {curves.y.at(x), curves.z.at(x)};
}

// Far off the plume axis a source adds less than e^-40 (4e-18) of its centre-line value: drop
// it, which also keeps subnormal numbers (slow and imprecise) out of the grid.
constexpr double kNegligibleExponent = 40;

// Ground-level (z = 0) form of the plume formula: both reflection terms are equal there, so
// one exponential does. Callers guarantee x > 0 and u > 0.
double groundLevel(double q, double windSpeed, double y, double effectiveHeight, Sigmas s) {
  const double exponent =
      y * y / (2 * s.y * s.y) + effectiveHeight * effectiveHeight / (2 * s.z * s.z);
  if (exponent > kNegligibleExponent) return 0;
  return q / (std::numbers::pi * windSpeed * s.y * s.z) * std::exp(-exponent);
}

// A point of release, ready for the grid loop: rise is looked up, not recomputed, past x_f.
struct Emitter {
  glm::dvec2 position{0.0};
  double gramsPerSecond = 0;
  double stackHeight = 0;
  double buoyancyFlux = 0;
  double windSpeed = 0;  // at its release height
  double finalRiseDistance = 0;
  double finalRise = 0;

  double effectiveHeight(double x) const {
    if (x >= finalRiseDistance) return stackHeight + finalRise;
    return stackHeight + plumeRise(buoyancyFlux, x, windSpeed);
  }
};

Emitter pointEmitter(const PointSource& source, const Weather& weather) {
  Emitter emitter{source.position, source.gramsPerSecond, source.stackHeight, source.buoyancyFlux,
                  windSpeedAt(weather, source.stackHeight), 0, 0};
  if (source.buoyancyFlux > 0) {
    emitter.finalRiseDistance = finalRiseDistance(source.buoyancyFlux);
    emitter.finalRise = plumeRise(source.buoyancyFlux, emitter.finalRiseDistance, emitter.windSpeed);
  }
  return emitter;
}

// Wind coordinates: x along the direction the air moves to, y to its left.
struct WindFrame {
  glm::dvec2 downwind{0.0};
  BriggsCurves curves;

  glm::dvec2 toWind(glm::dvec2 offset) const {
    return {glm::dot(offset, downwind), downwind.x * offset.y - downwind.y * offset.x};
  }
};

WindFrame windFrame(const Weather& weather) {
  // Wind from theta (clockwise from north) blows toward theta + 180: (-sin theta, -cos theta).
  const double theta = weather.windFromDegrees * std::numbers::pi / 180;
  return {{-std::sin(theta), -std::cos(theta)}, briggsCurves(weather.stability, weather.terrain)};
}

// g/m^3 at a receptor `offset` from the emitter (receptor minus emitter position).
double emitterAt(const Emitter& emitter, glm::dvec2 offset, const WindFrame& wind) {
  const glm::dvec2 xy = wind.toWind(offset);
  if (xy.x <= 0) return 0;
  return groundLevel(emitter.gramsPerSecond, emitter.windSpeed, xy.y, emitter.effectiveHeight(xy.x),
                     sigmasAt(wind.curves, xy.x));
}

// Sum in a fixed source order, so the result does not depend on how rows are split.
double concentrationAt(glm::dvec2 receptor, const std::vector<Emitter>& emitters,
                       const WindFrame& wind) {
  double sum = 0;
  for (const Emitter& emitter : emitters) sum += emitterAt(emitter, receptor - emitter.position, wind);
  return sum * kMicrogramsPerGram;
}

glm::dvec2 cellCentre(const ConcentrationGrid& grid, int column, int row) {
  return grid.origin + (glm::dvec2(column, row) + 0.5) * grid.cellSize;
}

void fillRows(ConcentrationGrid& grid, const std::vector<Emitter>& emitters,
              const WindFrame& wind, int rowBegin, int rowEnd) {
  for (int row = rowBegin; row < rowEnd; ++row) {
    for (int column = 0; column < grid.columns; ++column) {
      grid.values[std::size_t(row) * grid.columns + column] =
          concentrationAt(cellCentre(grid, column, row), emitters, wind);
    }
  }
}

// Rows are independent: contiguous bands, one per thread, each writing only its own cells.
void fillGrid(ConcentrationGrid& grid, const std::vector<Emitter>& emitters,
              const WindFrame& wind) {
  core::forEachBand(grid.rows, 8, [&](int begin, int end) { fillRows(grid, emitters, wind, begin, end); });
}

}  // namespace

double windSpeedAt(const Weather& weather, double releaseHeight) {
  if (weather.anemometerHeight <= 0 || releaseHeight <= weather.anemometerHeight) return weather.windSpeed;
  static constexpr std::array<double, 6> kRural{0.07, 0.07, 0.10, 0.15, 0.35, 0.55};
  static constexpr std::array<double, 6> kUrban{0.15, 0.15, 0.20, 0.25, 0.30, 0.30};
  const auto& exponents = weather.terrain == Terrain::Urban ? kUrban : kRural;
  return weather.windSpeed * std::pow(releaseHeight / weather.anemometerHeight,
                                      exponents[static_cast<std::size_t>(weather.stability)]);
}

double finalRiseDistance(double buoyancyFlux) {
  if (buoyancyFlux <= 0) return 0;
  if (buoyancyFlux < 55) return 49 * std::pow(buoyancyFlux, 5.0 / 8.0);
  return 119 * std::pow(buoyancyFlux, 2.0 / 5.0);
}

double effectiveHeight(const PointSource& source, double downwindMeters, double windSpeed) {
  const double x = std::min(downwindMeters, finalRiseDistance(source.buoyancyFlux));
  return source.stackHeight + plumeRise(source.buoyancyFlux, x, windSpeed);
}

AreaLattice areaLattice(const AreaSource& area, double spacing) {
  const auto count = [&](double extent) { return std::max(1, int(std::lround(extent / spacing))); };
  const int nx = count(2 * area.halfSize.x), ny = count(2 * area.halfSize.y);
  return {nx, ny, area.centre - glm::dvec2(nx - 1, ny - 1) * (spacing / 2)};
}

AreaTaper::AreaTaper(int count) : ramp(std::max(1, count / 3)) { flat = std::max(1, count) - ramp + 1; }

double AreaTaper::weight(int index) const {
  return double(std::min({index + 1, flat, ramp, flat + ramp - 1 - index}));
}

namespace {

double distanceToPath(glm::dvec2 p, const std::vector<glm::dvec2>& path) {
  double nearest = glm::length(p - path.front());
  for (std::size_t i = 1; i < path.size(); ++i) {
    const glm::dvec2 a = path[i - 1], ab = path[i] - a;
    const double along = glm::dot(ab, ab) > 0 ? std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0, 1.0) : 0.0;
    nearest = std::min(nearest, glm::length(p - (a + ab * along)));
  }
  return nearest;
}

}  // namespace

AreaSource pathArea(std::vector<glm::dvec2> path, double halfWidth, double gramsPerSecond, double releaseHeight,
                    double cellSize) {
  glm::dvec2 low(1e300), high(-1e300);
  for (const glm::dvec2& vertex : path) {
    low = glm::min(low, vertex - halfWidth);
    high = glm::max(high, vertex + halfWidth);
  }
  low = glm::floor(low / cellSize) * cellSize;
  high = glm::ceil(high / cellSize) * cellSize;
  return {(low + high) / 2.0, (high - low) / 2.0, gramsPerSecond, releaseHeight, std::move(path), halfWidth};
}

std::vector<double> areaLatticeWeights(const AreaSource& area, int nx, int ny, glm::dvec2 first, double spacing) {
  std::vector<double> weights(std::size_t(nx) * std::size_t(ny));
  if (area.path.empty()) {
    const AreaTaper alongX(nx), alongY(ny);
    for (int j = 0; j < ny; ++j) {
      for (int i = 0; i < nx; ++i) {
        weights[std::size_t(j) * std::size_t(nx) + std::size_t(i)] = alongX.weight(i) * alongY.weight(j);
      }
    }
    return weights;
  }
  // Only the points whose square can reach the strip are sampled: those near each segment, found
  // in its box widened by the strip, so the cost follows the strip and not the path's whole box.
  constexpr int kSamples = 4;
  const double reach = area.pathHalfWidth + spacing * std::numbers::sqrt2 / 2;
  std::vector<char> seen(weights.size(), 0);
  for (std::size_t s = 0; s + 1 < area.path.size(); ++s) {
    const std::vector<glm::dvec2> segment{area.path[s], area.path[s + 1]};
    const glm::dvec2 low = (glm::min(segment[0], segment[1]) - reach - first) / spacing;
    const glm::dvec2 high = (glm::max(segment[0], segment[1]) + reach - first) / spacing;
    for (int j = std::max(0, int(std::floor(low.y))); j <= std::min(ny - 1, int(std::ceil(high.y))); ++j) {
      for (int i = std::max(0, int(std::floor(low.x))); i <= std::min(nx - 1, int(std::ceil(high.x))); ++i) {
        const std::size_t index = std::size_t(j) * std::size_t(nx) + std::size_t(i);
        if (seen[index] || distanceToPath(first + glm::dvec2(i, j) * spacing, segment) > reach) continue;
        seen[index] = 1;
        int inside = 0;
        for (int b = 0; b < kSamples; ++b) {
          for (int a = 0; a < kSamples; ++a) {
            const glm::dvec2 offset = (glm::dvec2(a, b) + 0.5) / double(kSamples) - 0.5;
            inside += distanceToPath(first + (glm::dvec2(i, j) + offset) * spacing, area.path) <= area.pathHalfWidth;
          }
        }
        weights[index] = double(inside) / (kSamples * kSamples);
      }
    }
  }
  return weights;
}

std::vector<LatticeShare> areaLatticeShares(const AreaSource& area, int nx, int ny, glm::dvec2 first, double spacing) {
  const std::vector<double> weights = areaLatticeWeights(area, nx, ny, first, spacing);
  double total = 0;
  for (const double weight : weights) total += weight;
  std::vector<LatticeShare> shares;
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      const double weight = weights[std::size_t(j) * std::size_t(nx) + std::size_t(i)];
      if (weight > 0) shares.push_back({i, j, area.gramsPerSecond * weight / total});
    }
  }
  return shares;
}

std::vector<PointSource> releasePoints(const std::vector<PointSource>& points,
                                       const std::vector<AreaSource>& areas, double spacing) {
  std::vector<PointSource> result = points;
  for (const AreaSource& area : areas) {
    const AreaLattice lattice = areaLattice(area, spacing);
    for (const LatticeShare& share : areaLatticeShares(area, lattice.nx, lattice.ny, lattice.first, spacing)) {
      const glm::dvec2 at = lattice.first + glm::dvec2(share.i, share.j) * spacing;
      result.push_back({at, share.gramsPerSecond, area.releaseHeight, 0});
    }
  }
  return result;
}

Sigmas briggsSigmas(StabilityClass stability, Terrain terrain, double downwindMeters) {
  return sigmasAt(briggsCurves(stability, terrain), downwindMeters);
}

double buoyancyFlux(double exitVelocity, double stackRadius, double stackTempK,
                    double ambientTempK) {
  if (stackTempK <= 0) return 0;  // not a temperature in kelvin
  return kGravity * exitVelocity * stackRadius * stackRadius * (stackTempK - ambientTempK) /
         stackTempK;
}

double plumeRise(double buoyancyFlux, double downwindMeters, double windSpeed) {
  // A plume colder than the air (Fb < 0) sinks a little; the Briggs formula does not cover it.
  if (buoyancyFlux <= 0 || downwindMeters <= 0 || windSpeed <= 0) return 0;
  return 1.6 * std::cbrt(buoyancyFlux) * std::cbrt(downwindMeters * downwindMeters) / windSpeed;
}

double plumeConcentration(double q, double windSpeed, double x, double y, double z,
                          double effectiveHeight, Sigmas sigmas) {
  if (x <= 0 || windSpeed <= 0 || sigmas.y <= 0 || sigmas.z <= 0) return 0;
  const auto gaussian = [](double d, double sigma) {
    return std::exp(-d * d / (2 * sigma * sigma));
  };
  const double reflected =
      gaussian(z - effectiveHeight, sigmas.z) + gaussian(z + effectiveHeight, sigmas.z);
  return q / (2 * std::numbers::pi * windSpeed * sigmas.y * sigmas.z) *
         gaussian(y, sigmas.y) * reflected;
}

ConcentrationGrid groundConcentration(const std::vector<PointSource>& points,
                                      const std::vector<AreaSource>& areas, const Weather& weather,
                                      glm::dvec2 origin, double cellSize, int columns, int rows) {
  ConcentrationGrid grid{origin, cellSize, std::max(columns, 0), std::max(rows, 0), {}};
  grid.values.assign(std::size_t(grid.columns) * grid.rows, 0.0);
  // No wind, no transport: the steady-state plume is undefined, so nothing is spread.
  if (grid.values.empty() || weather.windSpeed <= 0 || cellSize <= 0) return grid;
  const WindFrame wind = windFrame(weather);
  std::vector<Emitter> emitters;
  for (const PointSource& point : points) emitters.push_back(pointEmitter(point, weather));
  fillGrid(grid, emitters, wind);
  for (const AreaSource& area : areas) {
    const Emitter unit = pointEmitter({area.centre, 1.0, area.releaseHeight, 0}, weather);
    addAreaByKernel(grid, area, [&](glm::dvec2 offset) { return emitterAt(unit, offset, wind) * kMicrogramsPerGram; });
  }
  return grid;
}

std::vector<Hotspot> hotspots(const ConcentrationGrid& grid, int n) {
  const std::size_t count = std::min(grid.values.size(), std::size_t(std::max(n, 0)));
  std::vector<std::size_t> order(grid.values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Row-major indices: a lower index is a lower row, then a lower column.
  std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(count), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      if (grid.values[a] != grid.values[b]) return grid.values[a] > grid.values[b];
                      return a < b;
                    });
  std::vector<Hotspot> result;
  result.reserve(count);
  const auto columns = std::size_t(grid.columns);
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t index = order[k];
    const int column = static_cast<int>(index % columns), row = static_cast<int>(index / columns);
    result.push_back({cellCentre(grid, column, row), grid.values[index]});
  }
  return result;
}

}  // namespace corridor::sim
