#pragma once
#include <optional>
#include <string>
#include <vector>

#include "timeline/CameraPose.h"

namespace corridor::timeline {

enum class Easing { Linear, EaseInOut, EaseIn, EaseOut };
double ease(Easing easing, double t);  // t in [0, 1]

// Layers a keyframe switches; unset ones keep what the previous keyframes said.
struct TourLayers {
  std::optional<bool> vessels, outlines, graticule;
};

struct TourKeyframe {
  double videoSeconds = 0;
  CameraPose camera;
  Easing easing = Easing::EaseInOut;  // of the move from this keyframe to the next
  std::string caption;                // shown from this keyframe until the next one
  TourLayers layers;
};

// The camera between two poses: the target along the great circle (no flip at the
// antimeridian or a pole), altitude log-linear, heading the short way round, tilt linear.
CameraPose interpolatePose(const CameraPose& from, const CameraPose& to, double t);

// A camera tour: keyframes in video time.
class Tour {
 public:
  Tour() = default;
  explicit Tour(std::vector<TourKeyframe> keyframes);  // sorts them by time

  bool empty() const { return keyframes_.empty(); }
  const std::vector<TourKeyframe>& keyframes() const { return keyframes_; }
  // Before the first keyframe its pose, after the last the last one's.
  CameraPose cameraAt(double videoSeconds) const;
  const std::string& captionAt(double videoSeconds) const;

  struct Layers {
    bool vessels = true, outlines = true, graticule = false;
  };
  Layers layersAt(double videoSeconds, Layers initial) const;

 private:
  std::vector<TourKeyframe> keyframes_;
};

}  // namespace corridor::timeline
