#include "app/PortReport.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/Geodesic.h"
#include "sim/ScenarioFile.h"

namespace corridor::app {
namespace {

constexpr double kKilogramsPerTonne = 1000.0;

double hoursIn(int year) { return double(sim::yearStart(year + 1) - sim::yearStart(year)) / 3.6e9; }

double bearingDegrees(const geo::LonLat& from, const geo::LonLat& to) {
  const double east = (to.lon - from.lon) * std::cos(from.lat * M_PI / 180.0);
  const double north = to.lat - from.lat;
  const double degrees = std::atan2(east, north) * 180.0 / M_PI;
  return degrees < 0 ? degrees + 360.0 : degrees;
}

}  // namespace

core::Result<std::vector<std::string>> comparedVariants(const std::filesystem::path& scenarioFile,
                                                        const std::string& playing) {
  auto variants = sim::scenarioVariants(scenarioFile);
  if (!variants) return variants;
  if (std::find(variants->begin(), variants->end(), playing) == variants->end()) variants->insert(variants->begin(), playing);
  return variants;
}

core::Result<PortInventories> computePortInventories(const std::filesystem::path& scenarioFile,
                                                     const std::string& playing) {
  auto variants = comparedVariants(scenarioFile, playing);
  if (!variants) return std::unexpected(variants.error());
  PortInventories result;
  for (const std::string& variant : *variants) {
    auto scenario = sim::loadScenario(scenarioFile, variant);
    if (!scenario) return std::unexpected(scenario.error());
    const sim::Fleet fleet(*scenario, sim::yearStart(scenario->startYear), sim::yearStart(scenario->endYear + 1));
    sim::Inventory inventory = sim::takeInventory(*scenario, fleet, scenario->startYear, scenario->endYear);
    result.variants.push_back({variant, std::move(*scenario), std::move(inventory)});
  }
  result.playing = std::size_t(std::find(variants->begin(), variants->end(), playing) - variants->begin());
  const sim::Scenario& scenario = result.variants[result.playing].scenario;
  for (std::size_t port = 0; port < scenario.ports.size(); ++port) {
    result.footprints.push_back(sim::annualFootprint(scenario, port));
  }
  return result;
}

PortSummary summarizePort(const PortInventories& inventories, std::size_t port, int year, sim::Pollutant pollutant) {
  const VariantInventory& variant = inventories.variants.at(inventories.playing);
  const sim::Scenario& scenario = variant.scenario;
  const sim::Inventory& inventory = variant.inventory;
  year = std::clamp(year, inventory.fromYear, inventory.toYear);
  PortSummary summary;
  summary.portName = scenario.ports.at(port).name;

  // The year's mean hour of each source, back to tonnes in the year.
  const sim::PortSources sources = sim::portSourcesInYear(scenario, inventory, port, year);
  const double tonnesPerMeanHour = hoursIn(year) / kKilogramsPerTonne;
  summary.total = sources.total() * tonnesPerMeanHour;
  auto tonnesOf = [&](const sim::Emissions& perHour) { return sim::amountOf(perHour, pollutant) * tonnesPerMeanHour; };
  summary.sources.push_back({"Ships at berth", tonnesOf(sources.atBerth)});
  summary.sources.push_back({"Ships under way in the port area", tonnesOf(sources.underway)});
  for (std::size_t i = 0; i < sources.landside.size(); ++i) {
    summary.sources.push_back({scenario.ports[port].areaSources[i].name, tonnesOf(sources.landside[i])});
  }
  std::stable_sort(summary.sources.begin(), summary.sources.end(),
                   [](const PortSummary::Source& a, const PortSummary::Source& b) { return a.tonnes > b.tonnes; });

  for (int y = inventory.fromYear; y <= inventory.toYear; ++y) summary.years.push_back(y);
  for (const VariantInventory& other : inventories.variants) {
    std::vector<double> series;
    const bool hasPort = port < other.scenario.ports.size() && other.scenario.ports[port].id == scenario.ports[port].id;
    for (const int y : summary.years) {
      if (!hasPort || y < other.inventory.fromYear || y > other.inventory.toYear) {
        series.push_back(std::numeric_limits<double>::quiet_NaN());
        continue;
      }
      const sim::PortSources yearly = sim::portSourcesInYear(other.scenario, other.inventory, port, y);
      series.push_back(sim::amountOf(yearly.total(), pollutant) * hoursIn(y) / kKilogramsPerTonne);
    }
    summary.series.push_back(std::move(series));
  }

  const sim::PortFootprint& footprint = inventories.footprints.at(port);
  const sim::ConcentrationGrid field = sim::groundField(footprint, sources, pollutant);
  const auto peaks = sim::hotspots(field, 1);
  if (!peaks.empty()) {
    summary.peak = peaks.front().value;
    summary.peakAt = footprint.lonLatOf(peaks.front().position);
    const geo::LonLat berth = scenario.ports[port].position;
    summary.peakDistanceKm = geo::geodesicDistanceMeters(berth, summary.peakAt) / 1000.0;
    summary.peakBearingDegrees = bearingDegrees(berth, summary.peakAt);
  }
  return summary;
}

}  // namespace corridor::app
