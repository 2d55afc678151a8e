#pragma once
// The headline numbers of a variant: what its fleet is doing at a moment and what it has
// emitted up to it, precomputed once so that a frame reads them in microseconds.
#include <vector>

#include "core/Time.h"
#include "sim/Fleet.h"

namespace corridor::sim {

// The ships of the fleet at a moment.
struct FleetMoment {
  int underWay = 0;  // at sea or in a port area, not at berth
  int atBerth = 0;
  int zeroEmission = 0;  // of all of them, those on a zero-emission fuel (zeroEmissionFuel)
};

// Running sums from the start of the fleet's period.
struct RunningTotals {
  double co2eKg = 0;               // the fleet's, at sea and in port (as Inventory::years)
  double fuelEnergyMJ = 0;         // fuel burned times its lower heating value
  double zeroEmissionEnergyMJ = 0;  // the part of it from zero-emission fuels
};

// Ship counts from a sorted list of the moments they change; running sums per day, linear
// within the day, so that they tick smoothly as the clock moves.
class HeadlineSeries {
 public:
  // Over [from, to): nothing before `from` counts; `fleet` must cover the period.
  HeadlineSeries(const Scenario& scenario, const Fleet& fleet, core::UtcMicros from, core::UtcMicros to);

  FleetMoment shipsAt(core::UtcMicros t) const;
  // From `from` to t (clamped to the period).
  RunningTotals totalsAt(core::UtcMicros t) const;
  core::UtcMicros from() const { return from_; }
  core::UtcMicros to() const { return to_; }

 private:
  core::UtcMicros from_ = 0, to_ = 0;
  std::vector<RunningTotals> atDayStart_;  // the sums at from_ + d days, one more than the days
  std::vector<core::UtcMicros> changes_;   // when the counts change, in order
  std::vector<FleetMoment> countsAfter_;   // the counts from each change on
};

}  // namespace corridor::sim
