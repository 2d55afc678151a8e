#pragma once
// The scenario argument as a file (a TOML path or the scenario that ships with Corridor) and
// the variant it plays by default.
#include <filesystem>
#include <string>

namespace corridor::app {

// A scenario argument as a file: a TOML path, or "default" for the trans-Pacific scenario that
// ships with Corridor (assets/scenarios/transpacific.toml).
std::filesystem::path scenarioPath(const std::string& argument);

// The variant a scenario plays when none is asked for: its first named variant (the default
// scenario's "baseline"), or the base ("") for a file without variants or that cannot be read
// (loading it then reports why).
std::string defaultVariant(const std::string& scenarioArgument);

}  // namespace corridor::app
