#include "io/DatasetInfo.h"

#include <gtest/gtest.h>

#include "GdalFixtures.h"

namespace corridor::io {
namespace {

using test::containsText;
using test::ScratchDir;

TEST(DatasetInfo, DescribesAGeoPackage) {
  ScratchDir dir;
  const auto path = dir / "land.gpkg";
  test::writeVector(path, "GPKG",
                    {{"land", 3857, wkbPolygon,
                      {test::polygonWkt({test::box(10, 0, 20, 10)}, test::webMercator),
                       test::polygonWkt({test::box(30, 0, 31, 1)}, test::webMercator)}}});

  const auto text = describeDataset(path);
  ASSERT_TRUE(text.has_value()) << text.error().message;
  EXPECT_TRUE(containsText(*text, "land.gpkg"));
  EXPECT_TRUE(containsText(*text, "driver: GPKG"));
  EXPECT_TRUE(containsText(*text, "layer 'land'"));
  EXPECT_TRUE(containsText(*text, "Polygon"));
  EXPECT_TRUE(containsText(*text, "EPSG:3857"));
  EXPECT_TRUE(containsText(*text, "2 features"));
}

TEST(DatasetInfo, DescribesAGeoTiff) {
  ScratchDir dir;
  const auto path = dir / "world.tif";
  test::writeWorldGeoTiff(path);

  const auto text = describeDataset(path);
  ASSERT_TRUE(text.has_value()) << text.error().message;
  EXPECT_TRUE(containsText(*text, "driver: GTiff"));
  EXPECT_TRUE(containsText(*text, "360 x 180"));
  EXPECT_TRUE(containsText(*text, "3 band"));
  EXPECT_TRUE(containsText(*text, "EPSG:4326"));
}

TEST(DatasetInfo, MissingFileIsAnError) {
  ScratchDir dir;
  const auto text = describeDataset(dir / "nowhere.gpkg");
  ASSERT_FALSE(text.has_value());
  EXPECT_TRUE(containsText(text.error().message, "nowhere.gpkg"));
}

}  // namespace
}  // namespace corridor::io
