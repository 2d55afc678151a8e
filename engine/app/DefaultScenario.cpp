#include "app/DefaultScenario.h"

#include "sim/ScenarioFile.h"

namespace corridor::app {

std::filesystem::path scenarioPath(const std::string& argument) {
  if (argument == "default") return std::filesystem::path(CORRIDOR_ASSET_DIR) / "scenarios" / "transpacific.toml";
  return argument;
}

std::string defaultVariant(const std::string& scenarioArgument) {
  if (scenarioArgument.empty() || scenarioArgument == "none") return "";
  auto variants = sim::scenarioVariants(scenarioPath(scenarioArgument));
  return variants && !variants->empty() ? variants->front() : "";
}

}  // namespace corridor::app
