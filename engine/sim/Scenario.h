#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "geo/Types.h"
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

// An area source of landside emissions (cargo-handling equipment, drayage trucks), with the
// share of it that has gone zero-emission by year.
struct AreaEmissionSource {
  std::string name;
  glm::dvec2 sizeKm{1.0};
  double noxTonnesPerYear = 0, pm25TonnesPerYear = 0, co2TonnesPerYear = 0;
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
  std::vector<AreaEmissionSource> areaSources;
};

struct Corridor {
  std::string id;
  std::string from, to;                // port ids
  std::vector<geo::LonLat> waypoints;  // the sea lane between the two approaches
};

struct Service {
  std::string id;
  std::string corridor;
  std::string vesselClass;
  int ships = 1;
  double sailingIntervalDays = 7;
  double speedKn = 16;
  double dwellHours = 48;
  std::string fuelMix;  // id of a FuelMix
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
