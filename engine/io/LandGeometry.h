#pragma once
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"
#include "io/VectorReader.h"

namespace corridor::io {

// What a basemap draws from vector data: polygons become filled land (boundaries densified,
// then triangulated) and outlines (their rings without dataset cuts, plus every line).
struct LandGeometry {
  geo::TriangleMesh land;
  std::vector<geo::Polyline> outlines;
};

core::Result<LandGeometry> landGeometry(const VectorData& data);

}  // namespace corridor::io
