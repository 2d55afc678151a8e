#include "app/AisArchiveStream.h"

#include <algorithm>

#include "app/AisInput.h"

namespace corridor::app {

AisArchiveStream::AisArchiveStream(std::vector<std::filesystem::path> archives, io::AisReadOptions read,
                                   io::AisTrackOptions tracks, core::UtcMicros before, core::UtcMicros after,
                                   core::UtcMicros span)
    : archives_(std::move(archives)),
      read_(std::move(read)),
      tracks_(tracks),
      before_(before),
      after_(after),
      span_(std::clamp<core::UtcMicros>(span, 0, kSpan)) {
  read_.progress = nullptr;  // reads run in the background too
}

AisArchiveStream::~AisArchiveStream() {
  if (next_.valid()) next_.wait();
}

core::Result<AisArchiveStream::Window> AisArchiveStream::read(core::UtcMicros time) const {
  Window window{time - before_, time + span_ + after_, nullptr};
  io::AisReadOptions read = read_;
  read.window.from = std::max(read.window.from, window.from);
  read.window.to = std::min(read.window.to, window.to);
  if (read.window.from >= read.window.to) {  // outside the period asked for: nothing to draw
    window.tracks = std::make_shared<io::AisTrackSet>();
    return window;
  }
  auto loaded = loadAisTracks(archives_, read, tracks_);
  if (!loaded) return std::unexpected(loaded.error());
  window.tracks = std::make_shared<io::AisTrackSet>(std::move(loaded->tracks));
  return window;
}

core::Result<std::shared_ptr<const io::AisTrackSet>> AisArchiveStream::around(core::UtcMicros time) {
  const core::UtcMicros start = time - before_, end = time + after_;
  if (!current_.covers(start, end) && next_.valid()) {
    auto next = next_.get();
    if (next && next->covers(start, end)) current_ = std::move(*next);
  }
  if (!current_.covers(start, end)) {
    auto window = read(time);
    if (!window) return std::unexpected(window.error());
    current_ = std::move(*window);
  }
  // Past the middle of the window, the next one is read ahead from three quarters in.
  const core::UtcMicros middle = current_.from + before_ + span_ / 2;
  if (span_ > 0 && time > middle && !next_.valid() && current_.to < read_.window.to) {
    next_ = std::async(std::launch::async, [this, ahead = current_.to - after_ - span_ / 4] { return read(ahead); });
  }
  return current_.tracks;
}

}  // namespace corridor::app
