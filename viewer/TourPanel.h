#pragma once
#include <optional>
#include <string>
#include <vector>

#include "TourFile.h"
#include "timeline/CameraPose.h"
#include "timeline/PlaybackClock.h"
#include "timeline/Tour.h"

namespace corridor::viewer {

// Builds a camera tour in the viewer: a keyframe at the current camera and time, captions and
// easing edited in place, a preview that flies the camera along as time plays, saved as a
// tour file that 'corridor record --tour' reads.
class TourPanel {
 public:
  // Returns the camera the preview wants this frame (none when not previewing).
  std::optional<timeline::CameraPose> draw(const timeline::CameraPose& camera, timeline::PlaybackClock& clock);
  const std::vector<TimedKeyframe>& keyframes() const { return keyframes_; }

 private:
  void drawContents(const timeline::CameraPose& camera, timeline::PlaybackClock& clock);

  std::vector<TimedKeyframe> keyframes_;
  bool previewing_ = false;
  char path_[256] = "tour.toml";
  std::string status_;
};

// The keyframes as a tour whose video time is scenario seconds since `origin`.
timeline::Tour tourInScenarioSeconds(const std::vector<TimedKeyframe>& keyframes, core::UtcMicros origin,
                                     double videoSecondsPerScenarioSecond = 1.0);

}  // namespace corridor::viewer
