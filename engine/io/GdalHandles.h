#pragma once
// Private to engine/io: RAII for GDAL handles and CPLError capture.
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "core/Result.h"

namespace corridor::io {

struct DatasetCloser {
  void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using DatasetHandle = std::unique_ptr<void, DatasetCloser>;

void registerGdalDrivers();

// While alive, CPLError messages go to this object instead of stderr; the last error is kept
// so it can be put into a Result, and warnings are forwarded to the project's log.
class CplErrorCapture {
 public:
  CplErrorCapture();
  ~CplErrorCapture();
  CplErrorCapture(const CplErrorCapture&) = delete;
  CplErrorCapture& operator=(const CplErrorCapture&) = delete;

  const std::string& lastError() const { return lastError_; }
  void clear() { lastError_.clear(); }
  // "PATH: what (GDAL: last error)" or without the parenthesis when GDAL said nothing.
  std::string describe(const std::filesystem::path& path, const std::string& what) const;

 private:
  static void CPL_STDCALL handler(CPLErr level, CPLErrorNum code, const char* message);
  std::string lastError_;
};

// The name GDAL opens a file by: .zip and .gz through its virtual file systems (/vsizip/,
// /vsigzip/), so a zipped shapefile or a gzipped GeoJSON opens like the file itself.
std::string gdalPath(const std::filesystem::path& path);

// Opens a dataset with the given GDAL_OF_* flags (compressed files as gdalPath says); the error
// says what was expected.
core::Result<DatasetHandle> openDataset(const std::filesystem::path& path, unsigned flags,
                                        const std::string& expected);

// Owns an argv-style option list for the gdal_utils functions.
class OptionList {
 public:
  OptionList(std::initializer_list<std::string> options) : strings_(options) {
    for (auto& s : strings_) pointers_.push_back(s.data());
    pointers_.push_back(nullptr);
  }
  char** argv() { return pointers_.data(); }

 private:
  std::vector<std::string> strings_;
  std::vector<char*> pointers_;
};

// EPSG:4326 with longitude first (traditional GIS order).
OGRSpatialReference wgs84LonLat();

}  // namespace corridor::io
