#include "app/AisArchiveStream.h"

#include <algorithm>
#include <optional>

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
  read.nearestInMargins = true;
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

std::optional<AisArchiveStream::Window> AisArchiveStream::heldWindow(core::UtcMicros start, core::UtcMicros end) {
  std::erase_if(readWindows_, [](const ReadWindow& window) { return window.tracks.expired(); });
  for (const ReadWindow& held : readWindows_) {
    Window window{held.from, held.to, held.tracks.lock()};
    if (window.covers(start, end)) return window;
  }
  return std::nullopt;
}

core::Result<std::shared_ptr<const io::AisTrackSet>> AisArchiveStream::around(core::UtcMicros time) {
  const std::lock_guard lock(mutex_);
  const core::UtcMicros start = time - before_, end = time + after_;
  std::optional<Window> found = heldWindow(start, end);
  if (!found && next_.valid()) {
    auto next = next_.get();
    if (next && next->covers(start, end)) found = std::move(*next);
  }
  if (!found) {
    auto window = read(time);
    if (!window) return std::unexpected(window.error());
    found = std::move(*window);
  }
  const Window& current = *found;
  if (std::none_of(readWindows_.begin(), readWindows_.end(),
                   [&](const ReadWindow& held) { return held.tracks.lock() == current.tracks; })) {
    readWindows_.push_back({current.from, current.to, current.tracks});
  }
  // Past the middle of the window, the next one is read ahead from three quarters in.
  const core::UtcMicros middle = current.from + before_ + span_ / 2;
  if (span_ > 0 && time > middle && !next_.valid() && current.to < read_.window.to) {
    next_ = std::async(std::launch::async, [this, ahead = current.to - after_ - span_ / 4]() -> core::Result<Window> {
      try {
        return read(ahead);
      } catch (const std::exception& error) {  // out of memory, say: the clock's own read will say so again
        return core::fail(core::ErrorKind::Io, std::string("reading ahead: ") + error.what());
      }
    });
  }
  return current.tracks;
}

}  // namespace corridor::app
