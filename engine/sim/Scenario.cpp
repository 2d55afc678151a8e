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
