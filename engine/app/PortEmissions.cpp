#include "app/PortEmissions.h"

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
  const auto finish = [&heatmap] {
    heatmap.shown = heatmap.next.get();
    heatmap.shownWeather = heatmap.nextWeather;
  };
  if (heatmap.next.valid() && (wait || heatmap.next.wait_for(std::chrono::seconds(0)) == std::future_status::ready)) {
    finish();
  }
  if (heatmap.shown && heatmap.shownWeather == weather) return &*heatmap.shown;
  if (!heatmap.next.valid()) {
    heatmap.nextWeather = weather;
    heatmap.next = std::async(std::launch::async, [&scenario, port, weather] {
      return sim::portFootprint(scenario, port, sim::steadyRose(weather));
    });
  }
  if (wait) finish();
  return heatmap.shown ? &*heatmap.shown : nullptr;
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
