#include "Commands.h"

#include <cstdio>

namespace corridor::viewer {

std::filesystem::path scenarioPath(const std::string& argument) {
  if (argument == "default") return std::filesystem::path(CORRIDOR_ASSET_DIR) / "scenarios" / "transpacific.toml";
  return argument;
}

int reportError(const core::Error& error) {
  std::fprintf(stderr, "corridor: %s\n", error.message.c_str());
  return core::exitCode(error);
}

}  // namespace corridor::viewer
