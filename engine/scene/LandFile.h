#pragma once
#include <filesystem>

#include "core/Result.h"
#include "geo/Types.h"

namespace corridor::scene {

// A binary snapshot of prepared land geometry, so a basemap that took a second or more to
// triangulate loads in milliseconds next time (and GPU benchmarks run without GDAL). Native
// byte order: a cache, not an exchange format. Reading checks the header and every count
// against the file size.
core::Result<void> writeLandFile(const std::filesystem::path& path, const geo::LandGeometry& land);
core::Result<geo::LandGeometry> readLandFile(const std::filesystem::path& path);

}  // namespace corridor::scene
