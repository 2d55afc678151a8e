#include "sim/AreaKernel.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

#include "core/Parallel.h"

namespace corridor::sim {
namespace {

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
// `kernel`: the unit concentration at every receptor-to-point offset, indexed as in
// addAreaByKernel.
void addPathArea(ConcentrationGrid& grid, const AreaSource& area, const AreaLattice& lattice, double step,
                 const std::vector<double>& kernel, int kernelWidth) {
  const int nx = lattice.nx, ny = lattice.ny;
  const std::vector<LatticeShare> shares = areaLatticeShares(area, nx, ny, lattice.first, step);
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

}  // namespace

// The area's lattice has its extent rounded to whole half-cell steps. A box's tapered sum at a
// receptor (AreaTaper: box(flat) convolved with box(ramp) along each axis) is a box sum of
// ramp-wide box sums, each read from prefix sums in four lookups.
void addAreaByKernel(ConcentrationGrid& grid, const AreaSource& area, const UnitKernel& unitAt) {
  const double step = grid.cellSize / 2;
  const AreaLattice lattice = areaLattice(area, step);
  const int nx = lattice.nx, ny = lattice.ny;
  const AreaTaper alongX(nx), alongY(ny);
  // Offset of receptor (column, row) from point (i, j) = base + (2 column - i, 2 row - j) step;
  // index m = 2 column - i + nx - 1 runs over [0, 2 (columns - 1) + nx).
  const glm::dvec2 base = grid.origin + 0.5 * grid.cellSize - lattice.first - glm::dvec2(nx - 1, ny - 1) * step;
  const int width = 2 * (grid.columns - 1) + nx, height = 2 * (grid.rows - 1) + ny;
  std::vector<double> kernel(std::size_t(width) * std::size_t(height));
  core::forEachBand(height, 8, [&](int begin, int end) {
    for (int n = begin; n < end; ++n) {
      for (int m = 0; m < width; ++m) {
        kernel[std::size_t(n) * std::size_t(width) + std::size_t(m)] = unitAt(base + glm::dvec2(m, n) * step);
      }
    }
  });
  if (!area.path.empty()) {
    addPathArea(grid, area, lattice, step, kernel, width);
    return;
  }
  BoxSums kernelSums(width, height);
  kernelSums.fill([&](int m, int n) { return kernel[std::size_t(n) * std::size_t(width) + std::size_t(m)]; });
  std::vector<double>().swap(kernel);  // up to 16 MB on a 96 km grid; the sums hold it now
  const int rampsWidth = width - alongX.ramp + 1, rampsHeight = height - alongY.ramp + 1;
  BoxSums ramps(rampsWidth, rampsHeight);
  ramps.fill([&](int m, int n) { return kernelSums.box(m, n, alongX.ramp, alongY.ramp); });
  const double share = area.gramsPerSecond / (alongX.total() * alongY.total());
  for (int row = 0; row < grid.rows; ++row) {
    for (int column = 0; column < grid.columns; ++column) {
      // A sum of values >= 0; differences of prefix sums leave rounding (1e-16 of the largest
      // sums) where the plume does not reach, which must not read as a negative concentration.
      const double box = ramps.box(2 * column, 2 * row, alongX.flat, alongY.flat);
      assert(!std::isnan(box));  // the clamp must not hide a broken kernel
      const double sum = std::max(0.0, box);
      grid.values[std::size_t(row) * std::size_t(grid.columns) + std::size_t(column)] += share * sum;
    }
  }
}

}  // namespace corridor::sim
