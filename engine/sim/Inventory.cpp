#include "sim/Inventory.h"

#include <algorithm>

namespace corridor::sim {
namespace {

constexpr double kEcaSulfurPercent = 0.1;
constexpr double kHoursPerMicro = 1.0 / 3.6e9;

}  // namespace

Fuel burnedFuel(const Fleet& fleet, const Section& section) {
  const Fuel fuel = fleet.voyages()[section.voyage].fuel;
  return section.emissionControlArea && fuel == Fuel::VLSFO ? Fuel::MGO : fuel;
}

Emissions sectionRate(const Scenario& scenario, const Fleet& fleet, const Ship& ship,
                      const Section& section) {
  const Service& service = scenario.services[ship.service];
  const VesselClass& vessel = scenario.vesselClass(service.vesselClass);
  const Fuel fuel = burnedFuel(fleet, section);
  double sulfur = defaultSulfurPercent(fuel);
  if (section.emissionControlArea) sulfur = std::min(sulfur, kEcaSulfurPercent);
  return emissions(vessel, fuel, sulfur, section.phase, section.speedKn, 1.0, section.shorePower);
}

Inventory takeInventory(const Scenario& scenario, const Fleet& fleet, int fromYear, int toYear) {
  Inventory inventory;
  inventory.fromYear = fromYear;
  inventory.toYear = toYear;
  const auto yearCount = std::size_t(toYear - fromYear + 1);
  inventory.ports.assign(scenario.ports.size(), std::vector<PortYear>(yearCount));
  inventory.voyages.resize(fleet.voyages().size());
  inventory.years.resize(yearCount);
  for (const Corridor& corridor : scenario.corridors) {
    inventory.corridors[corridor.id].resize(yearCount);
  }
  const core::UtcMicros periodStart = yearStart(fromYear), periodEnd = yearStart(toYear + 1);

  for (const Ship& ship : fleet.ships()) {
    for (const Section& section : ship.sections) {
      // Voyages departing in the period count whole, even where they run past its end.
      const Voyage& voyage = fleet.voyages()[section.voyage];
      const std::string& corridor = scenario.corridors[voyage.corridor].id;
      const bool voyageCounts = section.phase != Phase::AtBerth && voyage.depart >= periodStart &&
                                voyage.depart < periodEnd;
      if (section.end <= periodStart || (section.start >= periodEnd && !voyageCounts)) continue;
      const Emissions rate = sectionRate(scenario, fleet, ship, section);
      // Split at year boundaries so each year gets its own hours.
      core::UtcMicros from = std::max(section.start, periodStart);
      const core::UtcMicros to = std::min(section.end, periodEnd);
      while (from < to) {
        const int year = yearOf(from);
        const core::UtcMicros until = std::min(to, yearStart(year + 1));
        const double hours = double(until - from) * kHoursPerMicro;
        const Emissions amount = rate * hours;
        const auto y = std::size_t(year - fromYear);
        inventory.years[y] += amount;
        inventory.corridors[corridor][y] += amount;
        if (section.port >= 0) {
          PortYear& port = inventory.ports[std::size_t(section.port)][y];
          port.ships += amount;
          (section.phase == Phase::AtBerth       ? port.atBerth
           : section.phase == Phase::Manoeuvring ? port.manoeuvring
                                                 : port.underway) += amount;
        }
        from = until;
      }
      if (voyageCounts) {
        const double hours = double(section.end - section.start) * kHoursPerMicro;
        VoyageTotals& totals = inventory.voyages[section.voyage];
        totals.emissions += rate * hours;
        totals.hours += hours;
        totals.distanceNm += hours * section.speedKn;
      }
      if (section.phase == Phase::AtBerth && section.start >= periodStart && section.start < periodEnd) {
        PortYear& port = inventory.ports[std::size_t(section.port)][std::size_t(yearOf(section.start) - fromYear)];
        ++port.calls;
        port.shorePowerCalls += section.shorePower ? 1 : 0;
      }
    }
  }
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) {
    for (int year = fromYear; year <= toYear; ++year) {
      PortYear& port = inventory.ports[p][std::size_t(year - fromYear)];
      for (const AreaEmissionSource& source : scenario.ports[p].areaSources) {
        port.landsideBySource.push_back(landsideEmissions(scenario.ports[p], source, year));
        port.landside += port.landsideBySource.back();
      }
    }
  }
  return inventory;
}

Emissions portRate(const Scenario& scenario, const Fleet& fleet, std::size_t port, core::UtcMicros t) {
  Emissions total;
  for (const Ship& ship : fleet.ships()) {
    const Section* section = fleet.sectionAt(ship, t);
    if (section && section->port == int(port)) total += sectionRate(scenario, fleet, ship, *section);
  }
  return total;
}

}  // namespace corridor::sim
