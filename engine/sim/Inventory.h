#pragma once
#include <map>
#include <string>
#include <vector>

#include "sim/EmissionModel.h"
#include "sim/Fleet.h"

namespace corridor::sim {

struct PortYear {
  Emissions ships;        // everything inside the port area: at berth, manoeuvring, under way
  Emissions atBerth;      // the parts of `ships`: at berth,
  Emissions manoeuvring;  // manoeuvring near the berth,
  Emissions underway;     // and under way elsewhere in the port area (reduced speed, cruise)
  Emissions landside;     // cargo-handling equipment, drayage... (area sources), the sum of
  std::vector<Emissions> landsideBySource;  // each area source, in the port's order
  int calls = 0;
  int shorePowerCalls = 0;
};

struct VoyageTotals {
  Emissions emissions;  // the whole sea leg (its berth stays count with the ports)
  double distanceNm = 0;
  double hours = 0;
};

// Emission totals of a fleet over whole years [fromYear, toYear]: per port and year, per
// corridor and year, per year (sections split at year boundaries, nothing outside the period),
// and per voyage for the voyages departing in the period (whole, even past its end).
struct Inventory {
  int fromYear = 0, toYear = 0;
  std::vector<std::vector<PortYear>> ports;  // [port][year - fromYear]
  std::vector<VoyageTotals> voyages;         // by Fleet voyage index (outside the years: zero)
  std::map<std::string, std::vector<Emissions>> corridors;  // [corridor id][year - fromYear]
  std::vector<Emissions> years;                              // whole fleet at sea and in port
};

Inventory takeInventory(const Scenario& scenario, const Fleet& fleet, int fromYear, int toYear);

// The fuel a section burns: its voyage's, with VLSFO switched to MGO inside an ECA.
Fuel burnedFuel(const Fleet& fleet, const Section& section);

// What a ship emits per hour in a section, with the fuel switch inside an ECA (VLSFO ships burn
// 0.1 % sulfur MGO there).
Emissions sectionRate(const Scenario& scenario, const Fleet& fleet, const Ship& ship,
                      const Section& section);

// The emission rate (per hour) of the ships inside a port area at time t, for plumes.
Emissions portRate(const Scenario& scenario, const Fleet& fleet, std::size_t port, core::UtcMicros t);

}  // namespace corridor::sim
