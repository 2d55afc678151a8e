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
                                 const sim::Inventory& inventory, const PartWritten& partWritten,
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
    const fs::path file = dir / ("hotspots_" + scenario.ports[p].id + ".tif");
    if (!core::staysUnder(dir, file)) return core::fail(core::ErrorKind::Data, file.string() + ": outside " + dir.string());
    auto written = io::writeGeoTiff(file, grid.columns,
                                    grid.rows, transform,
                                    {{"NOx annual mean " + year + " (ug/m3)", nox},
                                     {"PM2.5 annual mean " + year + " (ug/m3)", pm}});
    if (!written) return written;
    if (core::interrupted()) return std::unexpected(core::interruption("simulate"));
    partWritten("dispersion " + scenario.ports[p].id);
    peaks.push_back(grid);
  }
  return {};
}

}  // namespace

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
