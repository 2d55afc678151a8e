// Full-resolution shorelines as GMT exports them (io/Shorelines.h): rings cut by the region
// closed along its sides with the land on the left, lakes as holes, and the basemap's land
// replaced inside the region without an outline along its sides. The fixtures reproduce
// 'gmt coast -M -W' output: "Shore Bin # N, Level L" headers, tab-separated rows, headers
// with no rows, rings that end exactly on the region's sides.
#include <gtest/gtest.h>

#include <cmath>

#include "TestSupport.h"
#include "io/LandGeometry.h"
#include "io/Shorelines.h"

namespace corridor {
namespace {

double ringArea(const geo::Polyline& ring) {
  double twice = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) twice += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
  return std::abs(twice) / 2;
}

double landArea(const std::vector<geo::Polygon>& polygons) {
  double area = 0;
  for (const geo::Polygon& polygon : polygons) {
    area += ringArea(polygon.outer);
    for (const geo::Polyline& hole : polygon.holes) area -= ringArea(hole);
  }
  return area;
}

bool insideRing(const geo::Polyline& ring, const geo::LonLat& p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    if ((ring[i].lat > p.lat) != (ring[j].lat > p.lat) &&
        p.lon < (ring[j].lon - ring[i].lon) * (p.lat - ring[i].lat) / (ring[j].lat - ring[i].lat) + ring[i].lon) {
      inside = !inside;
    }
  }
  return inside;
}

bool onLand(const std::vector<geo::Polygon>& polygons, const geo::LonLat& p) {
  for (const geo::Polygon& polygon : polygons) {
    if (!insideRing(polygon.outer, p)) continue;
    bool inHole = false;
    for (const geo::Polyline& hole : polygon.holes) inHole = inHole || insideRing(hole, p);
    if (!inHole) return true;
  }
  return false;
}

std::string gmtSegment(int level, const std::vector<geo::LonLat>& points) {
  std::string text = "> Shore Bin # 20401, Level " + std::to_string(level) + "\n";
  char row[64];
  for (const geo::LonLat& p : points) {
    std::snprintf(row, sizeof row, "%.9g\t%.9g\n", p.lon, p.lat);
    text += row;
  }
  return text;
}

const std::string kRegion = "# GSHHG full-resolution shorelines\n# region 0/10/0/10\n";

TEST(Shorelines, ACoastCutByTheRegionIsClosedWithTheLandOnItsLeft) {
  test::ScratchDir dir;
  // The coast runs west to east at 5 N with a cape at (5, 4): land to the north. A header with
  // no rows, as GMT writes for empty bins, comes first.
  test::writeTextFile(dir / "region.txt", kRegion + "> Shore Bin # 20400, Level 1\n" +
                                              gmtSegment(1, {{0, 5}, {4, 5}, {5, 4}, {6, 5}, {10, 5}}) +
                                              // An island in the sea (counterclockwise) and a lake in the land
                                              // (clockwise: the land is on the left of every shore).
                                              gmtSegment(1, {{2, 1}, {3, 1}, {3, 2}, {2, 2}, {2, 1}}) +
                                              gmtSegment(2, {{6, 7}, {6, 8}, {7, 8}, {7, 7}, {6, 7}}));
  auto region = io::readShorelineRegion(dir / "region.txt");
  ASSERT_TRUE(region) << region.error().message;
  EXPECT_EQ(region->box.west, 0);
  EXPECT_EQ(region->box.north, 10);
  // North half (50) plus the cape (1), plus the island (1), less the lake (1).
  EXPECT_NEAR(landArea(region->land), 51.0, 1e-9);
  EXPECT_TRUE(onLand(region->land, {5, 9}));
  EXPECT_TRUE(onLand(region->land, {5, 4.5}));    // the cape
  EXPECT_TRUE(onLand(region->land, {2.5, 1.5}));  // the island
  EXPECT_FALSE(onLand(region->land, {6.5, 7.5}));  // the lake
  EXPECT_FALSE(onLand(region->land, {8, 2}));
}

TEST(Shorelines, SeveralCutsAndALakeAcrossTheSideCloseIntoTheirOwnRings) {
  test::ScratchDir dir;
  // Two headlands: one comes in by the east side and leaves by the south side (land in the
  // south-east corner), one comes in by the west side and goes back out of it (land against
  // the west side). In the south-east land a lake touches the east side and another crosses it.
  test::writeTextFile(dir / "region.txt", kRegion + gmtSegment(1, {{10, 4}, {6, 4}, {6, 0}}) +
                                              gmtSegment(1, {{0, 7}, {2, 8}, {0, 9}}) +
                                              gmtSegment(2, {{10, 1}, {9, 1}, {9, 3}, {10, 3}, {10, 1}}) +
                                              gmtSegment(2, {{10, 2.5}, {9.5, 2.5}, {9.5, 3.5}, {10, 3.5}}));
  auto region = io::readShorelineRegion(dir / "region.txt");
  ASSERT_TRUE(region) << region.error().message;
  EXPECT_TRUE(onLand(region->land, {8, 2}));
  EXPECT_TRUE(onLand(region->land, {0.5, 8}));
  EXPECT_FALSE(onLand(region->land, {5, 5}));
  EXPECT_FALSE(onLand(region->land, {9.8, 3.2}));  // in the lake that the east side cuts
  // South-east 16 and west headland 2, less the closed lake (2) and the part of the cut one
  // beyond it (0.5 x 0.5 north of it).
  EXPECT_NEAR(landArea(region->land), 16.0 + 2.0 - 2.0 - 0.25, 1e-9);
}

TEST(Shorelines, PiecesOfOneShorelineInNeighbouringBinsAreJoined) {
  test::ScratchDir dir;
  // GMT writes one piece per bin: the coast of the first test in two pieces that meet at 5 E
  // (written in the order of the bins, east one first), and an island across the same edge.
  test::writeTextFile(dir / "region.txt", kRegion + gmtSegment(1, {{5, 5}, {6, 5}, {10, 5}}) +
                                              gmtSegment(1, {{0, 5}, {4, 5}, {5, 5}}) +
                                              gmtSegment(1, {{5, 2}, {4, 2}, {4, 1}, {5, 1}}) +
                                              gmtSegment(1, {{5, 1}, {6, 1}, {6, 2}, {5, 2}}));
  auto region = io::readShorelineRegion(dir / "region.txt");
  ASSERT_TRUE(region) << region.error().message;
  EXPECT_NEAR(landArea(region->land), 50.0 + 2.0, 1e-9);
  EXPECT_TRUE(onLand(region->land, {5.5, 1.5}));
  EXPECT_FALSE(onLand(region->land, {5.5, 3}));
}

TEST(Shorelines, BadFilesAreRefusedWithTheirLine) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "noregion.txt", gmtSegment(1, {{0, 5}, {10, 5}}));
  auto missing = io::readShorelineRegion(dir / "noregion.txt");
  ASSERT_FALSE(missing);
  EXPECT_TRUE(test::containsText(missing.error().message, "no '# region WEST/EAST/SOUTH/NORTH' line"));
  test::writeTextFile(dir / "row.txt", kRegion + "> Shore Bin # 1, Level 1\n0\t5\n4 five\n");
  auto row = io::readShorelineRegion(dir / "row.txt");
  ASSERT_FALSE(row);
  EXPECT_TRUE(test::containsText(row.error().message, "row.txt:5: expected 'LON LAT', found '4 five'"));
  test::writeTextFile(dir / "inside.txt", kRegion + gmtSegment(1, {{0, 5}, {4, 5}}));
  auto inside = io::readShorelineRegion(dir / "inside.txt");
  ASSERT_FALSE(inside);
  EXPECT_TRUE(test::containsText(inside.error().message, "inside.txt: a shoreline ends inside the region at 4.0"));
  test::writeTextFile(dir / "box.txt", "# region 10/0/0/10\n");
  EXPECT_FALSE(io::readShorelineRegion(dir / "box.txt"));
}

TEST(Shorelines, TheBasemapsLandGivesWayInsideTheRegionWithNoCoastAlongItsSides) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "region.txt", kRegion + gmtSegment(1, {{0, 5}, {10, 5}}));
  auto region = io::readShorelineRegion(dir / "region.txt");
  ASSERT_TRUE(region) << region.error().message;
  // A coarse land polygon from -5 to 15 E, 2 to 20 N: inside the region its coast (2 N) is
  // wrong; the region's (5 N) replaces it.
  io::VectorData data;
  data.polygons.push_back({{{-5, 2}, {15, 2}, {15, 20}, {-5, 20}, {-5, 2}}, {}});
  ASSERT_TRUE(io::replaceLandInRegions(data, {*region}));
  // 20 x 18, less its 10 x 8 inside the region, plus the region's north half.
  EXPECT_NEAR(landArea(data.polygons), 20.0 * 18.0 - 80.0 + 50.0, 1e-9);
  EXPECT_TRUE(onLand(data.polygons, {5, 7}));
  EXPECT_FALSE(onLand(data.polygons, {5, 3}));  // coarse land, water by the shoreline
  EXPECT_TRUE(onLand(data.polygons, {12, 3}));  // outside the region the basemap stays
  ASSERT_EQ(data.seams.size(), 1u);
  auto geometry = io::landGeometry(data);
  ASSERT_TRUE(geometry) << geometry.error().message;
  // Outlines: the basemap's coast outside the region and the shoreline inside it, nothing
  // along the region's sides.
  bool shoreline = false;
  for (const geo::Polyline& line : geometry->outlines) {
    for (std::size_t i = 1; i < line.size(); ++i) {
      const geo::LonLat &a = line[i - 1], &b = line[i];
      const bool alongSide = (a.lon == b.lon && (a.lon == 0 || a.lon == 10) && a.lat >= 0 && a.lat <= 10) ||
                             (a.lat == b.lat && (a.lat == 0 || a.lat == 10) && a.lon >= 0 && a.lon <= 10);
      EXPECT_FALSE(alongSide) << a.lon << "," << a.lat << " - " << b.lon << "," << b.lat;
      shoreline = shoreline || (a.lat == 5 && b.lat == 5);
    }
  }
  EXPECT_TRUE(shoreline);
}

}  // namespace
}  // namespace corridor
