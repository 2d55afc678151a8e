#pragma once
#include <cstdint>
#include <vector>

namespace corridor::geo {

// Degrees, WGS84. Longitudes may run past +-180 where a path has been unwrapped.
struct LonLat {
  double lon = 0;
  double lat = 0;
};

struct LonLatAlt {
  double lon = 0;
  double lat = 0;
  double alt = 0;  // metres above the ellipsoid
};

using Polyline = std::vector<LonLat>;

// A lon/lat rectangle (not across 180 degrees).
struct LonLatBox {
  double west = 0, east = 0, south = 0, north = 0;

  bool contains(const LonLat& p) const { return p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north; }
  bool overlaps(const LonLatBox& o) const { return west <= o.east && o.west <= east && south <= o.north && o.south <= north; }
};

struct Polygon {
  Polyline outer;
  std::vector<Polyline> holes;
};

// Triangles in lon/lat (three indices each), as produced by a polygon triangulation.
struct TriangleMesh {
  std::vector<LonLat> vertices;
  std::vector<std::uint32_t> indices;
};

// Filled land at one level of detail: polygons simplified to a tolerance, then triangulated.
struct LandLevel {
  double toleranceDegrees = 0;
  TriangleMesh mesh;
};

// What a basemap draws from vector data: filled land (finest level first) and the outlines
// (coasts, borders).
struct LandGeometry {
  std::vector<LandLevel> land;
  std::vector<Polyline> outlines;
};

}  // namespace corridor::geo
