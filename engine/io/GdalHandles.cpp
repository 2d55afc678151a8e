#include "io/GdalHandles.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <system_error>

#include "core/InputFile.h"
#include "core/Log.h"

namespace corridor::io {

void registerGdalDrivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

CplErrorCapture::CplErrorCapture() { CPLPushErrorHandlerEx(&CplErrorCapture::handler, this); }

CplErrorCapture::~CplErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL CplErrorCapture::handler(CPLErr level, CPLErrorNum, const char* message) {
  auto* self = static_cast<CplErrorCapture*>(CPLGetErrorHandlerUserData());
  if (level >= CE_Failure) {
    self->lastError_ = message ? message : "";
  } else if (level == CE_Warning) {
    core::logWarn(std::string("GDAL: ") + (message ? message : ""));
  } else {
    core::logDebug(std::string("GDAL: ") + (message ? message : ""));
  }
}

std::string CplErrorCapture::describe(const std::filesystem::path& path,
                                      const std::string& what) const {
  std::string text = path.string() + ": " + what;
  if (!lastError_.empty()) text += " (GDAL: " + lastError_ + ")";
  return text;
}

std::string gdalPath(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (name.starts_with("/vsi")) return name;
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  if (extension == ".zip") return "/vsizip/" + name;
  if (extension == ".gz") return "/vsigzip/" + name;
  return name;
}

core::Result<DatasetHandle> openDataset(const std::filesystem::path& path, unsigned flags,
                                        const std::string& expected) {
  registerGdalDrivers();
  const std::string name = path.string();
  const bool virtualPath = name.rfind("/vsi", 0) == 0;
  std::error_code ec;
  if (!virtualPath && !std::filesystem::exists(path, ec)) {
    return core::dataError(name + ": no such file or directory");
  }
  // A folder may be a dataset (shapefiles); a pipe or a device is not.
  if (!virtualPath && !std::filesystem::is_directory(path, ec)) {
    if (auto regular = core::requireRegularFile(path, "file"); !regular) return std::unexpected(regular.error());
  }
  CplErrorCapture capture;
  GDALDatasetH dataset = GDALOpenEx(gdalPath(path).c_str(), flags, nullptr, nullptr, nullptr);
  if (!dataset) return core::dataError(capture.describe(path, "not " + expected));
  return DatasetHandle(dataset);
}

OGRSpatialReference wgs84LonLat() {
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace corridor::io
