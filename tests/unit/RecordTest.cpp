// The record library with synthetic frames: an MP4 that ffprobe reads with the frame count,
// size and duration asked for; no file under the final name unless finished; the encoder
// thread's errors reach the caller.
#include <gtest/gtest.h>

#include "RunCommand.h"
#include "TestSupport.h"
#include "record/AsyncSink.h"
#include "record/Mp4Writer.h"
#include "record/PngSequence.h"

namespace corridor::record {
namespace {

core::Image solid(int width, int height, std::uint8_t red) {
  core::Image image(width, height);
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    image.pixels[i] = red;
    image.pixels[i + 3] = 255;
  }
  return image;
}

std::string probe(const std::filesystem::path& video) {
  return test::runCommand("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
                          "stream=codec_name,width,height,nb_read_frames,pix_fmt -show_entries format=duration "
                          "-of default=nw=1 " + video.string())
      .output;
}

TEST(Mp4Writer, WritesTheFramesAskedForAtTheFrameRate) {
  test::ScratchDir dir;
  auto writer = Mp4Writer::open(dir / "v.mp4", {64, 48, 10, 20});
  ASSERT_TRUE(writer) << writer.error().message;
  for (int k = 0; k < 15; ++k) ASSERT_TRUE((*writer)->write(solid(64, 48, std::uint8_t(k * 16))));
  EXPECT_FALSE(std::filesystem::exists(dir / "v.mp4"));  // still under its temporary name
  ASSERT_TRUE((*writer)->finish());
  const std::string info = probe(dir / "v.mp4");
  EXPECT_NE(info.find("codec_name=h264"), std::string::npos) << info;
  EXPECT_NE(info.find("width=64\nheight=48"), std::string::npos) << info;
  EXPECT_NE(info.find("pix_fmt=yuv420p"), std::string::npos) << info;
  EXPECT_NE(info.find("nb_read_frames=15"), std::string::npos) << info;
  EXPECT_NE(info.find("duration=1.500000"), std::string::npos) << info;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / ""), {}), 1);  // nothing left over
}

TEST(Mp4Writer, AnAbandonedVideoLeavesNoFile) {
  test::ScratchDir dir;
  {
    auto writer = Mp4Writer::open(dir / "v.mp4", {64, 48, 10, 20});
    ASSERT_TRUE(writer);
    ASSERT_TRUE((*writer)->write(solid(64, 48, 100)));
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / ""), {}), 0);
}

TEST(Mp4Writer, BadTargetsAreClearErrors) {
  test::ScratchDir dir;
  auto missing = Mp4Writer::open(dir / "no-such-dir" / "v.mp4", {64, 48, 10, 20});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("v.mp4"), std::string::npos) << missing.error().message;
  auto odd = Mp4Writer::open(dir / "v.mp4", {65, 48, 10, 20});
  ASSERT_FALSE(odd);
  EXPECT_EQ(odd.error().kind, core::ErrorKind::Usage);
}

// A sink that fails on its third frame, as a full disk would.
class FailingSink final : public FrameSink {
 public:
  core::Result<void> write(const core::Image&) override {
    if (++frames_ == 3) return core::fail(core::ErrorKind::Io, "disk full");
    return {};
  }
  core::Result<void> finish() override { return {}; }

 private:
  int frames_ = 0;
};

TEST(AsyncSink, TheWorkersErrorReachesTheCaller) {
  FailingSink failing;
  AsyncSink sink({&failing}, 1);
  bool failed = false;
  for (int k = 0; k < 10 && !failed; ++k) failed = !sink.write(solid(8, 8, 0));
  auto finished = sink.finish();
  ASSERT_FALSE(finished);
  EXPECT_EQ(finished.error().message, "disk full");
}

TEST(AsyncSink, FramesArriveInOrderInEverySink) {
  test::ScratchDir dir;
  auto pngs = PngSequence::create(dir / "frames");
  ASSERT_TRUE(pngs);
  {
    AsyncSink sink({&*pngs}, 2);
    for (int k = 0; k < 5; ++k) ASSERT_TRUE(sink.write(solid(8, 8, std::uint8_t(k * 50))));
    ASSERT_TRUE(sink.finish());
  }
  for (int k = 0; k < 5; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06d.png", k);
    auto image = core::readPng(dir / "frames" / name);
    ASSERT_TRUE(image) << name;
    EXPECT_EQ(image->at(0, 0)[0], k * 50);
  }
}

}  // namespace
}  // namespace corridor::record
