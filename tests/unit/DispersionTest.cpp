#include "sim/Dispersion.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace corridor::sim {
namespace {

constexpr double kPi = std::numbers::pi;

void expectRelative(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual, expected, std::abs(expected) * tolerance);
}

// Briggs table (shared/FACTS.md), by hand at x = 1000 m unless noted:
//   rural D: sy = 0.08*1000*(1.1)^-1/2 = 76.27700714, sz = 0.06*1000*(2.5)^-1/2 = 37.94733192
//   rural F: sy = 0.04*1000*(1.1)^-1/2 = 38.13850357, sz = 0.016*1000/(1.3) = 12.30769231
//   rural A: sy = 0.22*1000*(1.1)^-1/2 = 209.76176963, sz = 0.20*1000 = 200
//   urban A-B: sy = 0.32*1000*(1.4)^-1/2 = 270.44936151, sz = 0.24*1000*(2)^1/2 = 339.41125497
//   urban D at 500 m: sy = 0.16*500*(1.2)^-1/2 = 73.02967433,
//                     sz = 0.14*500*(1.15)^-1/2 = 65.27533658
TEST(BriggsSigmas, RuralTableValues) {
  const Sigmas d = briggsSigmas(StabilityClass::D, Terrain::Rural, 1000);
  EXPECT_NEAR(d.y, 76.27700714, 1e-6);
  EXPECT_NEAR(d.z, 37.94733192, 1e-6);
  const Sigmas f = briggsSigmas(StabilityClass::F, Terrain::Rural, 1000);
  EXPECT_NEAR(f.y, 38.13850357, 1e-6);
  EXPECT_NEAR(f.z, 12.30769231, 1e-6);
  const Sigmas a = briggsSigmas(StabilityClass::A, Terrain::Rural, 1000);
  EXPECT_NEAR(a.y, 209.76176963, 1e-6);
  EXPECT_NEAR(a.z, 200.0, 1e-9);
}

TEST(BriggsSigmas, UrbanTableValues) {
  for (const StabilityClass ab : {StabilityClass::A, StabilityClass::B}) {
    const Sigmas s = briggsSigmas(ab, Terrain::Urban, 1000);
    EXPECT_NEAR(s.y, 270.44936151, 1e-6);
    EXPECT_NEAR(s.z, 339.41125497, 1e-6);
  }
  const Sigmas d = briggsSigmas(StabilityClass::D, Terrain::Urban, 500);
  EXPECT_NEAR(d.y, 73.02967433, 1e-6);
  EXPECT_NEAR(d.z, 65.27533658, 1e-6);
  // E and F share a curve in town.
  const Sigmas e = briggsSigmas(StabilityClass::E, Terrain::Urban, 700);
  const Sigmas f = briggsSigmas(StabilityClass::F, Terrain::Urban, 700);
  EXPECT_DOUBLE_EQ(e.y, f.y);
  EXPECT_DOUBLE_EQ(e.z, f.z);
}

TEST(BriggsSigmas, SpreadGrowsWithInstability) {
  const Sigmas a = briggsSigmas(StabilityClass::A, Terrain::Rural, 2000);
  const Sigmas d = briggsSigmas(StabilityClass::D, Terrain::Rural, 2000);
  const Sigmas f = briggsSigmas(StabilityClass::F, Terrain::Rural, 2000);
  EXPECT_GT(a.y, d.y);
  EXPECT_GT(d.y, f.y);
  EXPECT_GT(a.z, d.z);
  EXPECT_GT(d.z, f.z);
}

TEST(BriggsSigmas, ZeroUpwind) {
  const Sigmas s = briggsSigmas(StabilityClass::A, Terrain::Urban, -5000);
  EXPECT_EQ(s.y, 0);
  EXPECT_EQ(s.z, 0);
}

// Fb = 9.81 * 10 m/s * (1 m)^2 * (400 - 300) / 400 = 24.525 m^4/s^3.
TEST(PlumeRise, BuoyancyFlux) {
  EXPECT_NEAR(buoyancyFlux(10, 1, 400, 300), 24.525, 1e-12);
  EXPECT_EQ(buoyancyFlux(10, 1, 300, 300), 0);
}

// Fb = 27 (cube root 3), x = 1000 m (x^2/3 = 100), u = 5: dh = 1.6 * 3 * 100 / 5 = 96 m.
// At x = 125 m (x^2/3 = 25): dh = 1.6 * 3 * 25 / 5 = 24 m.
TEST(PlumeRise, BriggsGradualRise) {
  EXPECT_NEAR(plumeRise(27, 1000, 5), 96.0, 1e-9);
  EXPECT_NEAR(plumeRise(27, 125, 5), 24.0, 1e-9);
  EXPECT_NEAR(plumeRise(27, 1000, 10), 48.0, 1e-9);
}

TEST(PlumeRise, NoRiseWithoutWindDistanceOrBuoyancy) {
  EXPECT_EQ(plumeRise(27, 1000, 0), 0);
  EXPECT_EQ(plumeRise(27, 1000, -1), 0);
  EXPECT_EQ(plumeRise(27, 0, 5), 0);
  EXPECT_EQ(plumeRise(27, -100, 5), 0);
  EXPECT_EQ(plumeRise(0, 1000, 5), 0);
}

// Q = 100 g/s, u = 5 m/s, H = 50 m, rural D at x = 1000 m (sy = 76.27700714, sz = 37.94733192):
//   C = Q / (pi u sy sz) exp(-H^2 / 2 sz^2) = 100 / 45466.84 * exp(-2500 / 2880)
//     = 2.19940512e-3 * 0.41976697 = 9.23237624e-4 g/m^3.
TEST(Dispersion, CentreLineGroundConcentration) {
  const Sigmas s = briggsSigmas(StabilityClass::D, Terrain::Rural, 1000);
  expectRelative(plumeConcentration(100, 5, 1000, 0, 0, 50, s), 9.23237624e-4, 1e-6);
}

TEST(Dispersion, GroundReflectionDoublesTheDirectPlume) {
  const Sigmas s{80, 40};
  const double q = 100, u = 5, h = 50, y = 30;
  const double direct = q / (2 * kPi * u * s.y * s.z) * std::exp(-y * y / (2 * s.y * s.y)) *
                        std::exp(-h * h / (2 * s.z * s.z));
  expectRelative(plumeConcentration(q, u, 1000, y, 0, h, s), 2 * direct, 1e-12);
  // Aloft, at z = h, the image source adds exp(-(2h)^2 / 2 sz^2) to the centre-line's 1.
  const double aloft = q / (2 * kPi * u * s.y * s.z) * std::exp(-y * y / (2 * s.y * s.y)) *
                       (1 + std::exp(-4 * h * h / (2 * s.z * s.z)));
  expectRelative(plumeConcentration(q, u, 1000, y, h, h, s), aloft, 1e-12);
}

TEST(Dispersion, CrosswindSymmetry) {
  const Sigmas s = briggsSigmas(StabilityClass::C, Terrain::Urban, 1500);
  for (const double y : {10.0, 100.0, 400.0}) {
    const double left = plumeConcentration(50, 4, 1500, y, 0, 30, s);
    EXPECT_GT(left, 0);
    EXPECT_DOUBLE_EQ(left, plumeConcentration(50, 4, 1500, -y, 0, 30, s));
    EXPECT_LT(left, plumeConcentration(50, 4, 1500, 0, 0, 30, s));
  }
}

TEST(Dispersion, NothingUpwindOrWithoutWind) {
  const Sigmas s{80, 40};
  EXPECT_EQ(plumeConcentration(100, 5, 0, 0, 0, 50, s), 0);
  EXPECT_EQ(plumeConcentration(100, 5, -1000, 0, 0, 50, s), 0);
  EXPECT_EQ(plumeConcentration(100, 0, 1000, 0, 0, 50, s), 0);
}

// 41 x 41 cells of 250 m; cell (20, 20) is centred on the local origin.
constexpr int kCells = 41;
constexpr double kCell = 250;
const glm::dvec2 kOrigin{-kCells * kCell / 2};

Weather westWind() { return {5, 270, StabilityClass::D, Terrain::Rural}; }

ConcentrationGrid pointGrid(const PointSource& source, const Weather& weather) {
  return groundConcentration({source}, {}, weather, kOrigin, kCell, kCells, kCells);
}

TEST(Dispersion, GridPlumeLiesDownwindOfTheSource) {
  const ConcentrationGrid grid = pointGrid({{0, 0}, 100, 20, 0}, westWind());
  ASSERT_EQ(grid.values.size(), std::size_t(kCells * kCells));
  for (int row = 0; row < kCells; ++row) {
    for (int column = 0; column < 20; ++column) EXPECT_EQ(grid.at(column, row), 0);
  }
  const std::vector<Hotspot> top = hotspots(grid, 1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_GT(top[0].position.x, 0);
  EXPECT_NEAR(top[0].position.y, 0, 1e-9);
  EXPECT_GT(top[0].value, 0);
}

TEST(Dispersion, NorthWindCarriesThePlumeSouth) {
  Weather weather = westWind();
  weather.windFromDegrees = 0;
  const ConcentrationGrid grid = pointGrid({{0, 0}, 100, 20, 0}, weather);
  for (int row = 20; row < kCells; ++row) {
    for (int column = 0; column < kCells; ++column) EXPECT_NEAR(grid.at(column, row), 0, 1e-12);
  }
  const std::vector<Hotspot> top = hotspots(grid, 1);
  EXPECT_LT(top[0].position.y, 0);
  EXPECT_NEAR(top[0].position.x, 0, 1e-9);
}

TEST(Dispersion, GridMatchesPlumeFormulaInMicrograms) {
  // A stack without buoyancy: cell (28, 20) is 2000 m east of it on the centre line.
  const ConcentrationGrid grid = pointGrid({{0, 0}, 100, 40, 0}, westWind());
  const Sigmas s = briggsSigmas(StabilityClass::D, Terrain::Rural, 2000);
  expectRelative(grid.at(28, 20), plumeConcentration(100, 5, 2000, 0, 0, 40, s) * 1e6, 1e-9);
}

// Fb = 27 < 55: final-rise distance 3.5 x* = 49 * 27^5/8 = 384.41 m, so at 2000 m the plume has
// its final rise 1.6 * 3 * 384.41^2/3 / 5 = 50.754 m; at 250 m it is still rising (38.1 m).
TEST(Dispersion, GridCapsRiseAtBriggsFinalDistance) {
  const ConcentrationGrid grid = pointGrid({{0, 0}, 100, 40, 27}, westWind());
  const double finalRise = 1.6 * 3 * std::pow(49 * std::pow(27.0, 5.0 / 8.0), 2.0 / 3.0) / 5;
  EXPECT_NEAR(finalRise, 50.754, 1e-3);
  const auto expected = [](double x, double h) {
    const Sigmas s = briggsSigmas(StabilityClass::D, Terrain::Rural, x);
    return plumeConcentration(100, 5, x, 0, 0, h, s) * 1e6;
  };
  expectRelative(grid.at(28, 20), expected(2000, 40 + finalRise), 1e-9);
  expectRelative(grid.at(21, 20), expected(250, 40 + plumeRise(27, 250, 5)), 1e-9);
}

TEST(Dispersion, GridIsTheSumOverSourcesInAnyWind) {
  const std::vector<PointSource> sources{
      {{-1200, 300}, 40, 25, 0}, {{500, -800}, 80, 60, 120}, {{2600, 1900}, 15, 10, 5}};
  const Weather weather{3.5, 212, StabilityClass::B, Terrain::Urban};
  const ConcentrationGrid grid =
      groundConcentration(sources, {}, weather, kOrigin, kCell, kCells, kCells);
  const double theta = 212 * kPi / 180;
  const glm::dvec2 downwind{-std::sin(theta), -std::cos(theta)};
  // Cells 1-4 km downwind (toward 32 degrees) of one source or more.
  for (const auto& [column, row] :
       {std::pair{26, 23}, std::pair{18, 26}, std::pair{32, 31}, std::pair{24, 35}}) {
    const glm::dvec2 cell = kOrigin + (glm::dvec2(column, row) + 0.5) * kCell;
    double expected = 0;
    for (const PointSource& source : sources) {
      const glm::dvec2 offset = cell - source.position;
      const double x = glm::dot(offset, downwind);
      const double y = downwind.x * offset.y - downwind.y * offset.x;
      if (x <= 0) continue;
      const double xf = source.buoyancyFlux < 55 ? 49 * std::pow(source.buoyancyFlux, 0.625)
                                                 : 119 * std::pow(source.buoyancyFlux, 0.4);
      const double h = source.stackHeight + plumeRise(source.buoyancyFlux, std::min(x, xf), 3.5);
      expected += plumeConcentration(source.gramsPerSecond, 3.5, x, y, 0, h,
                                     briggsSigmas(StabilityClass::B, Terrain::Urban, x));
    }
    ASSERT_GT(expected, 0) << column << "," << row;
    expectRelative(grid.at(column, row), expected * 1e6, 1e-9);
  }
}

TEST(Dispersion, DoublingTheRateDoublesTheGrid) {
  const PointSource source{{300, -200}, 60, 30, 10};
  const ConcentrationGrid once = pointGrid(source, westWind());
  PointSource doubled = source;
  doubled.gramsPerSecond *= 2;
  const ConcentrationGrid twice = pointGrid(doubled, westWind());
  for (std::size_t i = 0; i < once.values.size(); ++i) {
    EXPECT_DOUBLE_EQ(twice.values[i], 2 * once.values[i]);
  }
}

TEST(Dispersion, NoWindGivesAnEmptyField) {
  Weather calm = westWind();
  calm.windSpeed = 0;
  const ConcentrationGrid grid = pointGrid({{0, 0}, 100, 20, 0}, calm);
  ASSERT_EQ(grid.values.size(), std::size_t(kCells * kCells));
  for (const double value : grid.values) EXPECT_EQ(value, 0);
}

// Far downwind a 500 m square looks like a point: compare the centre-line cells 4-5 km east.
TEST(Dispersion, AreaSourceFarAwayLooksLikeAPoint) {
  const AreaSource area{{0, 0}, {250, 250}, 100, 10};
  const ConcentrationGrid fromArea =
      groundConcentration({}, {area}, westWind(), kOrigin, kCell, kCells, kCells);
  const ConcentrationGrid fromPoint = pointGrid({{0, 0}, 100, 10, 0}, westWind());
  double areaSum = 0, pointSum = 0;
  for (int column = 36; column <= 40; ++column) {
    for (int row = 17; row <= 23; ++row) {
      areaSum += fromArea.at(column, row);
      pointSum += fromPoint.at(column, row);
    }
  }
  ASSERT_GT(pointSum, 0);
  expectRelative(areaSum, pointSum, 0.03);
}

TEST(Dispersion, AreaSourceEmitsOverItsWholeExtent) {
  // 2 km wide across a north wind: cells 1 km south of either end see the plume.
  Weather weather = westWind();
  weather.windFromDegrees = 0;
  const AreaSource strip{{0, 0}, {1000, 10}, 100, 5};
  const ConcentrationGrid grid =
      groundConcentration({}, {strip}, weather, kOrigin, kCell, kCells, kCells);
  const double nearEnd = grid.at(20 + 3, 16), middle = grid.at(20, 16);
  EXPECT_GT(nearEnd, 0.5 * middle);
  EXPECT_NEAR(grid.at(20 + 8, 16), 0, 0.05 * middle);  // 2 km east: beyond the strip's end
}

TEST(AreaTaper, FlatOverTheMiddleThirdFallingLinearlyToTheEnds) {
  // Nine points: box(7) convolved with box(3), weights 1 2 3 3 3 3 3 2 1, 21 in all.
  const AreaTaper nine(9);
  std::vector<double> weights;
  for (int i = 0; i < 9; ++i) weights.push_back(nine.weight(i));
  EXPECT_EQ(weights, (std::vector<double>{1, 2, 3, 3, 3, 3, 3, 2, 1}));
  EXPECT_EQ(nine.total(), 21.0);
  EXPECT_EQ(AreaTaper(1).weight(0), 1.0);
  EXPECT_EQ(AreaTaper(2).weight(1), 1.0);
  EXPECT_EQ(AreaTaper(2).total(), 2.0);
}

TEST(Dispersion, AnAreaSourcesEdgeIsSoft) {
  // 4 km wide across a north wind, 1 km downwind: 32 lattice points, a ramp of 10 (1,250 m) at
  // each end, so the ground field is flat to 750 m from the middle and falls linearly to the
  // ends at 2 km, where a uniform area stepped from its full value to nothing.
  Weather weather = westWind();
  weather.windFromDegrees = 0;
  const AreaSource strip{{0, 0}, {2000, 10}, 100, 5};
  const ConcentrationGrid grid = groundConcentration({}, {strip}, weather, kOrigin, kCell, kCells, kCells);
  const auto at = [&](int cellsEast) { return grid.at(20 + cellsEast, 16); };  // 1 km south
  EXPECT_NEAR(at(2), at(0), 0.01 * at(0));   // 500 m: the plateau
  EXPECT_NEAR(at(5), 0.65 * at(0), 0.05 * at(0));  // 1,250 m: part way down the ramp
  EXPECT_LT(at(7), 0.3 * at(0));             // 1,750 m
  EXPECT_GT(at(7), at(8));
  EXPECT_LT(at(10), 1e-6 * at(0));           // 2.5 km: beyond the end
}

TEST(Hotspots, HighestFirstTiesByRowThenColumn) {
  ConcentrationGrid grid;
  grid.origin = {100, 200};
  grid.cellSize = 10;
  grid.columns = 3;
  grid.rows = 2;
  grid.values = {1, 5, 3,   // row 0
                 5, 2, 0};  // row 1
  const std::vector<Hotspot> top = hotspots(grid, 4);
  ASSERT_EQ(top.size(), 4u);
  const glm::dvec2 expected[] = {{115, 205}, {105, 215}, {125, 205}, {115, 215}};
  const double values[] = {5, 5, 3, 2};
  for (std::size_t i = 0; i < top.size(); ++i) {
    EXPECT_EQ(top[i].position, expected[i]) << i;
    EXPECT_EQ(top[i].value, values[i]) << i;
  }
}

TEST(Hotspots, MoreThanTheGridReturnsEveryCell) {
  ConcentrationGrid grid;
  grid.columns = 2;
  grid.rows = 2;
  grid.values = {4, 1, 3, 2};
  const std::vector<Hotspot> all = hotspots(grid, 10);
  ASSERT_EQ(all.size(), 4u);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i - 1].value, all[i].value);
  EXPECT_TRUE(hotspots(grid, 0).empty());
  EXPECT_TRUE(hotspots(grid, -3).empty());
}

}  // namespace
}  // namespace corridor::sim
