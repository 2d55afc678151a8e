#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/Time.h"
#include "sim/Route.h"
#include "sim/Scenario.h"

namespace corridor::sim {

// One sea leg of one ship, berth to berth.
struct Voyage {
  uint32_t ship = 0;
  uint32_t route = 0;
  uint32_t corridor = 0;              // index into Scenario::corridors
  uint32_t fromPort = 0, toPort = 0;  // indices into Scenario::ports
  core::UtcMicros depart = 0, arrive = 0;
  Fuel fuel = Fuel::VLSFO;
};

// A stretch of a ship's timeline with constant phase and speed: at sea a distance range of
// its voyage's route, at berth a stay at the route's start (before departure).
struct Section {
  core::UtcMicros start = 0, end = 0;
  uint32_t voyage = 0;
  float fromMeters = 0, toMeters = 0;
  float speedKn = 0;
  Phase phase = Phase::Cruise;
  int16_t port = -1;  // the port area it lies in, or -1 at sea
  bool shorePower = false;
  bool emissionControlArea = false;
};

struct Ship {
  uint32_t service = 0;
  std::string name;
  std::vector<Section> sections;  // in time order, contiguous
};

// Where a ship is at a time, for drawing and picking.
struct VesselState {
  uint32_t ship = 0;
  uint32_t voyage = 0;
  geo::LonLat position;
  double courseDegrees = 0;
  double speedKn = 0;
  Phase phase = Phase::Cruise;
  Fuel fuel = Fuel::VLSFO;
};

// The deterministic fleet schedule of a scenario: every ship of every service sailing its loop,
// with phases near the ports, fuel picked per voyage from the service's mix, speed-reduction
// compliance and shore-power use drawn per call. Same scenario and seed:
// the same schedule, bit for bit.
class Fleet {
 public:
  Fleet(const Scenario& scenario, core::UtcMicros start, core::UtcMicros end);

  const Scenario& scenario() const { return scenario_; }
  const std::vector<Ship>& ships() const { return ships_; }
  const std::vector<Voyage>& voyages() const { return voyages_; }
  const std::vector<Route>& routes() const { return routes_; }
  const Route& routeOf(const Voyage& voyage) const { return routes_[voyage.route]; }

  // Every ship active at time t (replaces `out`'s contents; reuse it across frames).
  void query(core::UtcMicros t, std::vector<VesselState>& out) const;
  // The section a ship is in at t, or nullptr before its first or after its last.
  const Section* sectionAt(const Ship& ship, core::UtcMicros t) const;
  geo::LonLat positionIn(const Section& section, core::UtcMicros t) const;

 private:
  const Scenario& scenario_;
  std::vector<Route> routes_;
  std::vector<Voyage> voyages_;
  std::vector<Ship> ships_;
  friend class FleetBuilder;
};

// Deterministic uniform number in [0, 1) from a seed and a tuple of integers (SplitMix64).
double deterministicUniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c,
                            std::uint64_t salt);

// The UTC instant of 1 January of a year, and the year of an instant.
core::UtcMicros yearStart(int year);
int yearOf(core::UtcMicros time);

}  // namespace corridor::sim
