#include "sim/Schedule.h"

#include <algorithm>

namespace corridor::sim {
namespace {

constexpr double kMetersPerNm = 1852.0;
constexpr double kEcaReachNm = 200.0;  // the North American ECA reaches ~200 nm offshore

// A section's speed when the open sea is crossed at `openSeaKn`; its own speed (as built at
// top speed) is the cap.
double speedAt(const Section& section, double openSeaKn) {
  if (section.phase == Phase::Manoeuvring) return section.speedKn;
  return std::min(double(section.speedKn), openSeaKn);
}

}  // namespace

std::vector<Section> seaSections(const Route& route, const Port& origin, const Port& destination,
                                 double topSpeedKn, bool slowDeparting, bool slowArriving) {
  const double length = route.lengthMeters();
  std::vector<double> cuts{0.0, length};
  for (const Port* port : {&origin, &destination}) {
    for (double nm : {port->manoeuvringNm, port->speedReduction.radiusNm, port->portRadiusNm,
                      port->emissionControlArea ? kEcaReachNm : 0.0}) {
      const double meters = std::clamp(nm * kMetersPerNm, 0.0, length);
      cuts.push_back(port == &origin ? meters : length - meters);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end(), [](double x, double y) { return y - x < 1.0; }),
             cuts.end());
  std::vector<Section> sections;
  for (std::size_t i = 1; i < cuts.size(); ++i) {
    const double middle = (cuts[i - 1] + cuts[i]) / 2;
    const double fromOrigin = middle / kMetersPerNm, toDestination = (length - middle) / kMetersPerNm;
    const bool keepsDepartureLimit = slowDeparting && fromOrigin < origin.speedReduction.radiusNm;
    const bool keepsArrivalLimit = slowArriving && toDestination < destination.speedReduction.radiusNm;
    Section section;
    section.fromMeters = float(cuts[i - 1]);
    section.toMeters = float(cuts[i]);
    section.phase = Phase::Cruise;
    section.speedKn = float(topSpeedKn);
    if (fromOrigin < origin.manoeuvringNm) {
      section.phase = Phase::Manoeuvring;
      section.speedKn = float(origin.manoeuvringSpeedKn);
    } else if (toDestination < destination.manoeuvringNm) {
      section.phase = Phase::Manoeuvring;
      section.speedKn = float(destination.manoeuvringSpeedKn);
    } else if (keepsDepartureLimit || keepsArrivalLimit) {
      double limit = topSpeedKn;
      if (keepsDepartureLimit) limit = std::min(limit, origin.speedReduction.speedKn);
      if (keepsArrivalLimit) limit = std::min(limit, destination.speedReduction.speedKn);
      section.phase = Phase::ReducedSpeed;
      section.speedKn = float(limit);
    }
    if (fromOrigin < origin.portRadiusNm || toDestination < destination.portRadiusNm) {
      section.port = int16_t(fromOrigin <= toDestination ? 0 : 1);
    }
    section.emissionControlArea = (origin.emissionControlArea && fromOrigin < kEcaReachNm) ||
                                  (destination.emissionControlArea && toDestination < kEcaReachNm);
    sections.push_back(section);
  }
  return sections;
}

double sailingHours(const std::vector<Section>& sections, double speedKn) {
  double hours = 0;
  for (const Section& section : sections) {
    hours += (section.toMeters - section.fromMeters) / kMetersPerNm / speedAt(section, speedKn);
  }
  return hours;
}

double fitToHours(std::vector<Section>& sections, double hours) {
  double top = 0;
  for (const Section& section : sections) top = std::max(top, double(section.speedKn));
  // Sailing time falls as the speed rises; bisect to well under a second on a leg of weeks.
  double slow = 0.01 * top, fast = top;
  if (sailingHours(sections, fast) >= hours) slow = fast;
  for (int i = 0; i < 60 && fast - slow > 1e-9; ++i) {
    const double middle = (slow + fast) / 2;
    (sailingHours(sections, middle) > hours ? slow : fast) = middle;
  }
  for (Section& section : sections) section.speedKn = float(speedAt(section, fast));
  return fast;
}

ServiceTimetable serviceTimetable(const Service& service, const std::vector<LoopLeg>& legs) {
  ServiceTimetable timetable;
  timetable.rotationHours = service.ships * service.sailingIntervalDays * 24.0;
  timetable.spareHours = timetable.rotationHours;
  std::vector<double> shortest;
  double length = 0;
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const LoopLeg& leg = legs[i];
    shortest.push_back(
        sailingHours(seaSections(*leg.route, *leg.from, *leg.to, service.speedKn, true, true), service.speedKn));
    timetable.spareHours -= service.dwellHours[i] + shortest.back();
    length += leg.route->lengthMeters();
  }
  double clock = 0;
  for (std::size_t i = 0; i < legs.size(); ++i) {
    timetable.callHours.push_back(clock);
    timetable.legHours.push_back(shortest[i] + timetable.spareHours * legs[i].route->lengthMeters() / length);
    clock += service.dwellHours[i] + timetable.legHours.back();
  }
  return timetable;
}

}  // namespace corridor::sim
