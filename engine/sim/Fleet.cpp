#include "sim/Fleet.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "sim/Schedule.h"

namespace corridor::sim {
namespace {

constexpr double kMetersPerNm = 1852.0;
constexpr std::uint64_t kSaltFuel = 1, kSaltSpeedLimitOut = 2, kSaltShorePower = 3,
                        kSaltSpeedLimitIn = 4;

core::UtcMicros secondsToMicros(double seconds) {
  return static_cast<core::UtcMicros>(std::llround(seconds * 1e6));
}

core::UtcMicros hoursToMicros(double hours) { return secondsToMicros(hours * 3600.0); }

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

Fuel pickFuel(const FuelMix& mix, int year, double draw) {
  const auto shares = mix.at(year);
  double cumulative = 0;
  for (int f = 0; f < kFuelCount; ++f) {
    cumulative += shares[std::size_t(f)];
    if (draw < cumulative) return Fuel(f);
  }
  for (int f = kFuelCount - 1; f >= 0; --f) {
    if (shares[std::size_t(f)] > 0) return Fuel(f);
  }
  return Fuel::VLSFO;
}

}  // namespace

double deterministicUniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c,
                            std::uint64_t salt) {
  std::uint64_t h = splitmix(seed);
  for (std::uint64_t v : {a, b, c, salt}) h = splitmix(h ^ v);
  return double(h >> 11) * 0x1.0p-53;
}

core::UtcMicros yearStart(int year) {
  return core::daysFromCivil(year, 1, 1) * 86400 * core::kMicrosPerSecond;
}

int yearOf(core::UtcMicros time) {
  int year = int(1970 + double(time) / (365.2425 * 86400.0 * 1e6));
  while (yearStart(year) > time) --year;
  while (yearStart(year + 1) <= time) ++year;
  return year;
}

// Builds the fleet's timeline; kept apart from Fleet so the public class stays a query object.
class FleetBuilder {
 public:
  FleetBuilder(Fleet& fleet, const Scenario& scenario) : fleet_(fleet), scenario_(scenario) {}

  void build(core::UtcMicros start, core::UtcMicros end) {
    for (std::size_t s = 0; s < scenario_.services.size(); ++s) buildService(uint32_t(s), start, end);
  }

 private:
  uint32_t portIndex(const std::string& id) const { return uint32_t(&scenario_.port(id) - scenario_.ports.data()); }
  uint32_t corridorIndex(const std::string& id) const {
    return uint32_t(&scenario_.corridor(id) - scenario_.corridors.data());
  }

  uint32_t routeFor(uint32_t corridor, uint32_t from, uint32_t to) {
    const std::array<uint32_t, 3> key{corridor, from, to};
    if (auto it = routeIndex_.find(key); it != routeIndex_.end()) return it->second;
    fleet_.routes_.emplace_back(scenario_.ports[from], scenario_.corridors[corridor], scenario_.ports[to]);
    return routeIndex_[key] = uint32_t(fleet_.routes_.size() - 1);
  }

  // One leg of a loop: its route and where it goes.
  struct Leg {
    uint32_t route, corridor, from, to;
  };

  void buildService(uint32_t serviceIndex, core::UtcMicros start, core::UtcMicros end) {
    const Service& service = scenario_.services[serviceIndex];
    std::vector<Leg> legs;
    for (std::size_t i = 0; i < service.calls.size(); ++i) {
      const uint32_t from = portIndex(service.calls[i]);
      const uint32_t to = portIndex(service.calls[(i + 1) % service.calls.size()]);
      const uint32_t corridor = corridorIndex(service.legs[i]);
      legs.push_back({routeFor(corridor, from, to), corridor, from, to});
    }
    std::vector<LoopLeg> loopLegs;  // after every route is made: the vector may move as it grows
    for (const Leg& leg : legs) {
      loopLegs.push_back({&fleet_.routes_[leg.route], &scenario_.ports[leg.from], &scenario_.ports[leg.to]});
    }
    const ServiceTimetable timetable = serviceTimetable(service, loopLegs);
    const core::UtcMicros rotation = hoursToMicros(timetable.rotationHours);
    const core::UtcMicros interval = hoursToMicros(service.sailingIntervalDays * 24.0);
    for (int k = 0; k < service.ships; ++k) {
      Ship ship;
      ship.service = serviceIndex;
      ship.name = service.id + "-" + std::to_string(k + 1);
      const uint32_t shipIndex = uint32_t(fleet_.ships_.size());
      // Ships k = 0, 1, ... are one sailing interval apart around the loop, which starts one
      // rotation before the scenario's first year (not the requested period), so every period
      // sees the same calls, fuels and draws, and every ship is on the loop from the start.
      // Call times come from the loop's start, not from adding up legs, so they never drift.
      const core::UtcMicros origin = std::min(start, yearStart(scenario_.startYear)) - rotation + k * interval;
      for (std::uint64_t voyageNumber = 0;; ++voyageNumber) {
        const std::size_t leg = voyageNumber % legs.size();
        const core::UtcMicros loop = origin + core::UtcMicros(voyageNumber / legs.size()) * rotation;
        const core::UtcMicros call = loop + hoursToMicros(timetable.callHours[leg]);
        if (call >= end) break;
        const core::UtcMicros arrival =
            leg + 1 < legs.size() ? loop + hoursToMicros(timetable.callHours[leg + 1]) : loop + rotation;
        sail(ship, shipIndex, service, legs[leg], service.dwellHours[leg], voyageNumber, call, arrival);
      }
      // Only what reaches into the period is kept (the voyages stay: sections index them).
      std::erase_if(ship.sections, [&](const Section& section) { return section.end <= start; });
      fleet_.ships_.push_back(std::move(ship));
    }
  }

  // A stay at the departure berth from `call`, then the voyage, berth to berth by `arrival`.
  void sail(Ship& ship, uint32_t shipIndex, const Service& service, const Leg& leg, double dwellHours,
            std::uint64_t voyageNumber, core::UtcMicros call, core::UtcMicros arrival) {
    const Route& route = fleet_.routes_[leg.route];
    const uint32_t from = leg.from, to = leg.to;
    const Port& origin = scenario_.ports[from];
    const Port& destination = scenario_.ports[to];
    const uint64_t seed = scenario_.seed;
    const uint64_t serviceKey = ship.service, shipKey = shipIndex;
    const int callYear = yearOf(call);
    const core::UtcMicros departure = call + hoursToMicros(dwellHours);

    Voyage voyage;
    voyage.ship = shipIndex;
    voyage.route = leg.route;
    voyage.corridor = leg.corridor;
    voyage.fromPort = from;
    voyage.toPort = to;
    voyage.fuel = pickFuel(scenario_.fuelMix(service.fuelMix), yearOf(departure),
                           deterministicUniform(seed, serviceKey, shipKey, voyageNumber, kSaltFuel));
    const uint32_t voyageIndex = uint32_t(fleet_.voyages_.size());

    Section berth;
    berth.voyage = voyageIndex;
    berth.phase = Phase::AtBerth;
    berth.port = int16_t(from);
    berth.emissionControlArea = origin.emissionControlArea;
    berth.shorePower = deterministicUniform(seed, serviceKey, shipKey, voyageNumber, kSaltShorePower) <
                       origin.shorePowerUptake.at(callYear);
    berth.start = call;
    berth.end = departure;
    ship.sections.push_back(berth);
    voyage.depart = berth.end;

    // Each end of the voyage is its own call: its own draw, in its own year (the arrival is
    // roughly a sea passage later; the departure year is close enough for a compliance curve).
    const int departureYear = yearOf(departure);
    const bool slowDeparting =
        deterministicUniform(seed, serviceKey, shipKey, voyageNumber, kSaltSpeedLimitOut) <
        origin.speedReduction.compliance.at(departureYear);
    const bool slowArriving =
        deterministicUniform(seed, serviceKey, shipKey, voyageNumber, kSaltSpeedLimitIn) <
        destination.speedReduction.compliance.at(departureYear);
    std::vector<Section> sections =
        seaSections(route, origin, destination, service.speedKn, slowDeparting, slowArriving);
    fitToHours(sections, double(arrival - departure) / 3.6e9);
    core::UtcMicros clock = voyage.depart;
    for (Section& section : sections) {
      section.voyage = voyageIndex;
      section.start = clock;
      clock += secondsToMicros((section.toMeters - section.fromMeters) /
                               (section.speedKn * kMetersPerNm / 3600.0));
      section.end = clock;
      section.port = section.port < 0 ? int16_t(-1) : int16_t(section.port == 0 ? from : to);
    }
    // The timetable, not the sum of rounded sections, says when the ship is at the berth.
    if (!sections.empty()) sections.back().end = std::max(sections.back().start, arrival);
    ship.sections.insert(ship.sections.end(), sections.begin(), sections.end());
    voyage.arrive = sections.empty() ? departure : sections.back().end;
    fleet_.voyages_.push_back(voyage);
  }

  Fleet& fleet_;
  const Scenario& scenario_;
  std::map<std::array<uint32_t, 3>, uint32_t> routeIndex_;  // corridor, from, to
};

Fleet::Fleet(const Scenario& scenario, core::UtcMicros start, core::UtcMicros end)
    : scenario_(scenario) {
  FleetBuilder(*this, scenario).build(start, end);
}

const Section* Fleet::sectionAt(const Ship& ship, core::UtcMicros t) const {
  const auto& sections = ship.sections;
  auto it = std::upper_bound(sections.begin(), sections.end(), t,
                             [](core::UtcMicros time, const Section& s) { return time < s.start; });
  if (it == sections.begin()) return nullptr;
  --it;
  return t < it->end ? &*it : nullptr;
}

geo::LonLat Fleet::positionIn(const Section& section, core::UtcMicros t) const {
  const Route& route = routes_[voyages_[section.voyage].route];
  const double span = double(section.end - section.start);
  const double f = span > 0 ? double(t - section.start) / span : 0.0;
  return route.at(section.fromMeters + (section.toMeters - section.fromMeters) * f);
}

void Fleet::query(core::UtcMicros t, std::vector<VesselState>& out) const {
  out.clear();
  for (std::size_t i = 0; i < ships_.size(); ++i) {
    const Section* section = sectionAt(ships_[i], t);
    if (!section) continue;
    const Voyage& voyage = voyages_[section->voyage];
    const Route& route = routes_[voyage.route];
    const double span = double(section->end - section->start);
    const double f = span > 0 ? double(t - section->start) / span : 0.0;
    const double meters = section->fromMeters + (section->toMeters - section->fromMeters) * f;
    const bool atBerth = section->phase == Phase::AtBerth;
    const Route::Sample where = route.sample(meters);
    out.push_back({uint32_t(i), section->voyage, where.position, where.courseDegrees,
                   atBerth ? 0.0 : double(section->speedKn), section->phase, voyage.fuel});
  }
}

}  // namespace corridor::sim
