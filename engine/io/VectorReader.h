#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"

namespace corridor::io {

// A dataset and optionally one of its layers, written PATH[:LAYER] on the command line.
struct VectorSource {
  std::filesystem::path path;
  std::string layer;  // empty: every layer that has geometries
};
VectorSource parseVectorSource(const std::string& text);

// Geometries reprojected to WGS84 lon/lat. Polygons keep their holes; multi-geometries and
// collections are flattened; curves are linearised.
struct VectorData {
  std::vector<geo::Polygon> polygons;
  std::vector<geo::Polyline> lines;
  std::vector<geo::LonLat> points;  // only when asked for
  // Only when a label field is asked for: its text at each feature (a point where it is, a
  // polygon at a point inside it, a line at its centroid); empty texts are left out.
  struct Label {
    geo::LonLat at;
    std::string text;
  };
  std::vector<Label> labels;
  std::size_t features = 0;
  std::size_t skippedFeatures = 0;  // no geometry, points only, or failed to reproject
  // Regions whose land came from another source (io/Shorelines.h): their sides cut polygons
  // where two sources meet, and are no coast.
  std::vector<geo::LonLatBox> seams;
};

// Any OGR driver, any CRS. Errors name the file (and layer) and say what was expected. Points
// are read when `withPoints` (layers draw them; land has no use for them).
core::Result<VectorData> readVector(const VectorSource& source, bool withPoints = false,
                                    const std::string& labelField = "");

// Merges b into a (several --vector sources make one basemap).
void append(VectorData& a, VectorData&& b);

}  // namespace corridor::io
