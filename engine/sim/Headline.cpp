#include "sim/Headline.h"

#include <algorithm>

#include "sim/EmissionFactors.h"
#include "sim/Inventory.h"

namespace corridor::sim {
namespace {

constexpr core::UtcMicros kDay = 86400LL * core::kMicrosPerSecond;
constexpr double kHoursPerMicro = 1.0 / 3.6e9;

struct CountChange {
  core::UtcMicros time;
  FleetMoment delta;
};

FleetMoment stateOf(const Fleet& fleet, const Section& section) {
  FleetMoment state;
  (section.phase == Phase::AtBerth ? state.atBerth : state.underWay) = 1;
  state.zeroEmission = zeroEmissionFuel(fleet.voyages()[section.voyage].fuel) ? 1 : 0;
  return state;
}

FleetMoment difference(const FleetMoment& to, const FleetMoment& from) {
  return {to.underWay - from.underWay, to.atBerth - from.atBerth, to.zeroEmission - from.zeroEmission};
}

bool operator==(const FleetMoment& a, const FleetMoment& b) {
  return a.underWay == b.underWay && a.atBerth == b.atBerth && a.zeroEmission == b.zeroEmission;
}

// Each ship's state changes: on at its first section, off after its last, and wherever it
// docks, sails or changes fuel (sections are contiguous).
std::vector<CountChange> countChanges(const Fleet& fleet) {
  std::vector<CountChange> changes;
  for (const Ship& ship : fleet.ships()) {
    FleetMoment current;
    core::UtcMicros end = 0;
    for (const Section& section : ship.sections) {
      const FleetMoment next = stateOf(fleet, section);
      if (section.start != end) {  // a gap: the ship was off the water
        if (end != 0) changes.push_back({end, difference({}, current)});
        current = {};
      }
      if (!(next == current)) changes.push_back({section.start, difference(next, current)});
      current = next;
      end = section.end;
    }
    if (end != 0) changes.push_back({end, difference({}, current)});
  }
  std::sort(changes.begin(), changes.end(), [](const CountChange& a, const CountChange& b) { return a.time < b.time; });
  return changes;
}

}  // namespace

HeadlineSeries::HeadlineSeries(const Scenario& scenario, const Fleet& fleet, core::UtcMicros from, core::UtcMicros to)
    : from_(from), to_(std::max(from, to)) {
  const auto days = std::size_t((to_ - from_ + kDay - 1) / kDay);
  std::vector<RunningTotals> perDay(days);
  for (const Ship& ship : fleet.ships()) {
    for (const Section& section : ship.sections) {
      core::UtcMicros start = std::max(section.start, from_);
      const core::UtcMicros end = std::min(section.end, to_);
      if (start >= end) continue;
      const Emissions rate = sectionRate(scenario, fleet, ship, section);
      const Fuel fuel = burnedFuel(fleet, section);
      const double energyPerHour = rate.fuel * fuelFactors(fuel).lowerHeatingValueMJPerKg;
      const bool zero = zeroEmissionFuel(fuel);
      while (start < end) {  // split at midnight so each day gets its own hours
        const auto day = std::size_t((start - from_) / kDay);
        const core::UtcMicros until = std::min(end, from_ + core::UtcMicros(day + 1) * kDay);
        const double hours = double(until - start) * kHoursPerMicro;
        RunningTotals& sums = perDay[day];
        sums.co2eKg += rate.co2e * hours;
        sums.fuelEnergyMJ += energyPerHour * hours;
        if (zero) sums.zeroEmissionEnergyMJ += energyPerHour * hours;
        start = until;
      }
    }
  }
  atDayStart_.resize(days + 1);
  for (std::size_t d = 0; d < days; ++d) {
    const RunningTotals& before = atDayStart_[d];
    atDayStart_[d + 1] = {before.co2eKg + perDay[d].co2eKg, before.fuelEnergyMJ + perDay[d].fuelEnergyMJ,
                          before.zeroEmissionEnergyMJ + perDay[d].zeroEmissionEnergyMJ};
  }
  FleetMoment counts;
  for (const CountChange& change : countChanges(fleet)) {
    counts = {counts.underWay + change.delta.underWay, counts.atBerth + change.delta.atBerth,
              counts.zeroEmission + change.delta.zeroEmission};
    if (!changes_.empty() && changes_.back() == change.time) {
      countsAfter_.back() = counts;
    } else {
      changes_.push_back(change.time);
      countsAfter_.push_back(counts);
    }
  }
}

FleetMoment HeadlineSeries::shipsAt(core::UtcMicros t) const {
  const auto after = std::upper_bound(changes_.begin(), changes_.end(), t);
  if (after == changes_.begin()) return {};
  return countsAfter_[std::size_t(after - changes_.begin()) - 1];
}

RunningTotals HeadlineSeries::totalsAt(core::UtcMicros t) const {
  t = std::clamp(t, from_, to_);
  const auto day = std::min(std::size_t((t - from_) / kDay), atDayStart_.size() - 1);
  if (day + 1 == atDayStart_.size()) return atDayStart_[day];
  // The last day may be short: the period need not end at midnight.
  const core::UtcMicros dayStart = from_ + core::UtcMicros(day) * kDay;
  const double f = double(t - dayStart) / double(std::min(kDay, to_ - dayStart));
  const RunningTotals &a = atDayStart_[day], &b = atDayStart_[day + 1];
  return {a.co2eKg + (b.co2eKg - a.co2eKg) * f, a.fuelEnergyMJ + (b.fuelEnergyMJ - a.fuelEnergyMJ) * f,
          a.zeroEmissionEnergyMJ + (b.zeroEmissionEnergyMJ - a.zeroEmissionEnergyMJ) * f};
}

}  // namespace corridor::sim
