#pragma once
// Windows of data around the moments last asked for (trips built for the clock), most recent
// first, asked for every frame. Two clocks taking turns (the viewer's and a recording's) each
// keep theirs, so that neither builds the other's away every frame; a window nobody asked for
// in the last few asks is freed, so that one clock moving on holds one window, not two.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace corridor::core {

template <class Window>
class RecentWindows {
 public:
  // The first window `covers` accepts, made the most recent; null when none does.
  template <class Covers>
  const Window* find(const Covers& covers) {
    ++asks_;
    Window* found = nullptr;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (!covers(entries_[i].window)) continue;
      entries_[i].lastAsk = asks_;
      std::swap(entries_[0], entries_[i]);
      found = &entries_[0].window;
      break;
    }
    std::erase_if(entries_, [&](const Entry& entry) { return asks_ - entry.lastAsk > kIdleAsks; });
    return found;
  }

  // Makes `window` the most recent, displacing the least recent beyond two.
  const Window& add(Window window) {
    entries_.insert(entries_.begin(), Entry{std::move(window), asks_});
    if (entries_.size() > kWindows) entries_.pop_back();
    return entries_[0].window;
  }

  void clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }

 private:
  static constexpr std::size_t kWindows = 2;
  // Two clocks ask in turns; this many asks without one mean its clock stopped asking.
  static constexpr std::uint64_t kIdleAsks = 8;
  struct Entry {
    Window window;
    std::uint64_t lastAsk;
  };
  std::vector<Entry> entries_;
  std::uint64_t asks_ = 0;
};

}  // namespace corridor::core
