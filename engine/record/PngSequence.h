#pragma once
#include <filesystem>

#include "record/FrameSink.h"

namespace corridor::record {

// Every frame as DIR/frame_000000.png, frame_000001.png, ...
class PngSequence final : public FrameSink {
 public:
  static core::Result<PngSequence> create(const std::filesystem::path& directory);
  core::Result<void> write(const core::Image& frame) override;
  core::Result<void> finish() override { return {}; }

 private:
  explicit PngSequence(std::filesystem::path directory) : directory_(std::move(directory)) {}
  std::filesystem::path directory_;
  long next_ = 0;
};

}  // namespace corridor::record
