#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <set>

#include "AisFixtures.h"
#include "GdalFixtures.h"
#include "ImageChecks.h"
#include "RunCommand.h"
#include "TestSupport.h"
#include "core/Image.h"

namespace corridor::test {
namespace {

// A real X display for the command, with the screen large enough for the window.
const std::string kXvfb = "xvfb-run -a -s '-screen 0 1280x800x24' ";

// Shell (no single quotes: scripts run in sh -c '...'): waits for the viewer's window, then until
// it has drawn its first frame (white panel text in the top-left corner, black before), up to a
// minute, then a second more. The window shows some seconds before its first frame (the fleet
// and the headline series are built first), and a click before it is lost: a fixed three
// seconds' wait was too short on a slow run.
const std::string kUntilFirstFrame =
    R"(xdotool search --sync --name ^Corridor$ >/dev/null; for i in $(seq 1 150); do )"
    R"(m=$(ffmpeg -v quiet -f x11grab -video_size 300x100 -i $DISPLAY+0,0 -frames:v 1 -f rawvideo -pix_fmt gray - )"
    R"(| od -An -tu1 -v | tr -s " " "\n" | sort -n | tail -1); [ "${m:-0}" -gt 200 ] && break; sleep 0.2; done; )"
    R"(sleep 1; )";

// Runs the viewer in `dir` under Xvfb with `flags`, does `actions` (xdotool) a second after its
// first frame, stops it two seconds later and returns the F12 screenshots it saved, in the
// order taken (none when it failed: `output` says why).
std::vector<core::Image> screenshotsAfter(const ScratchDir& dir, const std::string& flags, const std::string& actions,
                                          std::string& output) {
  const std::string script = "cd " + (dir / "").string() + "; " + CORRIDOR_BINARY + " view " + flags +
                             " & pid=$!; " + kUntilFirstFrame + actions +
                             "; sleep 2; kill $pid; wait $pid; exit 0";
  const CommandResult run = runCommand(kXvfb + "sh -c '" + script + "'");
  output = run.output;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "")) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());  // named by the time taken
  std::vector<core::Image> shots;
  for (const auto& path : paths) {
    if (auto shot = core::readPng(path)) shots.push_back(std::move(*shot));
  }
  return run.exitCode == 0 ? shots : std::vector<core::Image>{};
}

TEST(Window, ViewerRunsThirtyFramesUnderXvfbAndSavesAScreenshot) {
  ScratchDir dir;
  const auto screenshot = dir / "window.png";
  const CommandResult run = runCommand(kXvfb + CORRIDOR_BINARY +
                                       " view --frames 30 --size 640x360 --screenshot " +
                                       screenshot.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->width, 640);
  EXPECT_EQ(image->height, 360);
  // Not blank: the globe, space, the panel and outlines give many distinct colours.
  std::set<std::uint32_t> colours;
  for (int y = 0; y < image->height; y += 3) {
    for (int x = 0; x < image->width; x += 3) {
      const auto p = image->at(x, y);
      colours.insert(std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | p[2]);
    }
  }
  EXPECT_GT(colours.size(), 50u);
  // Ocean at the centre of the default view (the North Pacific), space in the right corner.
  const auto centre = image->at(image->width / 2, image->height / 2);
  EXPECT_GT(centre[2], centre[0]);
  const auto corner = image->at(image->width - 2, 2);
  EXPECT_LT(corner[0] + corner[1] + corner[2], 40);
}

TEST(Window, SwapchainFollowsAResizeOfTheWindow) {
  // xdotool waits for the window, then resizes it while the viewer is still drawing; the last
  // frame (the screenshot) must have the new size and the run no validation messages.
  ScratchDir dir;
  const auto screenshot = dir / "resized.png";
  const std::string viewer = std::string(CORRIDOR_BINARY) +
                             " view --frames 40 --size 640x360 --screenshot " +
                             screenshot.string();
  const CommandResult run = runCommand(
      kXvfb + "sh -c '" + viewer +
      " & pid=$!; xdotool search --sync --name ^Corridor$ windowsize 480 300; wait $pid'");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->width, 480);
  EXPECT_EQ(image->height, 300);
}

TEST(Window, ViewerPlaysAisTracks) {
  // Forty cargo ships (AIS type 70: amber) in a grid around the default view's centre.
  ScratchDir dir;
  std::string csv = std::string(kMarineCadastreHeader) + "\n";
  for (int v = 0; v < 40; ++v) {
    for (int minute = 0; minute <= 60; minute += 10) {
      csv += marineCadastreRow(367000000 + v, juneFirst(0, minute), 30.0 + v / 8 * 2.0,
                               -180.0 + v % 8 * 2.5 + minute * 0.004) + "\n";
    }
  }
  writeTextFile(dir / "day.csv", csv);
  const auto screenshot = dir / "ais.png";
  const CommandResult run = runCommand(kXvfb + CORRIDOR_BINARY + " view --ais " + (dir / "day.csv").string() +
                                       " --frames 20 --size 640x360 --screenshot " + screenshot.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  const int amber = countPixels(*image, 0, 0, image->width, image->height,
                                [](const core::Rgba& p) { return p[0] > 200 && p[1] > 160 && p[1] < 230 && p[2] < 140; });
  EXPECT_GT(amber, 100) << "no ships on screen";
}

TEST(Window, RecordPanelWritesAVideoWhileTheViewerRuns) {
  // xdotool opens the Record panel (top right), sets 0.3 s (9 frames at 30 fps) and presses
  // Record; the panel writes corridor.mp4 into the working directory a frame per UI frame. The
  // viewer compares two variants, so the video does too, split at the divider.
  ScratchDir dir;
  const std::string script =
      "cd " + (dir / "").string() + "; " + CORRIDOR_BINARY +
      " view --compare baseline,green-corridor --size 960x540 & pid=$!; " +
      kUntilFirstFrame + "xdotool mousemove 630 57 click 1; sleep 1; " +
      "xdotool mousemove 700 147 click --repeat 2 1; sleep 0.5; xdotool key ctrl+a; xdotool type 0.3; " +
      "xdotool key Return; sleep 1; xdotool mousemove 650 262 click 1; " +
      // The video is renamed into place when complete: then the viewer is stopped.
      "for i in $(seq 1 600); do [ -e corridor.mp4 ] && break; sleep 0.2; done; kill $pid; wait $pid; exit 0";
  const CommandResult run = runCommand(kXvfb + "sh -c '" + script + "'");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const CommandResult probe = runCommand("ffprobe -v error -count_frames -show_entries stream=nb_read_frames,width "
                                         "-of default=nw=1 " + (dir / "corridor.mp4").string());
  EXPECT_TRUE(containsText(probe.output, "width=1280")) << probe.output;
  EXPECT_TRUE(containsText(probe.output, "nb_read_frames=9")) << probe.output;
  const auto last = dir / "last.png";
  ASSERT_EQ(runCommand("ffmpeg -v error -i " + (dir / "corridor.mp4").string() +
                       " -vf 'select=eq(n\\,8)' -frames:v 1 " + last.string()).exitCode, 0);
  const auto frame = core::readPng(last);
  ASSERT_TRUE(frame) << frame.error().message;
  for (const int y : {100, 360, 620}) {
    const core::Rgba seam = frame->at(640, y);
    EXPECT_GT(seam[0] + seam[1] + seam[2], 560) << "y " << y;  // the divider, in the middle
  }
}

TEST(Window, F12SavesAScreenshot) {
  ScratchDir dir;
  const std::string script = "cd " + (dir / "").string() + " && " + CORRIDOR_BINARY +
                             " view --frames 80 --size 640x360 & pid=$!; xdotool search --sync --name ^Corridor$ "
                             ">/dev/null; sleep 2; xdotool mousemove 300 200 key F12; wait $pid";
  const CommandResult run = runCommand(kXvfb + "sh -c '" + script + "'");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(containsText(run.output, "wrote corridor-")) << run.output;
  int pngs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "")) pngs += entry.path().extension() == ".png";
  EXPECT_EQ(pngs, 1);
}

TEST(Window, PresentationModeIsFullScreenWithOnlyDateTitleAndLegend) {
  ScratchDir dir;
  const auto screenshot = dir / "present.png";
  const CommandResult run =
      runCommand(kXvfb + CORRIDOR_BINARY + " view --present --no-headline --frames 20 --size 640x360 --screenshot " +
                 screenshot.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->width, 1280);  // the Xvfb screen, not the 640x360 window
  EXPECT_EQ(image->height, 800);
  auto whiteIn = [&](int x0, int y0, int x1, int y1) { return whitePixels(*image, x0, y0, x1, y1, 220); };
  EXPECT_GT(whiteIn(30, 35, 190, 95), 300);      // the year, large
  EXPECT_GT(whiteIn(1040, 620, 1270, 790), 100);  // the fuel legend
  EXPECT_EQ(whiteIn(20, 150, 200, 260), 0);       // no control panel (its text would be here)
}

// An unattended loop at an event: presentation mode, a day of 2035 over and over at an hour per
// second, the green corridor right of the divider with both panes' counter panels.
TEST(Window, PresentationLoopComparesTwoVariantsWithTheirNumbers) {
  ScratchDir dir;
  const auto screenshot = dir / "loop.png";
  const CommandResult run = runCommand(kXvfb + CORRIDOR_BINARY +
                                       " view --present --loop --from 2035-06-01T00:00Z --to 2035-06-02T00:00Z --speed 3600"
                                       " --compare baseline,green-corridor --frames 20 --size 640x360 --screenshot " +
                                       screenshot.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  // The divider down the middle of the 1280x800 screen, light from top to bottom.
  for (const int y : {100, 400, 700}) {
    const core::Rgba seam = image->at(640, y);
    EXPECT_GT(seam[0] + seam[1] + seam[2], 600) << "y " << y;
  }
  // A counter panel at the top left of each pane, the first under the date.
  EXPECT_GT(whitePixels(*image, 20, 150, 400, 400, 180), 200);
  EXPECT_GT(whitePixels(*image, 660, 150, 1040, 400, 180), 200);
  // Outside the period: refused, naming it.
  const CommandResult outside = runCommand(kXvfb + CORRIDOR_BINARY + " view --from 2050-01-01 --frames 1");
  EXPECT_EQ(outside.exitCode, 2) << outside.output;
  EXPECT_TRUE(containsText(outside.output, "2023-01-01 to 2040-12-31")) << outside.output;
}

// A playlist of tours flies the camera and shows their captions; a tour moment outside the
// played range is refused, naming the file and line.
TEST(Window, ToursFlyThePresentationLoop) {
  ScratchDir dir;
  std::ofstream(dir / "ports.toml") << "[[keyframe]]\nat = 0\ncamera = { lon = -118.24, lat = 33.74, altitude_km = 80 }\n"
                                       "caption = \"Los Angeles and Long Beach\"\n";
  std::ofstream(dir / "later.toml") << "[[keyframe]]\ntime = \"2035-07-01T00:00Z\"\n"
                                       "camera = { lon = 139.75, lat = 35.5, altitude_km = 120 }\n";
  const auto screenshot = dir / "tour.png";
  const std::string range = " --present --loop --from 2035-06-01T00:00Z --to 2035-06-02T00:00Z --speed 3600";
  const CommandResult run = runCommand(kXvfb + CORRIDOR_BINARY + " view" + range + " --tour " +
                                       (dir / "ports.toml").string() + " --frames 12 --no-headline --screenshot " +
                                       screenshot.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  // The caption, centred low on the 1280x800 screen; the ports' names near the middle (80 km).
  EXPECT_GT(whitePixels(*image, 440, 600, 840, 650, 220), 150);
  EXPECT_GT(whitePixels(*image, 560, 340, 900, 420, 220), 100);
  const CommandResult outside = runCommand(kXvfb + CORRIDOR_BINARY + " view" + range + " --tour " +
                                           (dir / "later.toml").string() + " --frames 1");
  EXPECT_EQ(outside.exitCode, 1) << outside.output;
  EXPECT_TRUE(containsText(outside.output, "later.toml:2")) << outside.output;
}

// A lost GPU device (simulated at frame 8) does not end the show: a new viewer opens where the
// old one was, full screen, still comparing, and draws the frames still to come.
TEST(Window, APresentationGoesOnAfterTheDeviceIsLost) {
  ScratchDir dir;
  const auto screenshot = dir / "after.png";
  const CommandResult run = runCommand(
      kXvfb + "env CORRIDOR_SIMULATE_DEVICE_LOSS=8 " + CORRIDOR_BINARY +
      " view --present --loop --from 2035-06-01T00:00Z --to 2035-06-02T00:00Z --speed 3600 --compare "
      "baseline,green-corridor --frames 16 --size 640x360 --screenshot " + screenshot.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(containsText(run.output, "the GPU device was lost")) << run.output;
  EXPECT_TRUE(containsText(run.output, "opening the viewer again at 2035-06-01T")) << run.output;
  EXPECT_TRUE(containsText(run.output, "frame 8")) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->width, 1280);  // full screen again
  const core::Rgba seam = image->at(640, 400);
  EXPECT_GT(seam[0] + seam[1] + seam[2], 600);  // and comparing
}

// A fly-to lands its target where no panel covers it: after the control panel's Los Angeles
// button, the port and its name are in the clear middle of a 960x540 window, between the
// panels at the left and right.
TEST(Window, AFlyToTargetIsNotUnderAPanel) {
  ScratchDir dir;
  std::string output;
  const auto shots = screenshotsAfter(dir, "--size 960x540 --no-headline",
                                      "xdotool mousemove 57 353 click 1; sleep 6; xdotool key F12", output);
  ASSERT_EQ(shots.size(), 1u) << output;
  // The port's dot at the centre and its name right of it, white on the map, not a panel.
  EXPECT_GT(whitePixels(shots.front(), 470, 250, 610, 275, 220), 60);
  const core::Rgba centre = shots.front().at(480, 300);  // under the port: the map, no panel's dark grey
  EXPECT_FALSE(centre[0] < 40 && centre[1] < 40 && centre[2] < 40);
}

TEST(Window, SpacePausesEvenWhenFramesAreSlow) {
  // A short press between two slow frames still pauses: the date shown does not change. The
  // viewer runs until stopped after the second screenshot, however fast its frames are.
  ScratchDir dir;
  std::string output;
  const auto shots = screenshotsAfter(
      dir, "--size 960x540", "xdotool mousemove 480 400 key space; sleep 1; xdotool key F12; sleep 2; xdotool key F12",
      output);
  ASSERT_EQ(shots.size(), 2u) << output;
  int differing = 0;
  for (int y = 455; y < 485; ++y) {
    for (int x = 270; x < 570; ++x) differing += shots[0].at(x, y) != shots[1].at(x, y);  // the timeline's date
  }
  EXPECT_EQ(differing, 0);
}

TEST(Window, ClickingAPortOpensItsHotspotPanel) {
  // The camera over Los Angeles: a click on the port (the window's centre) opens its panel,
  // whose top-sources bars (ImGui's amber) fill in once the variants are simulated; F12 saves
  // the window. The viewer is stopped after the screenshot, however fast it runs.
  ScratchDir dir;
  const std::string script = "cd " + (dir / "").string() + " && " + CORRIDOR_BINARY +
                             " view --frames 100000 --size 1280x800 --camera=-118.25,33.74,3000 & pid=$!; " +
                             kUntilFirstFrame + "xdotool mousemove 640 400; "
                             "sleep 1; xdotool click 1; sleep 1; xdotool mousemove 300 700; sleep 12; xdotool key F12; "
                             "sleep 3; kill $pid; wait $pid; true";
  const CommandResult run = runCommand(kXvfb + "sh -c '" + script + "'");
  std::vector<std::filesystem::path> shots;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "")) shots.push_back(entry.path());
  ASSERT_EQ(shots.size(), 1u) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const auto image = core::readPng(shots[0]);
  ASSERT_TRUE(image) << image.error().message;
  const int bars = countPixels(*image, 640, 200, 1280, 800, [](const core::Rgba& p) {
    return p[0] > 200 && p[1] > 150 && p[1] < 200 && p[2] < 30;
  });
  EXPECT_GT(bars, 200);
}

TEST(Window, LayersPanelAddsARasterByPathAndPresentationShowsItsRamp) {
  // A depth grid in UTM 11N south of Long Beach, added by typing its path into the Layers panel
  // (right, under the scenario panel) and pressing Return.
  ScratchDir dir;
  const auto raster = dir / "depth.tif";
  writeFloatGeoTiff(raster, {300, 200, 32611, {383000, 50.0, 0, 3727000, 0, -50.0},
                             [](int x, int) { return -100.0f + float(x) / 3.0f; }, std::nullopt, "depth", "m"});
  const auto screenshot = dir / "layers.png";
  const std::string script = std::string(CORRIDOR_BINARY) + " view --frames 300 --size 960x540 --camera -118.22,33.62,40 " +
                             "--no-plumes --screenshot " + screenshot.string() + " & pid=$!; " +
                             kUntilFirstFrame + "xdotool mousemove 726 258 click 1; " +
                             "sleep 0.5; xdotool type " + raster.string() + ":ramp=magma; xdotool keydown Return; sleep 0.3; " +
                             "xdotool keyup Return; wait $pid";
  const CommandResult run = runCommand(kXvfb + "sh -c '" + script + "'");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_FALSE(containsText(run.output, "validation")) << run.output;
  const auto image = core::readPng(screenshot);
  ASSERT_TRUE(image) << image.error().message;
  // The raster covers the middle of the picture: magma's purples to oranges, not ocean.
  const int ramped = countPixels(*image, 380, 200, 580, 300, [](const core::Rgba& p) { return p[0] > 60 && p[0] > p[1] + 30; });
  EXPECT_GT(ramped, 200 * 100 / 2) << "the raster layer is not on screen";

  // Presentation mode: the layer's legend (top right) carries the ramp: a bright yellow end.
  const auto presented = dir / "present.png";
  const CommandResult present = runCommand(kXvfb + CORRIDOR_BINARY + " view --present --frames 20 --no-plumes --layer " +
                                           raster.string() + ":ramp=magma --screenshot " + presented.string());
  ASSERT_EQ(present.exitCode, 0) << present.output;
  const auto full = core::readPng(presented);
  ASSERT_TRUE(full) << full.error().message;
  const int pale = countPixels(*full, 800, 0, 1280, 120, [](const core::Rgba& p) { return p[0] > 230 && p[1] > 200 && p[2] > 150 && p[2] < 215; });
  EXPECT_GT(pale, 20) << "no ramp in the layers' legend";
}

}  // namespace
}  // namespace corridor::test
