#include "app/SimulationResults.h"

#include <array>

#include "core/Interruption.h"
#include "core/OutputFile.h"
#include "geo/Subdivide.h"
#include "io/ResultWriters.h"

namespace corridor::app {
namespace {

namespace fs = std::filesystem;

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

// One row per port, year and source: the ships in the port area by what they do, then each
// landside source. Calls belong to the at-berth row only, so summing a column never counts a
// call twice.
core::Result<void> writePortYears(const fs::path& dir, const sim::Scenario& scenario,
                                  const sim::Inventory& inventory) {
  std::vector<io::Field> fields{{"port", io::FieldType::Text},    {"port_name", io::FieldType::Text},
                                {"year", io::FieldType::Integer}, {"variant", io::FieldType::Text},
                                {"group", io::FieldType::Text},   {"source", io::FieldType::Text},
                                {"calls", io::FieldType::Integer},
                                {"shore_power_calls", io::FieldType::Integer}};
  const auto emissionColumns = emissionFields("");
  fields.insert(fields.end(), emissionColumns.begin(), emissionColumns.end());
  std::vector<io::Row> rows;
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) {
    const sim::Port& port = scenario.ports[p];
    for (int year = inventory.fromYear; year <= inventory.toYear; ++year) {
      const sim::PortYear& totals = inventory.ports[p][std::size_t(year - inventory.fromYear)];
      const auto add = [&](const char* group, const std::string& source, io::FieldValue calls,
                           io::FieldValue shorePowerCalls, const sim::Emissions& emissions) {
        io::Row row{port.id, port.name, std::int64_t(year), scenario.variant, std::string(group), source,
                    calls, shorePowerCalls};
        appendEmissions(row, emissions);
        rows.push_back(std::move(row));
      };
      add("ships", "ships at berth", std::int64_t(totals.calls), std::int64_t(totals.shorePowerCalls),
          totals.atBerth);
      add("ships", "ships manoeuvring", std::monostate{}, std::monostate{}, totals.manoeuvring);
      add("ships", "ships under way in port area", std::monostate{}, std::monostate{}, totals.underway);
      for (std::size_t s = 0; s < port.areaSources.size(); ++s) {
        add("landside", port.areaSources[s].name, std::monostate{}, std::monostate{}, totals.landsideBySource[s]);
      }
    }
  }
  return io::writeCsv(dir / "emissions_by_port_year.csv", fields, rows);
}

// GeoTIFF rows run from the north; the grid's from the south.
std::vector<float> northUp(const std::vector<double>& values, int columns, int rows) {
  std::vector<float> flipped;
  flipped.reserve(values.size());
  for (int row = rows - 1; row >= 0; --row) {
    for (int column = 0; column < columns; ++column) {
      flipped.push_back(float(values[std::size_t(row) * std::size_t(columns) + std::size_t(column)]));
    }
  }
  return flipped;
}

io::RasterBand annualMeanBand(const char* pollutant, int year, std::vector<float> values) {
  return {std::string(pollutant) + " " + std::to_string(year),
          std::move(values),
          "ug/m3",
          {{"POLLUTANT", pollutant}, {"YEAR", std::to_string(year)}, {"STATISTIC", "annual mean at ground level"}}};
}

std::string hotspotFileName(const sim::Port& port) { return "hotspots_" + port.id + ".tif"; }

// hotspots_<port>.tif: NOx and PM2.5 annual means of every year of the run, two bands a year
// ("NOx 2031", "PM2.5 2031"); the last year's grids are returned for the summary.
core::Result<void> writeHotspots(const fs::path& dir, const sim::Scenario& scenario,
                                 const sim::Inventory& inventory, const PartWritten& partWritten,
                                 std::vector<sim::PortConcentration>& peaks) {
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) {
    const sim::PortFootprint footprint = sim::annualFootprint(scenario, p);
    std::vector<io::RasterBand> bands;
    sim::PortConcentration grid;
    for (int year = inventory.fromYear; year <= inventory.toYear; ++year) {
      grid = sim::portConcentration(footprint, scenario, inventory, p, year);
      bands.push_back(annualMeanBand("NOx", year, northUp(grid.nox, grid.columns, grid.rows)));
      bands.push_back(annualMeanBand("PM2.5", year, northUp(grid.pm25, grid.columns, grid.rows)));
    }
    const std::array<double, 6> transform{grid.southWest.lon, grid.cellLonDegrees, 0.0,
                                          grid.southWest.lat + grid.rows * grid.cellLatDegrees, 0.0,
                                          -grid.cellLatDegrees};
    const fs::path file = dir / hotspotFileName(scenario.ports[p]);
    if (!core::staysUnder(dir, file)) return core::fail(core::ErrorKind::Data, file.string() + ": outside " + dir.string());
    if (auto written = io::writeGeoTiff(file, grid.columns, grid.rows, transform, bands); !written) return written;
    if (core::interrupted()) return std::unexpected(core::interruption("simulate"));
    partWritten("dispersion " + scenario.ports[p].id);
    peaks.push_back(std::move(grid));
  }
  return {};
}

}  // namespace

std::vector<std::string> simulationResultNames(const sim::Scenario& scenario) {
  std::vector<std::string> names{"tracks.gpkg", "emissions_by_voyage.csv", "emissions_by_port_year.csv"};
  for (const sim::Port& port : scenario.ports) names.push_back(hotspotFileName(port));
  return names;
}

core::Result<std::vector<sim::PortConcentration>> writeSimulationResults(const fs::path& dir,
                                                                        const sim::Scenario& scenario,
                                                                        const sim::Fleet& fleet,
                                                                        const sim::Inventory& inventory,
                                                                        const PartWritten& partWritten) {
  if (auto written = writeVoyages(dir, scenario, fleet, inventory); !written) return std::unexpected(written.error());
  if (auto written = writePortYears(dir, scenario, inventory); !written) return std::unexpected(written.error());
  partWritten("tables");
  std::vector<sim::PortConcentration> grids;
  if (auto written = writeHotspots(dir, scenario, inventory, partWritten, grids); !written) {
    return std::unexpected(written.error());
  }
  return grids;
}

}  // namespace corridor::app
