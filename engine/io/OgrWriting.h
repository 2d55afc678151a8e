#pragma once
// Private to engine/io: what the GDAL writers share.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"
#include "io/GdalHandles.h"
#include "io/ResultWriters.h"

namespace corridor::io {

// A new dataset at `path` (an existing file is replaced: drivers refuse to overwrite).
core::Result<DatasetHandle> createDataset(const std::filesystem::path& path, const char* driverName,
                                          int columns, int rows, int bands, GDALDataType type,
                                          const char* const* options = nullptr);

core::Result<OGRLayer*> createLayer(GDALDataset& dataset, const std::filesystem::path& path,
                                    const std::string& name, OGRwkbGeometryType geometry,
                                    const std::vector<Field>& fields,
                                    const char* const* options = nullptr);

// Sets the feature's fields from index `first` on.
void setValues(OGRFeature& feature, const Row& values, int first = 0);

// Closes the dataset and reports what GDAL could not flush.
core::Result<void> closeChecked(DatasetHandle handle, const std::filesystem::path& path);

// An (unwrapped) line cut where it crosses the antimeridian (geo::splitAtAntimeridian).
OGRMultiLineString cutAtAntimeridian(const geo::Polyline& line);

}  // namespace corridor::io
