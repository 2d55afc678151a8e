#include "io/DatasetInfo.h"

#include <gtest/gtest.h>

#include "GdalFixtures.h"
#include "io/VectorReader.h"

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

TEST(DatasetInfo, ARastersBandsWithTypeNodataUnitStatisticsAndOverviews) {
  ScratchDir dir;
  const auto path = dir / "depth.tif";
  {
    // 64 m bathymetry in UTM 11N: depth rises by 1 m a column, a nodata column at the left.
    test::GdalDatasetPtr dataset = test::createDataset(path, "GTiff", 100, 50, 1, GDT_Float32);
    const double transform[6] = {380000, 64, 0, 3740000, 0, -64};
    dataset->SetGeoTransform(const_cast<double*>(transform));
    const OGRSpatialReference utm = test::spatialReference(32611);
    dataset->SetSpatialRef(&utm);
    GDALRasterBand* band = dataset->GetRasterBand(1);
    band->SetNoDataValue(-9999);
    band->SetUnitType("m");
    band->SetDescription("depth");
    std::vector<float> values(100 * 50);
    for (int y = 0; y < 50; ++y) {
      for (int x = 0; x < 100; ++x) values[std::size_t(y * 100 + x)] = x == 0 ? -9999.0f : -float(x);
    }
    ASSERT_EQ(band->RasterIO(GF_Write, 0, 0, 100, 50, values.data(), 100, 50, GDT_Float32, 0, 0), CE_None);
    const int levels[] = {2};
    ASSERT_EQ(dataset->BuildOverviews("NEAREST", 1, levels, 0, nullptr, nullptr, nullptr), CE_None);
  }
  const auto text = describeDataset(path);
  ASSERT_TRUE(text.has_value()) << text.error().message;
  EXPECT_TRUE(containsText(*text, "100 x 50 pixels")) << *text;
  EXPECT_TRUE(containsText(*text, "EPSG:32611")) << *text;
  EXPECT_TRUE(containsText(*text, "pixel 64 x 64 metre")) << *text;
  EXPECT_TRUE(containsText(*text, "band 1 'depth': Float32, Gray, nodata -9999, unit 'm', min -99, max -1, mean -50")) << *text;
  EXPECT_TRUE(containsText(*text, "overviews 50x25")) << *text;
  EXPECT_FALSE(std::filesystem::exists(dir / "depth.tif.aux.xml")) << "info wrote beside the user's file";
}

TEST(DatasetInfo, ZippedShapefileAndGzippedGeoJsonOpenAsTheFileItself) {
  ScratchDir dir;
  test::writeVector(dir / "terminals.shp", "ESRI Shapefile",
                    {{"terminals", 4326, wkbPolygon, {"POLYGON ((-118.27 33.73,-118.25 33.73,-118.25 33.75,-118.27 33.75,-118.27 33.73))"}}});
  test::zipFiles(dir / "terminals.zip", {dir / "terminals.shp", dir / "terminals.shx", dir / "terminals.dbf",
                                         dir / "terminals.prj"});
  test::writeVector(dir / "berths.geojson", "GeoJSON",
                    {{"berths", 4326, wkbLineString, {test::lineWkt({{-118.27, 33.74}, {-118.26, 33.74}}, test::lonLat)}}});
  test::gzipFile(dir / "berths.geojson", dir / "berths.geojson.gz");
  for (const char* name : {"terminals.shp", "terminals.shx", "terminals.dbf", "terminals.prj", "berths.geojson"}) {
    std::filesystem::remove(dir / name);
  }
  const auto zipped = describeDataset(dir / "terminals.zip");
  ASSERT_TRUE(zipped.has_value()) << zipped.error().message;
  EXPECT_TRUE(containsText(*zipped, "layer 'terminals': Polygon, 1 features")) << *zipped;
  const auto gzipped = describeDataset(dir / "berths.geojson.gz");
  ASSERT_TRUE(gzipped.has_value()) << gzipped.error().message;
  EXPECT_TRUE(containsText(*gzipped, "Line String, 1 features")) << *gzipped;
  auto data = readVector({dir / "terminals.zip", ""});
  ASSERT_TRUE(data.has_value()) << data.error().message;
  EXPECT_EQ(data->polygons.size(), 1u);
}

TEST(DatasetInfo, MissingFileIsAnError) {
  ScratchDir dir;
  const auto text = describeDataset(dir / "nowhere.gpkg");
  ASSERT_FALSE(text.has_value());
  EXPECT_TRUE(containsText(text.error().message, "nowhere.gpkg"));
}

}  // namespace
}  // namespace corridor::io
