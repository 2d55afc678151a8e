#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/Result.h"
#include "sim/Scenario.h"

namespace corridor::sim {

// Reads a scenario (TOML, schema in docs/SCENARIOS.md) and applies one of its variants (none:
// the base as written): the variant's tables are merged over the base (tables key by key,
// year tables replaced whole, arrays of tables matched by `id` or `name`), so two variants
// differ only where they say. Errors name the file, the line and the key.
core::Result<Scenario> loadScenario(const std::filesystem::path& path, const std::string& variant);

// Letters, digits, '_' and '-' only (and not empty): safe as a file or folder name.
bool isFileNameId(const std::string& id);

// Every service can keep its schedule without runaway work: a round trip (both legs at service
// speed plus a dwell at each end) of at least kMinimumRoundTripHours, and at most
// kMaximumVoyagesPerServiceYear voyages a year (ships x 2 legs x hours in a year / round trip).
// The error names the service and its numbers. loadScenario checks it.
inline constexpr double kMinimumRoundTripHours = 12;
inline constexpr double kMaximumVoyagesPerServiceYear = 20000;
core::Result<void> checkSchedules(const Scenario& scenario);

// The variants a scenario file defines, in name order (each a file-name id, else an error).
core::Result<std::vector<std::string>> scenarioVariants(const std::filesystem::path& path);

}  // namespace corridor::sim
