#pragma once

namespace corridor::timeline {

// An orbit camera: it looks at a target on the ground from a distance, north up when heading
// is 0, straight down when tilt is 0.
struct CameraPose {
  double lon = -170.0;  // target, degrees
  double lat = 35.0;
  double altitude = 12'000'000.0;  // metres from the target to the eye
  double heading = 0.0;            // degrees clockwise from north
  double tilt = 0.0;               // degrees from straight down

  static constexpr double kMinAltitude = 500.0;  // close enough to see a berth
  static constexpr double kMaxAltitude = 60'000'000.0;
};

// Keeps the pose in range: latitude within +-89.9, longitude in [-180,180), altitude and tilt
// clamped.
CameraPose clamped(CameraPose pose);

// A smooth flight between two poses: the target moves along the great circle with ease-in/out,
// the altitude rises in an arc proportional to the distance flown so the whole way is in view.
class FlyTo {
 public:
  FlyTo(const CameraPose& from, const CameraPose& to, double durationSeconds);

  CameraPose at(double elapsedSeconds) const;
  bool finished(double elapsedSeconds) const { return elapsedSeconds >= duration_; }
  double duration() const { return duration_; }

  // A duration that feels right for the distance and zoom change (1.5-5 s).
  static double naturalDuration(const CameraPose& from, const CameraPose& to);

 private:
  CameraPose from_, to_;
  double duration_;
  double peakAltitude_;
};

}  // namespace corridor::timeline
