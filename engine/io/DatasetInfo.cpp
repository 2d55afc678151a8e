#include "io/DatasetInfo.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sstream>

#include "io/GdalHandles.h"

namespace corridor::io {
namespace {

std::string crsName(const OGRSpatialReference* srs) {
  if (!srs) return "none";
  std::string name = srs->GetName() ? srs->GetName() : "unnamed";
  const char* authority = srs->GetAuthorityName(nullptr);
  const char* code = srs->GetAuthorityCode(nullptr);
  if (authority && code) name += std::string(" (") + authority + ":" + code + ")";
  return name;
}

void describeLayer(OGRLayer& layer, std::ostream& out) {
  out << "  layer '" << layer.GetName() << "': "
      << OGRGeometryTypeToName(layer.GetGeomType()) << ", "
      << layer.GetFeatureCount(TRUE) << " features, CRS " << crsName(layer.GetSpatialRef());
  OGREnvelope extent;
  if (layer.GetExtent(&extent, TRUE) == OGRERR_NONE) {
    out << ", extent (" << extent.MinX << ", " << extent.MinY << ") - (" << extent.MaxX << ", "
        << extent.MaxY << ")";
  }
  out << "\n";
}

// One line a band: type, colour, nodata, unit, statistics (approximate: from an overview when
// the file has one, so a 20000 x 20000 raster answers at once) and overviews.
void describeBand(GDALRasterBand& band, int number, std::ostream& out) {
  out << "  band " << number;
  if (const char* description = band.GetDescription(); description && *description) out << " '" << description << "'";
  out << ": " << GDALGetDataTypeName(band.GetRasterDataType()) << ", "
      << GDALGetColorInterpretationName(band.GetColorInterpretation());
  int hasNodata = 0;
  const double nodata = band.GetNoDataValue(&hasNodata);
  out << ", nodata ";
  if (hasNodata) {
    out << nodata;
  } else {
    out << "none";
  }
  if (const char* unit = band.GetUnitType(); unit && *unit) out << ", unit '" << unit << "'";
  double minimum = 0, maximum = 0, mean = 0, deviation = 0;
  if (band.GetStatistics(TRUE, TRUE, &minimum, &maximum, &mean, &deviation) == CE_None) {
    out << ", min " << minimum << ", max " << maximum << ", mean " << mean << ", std dev " << deviation;
  } else {
    out << ", no statistics (no valid pixel)";
  }
  out << ", overviews";
  if (band.GetOverviewCount() == 0) out << " none";
  for (int i = 0; i < band.GetOverviewCount(); ++i) {
    GDALRasterBand* overview = band.GetOverview(i);
    out << (i ? ", " : " ") << overview->GetXSize() << "x" << overview->GetYSize();
  }
  out << "\n";
}

void describeRaster(GDALDataset& dataset, std::ostream& out) {
  out << "raster: " << dataset.GetRasterXSize() << " x " << dataset.GetRasterYSize() << " pixels, "
      << dataset.GetRasterCount() << " band(s)";
  if (dataset.GetRasterCount() > 0) {
    out << " of " << GDALGetDataTypeName(dataset.GetRasterBand(1)->GetRasterDataType());
  }
  out << ", CRS " << crsName(dataset.GetSpatialRef());
  double transform[6];
  if (dataset.GetGeoTransform(transform) == CE_None) {
    out << ", extent (" << transform[0] << ", "
        << transform[3] + transform[5] * dataset.GetRasterYSize() << ") - ("
        << transform[0] + transform[1] * dataset.GetRasterXSize() << ", " << transform[3] << ")"
        << ", pixel " << transform[1] << " x " << -transform[5];
    if (const OGRSpatialReference* srs = dataset.GetSpatialRef()) {
      const char* unit = nullptr;
      srs->IsGeographic() ? srs->GetAngularUnits(&unit) : srs->GetLinearUnits(&unit);
      if (unit) out << " " << unit;
    }
  } else {
    out << ", no geotransform";
  }
  out << "\n";
  for (int b = 1; b <= dataset.GetRasterCount(); ++b) describeBand(*dataset.GetRasterBand(b), b, out);
}

}  // namespace

core::Result<std::string> describeDataset(const std::filesystem::path& path) {
  // Statistics are computed, not stored: 'info' writes no .aux.xml beside the user's file.
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
  struct PamBack {
    ~PamBack() { CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr); }
  } pamBack;
  auto handle = openDataset(path, GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY,
                            "a dataset GDAL can read (vector or raster)");
  if (!handle) return std::unexpected(handle.error());
  auto* dataset = GDALDataset::FromHandle(handle->get());
  CplErrorCapture capture;
  std::ostringstream out;
  out << path.string() << "\n";
  out << "driver: " << dataset->GetDriver()->GetDescription() << " ("
      << dataset->GetDriver()->GetMetadataItem(GDAL_DMD_LONGNAME) << ")\n";
  if (dataset->GetLayerCount() > 0) {
    out << "vector layers: " << dataset->GetLayerCount() << "\n";
    for (OGRLayer* layer : dataset->GetLayers()) describeLayer(*layer, out);
  }
  if (dataset->GetRasterCount() > 0) describeRaster(*dataset, out);
  if (dataset->GetLayerCount() == 0 && dataset->GetRasterCount() == 0) {
    return core::dataError(path.string() + ": dataset has neither vector layers nor raster bands");
  }
  return out.str();
}

}  // namespace corridor::io
