// The corridor binary end to end, as a user runs it: exit codes, messages, output files.
#include <gtest/gtest.h>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "GdalFixtures.h"
#include "RunCommand.h"
#include "TestSupport.h"
#include "core/Image.h"
#include "io/DefaultGeodata.h"

namespace corridor::test {
namespace {

CommandResult corridor(const std::string& arguments, const std::string& environment = "") {
  return runCommand(environment + " " + std::string(CORRIDOR_BINARY) + " " + arguments);
}

int lineCount(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

TEST(Cli, HelpListsTheSubcommands) {
  const CommandResult run = corridor("--help");
  EXPECT_EQ(run.exitCode, 0);
  for (const char* command : {"render", "view", "info"}) EXPECT_TRUE(containsText(run.output, command));
  const CommandResult renderHelp = corridor("render --help");
  EXPECT_EQ(renderHelp.exitCode, 0);
  EXPECT_TRUE(containsText(renderHelp.output, "--camera"));
}

TEST(Cli, VersionSaysWhichCorridor) {
  const CommandResult run = corridor("--version");
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_EQ(run.output, "corridor " CORRIDOR_VERSION "\n");
}

TEST(Cli, UnknownFlagIsAUsageError) {
  const CommandResult run = corridor("render --out x.png --bogus");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_TRUE(containsText(run.output, "--bogus"));
}

TEST(Cli, MalformedCameraAndSizeAreUsageErrors) {
  for (const char* arguments : {"render --out x.png --camera 10,20", "render --out x.png --camera a,b,c",
                                "render --out x.png --camera 0,95,100", "render --out x.png --size 640",
                                "render --out x.png --size 0x10", "render --out x.png --size 64x-3"}) {
    const CommandResult run = corridor(arguments);
    EXPECT_EQ(run.exitCode, 2) << arguments << "\n" << run.output;
    EXPECT_EQ(lineCount(run.output), 1) << arguments << "\n" << run.output;
    EXPECT_TRUE(containsText(run.output, "--")) << run.output;
  }
}

TEST(Cli, BadDatasetsAreDataErrorsNamingTheFile) {
  ScratchDir dir;
  writeTextFile(dir / "notes.txt", "Meeting notes: the corridor starts in 2025.\n");
  writeVector(dir / "points.gpkg", "GPKG",
              {{"ports", 4326, wkbPoint, {pointWkt({-118.26, 33.73}, lonLat)}}});
  const std::string cases[] = {
      "info " + (dir / "missing.gpkg").string(),
      "info " + (dir / "notes.txt").string(),
      "render --size 64x64 --out " + (dir / "a.png").string() + " --vector " + (dir / "notes.txt").string(),
      "render --size 64x64 --out " + (dir / "b.png").string() + " --vector " + (dir / "points.gpkg").string(),
      "render --size 64x64 --out " + (dir / "c.png").string() + " --raster " + (dir / "notes.txt").string(),
  };
  for (const auto& arguments : cases) {
    const CommandResult run = corridor(arguments, "CORRIDOR_VALIDATION=1");
    EXPECT_EQ(run.exitCode, 1) << arguments << "\n" << run.output;
    EXPECT_EQ(lineCount(run.output), 1) << arguments << "\n" << run.output;
    EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  }
  EXPECT_TRUE(containsText(corridor(cases[3]).output, "points.gpkg"));
  EXPECT_FALSE(std::filesystem::exists(dir / "a.png"));
}

TEST(Cli, InfoDescribesTheDefaultCountries) {
  const auto geodata = io::findDefaultGeodata();
  ASSERT_TRUE(geodata) << geodata.error().message;
  const CommandResult run = corridor("info " + geodata->countries.string());
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(containsText(run.output, "driver:"));
  EXPECT_TRUE(containsText(run.output, "features"));
  EXPECT_TRUE(containsText(run.output, "EPSG:4326"));
}

TEST(Cli, RenderWritesThePictureItWasAskedFor) {
  ScratchDir dir;
  const auto out = dir / "pacific.png";
  const CommandResult run = corridor("render --size 320x180 --view map --graticule --out " + out.string(),
                           "CORRIDOR_VALIDATION=1");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const auto image = core::readPng(out);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->width, 320);
  EXPECT_EQ(image->height, 180);
}

TEST(Cli, AZippedShapefileOpensInInfoAndRender) {
  // A square island in the middle of the Pacific, as a user's zipped shapefile: the centre of
  // the map shows it as land (basemap colour 0.19, 0.24, 0.27), not ocean.
  ScratchDir dir;
  writeVector(dir / "island.shp", "ESRI Shapefile",
              {{"island", 4326, wkbPolygon, {"POLYGON ((150 20,170 20,170 40,150 40,150 20))"}}});
  zipFiles(dir / "island.zip", {dir / "island.shp", dir / "island.shx", dir / "island.dbf", dir / "island.prj"});
  const CommandResult info = corridor("info " + (dir / "island.zip").string());
  EXPECT_EQ(info.exitCode, 0) << info.output;
  EXPECT_TRUE(containsText(info.output, "layer 'island': Polygon, 1 features")) << info.output;
  const auto out = dir / "island.png";
  const CommandResult render = corridor("render --size 320x180 --view map --camera 160,30,12000 --no-atmosphere --vector " +
                                            (dir / "island.zip").string() + " --out " + out.string(),
                                        "CORRIDOR_VALIDATION=1");
  ASSERT_EQ(render.exitCode, 0) << render.output;
  const auto image = core::readPng(out);
  ASSERT_TRUE(image) << image.error().message;
  const auto centre = image->at(160, 90);
  EXPECT_NEAR(centre[0], 0.19 * 255, 12) << int(centre[0]) << "," << int(centre[1]) << "," << int(centre[2]);
  EXPECT_NEAR(centre[2], 0.27 * 255, 12);
}

TEST(Cli, AMomentOutsideTheScenariosPeriodIsRefusedWithThePeriod) {
  ScratchDir dir;
  const std::string out = (dir / "x").string();
  for (const std::string& arguments : {"render --scenario default --time 2050-01-01T00:00Z --out " + out + ".png",
                                      "render --scenario default --time 1990-06-01T00:00Z --out " + out + ".png",
                                      "record --scenario default --from 2040-12-01T00:00Z --to 2041-02-01T00:00Z "
                                      "--duration 1 --out " + out + ".mp4"}) {
    const CommandResult run = corridor(arguments);
    EXPECT_EQ(run.exitCode, 2) << arguments << "\n" << run.output;
    EXPECT_TRUE(containsText(run.output, "outside the period of scenario 'Trans-Pacific green corridors': "
                                         "2023-01-01 to 2040-12-31")) << run.output;
  }
  EXPECT_FALSE(std::filesystem::exists(out + ".png"));
  EXPECT_FALSE(std::filesystem::exists(out + ".mp4"));
}

TEST(Cli, ViewWithoutADisplayExplainsWhatToDo) {
  const CommandResult run = corridor("view --frames 1", "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(containsText(run.output, "corridor render")) << run.output;
}

TEST(Cli, ViewRefusesAScreenshotOverAFileOfAnotherKindBeforeOpening) {
  ScratchDir dir;
  writeTextFile(dir / "notes.png", "not a picture");
  const CommandResult run = corridor("view --frames 1 --screenshot " + (dir / "notes.png").string(),
                                     "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_TRUE(containsText(run.output, "notes.png: exists and is not a PNG image")) << run.output;
  EXPECT_EQ(readTextFile(dir / "notes.png"), "not a picture");
  const CommandResult toml = corridor("view --frames 1 --screenshot " + (dir / "tour.toml").string(),
                                      "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(toml.exitCode, 2) << toml.output;
  EXPECT_TRUE(containsText(toml.output, "give it the extension .png")) << toml.output;
}

}  // namespace
}  // namespace corridor::test

namespace corridor::test {
namespace {

TEST(CliSimulate, WritesTracksTablesAndMapsThatGdalReads) {
  ScratchDir dir;
  const auto out = dir / "run";
  const CommandResult run = corridor("simulate --scenario default --variant green-corridor --from 2035 --to 2036 --out " + out.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(containsText(run.output, "LAX")) << run.output;  // the summary table
  GDALAllRegister();
  GdalDatasetPtr tracks(GDALDataset::Open((out / "tracks.gpkg").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(tracks);
  OGRLayer* voyages = tracks->GetLayerByName("voyages");
  ASSERT_TRUE(voyages);
  EXPECT_GT(voyages->GetFeatureCount(), 100);
  OGREnvelope extent;
  ASSERT_EQ(voyages->GetExtent(&extent), OGRERR_NONE);
  EXPECT_GE(extent.MinX, -180.0);  // cut at the antimeridian, nothing wrapped past it
  EXPECT_LE(extent.MaxX, 180.0);
  GdalDatasetPtr hotspots(GDALDataset::Open((out / "hotspots_LAX.tif").c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(hotspots);
  // Two bands a year, named by pollutant and year, in micrograms per cubic metre.
  ASSERT_EQ(hotspots->GetRasterCount(), 4);
  EXPECT_STREQ(hotspots->GetRasterBand(1)->GetDescription(), "NOx 2035");
  EXPECT_STREQ(hotspots->GetRasterBand(4)->GetDescription(), "PM2.5 2036");
  EXPECT_STREQ(hotspots->GetRasterBand(4)->GetUnitType(), "ug/m3");
  EXPECT_STREQ(hotspots->GetRasterBand(4)->GetMetadataItem("YEAR"), "2036");
  // Los Angeles' grid is 82.5 km across (its rail runs 33 km north, plus the heatmap's 8 km
  // fade): 330 cells of 250 m; Tokyo's areas fit the 40 km grid.
  EXPECT_EQ(hotspots->GetRasterXSize(), 330);
  EXPECT_EQ(hotspots->GetRasterYSize(), 330);
  GdalDatasetPtr tokyo(GDALDataset::Open((out / "hotspots_TYO.tif").c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(tokyo);
  EXPECT_EQ(tokyo->GetRasterXSize(), 160);
  ASSERT_TRUE(hotspots->GetSpatialRef());
  EXPECT_TRUE(hotspots->GetSpatialRef()->IsGeographic());
  for (const char* table : {"emissions_by_port_year.csv", "emissions_by_voyage.csv"}) {
    GdalDatasetPtr csv(GDALDataset::Open((out / table).c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(csv) << table;
    EXPECT_GT(csv->GetLayer(0)->GetFeatureCount(), 5) << table;
    for (const char* column : {"co2_t", "co2_fossil_t", "co2e_t"}) {
      EXPECT_GE(csv->GetLayer(0)->GetLayerDefn()->GetFieldIndex(column), 0) << table << " " << column;
    }
  }
  // A row per port, year and source: three ship sources, then Los Angeles' three landside ones;
  // the calls stand on the at-berth row only.
  GdalDatasetPtr ports(GDALDataset::Open((out / "emissions_by_port_year.csv").c_str(), GDAL_OF_VECTOR));
  OGRLayer* rows = ports->GetLayer(0);
  rows->SetAttributeFilter("port = 'LAX' AND year = '2035'");
  std::vector<std::string> sources;
  for (auto& feature : *rows) {
    sources.push_back(feature->GetFieldAsString("source"));
    EXPECT_EQ(feature->GetFieldAsString("calls")[0] != '\0', sources.back() == "ships at berth") << sources.back();
  }
  EXPECT_EQ(sources, (std::vector<std::string>{"ships at berth", "ships manoeuvring", "ships under way in port area",
                                               "cargo-handling equipment", "drayage trucks", "rail"}));
}

TEST(CliSimulate, TwoRunsWriteIdenticalTables) {
  ScratchDir dir;
  std::string tables[2];
  for (int i = 0; i < 2; ++i) {
    const auto out = dir / ("run" + std::to_string(i));
    const CommandResult run = corridor("simulate --scenario default --variant baseline --from 2031 --to 2031 --out " + out.string());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    std::ifstream in(out / "emissions_by_voyage.csv");
    tables[i].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  EXPECT_GT(tables[0].size(), 1000u);
  EXPECT_EQ(tables[0], tables[1]);
}

TEST(CliWindRose, AStationsHoursBecomeARose) {
  // Two records with a gap between them (two files): 36 hours of a west wind at 4 m/s under
  // overcast skies (class D by day and night), then 12 hours of a calm from the east. The rose:
  // W at ISC's 4.3 m/s class D, 0.75; E at 1.5 m/s (a calm taken at 0.5 m/s), 0.25.
  ScratchDir dir;
  std::string first = "time,wind_from,wind_speed,cloud_cover\n", second = first;
  for (int h = 0; h < 36; ++h) {
    char row[64];
    std::snprintf(row, sizeof row, "2023-03-%02dT%02d:00Z,270,4,8\n", 1 + h / 24, h % 24);
    first += row;
  }
  for (int h = 0; h < 12; ++h) {
    char row[64];
    std::snprintf(row, sizeof row, "2023-03-05T%02d:00Z,90,0,8\n", h);
    second += row;
  }
  writeTextFile(dir / "a.csv", first);
  writeTextFile(dir / "b.csv", second);
  const CommandResult run = corridor("wind-rose " + (dir / "a.csv").string() + " " + (dir / "b.csv").string() +
                                     " --at -118.4,33.9 --out " + (dir / "rose.csv").string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string rose = readTextFile(dir / "rose.csv");
  EXPECT_TRUE(containsText(rose, "# 48 hours")) << rose;
  EXPECT_TRUE(containsText(rose, "from,speed,stability,frequency,months\nE,1.5,D,0.250000,\nW,4.3,D,0.750000,\n")) << rose;
  // Bad input: a gap inside one file, a place off the globe, a month twice, months left out.
  writeTextFile(dir / "gap.csv", "time,wind_from,wind_speed,cloud_cover\n2023-03-01T00:00Z,270,4,8\n2023-03-01T05:00Z,270,4,8\n");
  const CommandResult gap = corridor("wind-rose " + (dir / "gap.csv").string() + " --at 0,0");
  EXPECT_EQ(gap.exitCode, 1) << gap.output;
  EXPECT_TRUE(containsText(gap.output, "gap.csv:3: time:")) << gap.output;
  const CommandResult where = corridor("wind-rose " + (dir / "a.csv").string() + " --at 0,95");
  EXPECT_EQ(where.exitCode, 2) << where.output;
  const CommandResult seasons = corridor("wind-rose " + (dir / "a.csv").string() + " --at 0,0 --seasons 1,2/2,3");
  EXPECT_EQ(seasons.exitCode, 2) << seasons.output;
  EXPECT_TRUE(containsText(seasons.output, "'2' is not a month 1-12 named once")) << seasons.output;
  const CommandResult some = corridor("wind-rose " + (dir / "a.csv").string() + " --at 0,0 --seasons 1,2,3/4,5,6");
  EXPECT_EQ(some.exitCode, 2) << some.output;
  EXPECT_TRUE(containsText(some.output, "month 7 is in no season")) << some.output;
}

TEST(CliSimulate, BadScenarioIsAnErrorAndWritesNothing) {
  ScratchDir dir;
  writeTextFile(dir / "bad.toml", "[scenario]\nname = \"x\"\nstart_year = \"soon\"\n");
  const auto out = dir / "never";
  const CommandResult run = corridor("simulate --scenario " + (dir / "bad.toml").string() + " --out " + out.string());
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(containsText(run.output, "bad.toml:3: scenario.start_year")) << run.output;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CliSimulate, AFileOfAnotherKindUnderAnOutputsNameIsKeptUnlessForced) {
  ScratchDir dir;
  const auto out = dir / "out";
  std::filesystem::create_directories(out);
  const std::string simulate = "simulate --scenario default --variant baseline --from 2031 --to 2031 --out " + out.string();
  writeTextFile(out / "hotspots_LAX.tif", "my notes");
  const CommandResult refused = corridor(simulate);
  EXPECT_EQ(refused.exitCode, 2) << refused.output;
  EXPECT_TRUE(containsText(refused.output, "hotspots_LAX.tif: exists and is not a GeoTIFF")) << refused.output;
  EXPECT_EQ(lineCount(refused.output), 1) << "refused before any work: " << refused.output;
  EXPECT_EQ(readTextFile(out / "hotspots_LAX.tif"), "my notes");
  EXPECT_FALSE(std::filesystem::exists(out / "tracks.gpkg"));  // nothing moved in
  ASSERT_EQ(corridor(simulate + " --force").exitCode, 0);
  EXPECT_TRUE(readTextFile(out / "emissions_by_port_year.csv").starts_with("port,"));
  // Its own results it replaces, and a table of another layout (an older version's) too.
  writeTextFile(out / "emissions_by_port_year.csv", "port,year,co2_t\nLAX,2031,1\n");
  ASSERT_EQ(corridor(simulate).exitCode, 0);
  EXPECT_TRUE(readTextFile(out / "emissions_by_port_year.csv").starts_with("port,port_name"));
}

TEST(CliSimulate, UnwritableOutputIsReportedBeforeAnyWork) {
  ScratchDir dir;
  writeTextFile(dir / "file", "a file, not a directory");
  const CommandResult run = corridor("simulate --scenario default --out " + (dir / "file" / "out").string());
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(containsText(run.output, "cannot write")) << run.output;
  EXPECT_EQ(lineCount(run.output), 1) << run.output;
}

}  // namespace
}  // namespace corridor::test
