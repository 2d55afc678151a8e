#pragma once
// Land geometry of vector sources, prepared once and cached on disk.
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"
#include "io/VectorReader.h"

namespace corridor::app {

// Land geometry for vector sources, from the cache when the sources are unchanged (same
// paths, layers, sizes and modification times), else read, triangulated and cached.
core::Result<geo::LandGeometry> cachedLandGeometry(const std::vector<io::VectorSource>& sources);

}  // namespace corridor::app
