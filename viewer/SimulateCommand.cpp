#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "Commands.h"
#include "TerminalProgress.h"
#include "core/Stopwatch.h"
#include "geo/Subdivide.h"
#include "io/ResultWriters.h"
#include "sim/Fleet.h"
#include "sim/Inventory.h"
#include "sim/PortDispersion.h"
#include "sim/ScenarioFile.h"

namespace corridor::viewer {
namespace {

namespace fs = std::filesystem;

struct SimulateOptions {
  std::string scenario;
  std::string variant;
  std::string out;
  int fromYear = 0, toYear = 0;  // 0: the scenario's own
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

core::Result<void> checkWritable(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path probe = dir / ".corridor-write-test";
  std::ofstream(probe) << "x";
  if (ec || !fs::exists(probe)) {
    return core::fail(core::ErrorKind::Io, dir.string() + ": cannot write there" +
                                                (ec ? " (" + ec.message() + ")" : ""));
  }
  fs::remove(probe, ec);
  return {};
}

double tonnes(double kg) { return kg / 1000.0; }

std::vector<io::Field> emissionFields(const std::string& prefix) {
  std::vector<io::Field> fields;
  for (const char* name : {"fuel_t", "co2_t", "co2_fossil_t", "ch4_t", "co2e_t", "nox_t", "sox_t",
                           "pm25_t", "bc_t"}) {
    fields.push_back({prefix + name, io::FieldType::Real});
  }
  return fields;
}

void appendEmissions(io::Row& row, const sim::Emissions& e) {
  for (double kg : {e.fuel, e.co2, e.co2Fossil, e.ch4, e.co2e, e.nox, e.sox, e.pm25, e.blackCarbon}) {
    row.emplace_back(tonnes(kg));
  }
}

core::Result<void> writeVoyages(const fs::path& dir, const sim::Scenario& scenario,
                                const sim::Fleet& fleet, const sim::Inventory& inventory) {
  std::vector<io::Field> fields{{"voyage", io::FieldType::Integer}, {"vessel", io::FieldType::Text},
                                {"service", io::FieldType::Text},   {"class", io::FieldType::Text},
                                {"fuel", io::FieldType::Text},      {"from_port", io::FieldType::Text},
                                {"to_port", io::FieldType::Text},   {"depart", io::FieldType::Text},
                                {"arrive", io::FieldType::Text},    {"distance_nm", io::FieldType::Real},
                                {"hours", io::FieldType::Real}};
  const auto emissionColumns = emissionFields("");
  fields.insert(fields.end(), emissionColumns.begin(), emissionColumns.end());

  // Track geometry: each route once, simplified to ~1 km (its samples are 10 km apart anyway).
  std::vector<geo::Polyline> shapes;
  for (const sim::Route& route : fleet.routes()) shapes.push_back(geo::simplify(route.points(), 0.01));
  const core::UtcMicros from = sim::yearStart(inventory.fromYear), to = sim::yearStart(inventory.toYear + 1);
  std::vector<io::Row> rows;
  std::vector<io::LineFeature> tracks;
  for (std::size_t v = 0; v < fleet.voyages().size(); ++v) {
    const sim::Voyage& voyage = fleet.voyages()[v];
    if (voyage.depart < from || voyage.depart >= to) continue;
    const sim::Ship& ship = fleet.ships()[voyage.ship];
    const sim::Service& service = scenario.services[ship.service];
    io::Row row{std::int64_t(v), ship.name, service.id, service.vesselClass,
                std::string(sim::fuelName(voyage.fuel)), scenario.ports[voyage.fromPort].id,
                scenario.ports[voyage.toPort].id, core::formatIso8601(voyage.depart),
                core::formatIso8601(voyage.arrive), inventory.voyages[v].distanceNm,
                inventory.voyages[v].hours};
    appendEmissions(row, inventory.voyages[v].emissions);
    tracks.push_back({shapes[voyage.route], row});
    rows.push_back(std::move(row));
  }
  if (auto written = io::writeLineLayer(dir / "tracks.gpkg", "voyages", fields, tracks); !written) {
    return written;
  }
  return io::writeCsv(dir / "emissions_by_voyage.csv", fields, rows);
}

core::Result<void> writePortYears(const fs::path& dir, const sim::Scenario& scenario,
                                  const sim::Inventory& inventory) {
  std::vector<io::Field> fields{{"port", io::FieldType::Text},    {"port_name", io::FieldType::Text},
                                {"year", io::FieldType::Integer}, {"variant", io::FieldType::Text},
                                {"calls", io::FieldType::Integer},
                                {"shore_power_calls", io::FieldType::Integer}};
  for (const char* part : {"ships_", "at_berth_", "landside_"}) {
    const auto more = emissionFields(part);
    fields.insert(fields.end(), more.begin(), more.end());
  }
  std::vector<io::Row> rows;
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) {
    for (int year = inventory.fromYear; year <= inventory.toYear; ++year) {
      const sim::PortYear& totals = inventory.ports[p][std::size_t(year - inventory.fromYear)];
      io::Row row{scenario.ports[p].id, scenario.ports[p].name, std::int64_t(year), scenario.variant,
                  std::int64_t(totals.calls), std::int64_t(totals.shorePowerCalls)};
      appendEmissions(row, totals.ships);
      appendEmissions(row, totals.atBerth);
      appendEmissions(row, totals.landside);
      rows.push_back(std::move(row));
    }
  }
  return io::writeCsv(dir / "emissions_by_port_year.csv", fields, rows);
}

core::Result<void> writeHotspots(const fs::path& dir, const sim::Scenario& scenario,
                                 const sim::Inventory& inventory, Progress& progress,
                                 std::vector<sim::PortConcentration>& peaks) {
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) {
    const sim::PortConcentration grid = sim::portConcentration(scenario, inventory, p, inventory.toYear);
    // GeoTIFF rows run from the north; the grid's from the south.
    std::vector<float> nox, pm;
    for (int row = grid.rows - 1; row >= 0; --row) {
      for (int column = 0; column < grid.columns; ++column) {
        const std::size_t i = std::size_t(row) * std::size_t(grid.columns) + std::size_t(column);
        nox.push_back(float(grid.nox[i]));
        pm.push_back(float(grid.pm25[i]));
      }
    }
    const std::array<double, 6> transform{grid.southWest.lon, grid.cellLonDegrees, 0.0,
                                          grid.southWest.lat + grid.rows * grid.cellLatDegrees, 0.0,
                                          -grid.cellLatDegrees};
    const std::string year = std::to_string(inventory.toYear);
    auto written = io::writeGeoTiff(dir / ("hotspots_" + scenario.ports[p].id + ".tif"), grid.columns,
                                    grid.rows, transform,
                                    {{"NOx annual mean " + year + " (ug/m3)", nox},
                                     {"PM2.5 annual mean " + year + " (ug/m3)", pm}});
    if (!written) return written;
    progress.step("dispersion " + scenario.ports[p].id);
    peaks.push_back(grid);
  }
  return {};
}

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
  const fs::path file = scenarioPath(options.scenario);
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
  if (auto writable = checkWritable(options.out); !writable) return reportError(writable.error());

  Progress progress(int(scenarios.size()) * (3 + int(scenarios.front().ports.size())));
  core::Stopwatch stopwatch;
  for (const sim::Scenario& scenario : scenarios) {
    const fs::path dir = scenarios.size() > 1 ? fs::path(options.out) / scenario.variant : fs::path(options.out);
    if (auto writable = checkWritable(dir); !writable) return reportError(writable.error());
    const sim::Fleet fleet(scenario, sim::yearStart(fromYear), sim::yearStart(toYear + 1));
    progress.step(scenario.variant + ": schedule");
    const sim::Inventory inventory = sim::takeInventory(scenario, fleet, fromYear, toYear);
    progress.step(scenario.variant + ": emissions");
    for (auto written : {writeVoyages(dir, scenario, fleet, inventory), writePortYears(dir, scenario, inventory)}) {
      if (!written) return reportError(written.error());
    }
    progress.step(scenario.variant + ": tables");
    std::vector<sim::PortConcentration> grids;
    if (auto written = writeHotspots(dir, scenario, inventory, progress, grids); !written) {
      return reportError(written.error());
    }
    printSummary(scenario, inventory);
    for (std::size_t p = 0; p < grids.size(); ++p) printHotspot(scenario.ports[p], grids[p], toYear);
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
  return [options] { return runSimulate(*options); };
}

}  // namespace corridor::viewer
