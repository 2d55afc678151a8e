#pragma once
#include "core/Image.h"
#include "core/Result.h"

namespace corridor::record {

// Where rendered frames go, one after another, at a fixed frame rate.
class FrameSink {
 public:
  virtual ~FrameSink() = default;
  virtual core::Result<void> write(const core::Image& frame) = 0;
  // Completes the output; what was written so far is a valid file even when the caller stops
  // early (an interrupted recording).
  virtual core::Result<void> finish() = 0;
};

}  // namespace corridor::record
