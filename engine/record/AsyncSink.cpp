#include "record/AsyncSink.h"

#include <chrono>

namespace corridor::record {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

AsyncSink::AsyncSink(std::vector<FrameSink*> sinks, std::size_t capacity)
    : sinks_(std::move(sinks)), capacity_(std::max<std::size_t>(1, capacity)), worker_([this] { run(); }) {}

AsyncSink::~AsyncSink() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void AsyncSink::run() {
  while (true) {
    core::Image frame;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;
      frame = std::move(queue_.front());
    }
    const auto start = std::chrono::steady_clock::now();
    std::optional<core::Error> failure;
    for (FrameSink* sink : sinks_) {
      if (auto written = sink->write(frame); !written) {
        failure = written.error();
        break;
      }
    }
    {
      std::lock_guard lock(mutex_);
      sinkSeconds_ += secondsSince(start);
      queue_.pop_front();  // only now: the caller's wait for room includes this frame's encoding
      if (failure && !error_) error_ = failure;
    }
    changed_.notify_all();
  }
}

core::Result<void> AsyncSink::write(const core::Image& frame) { return write(core::Image(frame)); }

core::Result<void> AsyncSink::write(core::Image&& frame) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < capacity_ || error_; });
  waitSeconds_ += secondsSince(start);
  if (error_) return std::unexpected(*error_);
  queue_.push_back(std::move(frame));
  lock.unlock();
  changed_.notify_all();
  return {};
}

core::Result<void> AsyncSink::finish() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() || error_; });
    closing_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (error_) return std::unexpected(*error_);
  for (FrameSink* sink : sinks_) {
    if (auto finished = sink->finish(); !finished) return finished;
  }
  return {};
}

double AsyncSink::sinkSeconds() const {
  std::lock_guard lock(mutex_);
  return sinkSeconds_;
}

}  // namespace corridor::record
