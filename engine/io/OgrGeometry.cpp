#include "io/OgrGeometry.h"

#include <cstdio>
#include <memory>
#include <string>

namespace corridor::io {
namespace {

geo::Polyline toPolyline(const OGRSimpleCurve& curve) {
  geo::Polyline line;
  line.reserve(static_cast<std::size_t>(curve.getNumPoints()));
  for (int i = 0; i < curve.getNumPoints(); ++i) line.push_back({curve.getX(i), curve.getY(i)});
  return line;
}

// Longitudes up to 360 are Pacific-centred data (as scenarios allow); a nanodegree over a
// bound is reprojection's rounding.
std::string pointProblem(double lon, double lat) {
  constexpr double kRounding = 1e-9;
  char text[96];
  if (!(lon >= -180 - kRounding && lon <= 360 + kRounding)) {
    std::snprintf(text, sizeof text, "longitude %g is outside -180..360", lon);
  } else if (!(lat >= -90 - kRounding && lat <= 90 + kRounding)) {
    std::snprintf(text, sizeof text, "latitude %g is outside -90..90", lat);
  } else {
    return {};
  }
  return text;
}

std::string curveProblem(const OGRSimpleCurve& curve) {
  for (int i = 0; i < curve.getNumPoints(); ++i) {
    if (std::string problem = pointProblem(curve.getX(i), curve.getY(i)); !problem.empty()) {
      return "point " + std::to_string(i + 1) + ": " + problem;
    }
  }
  return {};
}

}  // namespace

std::string badCoordinate(const OGRGeometry& geometry) {
  const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
  if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {  // multi-points, -lines, -polygons too
    int index = 0;
    for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
      ++index;
      if (!part) continue;
      if (std::string problem = badCoordinate(*part); !problem.empty()) {
        return "part " + std::to_string(index) + ", " + problem;
      }
    }
    return {};
  }
  switch (type) {
    case wkbPoint:
      return pointProblem(geometry.toPoint()->getX(), geometry.toPoint()->getY());
    case wkbLineString:
    case wkbLinearRing:
      return curveProblem(*geometry.toSimpleCurve());
    case wkbPolygon: {
      const OGRPolygon& polygon = *geometry.toPolygon();
      for (int ring = 0; ring <= polygon.getNumInteriorRings(); ++ring) {
        const OGRLinearRing* linear = ring == 0 ? polygon.getExteriorRing() : polygon.getInteriorRing(ring - 1);
        if (!linear) continue;
        if (std::string problem = curveProblem(*linear); !problem.empty()) {
          return "ring " + std::to_string(ring + 1) + ", " + problem;
        }
      }
      return {};
    }
    default: {  // curves: checked as the lines they are drawn as
      std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
      return linear && wkbFlatten(linear->getGeometryType()) != type
                 ? badCoordinate(*linear)
                 : std::string();
    }
  }
}

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
