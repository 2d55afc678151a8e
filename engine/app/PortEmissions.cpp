#include "app/PortEmissions.h"

#include <algorithm>
#include <chrono>

namespace corridor::app {

PortEmissions::PortEmissions(const sim::Fleet& fleet, sim::Pollutant pollutant)
    : fleet_(fleet),
      pollutant_(pollutant),
      reference_(scene::plumeReference(fleet.scenario())),
      heatmaps_(fleet.scenario().ports.size()) {}

const sim::PortFootprint* PortEmissions::footprint(std::size_t port, core::UtcMicros time, bool wait) const {
  const sim::Scenario& scenario = fleet_.scenario();
  const sim::Weather weather = sim::portWeatherAt(scenario, port, time);
  Heatmap& heatmap = heatmaps_[port];
  const auto collect = [&heatmap] {
    heatmap.ready.emplace_front(heatmap.nextWeather, heatmap.next.get());
    if (heatmap.ready.size() > kFootprintsKept) heatmap.ready.pop_back();
  };
  if (heatmap.next.valid() && (wait || heatmap.next.wait_for(std::chrono::seconds(0)) == std::future_status::ready)) {
    collect();
  }
  const auto kept = std::ranges::find_if(heatmap.ready, [&](const auto& entry) { return entry.first == weather; });
  if (kept != heatmap.ready.end()) {
    heatmap.ready.splice(heatmap.ready.begin(), heatmap.ready, kept);
    return &heatmap.ready.front().second;
  }
  if (!heatmap.next.valid()) {
    heatmap.nextWeather = weather;
    heatmap.next = std::async(std::launch::async, [&scenario, port, weather] {
      return sim::momentFootprint(scenario, port, weather);
    });
  }
  if (wait) collect();
  return heatmap.ready.empty() ? nullptr : &heatmap.ready.front().second;
}

std::shared_ptr<const scene::PortLayer> PortEmissions::layerAt(core::UtcMicros time, const timeline::CameraPose& camera,
                                                               double animationSeconds, bool waitForHeatmaps) const {
  scene::PortLayerOptions options{pollutant_, animationSeconds, {}};
  const std::vector<sim::Port>& ports = fleet_.scenario().ports;
  for (std::size_t port = 0; port < ports.size(); ++port) {
    const bool inView = scene::heatmapInView(camera, ports[port].position);
    options.heatmaps.push_back(inView ? footprint(port, time, waitForHeatmaps) : nullptr);
  }
  return scene::buildPortLayer(fleet_, time, reference_, options);
}

}  // namespace corridor::app
