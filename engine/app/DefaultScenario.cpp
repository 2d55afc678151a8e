#include "app/DefaultScenario.h"

namespace corridor::app {

std::filesystem::path scenarioPath(const std::string& argument) {
  if (argument == "default") return std::filesystem::path(CORRIDOR_ASSET_DIR) / "scenarios" / "transpacific.toml";
  return argument;
}

}  // namespace corridor::app
