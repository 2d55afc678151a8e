#pragma once
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"
#include "io/VectorReader.h"

namespace corridor::io {

// Polygons become filled land at each of geo::kDetailLevels (rings simplified, densified, then
// triangulated) and outlines (their rings without dataset cuts, plus every line).
core::Result<geo::LandGeometry> landGeometry(const VectorData& data);

}  // namespace corridor::io
