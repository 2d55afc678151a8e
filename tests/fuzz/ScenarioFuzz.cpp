// The scenario reader, met (per-port weather) tables included, and the schedule checks: every
// input is an error with a message or a scenario whose fleet can be built.
#include "FuzzInput.h"
#include "sim/Fleet.h"
#include "sim/ScenarioFile.h"

namespace {

// The input goes into a per-process folder beside a link to the default scenario's wind-rose
// files, so that inputs derived from it load whole (its entries_file names winds/...); the
// folder goes when the process ends.
class ScenarioFolder {
 public:
  ScenarioFolder()
      : path_(std::filesystem::temp_directory_path() / ("corridor-fuzz-" + std::to_string(::getpid()) + "-scenario")) {
    std::error_code ignored;
    std::filesystem::create_directories(path_, ignored);
    std::filesystem::create_directory_symlink(std::filesystem::path(CORRIDOR_SCENARIO_DIR) / "winds", path_ / "winds", ignored);
  }
  ~ScenarioFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

const std::filesystem::path& scenarioFolder() {
  static const ScenarioFolder folder;
  return folder.path();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const corridor::fuzz::ScratchFile file(scenarioFolder() / "scenario.toml", data, size);
  for (const std::string variant : {std::string(), std::string("green-corridor")}) {
    auto scenario = corridor::sim::loadScenario(file.path(), variant);
    if (!scenario) continue;
    const int year = scenario->startYear;
    const corridor::sim::Fleet fleet(*scenario, corridor::sim::yearStart(year), corridor::sim::yearStart(year) + 86400LL * 1000000 * 30);
  }
  return 0;
}
