#pragma once
// A scenario's ports on screen: plumes at every moment, a heatmap when zoomed in on a port.
#include <future>
#include <list>
#include <memory>
#include <utility>
#include <vector>

#include "core/Time.h"
#include "scene/PortLayer.h"
#include "sim/Fleet.h"
#include "timeline/CameraPose.h"

namespace corridor::app {

// The ports of a scenario on screen: their plumes at every moment and, zoomed in on a port, its
// ground-concentration heatmap under the weather of the moment (sim::portWeatherAt). A port's
// footprint (the costly dispersion grids) is computed on its own thread for each weather, and
// the last few are kept (the window and a recording from it each find theirs); until a new
// one is ready the latest stays on screen.
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
  const sim::PortFootprint* footprint(std::size_t port, core::UtcMicros time, bool wait) const;

  struct Heatmap {
    std::list<std::pair<sim::Weather, sim::PortFootprint>> ready;  // latest first
    std::future<sim::PortFootprint> next;                          // at most one in flight
    sim::Weather nextWeather;
  };
  static constexpr std::size_t kFootprintsKept = 4;
  const sim::Fleet& fleet_;
  sim::Pollutant pollutant_;
  sim::Emissions reference_;
  mutable std::vector<Heatmap> heatmaps_;  // by port
};

}  // namespace corridor::app
