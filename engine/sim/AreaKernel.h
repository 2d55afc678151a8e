#pragma once
#include <functional>

#include <glm/vec2.hpp>

#include "sim/Dispersion.h"

namespace corridor::sim {

// The concentration per g/s at a receptor `offset` (receptor minus release point, metres) from
// a release at an area's height: the same at every point of the area, since its points differ
// only in where they stand.
using UnitKernel = std::function<double(glm::dvec2 offset)>;

// Adds an area source to a grid as its lattice of release points half a cell apart
// (areaLatticeShares), without a sum over cells x points: receptors lie a cell apart, so every
// receptor-to-point offset falls on one lattice of half-cell steps and `unitAt` is evaluated
// once per offset. A box's tapered sum is then read from prefix sums in a few lookups; a path's
// strip is summed over its points. What the grid gets equals summing the points one by one
// (to rounding), at a small part of its cost.
void addAreaByKernel(ConcentrationGrid& grid, const AreaSource& area, const UnitKernel& unitAt);

}  // namespace corridor::sim
