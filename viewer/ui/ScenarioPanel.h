#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/VesselSource.h"
#include "ViewerState.h"

namespace corridor::ui {

// Which scenario plays: open another scenario file, pick its variant; show or hide the ships
// and the port plumes, and pick the pollutant the plumes and heatmaps show.
class ScenarioPanel {
 public:
  explicit ScenarioPanel(const app::VesselSourceOptions& current);
  // The source the user asked for this frame, if it differs from the one playing.
  std::optional<app::VesselSourceOptions> draw(ViewerState& state);
  // After a failed switch: the reason, shown in the panel.
  void reportError(std::string message) { status_ = std::move(message); }

 private:
  void readVariants();

  app::VesselSourceOptions current_;
  char path_[256] = "";
  std::vector<std::string> variants_;  // "" (the base) first
  std::string status_;
};

}  // namespace corridor::ui
