#pragma once
#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "geo/Types.h"
#include "sim/EmissionModel.h"
#include "sim/PortWeather.h"
#include "sim/Vessel.h"

namespace corridor::sim {

// A value that changes by year: linear between the years given, constant outside them.
struct YearCurve {
  std::map<int, double> points;
  double at(double year) const;
};

// Fuel shares by year, each year's shares summing to 1.
struct FuelMix {
  std::string id;
  std::map<int, std::array<double, kFuelCount>> shares;
  std::array<double, kFuelCount> at(int year) const;  // nearest earlier year (step change)
};

struct SpeedReductionZone {
  double radiusNm = 0;  // along the approach, from the berth
  double speedKn = 12;
  YearCurve compliance;  // share of calls that keep to the limit
};

// An area source of landside emissions (cargo-handling equipment, drayage trucks, rail), with
// the share of it that has gone zero-emission by year. Its emissions are fixed tonnes a year,
// or grams per TEU of the port's throughput (`perTeu`), which then scale with the port's trade.
struct AreaEmissionSource {
  std::string name;
  glm::dvec2 sizeKm{1.0};
  glm::dvec2 offsetKm{0.0};  // the area's centre from the port's position, east and north
  // Or a road, bridge or rail line: its vertices in km east and north of the port's position
  // (two or more; then sizeKm and offsetKm are unused) and the width of the strip it emits over
  // (at least two cells of the dispersion grid).
  std::vector<glm::dvec2> pathKm;
  double pathWidthKm = 0.5;
  // How far the area reaches from the port's position, east-west and north-south.
  glm::dvec2 reachKm() const {
    if (pathKm.empty()) return glm::abs(offsetKm) + sizeKm * 0.5;
    glm::dvec2 reach(0.0);
    for (const glm::dvec2& vertex : pathKm) reach = glm::max(reach, glm::abs(vertex) + pathWidthKm * 0.5);
    return reach;
  }
  bool perTeu = false;
  // Tonnes a year, or with perTeu grams per TEU handled.
  double nox = 0, pm25 = 0, sox = 0, co2 = 0;
  YearCurve zeroEmissionShare;
};

struct Port {
  std::string id, name;
  geo::LonLat position;                 // the berth (terminal area)
  glm::dvec2 berthSizeKm{1.0, 1.0};     // east-west, north-south extent of the berths
  std::vector<geo::LonLat> approach;    // from the berth out to sea
  double portRadiusNm = 25;             // accounting area
  double manoeuvringNm = 3;             // last miles to the berth at manoeuvring speed
  double manoeuvringSpeedKn = 6;
  bool emissionControlArea = false;     // 0.1 % sulfur inside
  SpeedReductionZone speedReduction;
  YearCurve shorePowerUptake;           // share of calls that plug in
  WindRose windRose = steadyRose({});   // the climatology of annual means
  std::vector<MetHour> metHours;        // hour by hour, when a meteorology file is given
  std::string metFile;                  // that file, as the scenario names it
  std::string windRoseFile;             // the rose's entries as a CSV file, as the scenario names it
  std::pair<std::string, int> windRoseFileAt;  // its key and line in the scenario, for messages
  YearCurve throughputTeu;               // TEU handled a year, for sources given per TEU
  std::vector<AreaEmissionSource> areaSources;
};

// A landside source's emissions in a year (kg), its zero-emission share taken out.
Emissions landsideEmissions(const Port& port, const AreaEmissionSource& source, int year);

// A sea lane between two groups of neighbouring ports (San Pedro Bay's two ports share the
// lanes to Asia): a leg between any port of `from` and any of `to` sails it.
struct Corridor {
  std::string id;
  std::vector<std::string> from, to;   // port ids at each end
  std::vector<geo::LonLat> waypoints;  // the sea lane between the two approaches

  bool startsAt(const std::string& port) const;
  bool endsAt(const std::string& port) const;
  bool joins(const std::string& a, const std::string& b) const;
};

// A liner service: `ships` ships sail the loop `calls[0] -> calls[1] -> ... -> calls[0]`,
// leg i along corridor `legs[i]`, staying `dwellHours[i]` at call i.
struct Service {
  std::string id;
  std::vector<std::string> calls;       // port ids in the order of the loop
  std::vector<std::string> legs;        // corridor ids, legs[i] from calls[i] to the next call
  std::vector<double> dwellHours;       // at each call
  std::string vesselClass;
  int ships = 1;
  double sailingIntervalDays = 7;
  double speedKn = 16;
  std::string fuelMix;  // id of a FuelMix

  bool callsAt(const std::string& port) const;
};

struct Scenario {
  std::string name;
  std::string variant;
  int startYear = 2023, endYear = 2040;
  std::uint64_t seed = 1;
  std::vector<Port> ports;
  std::vector<Corridor> corridors;
  std::vector<VesselClass> classes;
  std::vector<Service> services;
  std::vector<FuelMix> fuelMixes;

  const Port& port(const std::string& id) const;
  const Corridor& corridor(const std::string& id) const;
  const VesselClass& vesselClass(const std::string& id) const;
  const FuelMix& fuelMix(const std::string& id) const;
};

}  // namespace corridor::sim
