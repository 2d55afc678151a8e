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

// Every service can keep its timetable (Schedule.h): its ships make the loop of ships x
// interval days at speed_kn with every speed limit kept, and fill it at no less than half
// speed_kn. The error names the service and its numbers. loadScenario checks it.
core::Result<void> checkSchedules(const Scenario& scenario);

// The variants a scenario file defines, in name order (each a file-name id, else an error).
core::Result<std::vector<std::string>> scenarioVariants(const std::filesystem::path& path);

}  // namespace corridor::sim
