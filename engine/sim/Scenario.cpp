#include "sim/Scenario.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace corridor::sim {

double YearCurve::at(double year) const {
  if (points.empty()) return 0.0;
  const auto upper = std::find_if(points.begin(), points.end(),
                                  [&](const auto& point) { return point.first > year; });
  if (upper == points.begin()) return upper->second;
  if (upper == points.end()) return std::prev(upper)->second;
  const auto lower = std::prev(upper);
  const double t = (year - lower->first) / double(upper->first - lower->first);
  return lower->second + (upper->second - lower->second) * t;
}

std::array<double, kFuelCount> FuelMix::at(int year) const {
  if (shares.empty()) return {};  // the reader refuses empty mixes; stay safe regardless
  auto it = shares.upper_bound(year);
  if (it == shares.begin()) return it->second;
  return std::prev(it)->second;
}

bool Corridor::startsAt(const std::string& port) const {
  return std::find(from.begin(), from.end(), port) != from.end();
}

bool Corridor::endsAt(const std::string& port) const { return std::find(to.begin(), to.end(), port) != to.end(); }

bool Corridor::joins(const std::string& a, const std::string& b) const {
  return (startsAt(a) && endsAt(b)) || (startsAt(b) && endsAt(a));
}

bool Service::callsAt(const std::string& port) const {
  return std::find(calls.begin(), calls.end(), port) != calls.end();
}

Emissions landsideEmissions(const Port& port, const AreaEmissionSource& source, int year) {
  // Tonnes to kilograms, or grams per TEU times the year's TEU to kilograms.
  const double scale = source.perTeu ? port.throughputTeu.at(year) / 1000.0 : 1000.0;
  const double kilograms = scale * (1.0 - source.zeroEmissionShare.at(year));
  Emissions e;
  e.nox = source.nox * kilograms;
  e.pm25 = source.pm25 * kilograms;
  e.sox = source.sox * kilograms;
  e.co2 = e.co2Fossil = e.co2e = source.co2 * kilograms;
  return e;
}

namespace {

template <class T>
const T& byId(const std::vector<T>& items, const std::string& id, const char* what) {
  for (const T& item : items) {
    if (item.id == id) return item;
  }
  throw std::out_of_range(std::string("no ") + what + " '" + id + "'");
}

}  // namespace

const Port& Scenario::port(const std::string& id) const { return byId(ports, id, "port"); }
const Corridor& Scenario::corridor(const std::string& id) const {
  return byId(corridors, id, "corridor");
}
const VesselClass& Scenario::vesselClass(const std::string& id) const {
  return byId(classes, id, "vessel class");
}
const FuelMix& Scenario::fuelMix(const std::string& id) const {
  return byId(fuelMixes, id, "fuel mix");
}

}  // namespace corridor::sim
