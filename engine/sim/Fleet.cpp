#include "sim/Fleet.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace corridor::sim {
namespace {

constexpr double kMetersPerNm = 1852.0;
constexpr double kEcaReachNm = 200.0;  // the North American ECA reaches ~200 nm offshore
constexpr std::uint64_t kSaltFuel = 1, kSaltSpeedLimitOut = 2, kSaltShorePower = 3,
                        kSaltSpeedLimitIn = 4;

core::UtcMicros secondsToMicros(double seconds) {
  return static_cast<core::UtcMicros>(std::llround(seconds * 1e6));
}

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
  uint32_t portIndex(const std::string& id) const {
    for (std::size_t i = 0; i < scenario_.ports.size(); ++i) {
      if (scenario_.ports[i].id == id) return uint32_t(i);
    }
    return 0;  // references are checked when the scenario is read
  }

  uint32_t routeFor(const Corridor& corridor, uint32_t from, uint32_t to) {
    const auto key = std::make_pair(&corridor, from);
    if (auto it = routeIndex_.find(key); it != routeIndex_.end()) return it->second;
    fleet_.routes_.emplace_back(scenario_.ports[from], corridor, scenario_.ports[to]);
    return routeIndex_[key] = uint32_t(fleet_.routes_.size() - 1);
  }

  void buildService(uint32_t serviceIndex, core::UtcMicros start, core::UtcMicros end) {
    const Service& service = scenario_.services[serviceIndex];
    const Corridor& corridor = scenario_.corridor(service.corridor);
    const uint32_t a = portIndex(corridor.from), b = portIndex(corridor.to);
    const uint32_t outbound = routeFor(corridor, a, b), inbound = routeFor(corridor, b, a);
    const double seaHours = (fleet_.routes_[outbound].lengthMeters() +
                             fleet_.routes_[inbound].lengthMeters()) /
                            (service.speedKn * kMetersPerNm);
    const core::UtcMicros cycle = secondsToMicros((seaHours + 2 * service.dwellHours) * 3600.0);
    const core::UtcMicros interval = secondsToMicros(service.sailingIntervalDays * 86400.0);
    for (int k = 0; k < service.ships; ++k) {
      Ship ship;
      ship.service = serviceIndex;
      ship.name = service.id + "-" + std::to_string(k + 1);
      const uint32_t shipIndex = uint32_t(fleet_.ships_.size());
      // Ships k = 0, 1, ... are one sailing interval apart around the loop, which starts one
      // cycle before the scenario's first year (not the requested period), so every period
      // sees the same calls, fuels and draws, and every ship is on the loop from the start.
      const core::UtcMicros origin = std::min(start, yearStart(scenario_.startYear));
      core::UtcMicros t = origin - cycle + (k * interval) % cycle;
      for (std::uint64_t voyageNumber = 0; t < end; ++voyageNumber) {
        const bool out = voyageNumber % 2 == 0;
        t = sail(ship, shipIndex, service, out ? outbound : inbound, out ? a : b, out ? b : a,
                 voyageNumber, t);
      }
      // Only what reaches into the period is kept (the voyages stay: sections index them).
      std::erase_if(ship.sections, [&](const Section& section) { return section.end <= start; });
      fleet_.ships_.push_back(std::move(ship));
    }
  }

  // A stay at the departure berth, then the voyage; returns the arrival time.
  core::UtcMicros sail(Ship& ship, uint32_t shipIndex, const Service& service, uint32_t routeIndex,
                       uint32_t from, uint32_t to, std::uint64_t voyageNumber, core::UtcMicros t) {
    const Route& route = fleet_.routes_[routeIndex];
    const Port& origin = scenario_.ports[from];
    const Port& destination = scenario_.ports[to];
    const uint64_t seed = scenario_.seed;
    const uint64_t serviceKey = ship.service, shipKey = shipIndex;
    const int callYear = yearOf(t);
    const core::UtcMicros departure = t + secondsToMicros(service.dwellHours * 3600.0);

    Voyage voyage;
    voyage.ship = shipIndex;
    voyage.route = routeIndex;
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
    berth.start = t;
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
    core::UtcMicros clock = voyage.depart;
    for (Section section :
         seaSections(route, origin, destination, service, slowDeparting, slowArriving)) {
      section.voyage = voyageIndex;
      section.start = clock;
      clock += secondsToMicros((section.toMeters - section.fromMeters) /
                               (section.speedKn * kMetersPerNm / 3600.0));
      section.end = clock;
      section.port = section.port < 0 ? int16_t(-1) : int16_t(section.port == 0 ? from : to);
      ship.sections.push_back(section);
    }
    voyage.arrive = clock;
    fleet_.voyages_.push_back(voyage);
    return clock;
  }

  // Cuts the route where the phase, speed, port area or sulfur regime changes. A section's
  // `port` is 0 for the origin's area, 1 for the destination's, -1 at sea (mapped by the caller).
  static std::vector<Section> seaSections(const Route& route, const Port& origin,
                                          const Port& destination, const Service& service,
                                          bool slowDeparting, bool slowArriving) {
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
    cuts.erase(std::unique(cuts.begin(), cuts.end(),
                           [](double x, double y) { return y - x < 1.0; }),
               cuts.end());
    std::vector<Section> sections;
    for (std::size_t i = 1; i < cuts.size(); ++i) {
      const double middle = (cuts[i - 1] + cuts[i]) / 2;
      const double fromOrigin = middle / kMetersPerNm, toDestination = (length - middle) / kMetersPerNm;
      Section section;
      section.fromMeters = float(cuts[i - 1]);
      section.toMeters = float(cuts[i]);
      section.phase = Phase::Cruise;
      section.speedKn = float(service.speedKn);
      if (fromOrigin < origin.manoeuvringNm) {
        section.phase = Phase::Manoeuvring;
        section.speedKn = float(origin.manoeuvringSpeedKn);
      } else if (toDestination < destination.manoeuvringNm) {
        section.phase = Phase::Manoeuvring;
        section.speedKn = float(destination.manoeuvringSpeedKn);
      } else {
        double limit = service.speedKn;
        if (slowDeparting && fromOrigin < origin.speedReduction.radiusNm) {
          limit = std::min(limit, origin.speedReduction.speedKn);
        }
        if (slowArriving && toDestination < destination.speedReduction.radiusNm) {
          limit = std::min(limit, destination.speedReduction.speedKn);
        }
        if (limit < service.speedKn ||
            (slowDeparting && fromOrigin < origin.speedReduction.radiusNm) ||
            (slowArriving && toDestination < destination.speedReduction.radiusNm)) {
          section.phase = Phase::ReducedSpeed;
          section.speedKn = float(limit);
        }
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

  Fleet& fleet_;
  const Scenario& scenario_;
  std::map<std::pair<const Corridor*, uint32_t>, uint32_t> routeIndex_;
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
