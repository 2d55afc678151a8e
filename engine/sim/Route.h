#pragma once
#include <vector>

#include "geo/Types.h"
#include "sim/Scenario.h"

namespace corridor::sim {

// A leg from one berth to another: out along the departure port's approach, along the
// corridor's sea lane, in along the arrival port's approach. Geodesic between waypoints,
// sampled every few kilometres, longitudes unwrapped across 180 degrees.
class Route {
 public:
  Route(const Port& from, const Corridor& corridor, const Port& to);

  double lengthMeters() const { return distance_.back(); }

  struct Sample {
    geo::LonLat position;
    double courseDegrees = 0;  // over ground, clockwise from north
  };
  // Where a ship is, and where it heads, a distance along the route (one search for both).
  Sample sample(double meters) const;
  geo::LonLat at(double meters) const { return sample(meters).position; }
  const std::vector<geo::LonLat>& points() const { return points_; }
  const std::vector<double>& distances() const { return distance_; }  // metres at each point

 private:
  std::vector<geo::LonLat> points_;
  std::vector<double> distance_;  // cumulative metres at each point
};

}  // namespace corridor::sim
