#include "app/AisEmissionColumns.h"

#include "sim/AisEmissions.h"

namespace corridor::app {
namespace {

constexpr sim::Fuel kAssumedFuel = sim::Fuel::VLSFO;

// Each report's speed: SOG where AIS has it, else the speed the positions imply.
sim::Emissions trackEmissions(const io::AisTrackSet& set, const io::AisTrack& track, const sim::VesselClass& vessel) {
  std::vector<sim::AisActivity> reports(track.size());
  for (std::uint32_t i = track.begin; i < track.end; ++i) {
    double knots = set.sogTenths[i] / 10.0;
    if (set.sogTenths[i] < 0 && i + 1 < track.end) {
      const double hours = double(set.time[i + 1] - set.time[i]) / (3600.0 * core::kMicrosPerSecond);
      const double nm = io::greatCircleMetres(set.lat(i), set.lon(i), set.lat(i + 1), set.lon(i + 1)) / 1852.0;
      knots = hours > 0 ? nm / hours : 0;
    }
    reports[i - track.begin] = {set.time[i], std::max(0.0, knots)};
  }
  return sim::trackEmissions(vessel, kAssumedFuel, reports);
}

sim::VesselClass classOf(const io::AisTrackSet& set, const io::AisTrack& track) {
  const io::AisVesselInfo& info = set.vessels[track.vessel];
  return sim::vesselClassFromAis(info.aisType, info.lengthM, info.widthM);
}

}  // namespace

void addEmissionColumns(const io::AisTrackSet& set, io::AisExportOptions& options) {
  options.trackFields = {{"ais_class", io::FieldType::Text}, {"fuel_t", io::FieldType::Real},
                         {"co2_t", io::FieldType::Real},     {"ch4_kg", io::FieldType::Real},
                         {"nox_kg", io::FieldType::Real},    {"sox_kg", io::FieldType::Real},
                         {"pm25_kg", io::FieldType::Real}};
  options.trackValues.clear();
  options.trackValues.reserve(set.tracks.size());
  for (const io::AisTrack& track : set.tracks) {
    const sim::VesselClass vessel = classOf(set, track);
    const sim::Emissions e = trackEmissions(set, track, vessel);
    options.trackValues.push_back({vessel.id, e.fuel / 1000, e.co2 / 1000, e.ch4, e.nox, e.sox, e.pm25});
  }
}

AisEmissionTotals totalEmissions(const io::AisTrackSet& set) {
  AisEmissionTotals totals{{}, kAssumedFuel, sim::defaultSulfurPercent(kAssumedFuel)};
  for (const io::AisTrack& track : set.tracks) totals.total += trackEmissions(set, track, classOf(set, track));
  return totals;
}

}  // namespace corridor::app
