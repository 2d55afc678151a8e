#include "app/PortEmissions.h"

#include <chrono>

namespace corridor::app {

PortEmissions::PortEmissions(const sim::Fleet& fleet, sim::Pollutant pollutant)
    : fleet_(fleet),
      pollutant_(pollutant),
      reference_(scene::plumeReference(fleet.scenario())),
      footprints_(fleet.scenario().ports.size()) {}

const sim::PortFootprint* PortEmissions::footprint(std::size_t port, bool wait) const {
  std::shared_future<sim::PortFootprint>& future = footprints_[port];
  if (!future.valid()) {
    const sim::Scenario& scenario = fleet_.scenario();
    future = std::async(std::launch::async, [&scenario, port] { return sim::portFootprint(scenario, port); }).share();
  }
  if (!wait && future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return nullptr;
  return &future.get();
}

std::shared_ptr<const scene::PortLayer> PortEmissions::layerAt(core::UtcMicros time, const timeline::CameraPose& camera,
                                                               double animationSeconds, bool waitForHeatmaps) const {
  scene::PortLayerOptions options{pollutant_, animationSeconds, {}};
  const std::vector<sim::Port>& ports = fleet_.scenario().ports;
  for (std::size_t port = 0; port < ports.size(); ++port) {
    const bool inView = scene::heatmapInView(camera, ports[port].position);
    options.heatmaps.push_back(inView ? footprint(port, waitForHeatmaps) : nullptr);
  }
  return scene::buildPortLayer(fleet_, time, reference_, options);
}

}  // namespace corridor::app
