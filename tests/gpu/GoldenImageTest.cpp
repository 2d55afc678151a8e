// Golden images: the default scenario as 'corridor render' draws it at two moments in both
// variants (flat map, 320x180), compared side by side, with its counter panel and with a
// heatmap's legend, against the pictures in tests/golden/. A difference writes the
// picture and a diff image next to the other test artefacts.
//
// After an intended change of the look, regenerate with CORRIDOR_UPDATE_GOLDEN=1 and review
// the new pictures before committing them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "GpuFixture.h"
#include "RunCommand.h"
#include "TestSupport.h"
#include "core/Image.h"

namespace corridor::test {
namespace {

// A picture: its file name in tests/golden/ (without .png) and the render flags that draw it.
struct Golden {
  std::string name;
  std::string flags;
};

// The default scenario's moments, plain (no overlays) on the flat map.
// A pixel differs when a channel is off by more than this (drivers round blending differently).
constexpr int kChannelTolerance = 24;
// The share of differing pixels allowed (a moved edge pixel here and there).
constexpr double kDifferingShare = 0.005;

const std::string kPlainMap = " --size 320x180 --msaa 1 --view map --camera 180,30,14000 --no-overlays";

class GoldenImage : public ::testing::TestWithParam<Golden> {};

TEST_P(GoldenImage, MatchesTheReviewedPicture) {
  const Golden golden = GetParam();
  const std::string& name = golden.name;
  const auto actualPath = artefactDir() / ("golden_" + name + ".png");
  const CommandResult run = runCommand(std::string(CORRIDOR_BINARY) + " render --scenario default " + golden.flags +
                                       " --out " + actualPath.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto actual = core::readPng(actualPath);
  ASSERT_TRUE(actual) << actual.error().message;
  const auto goldenPath = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "tests" / "golden" / (name + ".png");
  if (std::getenv("CORRIDOR_UPDATE_GOLDEN")) {
    ASSERT_TRUE(core::writePng(*actual, goldenPath));
    GTEST_SKIP() << "wrote " << goldenPath;
  }
  const auto expected = core::readPng(goldenPath);
  ASSERT_TRUE(expected) << goldenPath << ": " << expected.error().message;
  ASSERT_EQ(actual->width, expected->width);
  ASSERT_EQ(actual->height, expected->height);
  core::Image diff(actual->width, actual->height);
  long differing = 0;
  for (std::size_t i = 0; i < actual->pixels.size(); i += 4) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(actual->pixels[i + c]) - int(expected->pixels[i + c])));
    const bool differs = worst > kChannelTolerance;
    differing += differs;
    diff.pixels[i] = differs ? 255 : std::uint8_t(expected->pixels[i] / 4);
    diff.pixels[i + 1] = std::uint8_t(expected->pixels[i + 1] / 4);
    diff.pixels[i + 2] = std::uint8_t(expected->pixels[i + 2] / 4);
    diff.pixels[i + 3] = 255;
  }
  const double share = double(differing) / double(actual->width * actual->height);
  if (share > kDifferingShare) {
    const auto diffPath = artefactDir() / ("golden_" + name + "_diff.png");
    (void)core::writePng(diff, diffPath);
    FAIL() << differing << " pixels differ from " << goldenPath << " (picture: " << actualPath
           << ", differences in red: " << diffPath << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(
    DefaultScenario, GoldenImage,
    ::testing::Values(
        Golden{"baseline_2025-03-01T00-00Z", "--variant baseline --time 2025-03-01T00:00Z" + kPlainMap},
        Golden{"baseline_2035-09-01T00-00Z", "--variant baseline --time 2035-09-01T00:00Z" + kPlainMap},
        Golden{"green-corridor_2025-03-01T00-00Z", "--variant green-corridor --time 2025-03-01T00:00Z" + kPlainMap},
        Golden{"green-corridor_2035-09-01T00-00Z", "--variant green-corridor --time 2035-09-01T00:00Z" + kPlainMap},
        // The two variants side by side, each pane labelled over its headline numbers, with the
        // date, the legends and the source line.
        Golden{"compare_side-by-side_2035-09-01", "--compare baseline,green-corridor --headline --time 2035-09-01T00:00Z "
                                                  "--size 640x360 --msaa 1"},
        // One variant's counter panel on the default globe.
        Golden{"headline_green-corridor_2035-09-01", "--variant green-corridor --headline --time 2035-09-01T00:00Z "
                                                     "--size 640x360 --msaa 1"},
        // Los Angeles at 20 km: the NOx heatmap and its legend (scale, unit, references).
        Golden{"heatmap-legend_los-angeles_2035-09-01", "--variant baseline --time 2035-09-01T00:00Z --camera "
                                                        "-118.25,33.74,20 --size 640x360 --msaa 1"}),
    [](const auto& test) {
      std::string name = test.param.name;
      std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
      return name;
    });

}  // namespace
}  // namespace corridor::test
