#pragma once
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "record/FrameSink.h"

namespace corridor::record {

// Writes frames to other sinks on a worker thread, so that rendering the next frame and
// encoding the last one overlap. At most `capacity` frames wait; write() blocks beyond that.
// A sink's error comes back from the next write() or from finish().
class AsyncSink final : public FrameSink {
 public:
  AsyncSink(std::vector<FrameSink*> sinks, std::size_t capacity = 2);
  ~AsyncSink() override;
  AsyncSink(const AsyncSink&) = delete;
  AsyncSink& operator=(const AsyncSink&) = delete;

  core::Result<void> write(const core::Image& frame) override;  // copies the frame
  core::Result<void> write(core::Image&& frame);
  core::Result<void> finish() override;

  // Seconds the worker spent in the sinks, and the caller spent waiting for room.
  double sinkSeconds() const;
  double waitSeconds() const { return waitSeconds_; }

 private:
  void run();

  std::vector<FrameSink*> sinks_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<core::Image> queue_;
  std::optional<core::Error> error_;
  bool closing_ = false;
  double sinkSeconds_ = 0, waitSeconds_ = 0;
  std::thread worker_;
};

}  // namespace corridor::record
