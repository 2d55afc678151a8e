#pragma once
// Private to engine/io: what the GDAL writers share.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/OutputFile.h"
#include "core/Result.h"
#include "geo/Types.h"
#include "io/GdalHandles.h"
#include "io/ResultWriters.h"

namespace corridor::io {

// A dataset written under a temporary name next to `path` (core::PendingOutput): finish()
// closes it, checks what GDAL could not flush, and moves it over `path`. Dropped unfinished,
// the temporary is removed and a previous file at `path` stays as it was.
class NewDataset {
 public:
  static core::Result<NewDataset> create(const std::filesystem::path& path, const char* driverName, int columns,
                                         int rows, int bands, GDALDataType type,
                                         const char* const* options = nullptr);
  GDALDataset& dataset() const { return *GDALDataset::FromHandle(handle_.get()); }
  const std::filesystem::path& path() const { return output_.target(); }
  core::Result<void> finish();

 private:
  NewDataset(core::PendingOutput output, DatasetHandle handle)
      : output_(std::move(output)), handle_(std::move(handle)) {}
  core::PendingOutput output_;
  DatasetHandle handle_;  // declared last: closed before the temporary is removed
};

// "PATH: disk full" when GDAL's last error says so, else "PATH: what (GDAL: ...)".
core::Error writeError(const CplErrorCapture& capture, const std::filesystem::path& path, const std::string& what);

core::Result<OGRLayer*> createLayer(GDALDataset& dataset, const std::filesystem::path& path,
                                    const std::string& name, OGRwkbGeometryType geometry,
                                    const std::vector<Field>& fields,
                                    const char* const* options = nullptr);

// Sets the feature's fields from index `first` on.
void setValues(OGRFeature& feature, const Row& values, int first = 0);

// An (unwrapped) line cut where it crosses the antimeridian (geo::splitAtAntimeridian).
OGRMultiLineString cutAtAntimeridian(const geo::Polyline& line);

}  // namespace corridor::io
