#include "geo/Subdivide.h"

#include <algorithm>
#include <cmath>

#include "geo/Ellipsoid.h"
#include "geo/Longitude.h"

namespace corridor::geo {
namespace {

constexpr double kMaxStepsPerEdge = 4096;

double edgeLength(const LonLat& a, const LonLat& b) {
  return std::hypot(b.lon - a.lon, b.lat - a.lat);
}

LonLat lerp(const LonLat& a, const LonLat& b, double t) {
  return {a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t};
}

double distanceToSegment(const LonLat& p, const LonLat& a, const LonLat& b) {
  const double dx = b.lon - a.lon, dy = b.lat - a.lat;
  const double lengthSquared = dx * dx + dy * dy;
  double t = lengthSquared > 0 ? ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / lengthSquared : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

}  // namespace

Polyline subdividePolyline(const Polyline& input, double maxStepDegrees) {
  Polyline path = input;
  unwrapLongitudes(path);
  return densify(path, maxStepDegrees);
}

Polyline densify(const Polyline& path, double maxStepDegrees) {
  Polyline result;
  if (path.empty()) return result;
  result.push_back(path.front());
  for (std::size_t i = 1; i < path.size(); ++i) {
    const LonLat& a = path[i - 1];
    const LonLat& b = path[i];
    // Capped: an edge of a whole turn around the globe needs no more, and a broken coordinate
    // (huge or NaN) must not make the work unbounded.
    const double wanted = std::ceil(edgeLength(a, b) / maxStepDegrees);
    const int steps = wanted >= 1 ? int(std::min(wanted, kMaxStepsPerEdge)) : 1;
    for (int s = 1; s < steps; ++s) result.push_back(lerp(a, b, double(s) / steps));
    result.push_back(b);  // exactly: rings must stay closed
  }
  return result;
}

std::vector<bool> douglasPeucker(std::size_t count, double tolerance,
                                 const std::function<double(std::size_t, std::size_t, std::size_t)>& distance) {
  std::vector<bool> keep(count, count < 3);
  if (count < 3) return keep;
  keep.front() = keep.back() = true;
  std::vector<std::pair<std::size_t, std::size_t>> stack{{0, count - 1}};
  while (!stack.empty()) {
    const auto [first, last] = stack.back();
    stack.pop_back();
    double farthest = -1;
    std::size_t index = first;
    for (std::size_t i = first + 1; i < last; ++i) {
      const double d = distance(i, first, last);
      if (d > farthest) {
        farthest = d;
        index = i;
      }
    }
    if (farthest > tolerance) {
      keep[index] = true;
      stack.push_back({first, index});
      stack.push_back({index, last});
    }
  }
  return keep;
}

std::vector<bool> chordPoints(const Polyline& path, double toleranceMeters) {
  std::vector<glm::dvec3> points;
  points.reserve(path.size());
  for (const LonLat& p : path) points.push_back(toEcef(p));
  return douglasPeucker(points.size(), toleranceMeters, [&](std::size_t i, std::size_t first, std::size_t last) {
    const glm::dvec3 chord = points[last] - points[first];
    const double length = glm::length(chord);
    if (length == 0) return glm::length(points[i] - points[first]);
    return glm::length(glm::cross(points[i] - points[first], chord)) / length;
  });
}

Polyline simplify(const Polyline& path, double toleranceDegrees) {
  if (path.size() < 3) return path;
  const std::vector<bool> keep = douglasPeucker(path.size(), toleranceDegrees, [&](std::size_t i, std::size_t a, std::size_t b) {
    return distanceToSegment(path[i], path[a], path[b]);
  });
  Polyline result;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (keep[i]) result.push_back(path[i]);
  }
  return result;
}

Polygon densify(const Polygon& polygon, double maxStepDegrees) {
  Polygon dense{densify(polygon.outer, maxStepDegrees), {}};
  for (const auto& hole : polygon.holes) dense.holes.push_back(densify(hole, maxStepDegrees));
  return dense;
}

void appendRingOutlines(const Polyline& ring, std::vector<Polyline>& outlines, std::span<const LonLatBox> seams) {
  // Cut points on a seam are computed intersections: equal to its side within rounding.
  constexpr double kOnSide = 1e-9;
  auto alongSide = [](double a, double b, double side) {
    return std::abs(a - side) < kOnSide && std::abs(b - side) < kOnSide;
  };
  auto onSeam = [&](const LonLat& a, const LonLat& b) {
    return std::any_of(seams.begin(), seams.end(), [&](const LonLatBox& seam) {
      const LonLatBox box{seam.west - kOnSide, seam.east + kOnSide, seam.south - kOnSide, seam.north + kOnSide};
      return box.contains(a) && box.contains(b) &&
             (alongSide(a.lon, b.lon, seam.west) || alongSide(a.lon, b.lon, seam.east) ||
              alongSide(a.lat, b.lat, seam.south) || alongSide(a.lat, b.lat, seam.north));
    });
  };
  auto isCut = [&](const LonLat& a, const LonLat& b) {
    return (std::abs(a.lon) == 180.0 && a.lon == b.lon) || (std::abs(a.lat) == 90.0 && a.lat == b.lat) ||
           onSeam(a, b);
  };
  Polyline piece;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (i > 0 && isCut(ring[i - 1], ring[i])) {
      if (piece.size() >= 2) outlines.push_back(std::move(piece));
      piece.clear();
    }
    piece.push_back(ring[i]);
  }
  if (piece.size() >= 2) outlines.push_back(std::move(piece));
}

}  // namespace corridor::geo
