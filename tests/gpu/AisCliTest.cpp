// corridor ais stats | export end to end: the JSON a script reads, messages on bad files, the
// GeoPackage QGIS opens.
#include <gtest/gtest.h>

#include "AisFixtures.h"
#include "GdalFixtures.h"
#include "RunCommand.h"
#include "TestSupport.h"

namespace corridor::test {
namespace {

CommandResult corridorAis(const std::string& arguments) {
  return runCommand(std::string(CORRIDOR_BINARY) + " ais " + arguments);
}

// Three rows of one vessel (one out of order), a duplicate and a base station.
std::string smallDay() {
  return std::string(kMarineCadastreHeader) + "\n" + marineCadastreRow(367000001, juneFirst(0, 20), 33.60, -118.3) +
         "\n" + marineCadastreRow(367000001, juneFirst(0, 0), 33.70, -118.3) + "\n" +
         marineCadastreRow(367000001, juneFirst(0, 10), 33.65, -118.3) + "\n" +
         marineCadastreRow(367000001, juneFirst(0, 10), 33.65, -118.3) + "\n" +
         marineCadastreRow(3669999, juneFirst(0, 0), 33.7, -118.2) + "\n";
}

TEST(CliAis, StatsJsonHasExactlyTheDocumentedKeys) {
  ScratchDir dir;
  writeTextFile(dir / "day.csv", smallDay());
  const CommandResult result = corridorAis("stats --json " + (dir / "day.csv").string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const std::string expected =
      "{\"rows_read\": 5, \"rows_accepted\": 3, \"rows_dropped\": {\"wrong_column_count\": 0, "
      "\"bad_number\": 0, \"bad_time\": 0, \"position_not_available\": 0, \"position_out_of_range\": 0, "
      "\"non_vessel_mmsi\": 1, \"duplicate\": 1, \"implausible_jump\": 0, \"missing_id\": 0}, \"vessels\": 1, \"tracks\": 1, "
      "\"time_start\": \"2022-06-01T00:00:00Z\", \"time_end\": \"2022-06-01T00:20:00Z\", "
      "\"throughput\": {\"mb_per_s\": ";
  EXPECT_EQ(result.output.substr(0, expected.size()), expected) << result.output;
  EXPECT_EQ(result.output.find("rows_per_s"), result.output.rfind("rows_per_s"));
  EXPECT_EQ(result.output.back(), '\n');
  EXPECT_EQ(result.output[result.output.size() - 3], '}');  // one object, nothing after it
}

TEST(CliAis, PartlyBadFilesShowTheFirstBadRowsWithLineNumbers) {
  ScratchDir dir;
  writeTextFile(dir / "day.csv", smallDay() + "367000001,2022-06-01T00:30:00,xx,1,1,1,1,X,,,,,,,,,\n");
  const CommandResult result = corridorAis("stats --emissions " + (dir / "day.csv").string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find("day.csv:6: non_vessel_mmsi"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("day.csv:7: latitude 'xx' is not a number"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("CO2"), std::string::npos) << result.output;
}

TEST(CliAis, AFileThatIsNotAisIsAnErrorNamingIt) {
  ScratchDir dir;
  writeTextFile(dir / "notes.csv", "hello,world\n1,2\n");
  const CommandResult result = corridorAis("stats " + (dir / "notes.csv").string());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.output.find("notes.csv: not an AIS CSV file"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("MMSI,BaseDateTime,LAT,LON"), std::string::npos) << result.output;
  EXPECT_EQ(corridorAis("stats --json --emissions " + (dir / "notes.csv").string()).exitCode, 2);
}

TEST(CliAis, ExportWritesTracksAndPointsThatGdalReads) {
  ScratchDir dir;
  writeTextFile(dir / "day.csv", smallDay());
  const std::filesystem::path out = dir / "tracks.gpkg";
  const CommandResult result =
      corridorAis("export " + (dir / "day.csv").string() + " --points --out " + out.string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  GDALAllRegister();
  GdalDatasetPtr dataset(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(dataset);
  OGRLayer* tracks = dataset->GetLayerByName("tracks");
  OGRLayer* points = dataset->GetLayerByName("points");
  ASSERT_TRUE(tracks && points);
  EXPECT_EQ(tracks->GetFeatureCount(), 1);
  EXPECT_EQ(points->GetFeatureCount(), 3);
  std::unique_ptr<OGRFeature> track(tracks->GetNextFeature());
  EXPECT_EQ(track->GetFieldAsInteger64("mmsi"), 367000001);
  EXPECT_STREQ(track->GetFieldAsString("end_time"), "2022/06/01 00:20:00+00");
  EXPECT_STREQ(track->GetFieldAsString("ais_class"), "cargo-handymax");  // 180 m, AIS type 70
  EXPECT_GT(track->GetFieldAsDouble("co2_t"), 0);
  EXPECT_EQ(track->GetGeometryRef()->getGeometryType(), wkbMultiLineString);
}

TEST(CliAis, RenderDrawsAisTracksAtTheGivenTime) {
  ScratchDir dir;
  writeTextFile(dir / "day.csv", smallDay());
  const std::string png = (dir / "ais.png").string();
  const CommandResult result = runCommand(std::string(CORRIDOR_BINARY) + " render --ais " + (dir / "day.csv").string() +
                                          " --time 2022-06-01T00:15Z --size 320x180 --out " + png);
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find("AIS: 1 vessels, 1 tracks, 3 points (2 rows dropped)"), std::string::npos)
      << result.output;
  EXPECT_TRUE(std::filesystem::exists(png));
  const CommandResult both = runCommand(std::string(CORRIDOR_BINARY) + " render --ais " + (dir / "day.csv").string() +
                                        " --scenario default --out " + png);
  EXPECT_EQ(both.exitCode, 2) << both.output;
}

}  // namespace
}  // namespace corridor::test
