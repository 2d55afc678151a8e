// AIS reader options as users run them: named columns in render, a sparse vessel held on
// screen, every dropped row listed, a file that keeps nothing failing.
#include <gtest/gtest.h>

#include <fstream>

#include "AisFixtures.h"
#include "RunCommand.h"
#include "TestSupport.h"
#include "core/Image.h"

namespace corridor::test {
namespace {

CommandResult corridor(const std::string& arguments) { return runCommand(std::string(CORRIDOR_BINARY) + " " + arguments); }

// Pixels in the centre square of side `box` that differ between two pictures of one size.
int differingCentrePixels(const core::Image& a, const core::Image& b, int box) {
  int differing = 0;
  for (int y = a.height / 2 - box / 2; y < a.height / 2 + box / 2; ++y) {
    for (int x = a.width / 2 - box / 2; x < a.width / 2 + box / 2; ++x) {
      const core::Rgba p = a.at(x, y), q = b.at(x, y);
      differing += std::abs(int(p[0]) - int(q[0])) + std::abs(int(p[1]) - int(q[1])) + std::abs(int(p[2]) - int(q[2])) > 30;
    }
  }
  return differing;
}

TEST(CliAisReader, RenderReadsNamedColumnsAndHoldsAVesselOfOneReport) {
  ScratchDir dir;
  // One report of a vessel known by a text id, in columns no default name finds.
  writeTextFile(dir / "sighting.csv", "boat,seen,E,N\nA17,2022-06-01 00:00,-118.25,33.74\n");
  const std::string common = " render --ais " + (dir / "sighting.csv").string() +
                             " --id-field boat --time-field seen --lon-field E --lat-field N --view map"
                             " --camera=-118.25,33.74,30 --size 320x180 --msaa 1 --no-overlays --out ";
  const CommandResult held = corridor(common + (dir / "held.png").string() + " --time 2022-06-01T00:10Z");
  ASSERT_EQ(held.exitCode, 0) << held.output;
  EXPECT_NE(held.output.find("AIS: 1 vessels, 1 tracks, 1 points"), std::string::npos) << held.output;
  const CommandResult gone = corridor(common + (dir / "gone.png").string() + " --time 2022-06-01T00:40Z");
  ASSERT_EQ(gone.exitCode, 0) << gone.output;
  const CommandResult shortHold =
      corridor(common + (dir / "short.png").string() + " --time 2022-06-01T00:10Z --hold-minutes 5");
  ASSERT_EQ(shortHold.exitCode, 0) << shortHold.output;
  const auto heldImage = core::readPng(dir / "held.png"), goneImage = core::readPng(dir / "gone.png"),
             shortImage = core::readPng(dir / "short.png");
  ASSERT_TRUE(heldImage && goneImage && shortImage);
  EXPECT_GT(differingCentrePixels(*heldImage, *goneImage, 24), 15);  // a glyph 10 min after its report
  EXPECT_EQ(differingCentrePixels(*shortImage, *goneImage, 24), 0);  // none after a 5 min hold

  const CommandResult unnamed = corridor(" render --ais " + (dir / "sighting.csv").string() + " --out " +
                                         (dir / "x.png").string());
  EXPECT_EQ(unnamed.exitCode, 1);
  EXPECT_NE(unnamed.output.find("the columns are: boat, seen, E, N"), std::string::npos) << unnamed.output;
}

TEST(CliAisReader, AFileThatKeepsNoRowFailsAndExportsNothing) {
  ScratchDir dir;
  writeTextFile(dir / "times.csv", std::string(kMarineCadastreHeader) + "\n" +
                                       marineCadastreRow(367000001, "yesterday", 33.7, -118.3) + "\n" +
                                       marineCadastreRow(367000001, "today", 33.7, -118.3) + "\n");
  const CommandResult stats = corridor("ais stats " + (dir / "times.csv").string());
  EXPECT_EQ(stats.exitCode, 1) << stats.output;
  EXPECT_NE(stats.output.find("no row kept of 2 read (bad_time 2); the first: "), std::string::npos) << stats.output;
  EXPECT_NE(stats.output.find("times.csv:2: time 'yesterday' is not a timestamp"), std::string::npos) << stats.output;
  const CommandResult exported =
      corridor("ais export " + (dir / "times.csv").string() + " --out " + (dir / "t.gpkg").string());
  EXPECT_EQ(exported.exitCode, 1) << exported.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "t.gpkg"));
}

TEST(CliAisReader, DroppedRowsAreListedByReasonAndWrittenInFull) {
  ScratchDir dir;
  std::string text = std::string(kMarineCadastreHeader) + "\n";
  text += marineCadastreRow(367000001, juneFirst(0, 0), 33.70, -118.30) + "\n";  // line 2
  text += marineCadastreRow(367000001, juneFirst(0, 0), 33.70, -118.30) + "\n";  // 3: duplicate
  for (int i = 0; i < 12; ++i) text += marineCadastreRow(3669999, juneFirst(0, i), 33.7, -118.2) + "\n";  // 4-15
  writeTextFile(dir / "day.csv", text);
  const std::filesystem::path dropped = dir / "dropped.csv";
  const CommandResult stats = corridor("ais stats " + (dir / "day.csv").string() + " --dropped " + dropped.string());
  ASSERT_EQ(stats.exitCode, 0) << stats.output;
  EXPECT_NE(stats.output.find("first duplicate rows:\n  " + (dir / "day.csv").string() + ":3: duplicate: MMSI 367000001"),
            std::string::npos)
      << stats.output;
  EXPECT_NE(stats.output.find("day.csv:13: non_vessel_mmsi"), std::string::npos);   // the tenth of its reason
  EXPECT_EQ(stats.output.find("day.csv:14: non_vessel_mmsi"), std::string::npos);   // the eleventh: only in the file

  std::ifstream in(dropped);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 14u);  // the header and 13 rows, by line
  EXPECT_EQ(lines[0], "file,line,feature,reason,detail");
  EXPECT_EQ(lines[1].substr(0, lines[1].find(",duplicate,")), (dir / "day.csv").string() + ",3,");
  EXPECT_NE(lines[13].find(",15,,non_vessel_mmsi,"), std::string::npos) << lines[13];

  // The dropped-rows file is an output like any other: never over an input.
  const CommandResult overInput =
      corridor("ais stats " + (dir / "day.csv").string() + " --dropped " + (dir / "day.csv").string());
  EXPECT_EQ(overInput.exitCode, 2) << overInput.output;
}

}  // namespace
}  // namespace corridor::test
