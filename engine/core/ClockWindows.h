#pragma once
// The window of data around the moment each clock last asked for (trips built for the viewer's
// playback, and for a recording's), asked for every frame. Each clock holds one window, shared
// while both clocks are inside it: a clock moving on lets its old window go at once, so that a
// recording holds one window and the one built ahead, not three; a clock that stopped asking (a
// finished recording) lets its window go after a few of the other's asks.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

namespace corridor::core {

template <class Window, std::size_t kClocks = 2>
class ClockWindows {
 public:
  // `clock`'s window if `covers` accepts it, else another clock's that it accepts (now shared),
  // else null, with `clock`'s old window let go before the caller builds the new one.
  template <class Covers>
  const Window* find(std::size_t clock, const Covers& covers) {
    ++asks_;
    for (Slot& slot : slots_) {
      if (asks_ - slot.lastAsk > kIdleAsks) release(slot);
    }
    Slot& own = slots_[clock];
    own.lastAsk = asks_;
    if (own.window && covers(*own.window)) return own.window.get();
    release(own);
    for (const Slot& other : slots_) {
      if (other.window && covers(*other.window)) {
        own.window = other.window;
        return own.window.get();
      }
    }
    return nullptr;
  }

  // Makes `window` `clock`'s, in place of the one it had.
  const Window& add(std::size_t clock, Window window) {
    auto added = std::make_shared<const Window>(std::move(window));
    release(slots_[clock]);
    slots_[clock].window = std::move(added);
    slots_[clock].lastAsk = asks_;
    return *slots_[clock].window;
  }

  void clear() {
    for (Slot& slot : slots_) release(slot);
  }
  // How many windows have been freed so far (let go by the last clock holding them).
  std::uint64_t freed() const { return freed_; }
  // How many different windows are held.
  std::size_t size() const {
    std::size_t held = 0;
    for (std::size_t i = 0; i < kClocks; ++i) {
      bool shared = false;
      for (std::size_t j = 0; j < i; ++j) shared = shared || slots_[j].window == slots_[i].window;
      if (slots_[i].window && !shared) ++held;
    }
    return held;
  }

 private:
  // Two clocks ask in turns; this many asks without one mean its clock stopped asking.
  static constexpr std::uint64_t kIdleAsks = 8;
  struct Slot {
    std::shared_ptr<const Window> window;
    std::uint64_t lastAsk = 0;
  };
  void release(Slot& slot) {
    if (slot.window && slot.window.use_count() == 1) ++freed_;
    slot.window.reset();
  }
  std::array<Slot, kClocks> slots_;
  std::uint64_t asks_ = 0, freed_ = 0;
};

}  // namespace corridor::core
