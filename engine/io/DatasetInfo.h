#pragma once
#include <filesystem>
#include <string>

#include "core/Result.h"

namespace corridor::io {

// A human-readable report of what Corridor sees in a dataset: driver, vector layers (geometry
// type, CRS, feature count, extent) and raster properties (size, bands, CRS).
core::Result<std::string> describeDataset(const std::filesystem::path& path);

}  // namespace corridor::io
