#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "record/FrameSink.h"

namespace corridor::record {

// Every frame as DIR/frame_000000.png, frame_000001.png, ...
class PngSequence final : public FrameSink {
 public:
  static core::Result<PngSequence> create(const std::filesystem::path& directory);
  // Before any work: `directory` is a folder (or not there yet) and each frame file already in
  // it may be replaced, as core::checkOutputTarget says of one PNG.
  static core::Result<void> checkTarget(const std::filesystem::path& directory, const std::vector<std::string>& inputs,
                                        bool force);
  core::Result<void> write(const core::Image& frame) override;
  core::Result<void> finish() override { return {}; }

 private:
  explicit PngSequence(std::filesystem::path directory) : directory_(std::move(directory)) {}
  std::filesystem::path directory_;
  long next_ = 0;
};

}  // namespace corridor::record
