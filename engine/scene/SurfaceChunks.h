#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <vector>

#include "geo/Types.h"
#include "scene/View.h"

namespace corridor::scene {

// Where a piece of ground geometry can be, for skipping it when the camera cannot see it.
struct ChunkBounds {
  glm::dvec3 direction{0, 0, 1};  // unit vector from the Earth's centre to the chunk
  double angularRadius = 0;       // radians: every vertex lies within this angle of it
  glm::dvec3 sphereCentre{0.0};   // ECEF bounding sphere of the vertices (and their chords)
  double sphereRadius = 0;
  glm::dvec2 mapMin{0.0}, mapMax{0.0};  // unwrapped map metres (MapProjection::projectUnwrapped)
};

// The bounds of a piece of ground through the given points (its outline and interior samples).
ChunkBounds boundsOf(const std::vector<geo::LonLat>& points);

// A run of primitives (triangles or segments) in a reordered buffer.
struct Chunk {
  uint32_t first = 0;
  uint32_t count = 0;
  ChunkBounds bounds;
};

// Triangles regrouped by 10-degree cells: `indices` is the mesh's index list in chunk order,
// chunk ranges count indices.
struct ChunkedTriangles {
  std::vector<uint32_t> indices;
  std::vector<Chunk> chunks;
};
ChunkedTriangles chunkTriangles(const geo::TriangleMesh& mesh);

// Segments of paths regrouped likewise: segment i runs from points[2i] to points[2i+1];
// chunk ranges count segments.
struct ChunkedSegments {
  std::vector<geo::LonLat> points;
  std::vector<Chunk> chunks;
};
ChunkedSegments chunkSegments(const std::vector<geo::Polyline>& paths);

// Conservative visibility: false only when no part of the chunk can be on screen. On the globe:
// beyond the horizon or outside the view frustum; on the map: outside the screen for the copy
// of the world shifted by `mapShiftX` metres.
bool chunkVisible(const View& view, const ChunkBounds& bounds, double mapShiftX = 0.0);

}  // namespace corridor::scene
