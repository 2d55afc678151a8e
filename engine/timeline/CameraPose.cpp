#include "timeline/CameraPose.h"

#include <algorithm>
#include <cmath>

#include "geo/Geodesic.h"
#include "geo/Longitude.h"

namespace corridor::timeline {
namespace {

double smoothstep(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

double distanceMeters(const CameraPose& a, const CameraPose& b) {
  return geo::geodesicDistanceMeters({a.lon, a.lat}, {b.lon, b.lat});
}

}  // namespace

CameraPose clamped(CameraPose pose) {
  pose.lon = geo::normalizeLongitude(pose.lon);
  pose.lat = std::clamp(pose.lat, -89.9, 89.9);
  pose.altitude = std::clamp(pose.altitude, CameraPose::kMinAltitude, CameraPose::kMaxAltitude);
  pose.tilt = std::clamp(pose.tilt, 0.0, 80.0);
  pose.heading = std::fmod(pose.heading, 360.0);
  if (pose.heading < 0) pose.heading += 360.0;
  return pose;
}

FlyTo::FlyTo(const CameraPose& from, const CameraPose& to, double durationSeconds)
    : from_(from), to_(to), duration_(std::max(durationSeconds, 1e-6)) {
  // High enough at mid-flight to see both ends (roughly the distance flown).
  peakAltitude_ = std::max({from.altitude, to.altitude, 0.8 * distanceMeters(from, to)});
}

CameraPose FlyTo::at(double elapsedSeconds) const {
  const double t = std::clamp(elapsedSeconds / duration_, 0.0, 1.0);
  const double eased = smoothstep(t);
  const geo::LonLat target =
      geo::geodesicInterpolate({from_.lon, from_.lat}, {to_.lon, to_.lat}, eased);
  // Altitude: log-linear between the ends plus a lift that peaks mid-flight.
  const double base = std::exp(std::log(from_.altitude) * (1 - eased) + std::log(to_.altitude) * eased);
  const double lift = (peakAltitude_ - std::max(from_.altitude, to_.altitude)) *
                      std::sin(eased * 3.14159265358979323846);
  CameraPose pose;
  pose.lon = target.lon;
  pose.lat = target.lat;
  pose.altitude = base + std::max(0.0, lift);
  pose.heading = from_.heading + geo::normalizeLongitude(to_.heading - from_.heading) * eased;
  pose.tilt = from_.tilt + (to_.tilt - from_.tilt) * eased;
  return clamped(pose);
}

double FlyTo::naturalDuration(const CameraPose& from, const CameraPose& to) {
  const double distanceKm = distanceMeters(from, to) / 1000.0;
  const double zoomChange = std::abs(std::log2(to.altitude / from.altitude));
  return std::clamp(1.5 + 0.25 * std::log2(1.0 + distanceKm / 100.0) + 0.1 * zoomChange, 1.5, 5.0);
}

}  // namespace corridor::timeline
