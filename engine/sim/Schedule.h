#pragma once
#include <vector>

#include "sim/Fleet.h"

namespace corridor::sim {

// A liner service's timetable. Its N ships sail a loop in exactly N x D days (D: the sailing
// interval), so each port of the loop sees a call every D days. Each leg gets its shortest
// passage (at speed_kn, keeping every speed limit) plus a share of the time the loop leaves
// after its dwells and those passages, in proportion to its length; it is sailed at the
// open-sea speed that fills its time (slow steaming, as carriers do to fill a rotation). A short
// leg (Los Angeles to Long Beach, mostly at manoeuvring and zone speeds) so never runs short.

// The sections of one leg at its top speeds: manoeuvring near the berths at the ports'
// manoeuvring speed, inside a speed-reduction zone at its limit (when the call keeps to it),
// the rest at `topSpeedKn`. Cut where the phase, speed, port area or sulfur regime changes; a
// section's `port` is 0 for the origin's area, 1 for the destination's, -1 at sea.
std::vector<Section> seaSections(const Route& route, const Port& origin, const Port& destination,
                                 double topSpeedKn, bool slowDeparting, bool slowArriving);

// Hours to sail `sections` when the open sea is crossed at `speedKn` (slower limits still hold;
// manoeuvring keeps its own speed).
double sailingHours(const std::vector<Section>& sections, double speedKn);

// Gives the sections the open-sea speed (at most their top speed) that sails them in `hours`,
// or the top speed where even that takes longer; returns that speed.
double fitToHours(std::vector<Section>& sections, double hours);

// One leg of a loop: its route and the ports at its ends.
struct LoopLeg {
  const Route* route = nullptr;
  const Port* from = nullptr;
  const Port* to = nullptr;
};

struct ServiceTimetable {
  double rotationHours = 0;           // ships x interval
  double spareHours = 0;              // the loop's time beyond dwells and shortest passages
  std::vector<double> legHours;       // each leg's time at sea
  std::vector<double> callHours;      // when each call starts, from the loop's start
};
// `legs[i]` sails from the service's call i to the next.
ServiceTimetable serviceTimetable(const Service& service, const std::vector<LoopLeg>& legs);

// The open-sea speed below which a service would rather not fill its loop: half its speed_kn.
inline constexpr double kSlowestShareOfServiceSpeed = 0.5;

}  // namespace corridor::sim
