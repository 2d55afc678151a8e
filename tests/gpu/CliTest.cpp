// The corridor binary end to end, as a user runs it: exit codes, messages, output files.
#include <gtest/gtest.h>
#include <string>

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

TEST(Cli, ViewWithoutADisplayExplainsWhatToDo) {
  const CommandResult run = corridor("view --frames 1", "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(containsText(run.output, "corridor render")) << run.output;
}

}  // namespace
}  // namespace corridor::test
