#include "io/Triangulate.h"

#include <gtest/gtest.h>

#include <cmath>

#include "GdalFixtures.h"

namespace corridor::io {
namespace {

using test::box;

struct MeshStats {
  double area = 0;  // sum of |triangle area| in square degrees
  std::size_t triangles = 0;
};

// Checks the mesh is well formed and returns its total area; calls visit(centroid) per triangle.
template <class Visit>
MeshStats measure(const geo::TriangleMesh& mesh, Visit visit) {
  MeshStats stats;
  EXPECT_EQ(mesh.indices.size() % 3, 0u);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t i[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    for (const std::uint32_t index : i) {
      if (index >= mesh.vertices.size()) {
        ADD_FAILURE() << "index " << index << " out of range";
        return stats;
      }
    }
    const geo::LonLat& a = mesh.vertices[i[0]];
    const geo::LonLat& b = mesh.vertices[i[1]];
    const geo::LonLat& c = mesh.vertices[i[2]];
    stats.area += 0.5 * std::abs((b.lon - a.lon) * (c.lat - a.lat) - (c.lon - a.lon) * (b.lat - a.lat));
    ++stats.triangles;
    visit(geo::LonLat{(a.lon + b.lon + c.lon) / 3, (a.lat + b.lat + c.lat) / 3});
  }
  return stats;
}

TEST(Triangulate, SquareWithHole) {
  const auto result = triangulatePolygons({{box(0, 0, 10, 10), {box(4, 4, 6, 6)}}});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result->failedPolygons, 0u);
  const MeshStats stats = measure(result->mesh, [](const geo::LonLat& centroid) {
    EXPECT_FALSE(centroid.lon > 4 && centroid.lon < 6 && centroid.lat > 4 && centroid.lat < 6)
        << "triangle inside the hole at " << centroid.lon << ", " << centroid.lat;
    EXPECT_TRUE(centroid.lon > 0 && centroid.lon < 10 && centroid.lat > 0 && centroid.lat < 10)
        << "triangle outside the square at " << centroid.lon << ", " << centroid.lat;
  });
  EXPECT_GE(stats.triangles, 8u);
  EXPECT_NEAR(stats.area, 100.0 - 4.0, 1e-6);
}

TEST(Triangulate, DisjointSquaresAddUp) {
  const auto result = triangulatePolygons({{box(0, 0, 10, 10), {}}, {box(20, 20, 23, 23), {}}});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result->failedPolygons, 0u);
  double left = 0;
  const MeshStats stats = measure(result->mesh, [&](const geo::LonLat& centroid) {
    if (centroid.lon < 15) left += 1;
  });
  EXPECT_NEAR(stats.area, 100.0 + 9.0, 1e-6);
  EXPECT_GE(left, 2);
  EXPECT_GE(static_cast<double>(stats.triangles) - left, 2);
}

TEST(Triangulate, EmptyInputGivesEmptyMesh) {
  const auto result = triangulatePolygons({});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_TRUE(result->mesh.vertices.empty());
  EXPECT_TRUE(result->mesh.indices.empty());
  EXPECT_EQ(result->failedPolygons, 0u);
}

}  // namespace
}  // namespace corridor::io
