#pragma once
#include "timeline/PlaybackClock.h"

namespace corridor::viewer {

// Play/pause, step, scrub across the scenario, speed from real time to a year per minute, loop,
// and the UTC date; keys: space (play/pause), left/right (a day; with shift a month), Home/End.
void drawTimelinePanel(timeline::PlaybackClock& clock, bool keyboardFree);
// The panel's keys alone (presentation mode hides the panel, not the keys).
void handleTimelineKeys(timeline::PlaybackClock& clock);

}  // namespace corridor::viewer
