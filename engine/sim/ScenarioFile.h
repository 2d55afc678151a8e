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

// The variants a scenario file defines, in name order.
core::Result<std::vector<std::string>> scenarioVariants(const std::filesystem::path& path);

}  // namespace corridor::sim
