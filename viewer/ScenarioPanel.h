#pragma once
#include <optional>
#include <string>
#include <vector>

#include "VesselSource.h"
#include "ViewerState.h"

namespace corridor::viewer {

// Which scenario plays: open another scenario file, pick its variant; show or hide the ships
// and the port plumes, and pick the pollutant the plumes and heatmaps show.
class ScenarioPanel {
 public:
  explicit ScenarioPanel(const VesselSourceOptions& current);
  // The source the user asked for this frame, if it differs from the one playing.
  std::optional<VesselSourceOptions> draw(ViewerState& state);
  // After a failed switch: the reason, shown in the panel.
  void reportError(std::string message) { status_ = std::move(message); }

 private:
  void readVariants();

  VesselSourceOptions current_;
  char path_[256] = "";
  std::vector<std::string> variants_;  // "" (the base) first
  std::string status_;
};

}  // namespace corridor::viewer
