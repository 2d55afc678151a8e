#include "sim/Route.h"

#include <algorithm>
#include <cmath>

#include "geo/Ellipsoid.h"
#include "geo/Geodesic.h"
#include "geo/Longitude.h"

namespace corridor::sim {
namespace {

constexpr double kSampleMeters = 10'000.0;

// Berth, approach out, lane (reversed when sailing against the corridor's direction), approach in.
std::vector<geo::LonLat> waypoints(const Port& from, const Corridor& corridor, const Port& to) {
  std::vector<geo::LonLat> points{from.position};
  points.insert(points.end(), from.approach.begin(), from.approach.end());
  if (corridor.startsAt(from.id)) {
    points.insert(points.end(), corridor.waypoints.begin(), corridor.waypoints.end());
  } else {
    points.insert(points.end(), corridor.waypoints.rbegin(), corridor.waypoints.rend());
  }
  points.insert(points.end(), to.approach.rbegin(), to.approach.rend());
  points.push_back(to.position);
  return points;
}

}  // namespace

Route::Route(const Port& from, const Corridor& corridor, const Port& to) {
  const std::vector<geo::LonLat> corners = waypoints(from, corridor, to);
  points_.push_back(corners.front());
  distance_.push_back(0.0);
  for (std::size_t i = 1; i < corners.size(); ++i) {
    const geo::Polyline leg = geo::geodesicPath(corners[i - 1], corners[i], kSampleMeters);
    for (std::size_t j = 1; j < leg.size(); ++j) {
      distance_.push_back(distance_.back() + geo::geodesicDistanceMeters(leg[j - 1], leg[j]));
      points_.push_back(leg[j]);
    }
  }
  geo::unwrapLongitudes(points_);
}

Route::Sample Route::sample(double meters) const {
  const auto it = std::upper_bound(distance_.begin(), distance_.end(), meters);
  const std::size_t i = std::min(
      std::size_t(std::max<std::ptrdiff_t>(1, it - distance_.begin())), distance_.size() - 1);
  const geo::LonLat& a = points_[i - 1];
  const geo::LonLat& b = points_[i];
  const double span = distance_[i] - distance_[i - 1];
  const double t = span > 0 ? std::clamp((meters - distance_[i - 1]) / span, 0.0, 1.0) : 0.0;
  // Segments are 10 km long: the course of the chord in local east/north is exact enough.
  const double east = (b.lon - a.lon) * std::cos(geo::radians((a.lat + b.lat) / 2));
  double course = geo::degrees(std::atan2(east, b.lat - a.lat));
  if (course < 0) course += 360.0;
  return {{a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t}, course};
}

}  // namespace corridor::sim
