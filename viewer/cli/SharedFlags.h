#pragma once
// The flag groups that render, view and record share, turned into the app's option structs.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/Panes.h"
#include "app/SceneOptions.h"
#include "AisFlags.h"
#include "app/VesselSource.h"

namespace corridor::cli {

// The flags of the geodata, the look and the camera that render, view and record share:
// --vector, --raster, --basemap, --view, --camera, --time, --graticule, --night,
// --no-atmosphere, --no-outlines, --validation, --device.
void addSceneOptions(CLI::App& command, app::SceneOptions& options);

// The basemap and layers the options ask for, long work (a large raster's overviews) shown
// as a progress bar on a terminal.
core::Result<std::shared_ptr<const scene::Basemap>> loadBasemapShowingProgress(const app::SceneOptions& options,
                                                                              bool withImagery);

// The files the options read, as typed (for core::checkOutputTarget).
std::vector<std::string> inputArguments(const app::SceneOptions& scene, const app::VesselSourceOptions& vessels);

// --force: replace an existing --out that is not of the kind the command writes.
void addForceFlag(CLI::App& command, bool& force, const std::string& kind);

// The flags that choose the ships: --scenario, --variant, --ais (with the AIS reader flags and
// --hold-minutes), --color-by, --pollutant, --no-plumes, --trail-hours.
class VesselFlags {
 public:
  // `defaultScenario`: what plays when neither --scenario nor --ais is given ("" for nothing).
  VesselFlags(CLI::App& command, std::string defaultScenario, const std::string& scenarioHelp);
  // After parsing: the options they ask for.
  app::VesselSourceOptions options() const;

 private:
  std::string defaultScenario_;
  CLI::Option* scenarioOption_ = nullptr;  // given at all (even empty), it is the one asked for
  std::string scenario_, variant_;
  std::vector<std::string> ais_;
  std::unique_ptr<AisReaderFlags> aisReader_;
  CLI::Option* holdOption_ = nullptr;
  double holdMinutes_ = 30;
  CLI::Option* trailOption_ = nullptr;
  double trailHours_ = 72;
  std::string colorBy_ = "fuel";
  std::string pollutant_ = "nox";
  bool noPlumes_ = false;
};

// The flags of the panes and their numbers: --compare, --compare-style, --headline and
// --no-headline.
class PaneFlags {
 public:
  // `headlineByDefault`: the counter panel shows unless --no-headline (videos, presentation);
  // `swipeOnly`: no --compare-style (the viewer's divider is dragged).
  PaneFlags(CLI::App& command, bool headlineByDefault, bool swipeOnly = false);
  app::PaneRequest request() const { return request_; }

 private:
  app::PaneRequest request_;
};

}  // namespace corridor::cli
