#pragma once
// AIS archives played with memory bounded by a window: the tracks around the clock are read from
// the archive, and the next window in the background while the clock moves through this one.
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/Result.h"
#include "core/Time.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::app {

class AisArchiveStream {
 public:
  // `before`, `after`: how much of the tracks either side of a moment a frame needs (trails,
  // hold time, the trips built ahead); `span`: how far past the moment a window reaches (0 for
  // one picture, at most kSpan). Nothing outside read.window is read, nor read ahead.
  AisArchiveStream(std::vector<std::filesystem::path> archives, io::AisReadOptions read, io::AisTrackOptions tracks,
                   core::UtcMicros before, core::UtcMicros after, core::UtcMicros span = kSpan);
  ~AisArchiveStream();

  // Tracks covering [time - before, time + after]: a window's still in use, else the one read
  // ahead, else a window read now. Thread-safe (the trips ahead of the clock are built in the
  // background). Starts reading the next window once `time` is past the middle of
  // its window (unless that one reaches the end of read.window).
  core::Result<std::shared_ptr<const io::AisTrackSet>> around(core::UtcMicros time);

  // The longest a window reaches past the moment it was read for.
  // Six hours: with the margins a window holds about a day of reports (at US density, 9 M a
  // day, ~650 MB with the tracks built), and is read in about a second.
  static constexpr core::UtcMicros kSpan = 6LL * 3600 * core::kMicrosPerSecond;

 private:
  struct Window {
    core::UtcMicros from = 0, to = 0;  // the tracks cover [from, to]
    std::shared_ptr<const io::AisTrackSet> tracks;
    bool covers(core::UtcMicros start, core::UtcMicros end) const { return tracks && from <= start && end <= to; }
  };
  core::Result<Window> read(core::UtcMicros time) const;
  // A window read before whose tracks are still held (by trips built from them), else nothing.
  std::optional<Window> heldWindow(core::UtcMicros start, core::UtcMicros end);

  std::vector<std::filesystem::path> archives_;
  io::AisReadOptions read_;
  io::AisTrackOptions tracks_;
  core::UtcMicros before_, after_, span_;
  // The windows read, held here only weakly: their users (the clock's trips, a recording's, a
  // picture) keep them, so a window nobody draws from any more is freed at once rather than
  // doubling the memory until the next one is read.
  struct ReadWindow {
    core::UtcMicros from, to;
    std::weak_ptr<const io::AisTrackSet> tracks;
  };
  std::vector<ReadWindow> readWindows_;
  std::mutex mutex_;  // around() from the clock's thread and from the trips built ahead
  std::future<core::Result<Window>> next_;
};

}  // namespace corridor::app
