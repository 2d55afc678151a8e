#pragma once
#include <filesystem>
#include <memory>

#include "record/FrameSink.h"

namespace corridor::record {

struct Mp4Options {
  int width = 1280, height = 720;  // even (H.264 4:2:0)
  int fps = 30;
  int crf = 20;                    // x264 constant rate factor: 0 lossless .. 51 worst
  const char* preset = "veryfast";
};

// H.264 (libx264, yuv420p) in MP4 through libavcodec/libavformat: plays in browsers and
// presentation software. Frame k has presentation time k / fps exactly. The file is written
// under a temporary name next to the target and renamed by finish(), so a failed or abandoned
// recording never leaves a half-written file under the final name.
class Mp4Writer final : public FrameSink {
 public:
  static core::Result<std::unique_ptr<Mp4Writer>> open(const std::filesystem::path& path,
                                                       const Mp4Options& options);
  ~Mp4Writer() override;
  Mp4Writer(const Mp4Writer&) = delete;
  Mp4Writer& operator=(const Mp4Writer&) = delete;

  core::Result<void> write(const core::Image& frame) override;
  core::Result<void> finish() override;
  long framesWritten() const { return frames_; }

 private:
  struct Codec;
  Mp4Writer(std::filesystem::path path, std::filesystem::path partial, std::unique_ptr<Codec> codec);
  core::Result<void> drain(bool flushing);

  std::filesystem::path path_, partial_;
  std::unique_ptr<Codec> codec_;
  long frames_ = 0;
  bool finished_ = false;
};

}  // namespace corridor::record
