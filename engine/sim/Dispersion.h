#pragma once
#include <glm/glm.hpp>
#include <vector>

namespace corridor::sim {

// Gaussian plume dispersion with ground reflection and Briggs plume rise (shared/FACTS.md;
// Turner's Workbook of Atmospheric Dispersion Estimates; Briggs 1973 sigma curves).

enum class StabilityClass { A, B, C, D, E, F };
enum class Terrain { Rural, Urban };

struct Sigmas {
  double y = 0, z = 0;  // metres
};
// Briggs dispersion coefficients at a downwind distance (valid ~100 m to 10 km; beyond, the
// same formulas are used).
Sigmas briggsSigmas(StabilityClass stability, Terrain terrain, double downwindMeters);

// Buoyancy flux Fb = g * vs * rs^2 * (Ts - Ta) / Ts  [m^4/s^3].
double buoyancyFlux(double exitVelocity, double stackRadius, double stackTempK, double ambientTempK);
// Briggs gradual rise: dh = 1.6 Fb^(1/3) x^(2/3) / u  [m].
double plumeRise(double buoyancyFlux, double downwindMeters, double windSpeed);
// Gradual rise stops at Briggs' final-rise distance x_f = 3.5 x* (x* = 14 Fb^5/8 for
// Fb < 55 m^4/s^3, else 34 Fb^2/5), as in EPA's ISC for neutral and unstable air. The same cap
// is used for stable classes, which would need the temperature gradient for Briggs' stable rise.
double finalRiseDistance(double buoyancyFlux);

// Concentration [g/m^3] at (x downwind, y crosswind, z height) from a point source of
// q [g/s] with effective height h [m], wind u [m/s]: C = q / (2 pi u sy sz) exp(-y^2/2sy^2)
// [exp(-(z-h)^2/2sz^2) + exp(-(z+h)^2/2sz^2)]; 0 upwind (x <= 0).
double plumeConcentration(double q, double windSpeed, double x, double y, double z,
                          double effectiveHeight, Sigmas sigmas);

// Sources in local metres (east, north) around a port's reference point.
struct PointSource {
  glm::dvec2 position{0.0};
  double gramsPerSecond = 0;
  double stackHeight = 0;
  double buoyancyFlux = 0;  // 0: no rise
};
struct AreaSource {
  glm::dvec2 centre{0.0};
  glm::dvec2 halfSize{0.0};  // metres east-west, north-south
  double gramsPerSecond = 0;  // over the whole area
  double releaseHeight = 0;
  // A road or bridge (pathArea): the area then emits evenly over the strip within
  // `pathHalfWidth` of this polyline, and the box only bounds it.
  std::vector<glm::dvec2> path;
  double pathHalfWidth = 0;
};
// The area of a path `halfWidth` either side: its box widened to whole cells of `cellSize` from
// the origin, so that its lattice of half cells lies a quarter cell from the receptors, as a
// box's of whole cells does.
AreaSource pathArea(std::vector<glm::dvec2> path, double halfWidth, double gramsPerSecond, double releaseHeight,
                    double cellSize);
// Stack height plus the plume's rise at a distance downwind (capped at the final rise).
double effectiveHeight(const PointSource& source, double downwindMeters, double windSpeed);
// An area source stands for activity spread over a region (terminals, the roads of drayage),
// whose density falls off toward the region's edges rather than stopping at a line: along
// each axis its lattice of `count` points carries a trapezoid of weights, flat over the middle
// third and falling linearly to the ends. The trapezoid is box(flat) convolved with box(ramp)
// (flat + ramp - 1 = count), so a sum over it is two box sums, and its weights add up to
// flat * ramp. A uniform box showed as a hard-edged rectangle on the heatmaps.
struct AreaTaper {
  int flat = 1, ramp = 1;
  explicit AreaTaper(int count);
  double weight(int index) const;  // 0 <= index < flat + ramp - 1
  double total() const { return double(flat) * double(ramp); }
};

// An area's lattice of nx x ny points `spacing` apart, centred on the area from `first` (its
// south-west point): each extent rounded to whole steps (at least one point). The annual means,
// the moment's field and releasePoints share it.
struct AreaLattice {
  int nx = 1, ny = 1;
  glm::dvec2 first{0.0};
};
AreaLattice areaLattice(const AreaSource& area, double spacing);

// The weights of an area's lattice of nx x ny points `spacing` apart from `first` (row-major by
// j): the taper's for a box (AreaTaper along each axis), for a path the share of each point's
// square within the strip (sampled 4 x 4).
std::vector<double> areaLatticeWeights(const AreaSource& area, int nx, int ny, glm::dvec2 first, double spacing);

// The lattice points of an area that emit, with their shares of its rate (by their weights).
struct LatticeShare {
  int i = 0, j = 0;
  double gramsPerSecond = 0;
};
std::vector<LatticeShare> areaLatticeShares(const AreaSource& area, int nx, int ny, glm::dvec2 first, double spacing);

// The points and every area as a lattice of points `spacing` apart centred on the area (its
// extent rounded to whole steps), each carrying its share of the area's rate by its weight
// (areaLatticeWeights); the points of a path's box outside its strip are left out. The grids sum
// areas by kernel (AreaKernel.h); this is the definition the tests hold them to.
std::vector<PointSource> releasePoints(const std::vector<PointSource>& points,
                                       const std::vector<AreaSource>& areas, double spacing);

struct Weather {
  // m/s at `anemometerHeight`; with 0, at each release height as it is.
  double windSpeed = 5;
  double windFromDegrees = 270;     // meteorological: where the wind comes from, clockwise from north
  StabilityClass stability = StabilityClass::D;
  Terrain terrain = Terrain::Urban;
  double anemometerHeight = 0;  // metres; roses and meteorology files: 10

  bool operator==(const Weather&) const = default;
};

// The wind at a release height from the wind measured at the anemometer: ISC3's power law
// u = u_ref (h / h_ref)^p with p by class, rural A-F 0.07, 0.07, 0.10, 0.15, 0.35, 0.55 and
// urban 0.15, 0.15, 0.20, 0.25, 0.30, 0.30; releases below the anemometer take its speed.
double windSpeedAt(const Weather& weather, double releaseHeight);

// A square grid of ground-level (z = 0) concentrations [micrograms/m^3], cell centres at
// origin + (i + 0.5, j + 0.5) * cellSize, i east, j north, row-major by j.
struct ConcentrationGrid {
  glm::dvec2 origin{0.0};  // south-west corner, local metres
  double cellSize = 250;
  int columns = 160, rows = 160;
  std::vector<double> values;
  double at(int column, int row) const { return values[std::size_t(row) * columns + column]; }
};

// The grid for the given sources and weather. Area sources are integrated as a lattice of point
// sources half a grid cell apart (ample for annual means; finer costs quadratically).
ConcentrationGrid groundConcentration(const std::vector<PointSource>& points,
                                      const std::vector<AreaSource>& areas, const Weather& weather,
                                      glm::dvec2 origin, double cellSize, int columns, int rows);

struct Hotspot {
  glm::dvec2 position{0.0};  // cell centre, local metres
  double value = 0;          // micrograms/m^3
};
// The n highest cells, highest first (ties: lower row, then lower column).
std::vector<Hotspot> hotspots(const ConcentrationGrid& grid, int n);

}  // namespace corridor::sim
