#pragma once
// Land geometry of vector sources, prepared once and cached on disk.
#include <filesystem>
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"
#include "io/VectorReader.h"

namespace corridor::app {

// Where the basemap's land comes from: vector datasets, and shoreline regions whose land
// replaces theirs (io/Shorelines.h).
struct LandSources {
  std::vector<io::VectorSource> vectors;
  std::vector<std::filesystem::path> shorelines;
};

// Land geometry for the sources, from the cache when they are unchanged (same paths, layers,
// sizes and modification times), else read, triangulated and cached.
core::Result<geo::LandGeometry> cachedLandGeometry(const LandSources& sources);

}  // namespace corridor::app
