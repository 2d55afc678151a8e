#pragma once
// Camera tour files: read, written, and keyframes placed on a video.
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "core/Result.h"
#include "core/Time.h"
#include "timeline/Tour.h"

namespace corridor::app {

// A camera tour file (docs/TOURS.md):
//
//   [[keyframe]]
//   at = 4.0                          # video seconds, or
//   time = "2030-06-01T12:00Z"        # scenario time, placed on the video by the recording
//   camera = { lon = -118.2, lat = 33.7, altitude_km = 600, heading = 0, tilt = 30 }
//   easing = "ease-in-out"            # linear, ease-in, ease-out, ease-in-out (the default)
//   caption = "Ports of Los Angeles and Long Beach"
//   vessels = true                    # layer switches: vessels, outlines, graticule
//
// `videoSecondsOf` places a scenario time on the video (nullopt: outside it, an error).
core::Result<timeline::Tour> loadTour(const std::filesystem::path& path,
                                      const std::function<std::optional<double>(core::UtcMicros)>& videoSecondsOf);

// A keyframe as the viewer's tour builder keeps it: at a scenario time.
struct TimedKeyframe {
  core::UtcMicros time = 0;
  timeline::TourKeyframe keyframe;  // its videoSeconds is not used
};

// Writes keyframes in the format loadTour reads (by scenario time).
core::Result<void> saveTour(const std::filesystem::path& path, const std::vector<TimedKeyframe>& keyframes);

// The keyframes as a tour whose video time is scenario seconds since `origin`, scaled.
timeline::Tour tourInScenarioSeconds(const std::vector<TimedKeyframe>& keyframes, core::UtcMicros origin,
                                     double videoSecondsPerScenarioSecond = 1.0);

}  // namespace corridor::app
