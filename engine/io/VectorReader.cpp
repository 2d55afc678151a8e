#include "io/VectorReader.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "core/InputFile.h"
#include "core/Log.h"
#include "io/GdalHandles.h"
#include "io/OgrGeometry.h"

namespace corridor::io {
namespace {

struct TransformDeleter {
  void operator()(OGRCoordinateTransformation* t) const {
    OGRCoordinateTransformation::DestroyCT(t);
  }
};
using TransformHandle = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

bool hasDrawableGeometry(OGRLayer& layer, bool withPoints) {
  const OGRwkbGeometryType type = wkbFlatten(layer.GetGeomType());
  return type != wkbNone && (withPoints || (type != wkbPoint && type != wkbMultiPoint));
}

core::Result<TransformHandle> transformToWgs84(OGRLayer& layer, const std::string& where) {
  const OGRSpatialReference* source = layer.GetSpatialRef();
  if (!source) {
    core::logInfo(where + ": layer has no CRS; assuming WGS84 longitude/latitude");
    return TransformHandle{};
  }
  OGRSpatialReference sourceLonLat(*source);
  sourceLonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const OGRSpatialReference target = wgs84LonLat();
  if (sourceLonLat.IsSame(&target)) return TransformHandle{};
  TransformHandle transform(OGRCreateCoordinateTransformation(&sourceLonLat, &target));
  if (!transform) return core::dataError(where + ": cannot reproject its CRS to WGS84");
  return transform;
}

// Where a feature's label goes.
geo::LonLat labelPosition(const OGRGeometry& geometry) {
  OGRPoint point;
  const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
  if (type == wkbPolygon || type == wkbMultiPolygon) {
    OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&geometry)));
    if (inside) {
      const geo::LonLat at{OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0)};
      OGR_G_DestroyGeometry(inside);
      return at;
    }
  }
  geometry.Centroid(&point);
  return {point.getX(), point.getY()};
}

core::Result<void> readLayer(OGRLayer& layer, const std::string& where, bool withPoints, const std::string& labelField,
                             VectorData& out) {
  auto transform = transformToWgs84(layer, where);
  if (!transform) return std::unexpected(transform.error());
  const int labelIndex = labelField.empty() ? -1 : layer.GetLayerDefn()->GetFieldIndex(labelField.c_str());
  if (!labelField.empty() && labelIndex < 0) {
    std::string fields;
    for (int i = 0; i < layer.GetLayerDefn()->GetFieldCount(); ++i) {
      fields += std::string(i ? ", " : "") + layer.GetLayerDefn()->GetFieldDefn(i)->GetNameRef();
    }
    return core::dataError(where + ": no field named '" + labelField + "' to label with (fields: " +
                           (fields.empty() ? "none" : fields) + ")");
  }
  layer.ResetReading();
  for (auto& feature : layer) {
    ++out.features;
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (!geometry || geometry->IsEmpty() ||
        (*transform && geometry->transform(transform->get()) != OGRERR_NONE)) {
      ++out.skippedFeatures;
      continue;
    }
    // A coordinate off the globe is a broken file, not a feature to skip: everything built
    // from it (densified outlines, triangles) would be unbounded.
    if (std::string problem = badCoordinate(*geometry); !problem.empty()) {
      return core::dataError(where + ": feature " + std::to_string(feature->GetFID()) + ", " + problem);
    }
    if (!collect(*geometry, out, withPoints)) {
      ++out.skippedFeatures;
      continue;
    }
    if (labelIndex >= 0 && feature->IsFieldSetAndNotNull(labelIndex)) {
      const std::string text = feature->GetFieldAsString(labelIndex);
      if (!text.empty()) out.labels.push_back({labelPosition(*geometry), text});
    }
  }
  return {};
}

}  // namespace

VectorSource parseVectorSource(const std::string& text) {
  const auto colon = text.rfind(':');
  // "PATH:LAYER" unless what follows the colon looks like a path (GDAL's /vsi paths, URLs).
  if (colon == std::string::npos || colon == 0 ||
      text.find('/', colon) != std::string::npos) {
    return {text, ""};
  }
  return {text.substr(0, colon), text.substr(colon + 1)};
}

core::Result<VectorData> readVector(const VectorSource& source, bool withPoints, const std::string& labelField) {
  const core::SizeWatch watch(source.path);
  auto handle = openDataset(source.path, GDAL_OF_VECTOR | GDAL_OF_READONLY, "a vector dataset");
  if (!handle) return std::unexpected(handle.error());
  auto* dataset = GDALDataset::FromHandle(handle->get());
  const std::string name = source.path.string();
  CplErrorCapture capture;

  VectorData data;
  if (!source.layer.empty()) {
    OGRLayer* layer = dataset->GetLayerByName(source.layer.c_str());
    if (!layer) return core::dataError(name + ": no layer named '" + source.layer + "'");
    if (auto read = readLayer(*layer, name + ":" + source.layer, withPoints, labelField, data); !read) {
      return std::unexpected(read.error());
    }
  } else {
    for (OGRLayer* layer : dataset->GetLayers()) {
      if (!hasDrawableGeometry(*layer, withPoints)) continue;
      if (auto read = readLayer(*layer, name + ":" + layer->GetName(), withPoints, labelField, data); !read) {
        return std::unexpected(read.error());
      }
    }
  }
  // GDAL errors while reading mean lost features (a truncated or corrupt file): refuse the
  // dataset rather than draw part of it as if it were whole.
  if (!capture.lastError().empty()) {
    return core::dataError(capture.describe(
        source.path, "read failed after " + std::to_string(data.features) + " features"));
  }
  if (auto same = watch.unchanged(); !same) return std::unexpected(same.error());
  const char* expected = withPoints ? "polygon, line or point" : "polygon or line";
  if (data.polygons.empty() && data.lines.empty() && data.points.empty()) {
    return core::dataError(name + ": no usable layer (expected " + expected + " geometries" +
                           std::string(source.layer.empty() ? "" : " in layer '" + source.layer + "'") +
                           ")");
  }
  if (data.skippedFeatures > 0) {
    core::logWarn(name + ": skipped " + std::to_string(data.skippedFeatures) + " of " +
                  std::to_string(data.features) +
                  " features (no " + expected + " geometry, or not reprojectable)");
  }
  return data;
}

void append(VectorData& a, VectorData&& b) {
  a.polygons.insert(a.polygons.end(), std::make_move_iterator(b.polygons.begin()),
                    std::make_move_iterator(b.polygons.end()));
  a.lines.insert(a.lines.end(), std::make_move_iterator(b.lines.begin()),
                 std::make_move_iterator(b.lines.end()));
  a.points.insert(a.points.end(), b.points.begin(), b.points.end());
  a.labels.insert(a.labels.end(), std::make_move_iterator(b.labels.begin()), std::make_move_iterator(b.labels.end()));
  a.seams.insert(a.seams.end(), b.seams.begin(), b.seams.end());
  a.features += b.features;
  a.skippedFeatures += b.skippedFeatures;
}

}  // namespace corridor::io
