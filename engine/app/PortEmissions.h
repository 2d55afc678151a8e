#pragma once
// A scenario's ports on screen: plumes at every moment, a heatmap when zoomed in on a port.
#include <future>
#include <memory>
#include <vector>

#include "core/Time.h"
#include "scene/PortLayer.h"
#include "sim/Fleet.h"
#include "timeline/CameraPose.h"

namespace corridor::app {

// The ports of a scenario on screen: their plumes at every moment and, zoomed in on a port, its
// ground-concentration heatmap. A port's footprint (the costly dispersion grids) is computed
// the first time it is needed, on its own thread, then kept.
class PortEmissions {
 public:
  PortEmissions(const sim::Fleet& fleet, sim::Pollutant pollutant);

  sim::Pollutant pollutant() const { return pollutant_; }
  void setPollutant(sim::Pollutant pollutant) { pollutant_ = pollutant; }

  // `waitForHeatmaps`: wait for the footprints in view (stills and videos must show them);
  // otherwise a heatmap appears once its footprint is ready (the viewer stays smooth).
  std::shared_ptr<const scene::PortLayer> layerAt(core::UtcMicros time, const timeline::CameraPose& camera,
                                                  double animationSeconds, bool waitForHeatmaps) const;

 private:
  const sim::PortFootprint* footprint(std::size_t port, bool wait) const;

  const sim::Fleet& fleet_;
  sim::Pollutant pollutant_;
  sim::Emissions reference_;
  mutable std::vector<std::shared_future<sim::PortFootprint>> footprints_;  // by port; invalid until asked
};

}  // namespace corridor::app
