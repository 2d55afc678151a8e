#include "scene/SurfaceChunks.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "geo/Ellipsoid.h"
#include "geo/Longitude.h"
#include "geo/MapProjection.h"

namespace corridor::scene {
namespace {

constexpr double kCellDegrees = 10.0;
constexpr int kCellCount = 36 * 18;

int cellOf(const geo::LonLat& p) {
  const int column = std::clamp(int((geo::normalizeLongitude(p.lon) + 180.0) / kCellDegrees), 0, 35);
  const int row = std::clamp(int((p.lat + 90.0) / kCellDegrees), 0, 17);
  return row * 36 + column;
}

// A point converted once into what bounds need.
struct BoundsPoint {
  glm::dvec3 normal;
  glm::dvec3 ecef;
  glm::dvec2 map;
};

BoundsPoint boundsPoint(const geo::LonLat& p) {
  static const geo::MapProjection projection;
  return {geo::surfaceNormal(p), geo::toEcef(p), projection.projectUnwrapped(p)};
}

// Accumulates the bounds of a chunk's points.
class BoundsBuilder {
 public:
  void add(const BoundsPoint& p) {
    points_.push_back(&p);
    sumDirection_ += p.normal;
    sumPosition_ += p.ecef;
  }

  ChunkBounds build() const {
    ChunkBounds bounds;
    const double length = glm::length(sumDirection_);
    bounds.direction = length > 1e-9 ? sumDirection_ / length : points_.front()->normal;
    bounds.sphereCentre = sumPosition_ / double(points_.size());
    bounds.mapMin = glm::dvec2(std::numeric_limits<double>::max());
    bounds.mapMax = glm::dvec2(std::numeric_limits<double>::lowest());
    double minCosine = 1.0, maxDistanceSquared = 0.0;
    for (const BoundsPoint* p : points_) {
      minCosine = std::min(minCosine, glm::dot(bounds.direction, p->normal));
      const glm::dvec3 offset = p->ecef - bounds.sphereCentre;
      maxDistanceSquared = std::max(maxDistanceSquared, glm::dot(offset, offset));
      bounds.mapMin = glm::min(bounds.mapMin, p->map);
      bounds.mapMax = glm::max(bounds.mapMax, p->map);
    }
    bounds.angularRadius = std::acos(std::clamp(minCosine, -1.0, 1.0));
    bounds.sphereRadius = std::sqrt(maxDistanceSquared);
    return bounds;
  }

 private:
  std::vector<const BoundsPoint*> points_;
  glm::dvec3 sumDirection_{0.0}, sumPosition_{0.0};
};

// Row-major planes of a Vulkan clip-space frustum (depth 0..1): inside when a.xyz . p + a.w >= 0.
std::array<glm::dvec4, 6> frustumPlanes(const glm::mat4& m) {
  auto row = [&](int i) { return glm::dvec4(m[0][i], m[1][i], m[2][i], m[3][i]); };
  std::array<glm::dvec4, 6> planes{row(3) + row(0), row(3) - row(0), row(3) + row(1),
                                   row(3) - row(1), row(2),          row(3) - row(2)};
  for (auto& plane : planes) plane /= glm::length(glm::dvec3(plane));
  return planes;
}

bool globeChunkVisible(const View& view, const ChunkBounds& bounds) {
  // Horizon: the cap seen from the eye, on the smaller (polar) sphere to stay conservative.
  const double eyeDistance = glm::length(view.eye);
  const double horizonAngle = std::acos(std::min(1.0, geo::kPolarRadius / eyeDistance));
  const double cosine = std::clamp(glm::dot(view.eye / eyeDistance, bounds.direction), -1.0, 1.0);
  if (std::acos(cosine) > horizonAngle + bounds.angularRadius + 1e-3) return false;
  const glm::dvec3 centre = bounds.sphereCentre - view.eye;
  for (const glm::dvec4& plane : frustumPlanes(view.viewProjection)) {
    if (glm::dot(glm::dvec3(plane), centre) + plane.w < -bounds.sphereRadius) return false;
  }
  return true;
}

bool mapChunkVisible(const View& view, const ChunkBounds& bounds, double shiftX) {
  const double halfWidth = view.metersPerPixelAtTarget * view.width * 0.5;
  const double halfHeight = view.metersPerPixelAtTarget * view.height * 0.5;
  const double eyeX = view.eye.x - shiftX;
  return bounds.mapMax.x >= eyeX - halfWidth && bounds.mapMin.x <= eyeX + halfWidth &&
         bounds.mapMax.y >= view.eye.y - halfHeight && bounds.mapMin.y <= view.eye.y + halfHeight;
}

}  // namespace

ChunkedTriangles chunkTriangles(const geo::TriangleMesh& mesh) {
  std::vector<std::vector<uint32_t>> cells(kCellCount);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const auto& a = mesh.vertices[mesh.indices[t]];
    const auto& b = mesh.vertices[mesh.indices[t + 1]];
    const auto& c = mesh.vertices[mesh.indices[t + 2]];
    auto& cell = cells[cellOf({(a.lon + b.lon + c.lon) / 3.0, (a.lat + b.lat + c.lat) / 3.0})];
    cell.insert(cell.end(), mesh.indices.begin() + std::ptrdiff_t(t),
                mesh.indices.begin() + std::ptrdiff_t(t) + 3);
  }
  std::vector<BoundsPoint> points;
  points.reserve(mesh.vertices.size());
  for (const auto& vertex : mesh.vertices) points.push_back(boundsPoint(vertex));
  ChunkedTriangles result;
  result.indices.reserve(mesh.indices.size());
  for (const auto& indices : cells) {
    if (indices.empty()) continue;
    BoundsBuilder bounds;
    for (uint32_t index : indices) bounds.add(points[index]);
    result.chunks.push_back({uint32_t(result.indices.size()), uint32_t(indices.size()), bounds.build()});
    result.indices.insert(result.indices.end(), indices.begin(), indices.end());
  }
  return result;
}

ChunkedSegments chunkSegments(const std::vector<geo::Polyline>& paths) {
  std::vector<std::vector<geo::LonLat>> cells(kCellCount);
  for (const auto& path : paths) {
    for (std::size_t i = 1; i < path.size(); ++i) {
      auto& cell = cells[cellOf({(path[i - 1].lon + path[i].lon) / 2.0,
                                 (path[i - 1].lat + path[i].lat) / 2.0})];
      cell.push_back(path[i - 1]);
      cell.push_back(path[i]);
    }
  }
  ChunkedSegments result;
  for (const auto& points : cells) {
    if (points.empty()) continue;
    result.chunks.push_back({uint32_t(result.points.size() / 2), uint32_t(points.size() / 2), boundsOf(points)});
    result.points.insert(result.points.end(), points.begin(), points.end());
  }
  return result;
}

ChunkBounds boundsOf(const std::vector<geo::LonLat>& points) {
  std::vector<BoundsPoint> converted;
  converted.reserve(points.size());
  for (const auto& p : points) converted.push_back(boundsPoint(p));
  BoundsBuilder bounds;
  for (const auto& p : converted) bounds.add(p);
  return bounds.build();
}

bool chunkVisible(const View& view, const ChunkBounds& bounds, double mapShiftX) {
  return view.mode == ViewMode::Globe ? globeChunkVisible(view, bounds)
                                      : mapChunkVisible(view, bounds, mapShiftX);
}

}  // namespace corridor::scene
