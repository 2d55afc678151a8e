#pragma once
#include <functional>

#include "timeline/PlaybackClock.h"

namespace corridor::ui {

// Whether a key (GLFW code) was pressed since the last frame (Window::takeKeyPress: a press
// between two frames counts, however short).
using KeyPressed = std::function<bool(int glfwKey)>;

// Play/pause, step, scrub across the scenario, speed from real time to a year per minute, loop,
// and the UTC date; keys: space (play/pause), left/right (a day; with shift a month), Home/End.
class TimelinePanel {
 public:
  void draw(timeline::PlaybackClock& clock, const KeyPressed& pressed, bool keyboardFree);
  // The panel's keys alone (presentation mode hides the panel, not the keys).
  void handleKeys(timeline::PlaybackClock& clock, const KeyPressed& pressed, bool keyboardFree);
};

}  // namespace corridor::ui
