// corridor record end to end: the MP4 ffprobe sees, frames that match 'corridor render' at
// their exact times, an interrupted run that leaves the previous video, clear errors.
#include <gtest/gtest.h>

#include <cmath>

#include "RunCommand.h"
#include "TestSupport.h"
#include "ImageChecks.h"
#include "core/Image.h"

namespace corridor::test {
namespace {

const std::string kScene = " --msaa 1 --camera 180,30,14000 --view map ";

CommandResult corridor(const std::string& arguments) {
  return runCommand(std::string(CORRIDOR_BINARY) + " " + arguments);
}

std::string probe(const std::filesystem::path& video) {
  return runCommand("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
                    "stream=codec_name,width,height,nb_read_frames,r_frame_rate -show_entries format=duration "
                    "-of default=nw=1 " + video.string())
      .output;
}

TEST(CliRecord, TwoSecondsAtTenFramesPerSecond) {
  ScratchDir dir;
  const auto video = dir / "corridor.mp4";
  const CommandResult run = corridor("record --from 2030-06-01 --to 2030-06-03 --fps 10 --duration 2 --size 320x180 --out " +
                                     video.string() + kScene);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string info = probe(video);
  EXPECT_TRUE(containsText(info, "codec_name=h264")) << info;
  EXPECT_TRUE(containsText(info, "width=320\nheight=180")) << info;
  EXPECT_TRUE(containsText(info, "r_frame_rate=10/1")) << info;
  EXPECT_TRUE(containsText(info, "nb_read_frames=20")) << info;
  EXPECT_TRUE(containsText(info, "duration=2.000000")) << info;
}

TEST(CliRecord, EachFrameIsTheSceneAtItsExactTime) {
  // Frame 7 of 20 over two days is at 2030-06-01 + 7 * 2.4 h = 2030-06-01T16:48Z. Plumes off:
  // their puffs drift with video time, not scene time.
  ScratchDir dir;
  const auto video = dir / "v.mp4";
  ASSERT_EQ(corridor("record --from 2030-06-01 --to 2030-06-03 --fps 10 --duration 2 --size 320x180 --crf 0 --out " +
                     video.string() + " --no-overlays --no-plumes --png-dir " + (dir / "frames").string() + kScene)
                .exitCode,
            0);
  ASSERT_EQ(corridor("render --time 2030-06-01T16:48Z --scenario default --no-plumes --no-overlays --size 320x180 --out " +
                     (dir / "still.png").string() + kScene)
                .exitCode,
            0);
  ASSERT_EQ(runCommand("ffmpeg -v error -i " + video.string() + " -vf 'select=eq(n\\,7)' -vframes 1 " +
                       (dir / "decoded.png").string())
                .exitCode,
            0);
  const auto still = core::readPng(dir / "still.png");
  const auto decoded = core::readPng(dir / "decoded.png");
  const auto written = core::readPng(dir / "frames" / "frame_000007.png");
  ASSERT_TRUE(still && decoded && written);
  EXPECT_EQ(written->pixels, still->pixels);  // the PNG frame is the still, to the bit
  // The decoded frame went through 4:2:0 chroma subsampling: close, not identical.
  double difference = 0;
  for (std::size_t i = 0; i < still->pixels.size(); i += 4) {
    for (int c = 0; c < 3; ++c) difference += std::abs(int(still->pixels[i + c]) - int(decoded->pixels[i + c]));
  }
  difference /= double(still->pixels.size()) / 4 * 3;
  EXPECT_LT(difference, 3.0);
  // And the neighbouring frame shows another moment (the ships moved).
  const auto next = core::readPng(dir / "frames" / "frame_000008.png");
  ASSERT_TRUE(next);
  EXPECT_NE(next->pixels, still->pixels);
}

TEST(CliRecord, AFullFrameTitleDarkensThePictureUnderIt) {
  ScratchDir dir;
  const std::string common = "record --from 2030-06-01 --to 2030-06-02 --fps 10 --duration 1 --size 640x360 --out " +
                             (dir / "v.mp4").string() + kScene + " --title Corridor";
  ASSERT_EQ(corridor(common + " --title-style full --png-dir " + (dir / "full").string()).exitCode, 0);
  ASSERT_EQ(corridor(common + " --title-style middle --png-dir " + (dir / "bad").string()).exitCode, 2);
  const auto first = core::readPng(dir / "full" / "frame_000000.png");
  ASSERT_TRUE(first);
  EXPECT_GT(whitePixels(*first, 240, 150, 400, 180), 100);  // the title, centred
  // The corner legends are under the darkened frame: no bright swatch shows.
  EXPECT_EQ(countPixels(*first, 520, 240, 640, 360, [](const core::Rgba& p) { return p[0] > 200 && p[1] > 100; }), 0);
}

TEST(CliRecord, RenderHasTheOverlaysOfAVideoAndPortNames) {
  ScratchDir dir;
  const std::string common = "render --scenario default --time 2030-06-01T21:36Z --size 640x360" + kScene + " --out ";
  ASSERT_EQ(corridor(common + (dir / "with.png").string()).exitCode, 0);
  ASSERT_EQ(corridor(common + (dir / "without.png").string() + " --no-overlays").exitCode, 0);
  const auto with = core::readPng(dir / "with.png");
  const auto without = core::readPng(dir / "without.png");
  ASSERT_TRUE(with && without);
  EXPECT_GT(whitePixels(*with, 10, 10, 100, 40), 30);      // "2030"
  EXPECT_GT(whitePixels(*with, 520, 240, 630, 350), 10);   // the fuel legend
  EXPECT_GT(whitePixels(*with, 25, 270, 150, 290), 30);    // "Port of Singapore"
  EXPECT_EQ(whitePixels(*without, 10, 10, 100, 40), 0);
  EXPECT_EQ(whitePixels(*without, 25, 270, 150, 290), 0);
}

TEST(CliRecord, OverlaysBurnInTheDateTitleAndLegend) {
  ScratchDir dir;
  const std::string common = "record --from 2030-06-01 --to 2030-06-02 --fps 10 --duration 1 --size 640x360 --out " +
                             (dir / "v.mp4").string() + kScene + " --no-headline";
  ASSERT_EQ(corridor(common + " --title Corridor --png-dir " + (dir / "with").string()).exitCode, 0);
  ASSERT_EQ(corridor(common + " --no-overlays --png-dir " + (dir / "without").string()).exitCode, 0);
  const auto with = core::readPng(dir / "with" / "frame_000000.png");
  const auto without = core::readPng(dir / "without" / "frame_000000.png");
  ASSERT_TRUE(with && without);
  // Near-white text pixels: the year at the top left, the title at the bottom left, the legend
  // at the bottom right; none in the bare scene, which has no port names either.
  auto whiteIn = [](const core::Image& image, int x0, int y0, int x1, int y1) { return whitePixels(image, x0, y0, x1, y1); };
  EXPECT_GT(whiteIn(*with, 10, 10, 100, 40), 30);     // "2030"
  EXPECT_GT(whiteIn(*with, 18, 291, 110, 310), 30);   // the title, a lower third
  EXPECT_GT(whiteIn(*with, 520, 240, 630, 350), 10);  // the legend
  EXPECT_EQ(whiteIn(*without, 10, 10, 100, 40), 0);
  EXPECT_EQ(whiteIn(*without, 18, 291, 110, 310), 0);
  // The title has faded out by the last frame; the date is still there.
  const auto last = core::readPng(dir / "with" / "frame_000009.png");
  ASSERT_TRUE(last);
  EXPECT_LT(whiteIn(*last, 18, 291, 110, 310), whiteIn(*with, 18, 291, 110, 310) / 5);  // what stays: map detail
  EXPECT_GT(whiteIn(*last, 10, 10, 100, 40), 30);
}

TEST(CliRecord, AnInterruptedRecordingLeavesThePreviousVideoAndNoTemporary) {
  ScratchDir dir;
  const auto video = dir / "v.mp4";
  const std::string out = " --out " + video.string() + kScene;
  ASSERT_EQ(corridor("record --from 2030-01-01 --to 2030-01-02 --fps 10 --duration 0.2 --size 320x180" + out).exitCode, 0);
  const std::string before = readTextFile(video);
  ASSERT_FALSE(before.empty());
  const std::string record = std::string(CORRIDOR_BINARY) +
                             " record --from 2030-01-01 --to 2031-01-01 --fps 10 --duration 60 --size 320x180" + out;
  // Wait for the first frames (the progress is silent off a terminal, so watch the PNGs).
  const CommandResult run = runCommand(
      "sh -c '" + record + " --png-dir " + (dir / "f").string() + " & pid=$!; " + "for i in $(seq 1 600); do " +
      "[ -e " + (dir / "f" / "frame_000003.png").string() + " ] && break; sleep 0.1; done; kill -INT $pid; wait $pid'");
  EXPECT_EQ(run.exitCode, 130) << run.output;
  EXPECT_TRUE(containsText(run.output, "interrupted after")) << run.output;
  EXPECT_TRUE(containsText(run.output, "left as it was")) << run.output;
  EXPECT_EQ(readTextFile(video), before);  // the two-frame video, byte for byte
  EXPECT_TRUE(containsText(probe(video), "nb_read_frames=2"));
  for (const auto& entry : std::filesystem::directory_iterator(dir / "")) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "v.mp4" || name == "f") << "left behind: " << name;
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "f" / "frame_000003.png"));  // the frames written stay
}

TEST(CliRecord, FramesOfAnotherKindInThePngFolderAreKeptUnlessForced) {
  ScratchDir dir;
  std::filesystem::create_directories(dir / "f");
  writeTextFile(dir / "f" / "frame_000001.png", "a note named like a frame");
  const std::string record = "record --from 2030-06-01 --to 2030-06-02 --fps 10 --duration 0.2 --size 320x180 --out " +
                             (dir / "v.mp4").string() + kScene + " --png-dir " + (dir / "f").string();
  const CommandResult refused = corridor(record);
  EXPECT_EQ(refused.exitCode, 2) << refused.output;
  EXPECT_TRUE(containsText(refused.output, "frame_000001.png: exists and is not a PNG image")) << refused.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "v.mp4"));  // refused before any work
  EXPECT_EQ(readTextFile(dir / "f" / "frame_000001.png"), "a note named like a frame");
  ASSERT_EQ(corridor(record + " --force").exitCode, 0);
  EXPECT_TRUE(core::readPng(dir / "f" / "frame_000001.png").has_value());
  ASSERT_EQ(corridor(record).exitCode, 0);  // its own frames it replaces
}

// Two variants side by side: each half its own picture, a light divider at the middle, the
// counter panels burned in (on by default in videos).
TEST(CliRecord, ComparedVariantsShareTheFrameSideBySide) {
  ScratchDir dir;
  const CommandResult run = corridor("record --from 2035-06-01 --to 2035-06-02 --fps 10 --duration 0.5 --size 640x360 "
                                     "--compare baseline,green-corridor --out " + (dir / "v.mp4").string() + kScene +
                                     " --png-dir " + (dir / "f").string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(containsText(probe(dir / "v.mp4"), "nb_read_frames=5"));
  const auto frame = core::readPng(dir / "f" / "frame_000004.png");
  ASSERT_TRUE(frame);
  for (const int y : {60, 180, 300}) {
    const core::Rgba divider = frame->at(320, y);
    EXPECT_GT(divider[0] + divider[1] + divider[2], 600) << "y " << y;  // the light seam
  }
  // Both halves carry a labelled counter panel: white text in the left of each half.
  EXPECT_GT(whitePixels(*frame, 10, 90, 310, 350), 200);
  EXPECT_GT(whitePixels(*frame, 330, 90, 630, 350), 200);
}

TEST(CliRecord, BadComparisonsAreUsageErrors) {
  ScratchDir dir;
  const std::string base = "record --from 2030-06-01 --to 2030-06-02 --fps 10 --duration 1 --size 320x180 --out " +
                           (dir / "v.mp4").string() + " --compare ";
  const CommandResult same = corridor(base + "baseline,baseline");
  EXPECT_EQ(same.exitCode, 2);
  EXPECT_TRUE(containsText(same.output, "two different variants")) << same.output;
  EXPECT_EQ(corridor(base + "baseline").exitCode, 2);
  const CommandResult unknown = corridor(base + "baseline,nothing");
  EXPECT_NE(unknown.exitCode, 0);
  EXPECT_TRUE(containsText(unknown.output, "nothing")) << unknown.output;
  EXPECT_EQ(corridor(base + "baseline,green-corridor --scenario none").exitCode, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "v.mp4"));
}

TEST(CliRecord, BadRequestsAreClearErrors) {
  ScratchDir dir;
  const std::string base = "record --from 2030-06-01 --to 2030-06-02 --fps 10 --size 320x180 ";
  EXPECT_EQ(corridor(base + "--out " + (dir / "v.mp4").string()).exitCode, 2);  // neither duration nor speed
  EXPECT_EQ(corridor(base + "--duration 1 --speed 10 --out " + (dir / "v.mp4").string()).exitCode, 2);
  EXPECT_EQ(corridor(base + "--duration 1 --size 321x180 --out " + (dir / "v.mp4").string()).exitCode, 2);
  EXPECT_EQ(corridor("record --from 2030-06-02 --to 2030-06-01 --duration 1 --out " + (dir / "v.mp4").string()).exitCode, 2);
  const CommandResult unwritable = corridor(base + "--duration 1 --out " + (dir / "missing" / "v.mp4").string());
  EXPECT_EQ(unwritable.exitCode, 1) << unwritable.output;
  EXPECT_TRUE(containsText(unwritable.output, "v.mp4")) << unwritable.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
}

}  // namespace
}  // namespace corridor::test
