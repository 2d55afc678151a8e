#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/TourFile.h"
#include "timeline/CameraPose.h"
#include "timeline/PlaybackClock.h"
#include "timeline/Tour.h"

namespace corridor::ui {

// Builds a camera tour in the viewer: a keyframe at the current camera and time, captions and
// easing edited in place, a preview that flies the camera along as time plays, saved as a
// tour file that 'corridor record --tour' reads.
class TourPanel {
 public:
  // Returns the camera the preview wants this frame (none when not previewing).
  std::optional<timeline::CameraPose> draw(const timeline::CameraPose& camera, timeline::PlaybackClock& clock);
  const std::vector<app::TimedKeyframe>& keyframes() const { return keyframes_; }

 private:
  void drawContents(const timeline::CameraPose& camera, timeline::PlaybackClock& clock);

  std::vector<app::TimedKeyframe> keyframes_;
  bool previewing_ = false;
  char path_[256] = "tour.toml";
  std::string status_;
};

}  // namespace corridor::ui
