// corridor ais import and archives as AIS input, end to end: the counts of the files, a second
// import that changes nothing, the same picture as from the files, clear refusals.
#include <gtest/gtest.h>

#include "AisFixtures.h"
#include "PostgresServer.h"
#include "RunCommand.h"
#include "TestSupport.h"
#include "core/Image.h"

namespace corridor::test {
namespace {

namespace fs = std::filesystem;

CommandResult corridor(const std::string& arguments) { return runCommand(std::string(CORRIDOR_BINARY) + " " + arguments); }

// Two days of three vessels, a report every 20 minutes sailing east off Los Angeles, with a
// duplicate, a base station and a bad number; the vessels sail across midnight.
std::string dayFile(int day) {
  std::string text = std::string(kMarineCadastreHeader) + "\n";
  for (int i = 0; i < 72; ++i) {
    char time[32];
    std::snprintf(time, sizeof time, "2022-06-%02dT%02d:%02d:00", day, i / 3, i % 3 * 20);
    for (int v = 0; v < 3; ++v) {
      text += marineCadastreRow(367000001 + v, time, 33.2 + v * 0.2, -121 + (day - 1) * 72 * 0.02 + i * 0.02) + "\n";
    }
  }
  char midnight[32];
  std::snprintf(midnight, sizeof midnight, "2022-06-%02dT00:00:00", day);
  text += marineCadastreRow(367000001, midnight, 33.2, -121 + (day - 1) * 72 * 0.02) + "\n";
  text += marineCadastreRow(3669999, midnight, 33.5, -120) + "\n";
  text += "367000001," + std::string(midnight) + ",xx,1,1,1,1,X,,,,,,,,,\n";
  return text;
}

std::string jsonStats(const std::string& inputs) {
  const CommandResult result = corridor("ais stats --json " + inputs);
  EXPECT_EQ(result.exitCode, 0) << result.output;
  // Everything but the throughput, which differs run to run.
  return result.output.substr(0, result.output.find("\"throughput\""));
}

TEST(CliAisArchive, ImportKeepsTheCountsOfTheFilesAndASecondImportChangesNothing) {
  ScratchDir dir;
  writeTextFile(dir / "day1.csv", dayFile(1));
  writeTextFile(dir / "day2.csv", dayFile(2));
  const std::string archive = (dir / "archive.gpkg").string();
  const CommandResult first = corridor("ais import " + (dir / "day1.csv").string() + " " + (dir / "day2.csv").string() +
                                       " --into " + archive);
  ASSERT_EQ(first.exitCode, 0) << first.output;
  EXPECT_TRUE(containsText(first.output, "day1.csv: 219 rows read, 216 kept in 3 tracks of 3 vessels, 3 dropped "
                                         "(bad_number 1, non_vessel_mmsi 1, duplicate 1)"))
      << first.output;
  EXPECT_TRUE(containsText(first.output, "archive.gpkg: 2 files, 432 points, 3 vessels, 2022-06-01T00:00:00Z .. "
                                         "2022-06-02T23:40:00Z"))
      << first.output;
  // Read back, the archive keeps every track across midnight whole, as the two files read together.
  const std::string fromFiles = jsonStats((dir / "day1.csv").string() + " " + (dir / "day2.csv").string());
  const std::string fromArchive = jsonStats(archive);
  auto from = [](const std::string& json, const char* key) { return json.substr(json.find(key)); };
  EXPECT_TRUE(containsText(fromFiles, "\"rows_accepted\": 432,")) << fromFiles;
  EXPECT_TRUE(containsText(fromArchive, "\"rows_accepted\": 432,")) << fromArchive;
  EXPECT_EQ(from(fromArchive, "\"vessels\""), from(fromFiles, "\"vessels\""));
  EXPECT_TRUE(containsText(fromArchive, "\"tracks\": 3,")) << fromArchive;
  const CommandResult again = corridor("ais import " + (dir / "day1.csv").string() + " --into " + archive);
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_TRUE(containsText(again.output, "day1.csv: imported before")) << again.output;
  EXPECT_TRUE(containsText(again.output, "archive.gpkg: 2 files, 432 points")) << again.output;
}

TEST(CliAisArchive, AWindowOfTheArchiveReadsItsReportsAndTheGapOnEachSide) {
  ScratchDir dir;
  writeTextFile(dir / "day1.csv", dayFile(1));
  const std::string archive = (dir / "archive.gpkg").string();
  ASSERT_EQ(corridor("ais import " + (dir / "day1.csv").string() + " --into " + archive).exitCode, 0);
  // 12:00 to 13:00 and an hour's gap limit either side: 11:00 .. 13:40, 9 reports of each vessel.
  const CommandResult window =
      corridor("ais stats --json --gap-hours 1 --from 2022-06-01T12:00:00Z --to 2022-06-01T13:00:00Z " + archive);
  ASSERT_EQ(window.exitCode, 0) << window.output;
  EXPECT_TRUE(containsText(window.output, "\"rows_accepted\": 27,")) << window.output;
  EXPECT_TRUE(containsText(window.output, "\"time_start\": \"2022-06-01T11:00:00Z\", \"time_end\": \"2022-06-01T13:40:00Z\""))
      << window.output;
  const CommandResult outside = corridor("ais stats --from 2023-01-01 " + archive);
  EXPECT_EQ(outside.exitCode, 2) << outside.output;
  EXPECT_TRUE(containsText(outside.output, "archive.gpkg: the window 2022-12-31T18:00:00Z .. end is outside the archive's period"))
      << outside.output;
  EXPECT_EQ(corridor("ais stats --bbox 1,2,3 " + archive).exitCode, 2);
}

TEST(CliAisArchive, RenderFromTheArchiveDrawsWhatTheFilesDraw) {
  ScratchDir dir;
  writeTextFile(dir / "day1.csv", dayFile(1));
  writeTextFile(dir / "day2.csv", dayFile(2));
  const std::string archive = (dir / "archive.gpkg").string();
  ASSERT_EQ(corridor("ais import " + (dir / "day1.csv").string() + " " + (dir / "day2.csv").string() + " --into " + archive).exitCode, 0);
  const std::string view = " --time 2022-06-01T23:50Z --camera -119.8,33.4,400 --view map --size 320x180 --out ";
  const CommandResult files = corridor("render --ais " + (dir / "day1.csv").string() + " " + (dir / "day2.csv").string() + view +
                                       (dir / "files.png").string());
  ASSERT_EQ(files.exitCode, 0) << files.output;
  const CommandResult archived = corridor("render --ais " + archive + view + (dir / "archive.png").string());
  ASSERT_EQ(archived.exitCode, 0) << archived.output;
  const auto a = core::readPng(dir / "files.png");
  const auto b = core::readPng(dir / "archive.png");
  ASSERT_TRUE(a && b);
  // Identical but for the caption that names the input, in the bottom left corner.
  int differing = 0, shipPixels = 0;
  for (int y = 0; y < 150; ++y) {
    for (int x = 0; x < a->width; ++x) {
      differing += a->at(x, y) != b->at(x, y);
    }
  }
  for (int y = 40; y < 150; ++y) {  // under the time, left of the legend (whose swatch is cargo yellow too)
    for (int x = 0; x < 250; ++x) shipPixels += a->at(x, y)[0] > 200 && a->at(x, y)[2] < 120;
  }
  EXPECT_EQ(differing, 0);
  EXPECT_GT(shipPixels, 0);  // the picture has the ships (cargo, yellow) to compare
}

TEST(CliAisArchive, ImportRefusesWhatIsNotAnArchive) {
  ScratchDir dir;
  writeTextFile(dir / "day1.csv", dayFile(1));
  ASSERT_EQ(corridor("ais export " + (dir / "day1.csv").string() + " --out " + (dir / "tracks.gpkg").string()).exitCode, 0);
  const CommandResult intoTracks = corridor("ais import " + (dir / "day1.csv").string() + " --into " + (dir / "tracks.gpkg").string());
  EXPECT_EQ(intoTracks.exitCode, 1);
  EXPECT_TRUE(containsText(intoTracks.output, "tracks.gpkg: a GeoPackage, but not a Corridor AIS archive")) << intoTracks.output;
  const CommandResult notGpkg = corridor("ais import " + (dir / "day1.csv").string() + " --into " + (dir / "a.db").string());
  EXPECT_EQ(notGpkg.exitCode, 2) << notGpkg.output;
  EXPECT_FALSE(fs::exists(dir / "a.db"));
  writeTextFile(dir / "notes.csv", "hello,world\n1,2\n");
  const CommandResult bad = corridor("ais import " + (dir / "notes.csv").string() + " --into " + (dir / "new.gpkg").string());
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_TRUE(containsText(bad.output, "notes.csv: not an AIS CSV file")) << bad.output;
  EXPECT_FALSE(fs::exists(dir / "new.gpkg"));  // nothing written
  EXPECT_EQ(corridor("ais import " + (dir / "missing.csv").string() + " --into " + (dir / "new.gpkg").string()).exitCode, 1);
  EXPECT_FALSE(fs::exists(dir / "new.gpkg"));
}

TEST(CliAisArchive, ADatabasesPasswordIsNeverPrinted) {
  ScratchDir dir;
  writeTextFile(dir / "day1.csv", dayFile(1));
  const std::string database = "'PG:dbname=ais user=corridor password=hunter2 host=" + (dir / "no-server").string() + "'";
  for (const std::string& command : {"ais stats " + database, "ais import " + (dir / "day1.csv").string() + " --into " + database,
                                     "render --ais " + database + " --out " + (dir / "a.png").string()}) {
    const CommandResult run = corridor(command);
    EXPECT_EQ(run.exitCode, 1) << command << ": " << run.output;
    EXPECT_TRUE(containsText(run.output, "password=***")) << run.output;
    EXPECT_FALSE(containsText(run.output, "hunter2")) << run.output;
  }
}

TEST(CliAisArchive, APostGisArchiveImportsAndRendersAsTheGeoPackageDoes) {
  ScratchDir dir;
  PostgresServer server;
  ASSERT_TRUE(server.ok());
  writeTextFile(dir / "day1.csv", dayFile(1));
  writeTextFile(dir / "day2.csv", dayFile(2));
  const std::string files = (dir / "day1.csv").string() + " " + (dir / "day2.csv").string();
  const std::string database = "'" + server.archive() + "'";
  const CommandResult imported = corridor("ais import " + files + " --into " + database);
  ASSERT_EQ(imported.exitCode, 0) << imported.output;
  EXPECT_TRUE(containsText(imported.output, "dbname=corridor user=postgres: 2 files, 432 points, 3 vessels")) << imported.output;
  // Read back: the reports the files keep (their drops were counted by the import), tracks whole.
  const std::string fromDatabase = jsonStats(database), fromFiles = jsonStats(files);
  auto from = [](const std::string& json) { return json.substr(json.find("\"vessels\"")); };
  EXPECT_EQ(from(fromDatabase), from(fromFiles));
  EXPECT_TRUE(containsText(fromDatabase, "\"rows_accepted\": 432,")) << fromDatabase;
  ASSERT_EQ(corridor("ais import " + files + " --into " + (dir / "archive.gpkg").string()).exitCode, 0);
  const std::string view = " --time 2022-06-01T23:50Z --camera -119.8,33.4,400 --view map --size 320x180 --out ";
  ASSERT_EQ(corridor("render --ais " + (dir / "archive.gpkg").string() + view + (dir / "gpkg.png").string()).exitCode, 0);
  const CommandResult rendered = corridor("render --ais " + database + view + (dir / "postgis.png").string());
  ASSERT_EQ(rendered.exitCode, 0) << rendered.output;
  const auto a = core::readPng(dir / "gpkg.png");
  const auto b = core::readPng(dir / "postgis.png");
  ASSERT_TRUE(a && b);
  int differing = 0;
  for (int y = 0; y < 150; ++y) {  // above the caption naming the input
    for (int x = 0; x < a->width; ++x) differing += a->at(x, y) != b->at(x, y);
  }
  EXPECT_EQ(differing, 0);
  const CommandResult unreachable = corridor("ais stats 'PG:host=/nonexistent-corridor dbname=x'");
  EXPECT_EQ(unreachable.exitCode, 1);
  EXPECT_TRUE(containsText(unreachable.output, "cannot connect to the PostgreSQL database")) << unreachable.output;
}

}  // namespace
}  // namespace corridor::test
