#include "io/OgrGeometry.h"

#include <memory>

namespace corridor::io {
namespace {

geo::Polyline toPolyline(const OGRSimpleCurve& curve) {
  geo::Polyline line;
  line.reserve(static_cast<std::size_t>(curve.getNumPoints()));
  for (int i = 0; i < curve.getNumPoints(); ++i) line.push_back({curve.getX(i), curve.getY(i)});
  return line;
}

}  // namespace

bool collect(const OGRGeometry& geometry, VectorData& out, bool withPoints) {
  switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
      if (!withPoints) return false;
      const auto& point = *geometry.toPoint();
      out.points.push_back({point.getX(), point.getY()});
      return true;
    }
    case wkbPolygon: {
      const auto& polygon = *geometry.toPolygon();
      if (!polygon.getExteriorRing() || polygon.getExteriorRing()->getNumPoints() < 4) {
        return false;
      }
      geo::Polygon result{toPolyline(*polygon.getExteriorRing()), {}};
      for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        result.holes.push_back(toPolyline(*polygon.getInteriorRing(i)));
      }
      out.polygons.push_back(std::move(result));
      return true;
    }
    case wkbLineString:
    case wkbLinearRing: {
      const auto& line = *geometry.toSimpleCurve();
      if (line.getNumPoints() < 2) return false;
      out.lines.push_back(toPolyline(line));
      return true;
    }
    case wkbMultiPoint:
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
    case wkbMultiSurface:
    case wkbMultiCurve: {
      bool any = false;
      for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
        if (part) any = collect(*part, out, withPoints) || any;
      }
      return any;
    }
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbCurvePolygon: {
      std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
      return linear && collect(*linear, out, withPoints);
    }
    default:
      return false;
  }
}

std::unique_ptr<OGRPolygon> toOgrPolygon(const geo::Polygon& polygon) {
  auto result = std::make_unique<OGRPolygon>();
  auto addRing = [&](const geo::Polyline& ring) {
    auto linear = std::make_unique<OGRLinearRing>();
    for (const geo::LonLat& p : ring) linear->addPoint(p.lon, p.lat);
    linear->closeRings();
    result->addRingDirectly(linear.release());
  };
  addRing(polygon.outer);
  for (const geo::Polyline& hole : polygon.holes) addRing(hole);
  return result;
}

}  // namespace corridor::io
