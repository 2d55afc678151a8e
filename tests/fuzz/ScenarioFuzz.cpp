// The scenario reader, met (per-port weather) tables included, and the schedule checks: every
// input is an error with a message or a scenario whose fleet can be built.
#include "FuzzInput.h"
#include "sim/Fleet.h"
#include "sim/ScenarioFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const corridor::fuzz::ScratchFile file("scenario.toml", data, size);
  for (const std::string variant : {std::string(), std::string("green-corridor")}) {
    auto scenario = corridor::sim::loadScenario(file.path(), variant);
    if (!scenario) continue;
    const int year = scenario->startYear;
    const corridor::sim::Fleet fleet(*scenario, corridor::sim::yearStart(year), corridor::sim::yearStart(year) + 86400LL * 1000000 * 30);
  }
  return 0;
}
