#include "io/VectorReader.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <random>
#include <string>

#include "GdalFixtures.h"

namespace corridor::io {
namespace {

using test::box;
using test::containsText;
using test::Ring;
using test::ScratchDir;

const Ring kLandOuter = box(10, 0, 20, 10);
const Ring kLandHole = box(14, 4, 16, 6);
const Ring kIslandA = box(30, -5, 32, -3);
const Ring kIslandB = box(40, 20, 42, 22);
const Ring kCoast = {{-10, 50}, {-5, 52}, {0, 51}};

// "land" (Web Mercator, a square with a hole), "islands" (Web Mercator, one multipolygon of
// two squares) and "coast" (lon/lat, one line).
void writeWorld(const std::filesystem::path& path) {
  test::writeVector(
      path, "GPKG",
      {{"land", 3857, wkbPolygon, {test::polygonWkt({kLandOuter, kLandHole}, test::webMercator)}},
       {"islands", 3857, wkbMultiPolygon,
        {test::multiPolygonWkt({{kIslandA}, {kIslandB}}, test::webMercator)}},
       {"coast", 4326, wkbLineString, {test::lineWkt(kCoast, test::lonLat)}}});
}

// Every expected corner is a vertex of the ring and every vertex is an expected corner, in
// whatever order and orientation the reader keeps them.
::testing::AssertionResult sameCorners(const geo::Polyline& ring, const Ring& expected) {
  auto near = [](const geo::LonLat& a, const geo::LonLat& b) {
    return std::abs(a.lon - b.lon) < 1e-6 && std::abs(a.lat - b.lat) < 1e-6;
  };
  auto member = [&](const geo::LonLat& p, const auto& points) {
    for (const auto& q : points) {
      if (near(p, q)) return true;
    }
    return false;
  };
  if (ring.size() < 4 || ring.size() > 5) {
    return ::testing::AssertionFailure() << "ring has " << ring.size() << " points";
  }
  for (const auto& p : ring) {
    if (!member(p, expected)) {
      return ::testing::AssertionFailure() << "unexpected vertex " << p.lon << ", " << p.lat;
    }
  }
  for (const auto& p : expected) {
    if (!member(p, ring)) {
      return ::testing::AssertionFailure() << "missing corner " << p.lon << ", " << p.lat;
    }
  }
  return ::testing::AssertionSuccess();
}

const geo::Polygon* findPolygon(const std::vector<geo::Polygon>& polygons, const Ring& outer) {
  for (const auto& polygon : polygons) {
    if (sameCorners(polygon.outer, outer)) return &polygon;
  }
  return nullptr;
}

// The error names the file (and, if given, what else must appear).
void expectError(const VectorSource& source, const std::string& mention = "") {
  const auto result = readVector(source);
  ASSERT_FALSE(result.has_value()) << source.path << " was read without error";
  EXPECT_TRUE(containsText(result.error().message, source.path.filename().string()));
  if (!mention.empty()) {
    EXPECT_TRUE(containsText(result.error().message, mention));
  }
}

TEST(VectorReader, ParsesPathAndLayer) {
  const VectorSource withLayer = parseVectorSource("a/b.gpkg:layer");
  EXPECT_EQ(withLayer.path, std::filesystem::path("a/b.gpkg"));
  EXPECT_EQ(withLayer.layer, "layer");
  const VectorSource plain = parseVectorSource("a/b.gpkg");
  EXPECT_EQ(plain.path, std::filesystem::path("a/b.gpkg"));
  EXPECT_TRUE(plain.layer.empty());
}

TEST(VectorReader, ReadsEveryLayerReprojectedToWgs84) {
  ScratchDir dir;
  const auto path = dir / "world.gpkg";
  writeWorld(path);

  const auto data = readVector({path, ""});
  ASSERT_TRUE(data.has_value()) << data.error().message;
  EXPECT_EQ(data->features, 3u);
  EXPECT_EQ(data->skippedFeatures, 0u);

  // The land square with its hole, and the multipolygon flattened into two polygons (in
  // whichever layer order the driver lists them).
  ASSERT_EQ(data->polygons.size(), 3u);
  const geo::Polygon* land = findPolygon(data->polygons, kLandOuter);
  ASSERT_NE(land, nullptr);
  ASSERT_EQ(land->holes.size(), 1u);
  EXPECT_TRUE(sameCorners(land->holes[0], kLandHole));
  for (const Ring& island : {kIslandA, kIslandB}) {
    const geo::Polygon* found = findPolygon(data->polygons, island);
    ASSERT_NE(found, nullptr) << "island at " << island[0].lon << ", " << island[0].lat;
    EXPECT_TRUE(found->holes.empty());
  }

  ASSERT_EQ(data->lines.size(), 1u);
  ASSERT_EQ(data->lines[0].size(), kCoast.size());
  for (std::size_t i = 0; i < kCoast.size(); ++i) {
    EXPECT_NEAR(data->lines[0][i].lon, kCoast[i].lon, 1e-9);
    EXPECT_NEAR(data->lines[0][i].lat, kCoast[i].lat, 1e-9);
  }
}

TEST(VectorReader, ReadsOnlyTheNamedLayer) {
  ScratchDir dir;
  const auto path = dir / "world.gpkg";
  writeWorld(path);

  const auto data = readVector({path, "coast"});
  ASSERT_TRUE(data.has_value()) << data.error().message;
  EXPECT_TRUE(data->polygons.empty());
  ASSERT_EQ(data->lines.size(), 1u);
  EXPECT_EQ(data->features, 1u);
}

TEST(VectorReader, AppendMergesSources) {
  VectorData a;
  a.polygons.push_back({box(0, 0, 1, 1), {}});
  a.features = 2;
  a.skippedFeatures = 1;
  VectorData b;
  b.polygons.push_back({box(2, 2, 3, 3), {}});
  b.lines.push_back({{0, 0}, {1, 1}});
  b.features = 3;
  append(a, std::move(b));
  ASSERT_EQ(a.polygons.size(), 2u);
  EXPECT_DOUBLE_EQ(a.polygons[1].outer[0].lon, 2.0);
  EXPECT_EQ(a.lines.size(), 1u);
  EXPECT_EQ(a.features, 5u);
  EXPECT_EQ(a.skippedFeatures, 1u);
}

TEST(VectorReaderErrors, MissingFile) {
  ScratchDir dir;
  expectError({dir / "does_not_exist.gpkg", ""});
}

TEST(VectorReaderErrors, TruncatedShapefile) {
  ScratchDir dir;
  const auto path = dir / "countries.shp";
  std::vector<std::string> squares;
  for (int i = 0; i < 10; ++i) {
    const double lon = -170.0 + 30.0 * i;
    squares.push_back(test::polygonWkt({box(lon, -10, lon + 20, 10)}, test::lonLat));
  }
  test::writeVector(path, "ESRI Shapefile", {{"countries", 4326, wkbPolygon, squares}});
  ASSERT_TRUE(readVector({path, ""}).has_value()) << "the intact shapefile must be readable";

  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  expectError({path, ""});
}

TEST(VectorReaderErrors, TextFile) {
  ScratchDir dir;
  const auto path = dir / "hello.txt";
  test::writeTextFile(path,
                      "Hello! This is a letter, not a map. It has no coordinates, no layers and "
                      "no geometry, only a few sentences of plain prose.\n");
  expectError({path, ""});
}

TEST(VectorReaderErrors, RandomBytesNamedGpkg) {
  ScratchDir dir;
  const auto path = dir / "noise.gpkg";
  std::mt19937 random(42);
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < 4096; ++i) out.put(static_cast<char>(random() & 0xff));
  out.close();
  expectError({path, ""});
}

TEST(VectorReaderErrors, UnknownLayer) {
  ScratchDir dir;
  const auto path = dir / "world.gpkg";
  writeWorld(path);
  expectError({path, "rivers"}, "rivers");
}

TEST(VectorReaderErrors, OnlyPoints) {
  ScratchDir dir;
  const auto path = dir / "cities.gpkg";
  test::writeVector(path, "GPKG",
                    {{"cities", 4326, wkbPoint,
                      {test::pointWkt({2.35, 48.86}, test::lonLat),
                       test::pointWkt({139.69, 35.69}, test::lonLat)}}});
  const auto result = readVector({path, ""});
  ASSERT_FALSE(result.has_value());
  const std::string& message = result.error().message;
  EXPECT_TRUE(containsText(message, "cities.gpkg"));
  std::string lower;
  for (const char c : message) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(containsText(lower, "polygon") || containsText(lower, "usable layer")) << message;
}

}  // namespace
TEST(VectorReaderErrors, CoordinatesOffTheGlobeNameTheFeatureAndRing) {
  ScratchDir dir;
  const auto path = dir / "broken.geojson";
  // The second feature's hole has a longitude of 1e7 degrees (before: minutes of densifying
  // and gigabytes of memory).
  test::writeTextFile(path, R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
      [[0,0],[5,0],[5,5],[0,0]], [[1,1],[10000000,1],[2,2],[1,1]]]}}]})");
  const auto data = readVector({path, ""});
  ASSERT_FALSE(data);
  EXPECT_TRUE(containsText(data.error().message, "feature 1, ring 2, point 2: longitude 1e+07 is outside -180..360"))
      << data.error().message;
}

}  // namespace corridor::io
