// corridor simulate: a scenario's fleet, emissions and port concentrations, written as files.
#include <cstdio>
#include <filesystem>

#include "Commands.h"
#include "TerminalProgress.h"
#include "app/DefaultScenario.h"
#include "app/SimulationResults.h"
#include "core/Interruption.h"
#include "core/OutputFile.h"
#include "core/Stopwatch.h"
#include "sim/ScenarioFile.h"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct SimulateOptions {
  std::string scenario;
  std::string variant;
  std::string out;
  int fromYear = 0, toYear = 0;  // 0: the scenario's own
  bool force = false;
};

// Steps of the simulation on the terminal's progress bar.
class Progress {
 public:
  explicit Progress(int steps) : steps_(steps) {}
  void step(const std::string& what) {
    bar_.show(double(++done_) / steps_, what);
    if (done_ >= steps_) bar_.finish();
  }

 private:
  int steps_, done_ = 0;
  TerminalProgress bar_;
};

double tonnes(double kg) { return kg / 1000.0; }

void printSummary(const sim::Scenario& scenario, const sim::Inventory& inventory) {
  std::vector<int> years;
  for (int year = inventory.fromYear; year <= inventory.toYear; year += 5) years.push_back(year);
  if (years.back() != inventory.toYear) years.push_back(inventory.toYear);
  std::printf("\n%s / %s: CO2e of ships in port areas (t/yr)\n", scenario.name.c_str(),
              scenario.variant.c_str());
  std::printf("  %-8s", "port");
  for (int year : years) std::printf(" %10d", year);
  std::printf("\n");
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) {
    std::printf("  %-8s", scenario.ports[p].id.c_str());
    for (int year : years) {
      std::printf(" %10.0f", tonnes(inventory.ports[p][std::size_t(year - inventory.fromYear)].ships.co2e));
    }
    std::printf("\n");
  }
  for (const auto& [corridor, totals] : inventory.corridors) {
    std::printf("  %-8s", corridor.c_str());
    for (int year : years) std::printf(" %10.0f", tonnes(totals[std::size_t(year - inventory.fromYear)].co2e));
    std::printf("   (corridor %s, at sea and in port)\n", corridor.c_str());
  }
  std::printf("  %-8s", "fleet");
  for (int year : years) std::printf(" %10.0f", tonnes(inventory.years[std::size_t(year - inventory.fromYear)].co2e));
  std::printf("   (all services)\n");
}

void printHotspot(const sim::Port& port, const sim::PortConcentration& grid, int year) {
  if (grid.hotspots.empty()) return;
  const auto& top = grid.hotspots.front();
  std::printf("  %-8s peak NOx %d annual mean %.2f ug/m3 at %.4f, %.4f\n", port.id.c_str(), year,
              top.nox, top.position.lat, top.position.lon);
}

int runSimulate(const SimulateOptions& options) {
  const fs::path file = app::scenarioPath(options.scenario);
  std::vector<std::string> variants{options.variant};
  if (options.variant.empty()) {
    auto names = sim::scenarioVariants(file);
    if (!names) return reportError(names.error());
    if (!names->empty()) variants = *names;
  }
  std::vector<sim::Scenario> scenarios;
  for (const auto& variant : variants) {
    auto scenario = sim::loadScenario(file, variant);
    if (!scenario) return reportError(scenario.error());
    scenarios.push_back(std::move(*scenario));
  }
  const int fromYear = options.fromYear ? options.fromYear : scenarios.front().startYear;
  const int toYear = options.toYear ? options.toYear : scenarios.front().endYear;
  if (fromYear > toYear) {
    return reportError({core::ErrorKind::Usage, "--from " + std::to_string(fromYear) +
                                                    " is after --to " + std::to_string(toYear)});
  }
  for (const sim::Scenario& scenario : scenarios) {  // what the results would replace, before any work
    const fs::path dir = scenarios.size() > 1 ? fs::path(options.out) / scenario.variant : fs::path(options.out);
    if (auto replaceable = core::PendingFolder::checkReplaceable(dir, app::simulationResultNames(scenario), options.force);
        !replaceable) {
      return reportError(replaceable.error());
    }
  }
  Progress progress(int(scenarios.size()) * (3 + int(scenarios.front().ports.size())));
  core::Stopwatch stopwatch;
  core::InterruptionScope stopOnSignals;
  for (const sim::Scenario& scenario : scenarios) {
    // Variant names are restricted to [A-Za-z0-9_-] by the scenario reader; a variant's folder
    // is checked to stay in --out all the same.
    const bool ownFolder = scenarios.size() > 1;
    const fs::path dir = ownFolder ? fs::path(options.out) / scenario.variant : fs::path(options.out);
    if (ownFolder && !core::staysUnder(options.out, dir)) {
      return reportError({core::ErrorKind::Internal, dir.string() + ": outside --out " + options.out});
    }
    // Every file of the variant is written into a temporary folder and moved into `dir` only
    // when all succeeded: a failure or a signal leaves the previous results as they were.
    auto pending = core::PendingFolder::begin(dir, options.force);
    if (!pending) return reportError(pending.error());
    const sim::Fleet fleet(scenario, sim::yearStart(fromYear), sim::yearStart(toYear + 1));
    progress.step(scenario.variant + ": schedule");
    const sim::Inventory inventory = sim::takeInventory(scenario, fleet, fromYear, toYear);
    progress.step(scenario.variant + ": emissions");
    if (core::interrupted()) return reportError(core::interruption("simulate"));
    auto grids = app::writeSimulationResults(pending->path(), scenario, fleet, inventory, [&](const std::string& part) {
      progress.step(scenario.variant + ": " + part);
    });
    if (!grids) return reportError(grids.error());
    if (auto committed = pending->commit(); !committed) return reportError(committed.error());
    printSummary(scenario, inventory);
    for (std::size_t p = 0; p < grids->size(); ++p) printHotspot(scenario.ports[p], (*grids)[p], toYear);
  }
  std::printf("\nwrote %s (%zu variant%s, %d-%d, %.1f s)\n", options.out.c_str(), scenarios.size(),
              scenarios.size() == 1 ? "" : "s", fromYear, toYear, stopwatch.seconds());
  return 0;
}

}  // namespace

CommandAction addSimulateCommand(CLI::App& app) {
  auto options = std::make_shared<SimulateOptions>();
  auto* command = app.add_subcommand(
      "simulate",
      "Simulate a scenario's fleet and write tracks, emission tables and port concentration maps");
  command->add_option("--scenario", options->scenario,
                      "Scenario TOML file, or 'default' for the trans-Pacific scenario")
      ->required();
  command->add_option("--variant", options->variant,
                      "Variant to simulate (default: every variant, each in OUT/VARIANT)");
  command->add_option("--out", options->out, "Output directory")->required();
  command->add_option("--from", options->fromYear, "First year (default: the scenario's)")
      ->check(CLI::Range(1990, 2200));
  command->add_option("--to", options->toYear, "Last year (default: the scenario's)")
      ->check(CLI::Range(1990, 2200));
  command->add_flag("--force", options->force,
                    "Replace files in --out named as simulate's outputs that do not hold what their names say (without "
                    "it, simulate stops before any work unless each is a CSV table, a GeoPackage or a GeoTIFF as named)");
  return [options] { return runSimulate(*options); };
}

}  // namespace corridor::cli
