#pragma once
#include <cstddef>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "app/PortReport.h"
#include "timeline/CameraPose.h"

namespace corridor::ui {

// A port's hotspot panel, opened by clicking the port: its emissions by pollutant in the year
// on the clock, the chosen pollutant over the years for every variant, the top sources and
// the peak annual-mean ground concentration with where it is. The scenario's variants are
// simulated in the background the first time (a few seconds); the panel says so meanwhile.
class HotspotPanel {
 public:
  void open(std::size_t port, const std::filesystem::path& scenarioFile, const std::string& variant);
  // After the scenario panel switched scenario or variant: an open panel follows another
  // variant and closes for another file (whose ports may differ).
  void follow(const std::filesystem::path& scenarioFile, const std::string& variant);
  // A camera close over the port when the user asks to fly there.
  std::optional<timeline::CameraPose> draw(int year, sim::Pollutant pollutant);

 private:
  void drawSummary(const app::PortInventories& inventories, int year, sim::Pollutant pollutant);

  std::optional<std::size_t> port_;
  std::filesystem::path scenarioFile_;
  std::string variant_;
  std::shared_future<core::Result<app::PortInventories>> inventories_;
  // Replaced while still computing: kept until done, as dropping them would wait for them.
  std::vector<std::shared_future<core::Result<app::PortInventories>>> retired_;
};

}  // namespace corridor::ui
