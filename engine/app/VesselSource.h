#pragma once
// Where the ships on screen come from (a scenario or AIS), drawn, described and picked.
#include <cstdint>
#include <filesystem>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/AisArchiveStream.h"
#include "core/ClockWindows.h"
#include "app/PortEmissions.h"
#include "app/VideoOverlay.h"
#include "core/Result.h"
#include "core/Time.h"
#include "io/AisTracks.h"
#include "scene/Frame.h"
#include "scene/VesselLayer.h"
#include "scene/View.h"
#include "sim/Fleet.h"

namespace corridor::app {

// Which ships to draw and how: a scenario's simulated fleet or AIS tracks.
struct VesselSourceOptions {
  std::string scenario;  // TOML path, "default" or "none"; empty: none
  std::string variant;
  std::vector<std::string> ais;  // AIS files or archives (not both); a scenario too is a usage error
  io::AisReadOptions aisRead;
  io::AisTrackOptions aisTracks;
  std::optional<double> aisHoldMinutes;  // default: aisHoldFor(aisTracks.gapHours)
  double trailHours = 72;
  scene::VesselColoring coloring = scene::VesselColoring::Fuel;
  sim::Pollutant pollutant = sim::Pollutant::NOx;  // of the port plumes and heatmaps
  bool plumes = true;                              // port plumes and heatmaps at all
};

// Whose clock asks for the ships: an export's (a recording, a picture) or the viewer's
// playback. Each keeps the trips around its own moment.
enum class FrameClock : std::size_t { Export, Playback };
inline constexpr std::size_t kFrameClocks = 2;

// Where the ships on screen come from, what they look like at any moment, and what a click
// on one of them says.
class VesselSource {
 public:
  // The period the data covers (the scenario's horizon, or the first to the last AIS report).
  core::UtcMicros start() const { return start_; }
  core::UtcMicros end() const { return end_; }
  // What is drawn at `time`: the ships as GPU-resident trips (scenario ships and AIS tracks)
  // and a scenario's corridor lanes. AIS trips are built for hours at a time (half a second to
  // two for a US day's 7 hours, trails included); while the clock is in one window the next is
  // built in the background, so that playback does not stop at each new window.
  void fill(scene::Frame& frame, core::UtcMicros time, FrameClock clock) const;
  // Whether trips ahead of the clock are being built (or wait to be taken up).
  bool readingAhead() const { return nextTrips_.valid(); }
  void setColoring(scene::VesselColoring coloring);
  // The scenario file's variants compared when colouring by variant (the playing one drawn
  // over the others where their ships coincide); loaded when first needed.
  const std::vector<std::string>& comparedVariants() const { return variantNames_; }
  scene::VesselColoring coloring() const { return layerOptions_.coloring; }
  // The scenario's file, name and playing variant (empty for AIS).
  const std::filesystem::path& scenarioFile() const { return scenarioFile_; }
  std::string scenarioName() const { return scenario_ ? scenario_->name : ""; }
  std::string variant() const { return scenario_ ? scenario_->variant : ""; }
  // What a recording says about the ships: the source line and the colour legend.
  void describe(OverlayContent& content) const;
  // The vessel under the pixel (x, y) at `time`, as lines of text (name, class, fuel, speed,
  // phase, emission rates); empty when there is none within a few pixels.
  std::vector<std::string> pick(core::UtcMicros time, const scene::View& view, double x, double y) const;
  // The scenario's ports (none for AIS), for markers and labels.
  struct PortMark {
    std::string name;
    geo::LonLat position;
  };
  std::vector<PortMark> ports() const;
  // What a picture of the scenario should show: its ports and its corridors' routes (every
  // tenth point); empty for AIS.
  std::vector<geo::LonLat> corridorPlaces() const;
  // The ports' plumes and, zoomed in on a port, its heatmap (null for AIS and without plumes).
  // `animationSeconds` moves the plumes; `waitForHeatmaps`: see PortEmissions::layerAt.
  std::shared_ptr<const scene::PortLayer> portLayerAt(core::UtcMicros time, const timeline::CameraPose& camera,
                                                      double animationSeconds, bool waitForHeatmaps) const;
  void setPollutant(sim::Pollutant pollutant);
  sim::Pollutant pollutant() const;

  // Loads the source the options name; null when they name none ("none", no --ais).
  // `shown`: only this period (and the trails into it) will be drawn, so a scenario's fleet is
  // built for it alone; without it, for the scenario's whole horizon.
  struct Period {
    core::UtcMicros from, to;
  };
  static core::Result<std::unique_ptr<VesselSource>> load(const VesselSourceOptions& options,
                                                          std::optional<Period> shown);

 private:
  VesselSource() = default;
  core::Result<void> loadAis(const VesselSourceOptions& options, std::optional<Period> shown);
  core::Result<void> loadScenario(const VesselSourceOptions& options, std::optional<Period> shown);

  scene::VesselLayerOptions layerOptions_;
  std::optional<sim::Scenario> scenario_;
  std::optional<sim::Fleet> fleet_;  // refers to scenario_: VesselSource never moves
  core::UtcMicros fleetFrom_ = 0, fleetTo_ = 0;
  // The other variants' fleets over the same period, for colouring by variant.
  struct OtherVariant {
    sim::Scenario scenario;
    std::optional<sim::Fleet> fleet;  // refers to scenario
    std::size_t index = 0;            // in variantNames_
  };
  mutable std::vector<std::unique_ptr<OtherVariant>> otherVariants_;
  mutable bool otherVariantsLoaded_ = false;
  std::vector<std::string> variantNames_;
  std::size_t variantIndex_ = 0;  // the playing one's place in variantNames_
  std::filesystem::path scenarioFile_;
  // Trips built for a window of time, and the AIS tracks they were built from (which their
  // window holds while it is kept).
  struct TripWindow {
    std::shared_ptr<const scene::Trips> trips;
    std::shared_ptr<const io::AisTrackSet> tracks;
    double toleranceDegrees = 0;  // AIS reports left out (buildAisTrips): drawable in views that allow it
  };
  TripWindow buildTripsAround(core::UtcMicros time, double toleranceDegrees) const;
  // AIS trips around `time` from `tracks`, or from the archive's window there (thread-safe).
  TripWindow buildAisTripsAround(core::UtcMicros time, std::shared_ptr<const io::AisTrackSet> tracks,
                                 double toleranceDegrees) const;
  // The trips after `window`, built in the background leaving out what `toleranceDegrees` allows.
  void readTripsAhead(const TripWindow& window, double toleranceDegrees) const;
  // The viewer's window to draw, its trips rebuilt in the background as its camera zooms.
  const TripWindow* followViewerZoom(std::size_t clock, const TripWindow& window, double tolerance) const;
  std::optional<PortEmissions> portEmissions_;  // refers to fleet_
  // AIS: the tracks drawn last; from archives, the window around the clock that aisStream_ read.
  mutable std::shared_ptr<const io::AisTrackSet> ais_;
  mutable std::unique_ptr<AisArchiveStream> aisStream_;
  std::size_t aisVessels_ = 0;
  std::string aisFiles_;
  bool isAis() const { return ais_ || aisStream_; }
  core::Result<void> loadAisArchives(const VesselSourceOptions& options, std::optional<Period> shown);
  core::UtcMicros aisHold_ = 0;
  std::shared_ptr<const scene::VesselLayer> lanes_;  // the corridors' routes, faint, under the ships
  // Around the moments last asked: the viewer's clock's, and a recording's while one runs.
  mutable core::ClockWindows<TripWindow, kFrameClocks> tripWindows_;
  mutable std::uint64_t trimmedAtFreed_ = 0;  // tripWindows_.freed() when freed memory was last handed back
  core::UtcMicros start_ = 0, end_ = 0;
  core::UtcMicros shownTo_ = std::numeric_limits<core::UtcMicros>::max();  // the end of what a picture or video shows
  // AIS: the trips after the clock's window, being built; declared last with zoomedTrips_, so
  // that both are waited for before the tracks and the stream they read go.
  mutable std::future<TripWindow> nextTrips_;
  mutable core::UtcMicros nextTripsFrom_ = 0, nextTripsTo_ = 0;
  mutable double nextTripsTolerance_ = 0;
  // The viewer's: the trips of its window rebuilt for the camera's zoom (followViewerZoom), which
  // hours at which tolerance, and the last such build that failed.
  struct ZoomedBuild {
    core::UtcMicros from = 0;
    double toleranceDegrees = -1;
    bool operator==(const ZoomedBuild&) const = default;
  };
  mutable ZoomedBuild zoomedBuild_, zoomFailed_;
  mutable std::future<TripWindow> zoomedTrips_;
};

}  // namespace corridor::app
