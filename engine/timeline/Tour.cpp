#include "timeline/Tour.h"

#include <algorithm>
#include <cmath>

#include "geo/Geodesic.h"
#include "geo/Longitude.h"

namespace corridor::timeline {

double ease(Easing easing, double t) {
  t = std::clamp(t, 0.0, 1.0);
  switch (easing) {
    case Easing::Linear: return t;
    case Easing::EaseInOut: return t * t * (3.0 - 2.0 * t);
    case Easing::EaseIn: return t * t;
    case Easing::EaseOut: return t * (2.0 - t);
  }
  return t;
}

CameraPose interpolatePose(const CameraPose& from, const CameraPose& to, double t) {
  const geo::LonLat target = geo::geodesicInterpolate({from.lon, from.lat}, {to.lon, to.lat}, t);
  CameraPose pose;
  pose.lon = target.lon;
  pose.lat = target.lat;
  pose.altitude = std::exp(std::log(from.altitude) * (1 - t) + std::log(to.altitude) * t);
  pose.heading = from.heading + geo::normalizeLongitude(to.heading - from.heading) * t;
  pose.tilt = from.tilt + (to.tilt - from.tilt) * t;
  return clamped(pose);
}

Tour::Tour(std::vector<TourKeyframe> keyframes) : keyframes_(std::move(keyframes)) {
  std::stable_sort(keyframes_.begin(), keyframes_.end(),
                   [](const auto& a, const auto& b) { return a.videoSeconds < b.videoSeconds; });
}

CameraPose Tour::cameraAt(double s) const {
  if (keyframes_.empty()) return {};
  const auto next = std::upper_bound(keyframes_.begin(), keyframes_.end(), s,
                                     [](double value, const TourKeyframe& k) { return value < k.videoSeconds; });
  if (next == keyframes_.begin()) return keyframes_.front().camera;
  if (next == keyframes_.end()) return keyframes_.back().camera;
  const TourKeyframe& a = *(next - 1);
  const TourKeyframe& b = *next;
  const double t = (s - a.videoSeconds) / (b.videoSeconds - a.videoSeconds);
  return interpolatePose(a.camera, b.camera, ease(a.easing, t));
}

const std::string& Tour::captionAt(double s) const {
  static const std::string none;
  const TourKeyframe* current = nullptr;
  for (const TourKeyframe& k : keyframes_) {
    if (k.videoSeconds <= s) current = &k;
  }
  return current ? current->caption : none;
}

Tour::Layers Tour::layersAt(double s, Layers layers) const {
  for (const TourKeyframe& k : keyframes_) {
    if (k.videoSeconds > s) break;
    layers.vessels = k.layers.vessels.value_or(layers.vessels);
    layers.outlines = k.layers.outlines.value_or(layers.outlines);
    layers.graticule = k.layers.graticule.value_or(layers.graticule);
  }
  return layers;
}

}  // namespace corridor::timeline
