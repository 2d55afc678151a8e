#pragma once
// The scenario argument as a file: a TOML path or the scenario that ships with Corridor.
#include <filesystem>
#include <string>

namespace corridor::app {

// A scenario argument as a file: a TOML path, or "default" for the trans-Pacific scenario that
// ships with Corridor (assets/scenarios/transpacific.toml).
std::filesystem::path scenarioPath(const std::string& argument);

}  // namespace corridor::app
