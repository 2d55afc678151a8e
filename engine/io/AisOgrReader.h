#pragma once
#include <filesystem>

#include "core/Result.h"
#include "io/AisReader.h"

namespace corridor::io {

// Any OGR point layer (GeoPackage, GeoJSON, FlatGeobuf, Shapefile, CSV through GDAL's driver)
// in any CRS. The vessel id and time fields are found by common names (mmsi, vessel_id,
// BaseDateTime, timestamp, ...) unless options name them; rows get the same checks as the
// fast CSV parser. Dropped rows name their line in a plain CSV, else their feature id.
core::Result<void> readAisOgr(const std::filesystem::path& file, const AisReadOptions& options,
                              AisRawData& data);

}  // namespace corridor::io
