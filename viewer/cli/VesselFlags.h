#pragma once
#include <CLI/CLI.hpp>
#include <string>

#include "app/VesselSource.h"

namespace corridor::cli {

// The flags that choose the ships: --scenario, --variant, --ais, --color-by, --pollutant,
// --no-plumes, --trail-hours.
class VesselFlags {
 public:
  // `defaultScenario`: what plays when neither --scenario nor --ais is given ("" for nothing).
  VesselFlags(CLI::App& command, std::string defaultScenario, const std::string& scenarioHelp);
  // After parsing: the options they ask for.
  app::VesselSourceOptions options() const;

 private:
  std::string defaultScenario_;
  std::string scenario_, variant_;
  std::vector<std::string> ais_;
  double trailHours_ = 72;
  std::string colorBy_ = "fuel";
  std::string pollutant_ = "nox";
  bool noPlumes_ = false;
};

}  // namespace corridor::cli
