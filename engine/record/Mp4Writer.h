#pragma once
#include <filesystem>
#include <memory>

#include "core/OutputFile.h"
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
// under a temporary name next to the target (core::PendingOutput) and moved into place by
// finish(), so a failed or abandoned recording never leaves a half-written file under the final
// name, nor destroys the previous one.
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
  Mp4Writer(core::PendingOutput output, std::unique_ptr<Codec> codec);
  core::Result<void> drain(bool flushing);
  // "PATH: disk full" for ENOSPC, else "PATH: what (FFmpeg's reason)".
  core::Error failure(const std::string& what, int code) const;

  core::PendingOutput output_;
  std::unique_ptr<Codec> codec_;  // declared last: closed before the temporary is removed
  long frames_ = 0;
  bool finished_ = false;
};

}  // namespace corridor::record
