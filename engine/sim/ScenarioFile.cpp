#include "sim/ScenarioFile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <toml++/toml.h>

#include "sim/PortDispersion.h"
#include "sim/Route.h"
#include "sim/Schedule.h"
#include "sim/TomlReader.h"

namespace corridor::sim {
namespace {


geo::LonLat lonLat(const toml::node& node, const std::string& key) {
  const toml::array* pair = node.as_array();
  if (!pair || pair->size() != 2 || !(*pair)[0].is_number() || !(*pair)[1].is_number()) {
    throw SchemaError(node, key, "expected [longitude, latitude] in degrees");
  }
  const double lon = *(*pair)[0].value<double>(), lat = *(*pair)[1].value<double>();
  // Written as !(inside) so that nan, which compares false with everything, is refused too.
  if (!(lon >= -180 && lon <= 360)) throw SchemaError(node, key, "longitude " + std::to_string(lon) + " is outside -180..360");
  if (!(lat >= -90 && lat <= 90)) throw SchemaError(node, key, "latitude " + std::to_string(lat) + " is outside -90..90");
  return {lon, lat};
}

// [a, b] with both numbers within min..max.
std::pair<double, double> numberPair(const toml::node& node, const std::string& key, double min,
                                     double max) {
  const toml::array* pair = node.as_array();
  if (!pair || pair->size() != 2 || !(*pair)[0].is_number() || !(*pair)[1].is_number()) {
    throw SchemaError(node, key, "expected a pair of numbers [a, b]");
  }
  const double a = *(*pair)[0].value<double>(), b = *(*pair)[1].value<double>();
  if (!(a >= min && a <= max && b >= min && b <= max)) {
    throw SchemaError(node, key, "values must be within " + std::to_string(min) + ".." + std::to_string(max));
  }
  return {a, b};
}

std::vector<geo::LonLat> lonLatList(TableReader& reader, const std::string& name) {
  std::vector<geo::LonLat> points;
  const toml::array& list = reader.array(name);
  for (std::size_t i = 0; i < list.size(); ++i) {
    points.push_back(lonLat(list[i], reader.key(name) + "[" + std::to_string(i) + "]"));
  }
  return points;
}

int yearKey(const toml::key& name, const toml::node& node, const std::string& key) {
  const std::string text(name.str());
  char* end = nullptr;
  const long year = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || year < 1900 || year > 2200) {
    throw SchemaError(node, key + "." + text, "expected a year (1900..2200) as the key");
  }
  return int(year);
}

// { 2023 = 0.8, 2030 = 1.0 }
YearCurve yearCurve(TableReader& reader, const std::string& name, double min, double max) {
  YearCurve curve;
  const toml::node* node = reader.find(name);
  if (!node) return curve;
  if (!node->is_table()) throw SchemaError(*node, reader.key(name), "expected a table of year = value");
  for (const auto& [year, value] : *node->as_table()) {
    TableReader single(*node->as_table(), reader.key(name));
    curve.points[yearKey(year, value, reader.key(name))] =
        single.checkedNumber(value, std::string(year.str()), min, max);
  }
  return curve;
}

std::string phaseKey(Phase phase) {
  std::string name = phaseName(phase);
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

PhasePower phasePower(TableReader& reader, const std::string& name) {
  TableReader table(reader.table(name), reader.key(name));
  PhasePower power;
  double* fields[] = {&power.cruise, &power.reducedSpeed, &power.manoeuvring, &power.anchorage,
                      &power.atBerth};
  for (int p = 0; p < kPhaseCount; ++p) *fields[p] = table.number(phaseKey(Phase(p)), 0, 1e5);
  table.rejectUnknownKeys();
  return power;
}

template <class Enum, std::size_t N>
Enum choice(TableReader& reader, const std::string& name, const std::array<std::pair<const char*, Enum>, N>& options) {
  const std::string value = reader.string(name);
  std::string names;
  for (const auto& [text, e] : options) {
    if (value == text) return e;
    names += (names.empty() ? "" : ", ") + std::string(text);
  }
  throw SchemaError(reader.require(name), reader.key(name), "'" + value + "' is not one of: " + names);
}

StabilityClass stabilityClass(TableReader& table) {
  return choice(table, "stability", std::array<std::pair<const char*, StabilityClass>, 6>{
      {{"A", StabilityClass::A}, {"B", StabilityClass::B}, {"C", StabilityClass::C},
       {"D", StabilityClass::D}, {"E", StabilityClass::E}, {"F", StabilityClass::F}}});
}

Terrain terrain(TableReader& table, const std::string& name, Terrain fallback) {
  if (!table.find(name)) return fallback;
  return choice(table, name, std::array<std::pair<const char*, Terrain>, 2>{
      {{"rural", Terrain::Rural}, {"urban", Terrain::Urban}}});
}

Weather weather(TableReader& port) {
  Weather w;
  TableReader table(port.table("weather"), port.key("weather"));
  w.windSpeed = table.number("wind_speed", w.windSpeed, 0.5, 40);
  w.windFromDegrees = table.number("wind_from", w.windFromDegrees, 0, 360);
  if (table.find("stability")) w.stability = stabilityClass(table);
  w.terrain = terrain(table, "terrain", w.terrain);
  table.rejectUnknownKeys();
  return w;
}

// "N", "NNE", ... "NNW" or degrees.
double windFrom(TableReader& entry) {
  const toml::node& node = entry.require("from");
  if (!node.is_string()) return entry.number("from", 0, 360);
  const std::string name = *node.value<std::string>();
  if (const auto degrees = compassPointDegrees(name)) return *degrees;
  throw SchemaError(node, entry.key("from"), "'" + name + "' is not a compass point (N, NNE, ... NNW) or degrees");
}

// [ports.wind_rose]: terrain, sector_width_deg and entries = [{ from, speed, stability, frequency }]
// or entries_file (a CSV read by loadScenario).
WindRose windRose(TableReader& port, Port& p) {
  TableReader table(port.table("wind_rose"), port.key("wind_rose"));
  WindRose rose;
  rose.terrain = terrain(table, "terrain", rose.terrain);
  rose.sectorWidthDegrees = table.number("sector_width_deg", rose.sectorWidthDegrees, 0, 90);
  if (rose.sectorWidthDegrees > 0 &&
      (rose.sectorWidthDegrees < 1 ||
       std::abs(360 / rose.sectorWidthDegrees - std::round(360 / rose.sectorWidthDegrees)) > 1e-9)) {
    throw SchemaError(table.require("sector_width_deg"), table.key("sector_width_deg"),
                      "must be 0 (no spread) or from 1 to 90 degrees and divide 360");
  }
  if (table.find("entries_file")) {
    if (table.find("entries")) {
      throw SchemaError(table.require("entries"), table.key("entries"), "give entries or entries_file, not both");
    }
    p.windRoseFile = table.string("entries_file");
    if (p.windRoseFile.empty()) {
      throw SchemaError(table.require("entries_file"), table.key("entries_file"), "name a CSV file of the rose's entries");
    }
    p.windRoseFileAt = {table.key("entries_file"), int(table.require("entries_file").source().begin.line)};
    table.string("source", "");  // citation, kept in the file for readers
    table.rejectUnknownKeys();
    return rose;
  }
  const toml::array& entries = table.array("entries");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string key = table.key("entries") + "[" + std::to_string(i) + "]";
    if (!entries[i].is_table()) throw SchemaError(entries[i], key, "expected a table");
    TableReader entry(*entries[i].as_table(), key);
    WindRoseEntry e;
    e.windFromDegrees = windFrom(entry);
    if (!onSectorCentre(rose.sectorWidthDegrees, e.windFromDegrees)) {
      throw SchemaError(entry.require("from"), entry.key("from"),
                        "a sector centre is a multiple of sector_width_deg " + std::to_string(rose.sectorWidthDegrees));
    }
    e.windSpeed = entry.number("speed", 0.5, 40);
    e.stability = stabilityClass(entry);
    e.frequency = entry.number("frequency", 0, 1);
    if (entry.find("months")) {
      e.months = 0;
      const toml::array& months = entry.array("months");
      for (std::size_t m = 0; m < months.size(); ++m) {
        const int month = int(entry.checkedNumber(months[m], "months[" + std::to_string(m) + "]", 1, 12));
        e.months = std::uint16_t(e.months | (1u << (month - 1)));
      }
      if (e.months == 0) throw SchemaError(months, entry.key("months"), "name at least one month (1-12)");
    }
    entry.rejectUnknownKeys();
    rose.entries.push_back(e);
  }
  if (entries.empty()) throw SchemaError(entries, table.key("entries"), "a wind rose needs at least one entry");
  if (double sum = 0; !frequenciesSumToOne(rose.entries, sum)) {
    throw SchemaError(entries, table.key("entries"),
                      "the frequencies sum to " + std::to_string(sum) + ", not 1 (within 0.1 %)");
  }
  table.string("source", "");
  table.rejectUnknownKeys();
  return rose;
}

// One of: weather (one steady plume for every hour), wind_rose, met_file (read by loadScenario).
void portClimate(TableReader& reader, Port& port) {
  const bool steady = reader.find("weather"), rose = reader.find("wind_rose"), met = reader.find("met_file");
  if (int(steady) + int(rose) + int(met) > 1) {
    throw SchemaError(reader.require(met ? "met_file" : "wind_rose"), reader.key(met ? "met_file" : "wind_rose"),
                      "give one of weather, wind_rose and met_file");
  }
  if (steady) port.windRose = steadyRose(weather(reader));
  if (rose) port.windRose = windRose(reader, port);
  if (met) {
    port.metFile = reader.string("met_file");
    port.windRose.terrain = terrain(reader, "met_terrain", port.windRose.terrain);
  }
}

template <class T>
std::vector<T> list(TableReader& root, const std::string& name, T (*read)(const toml::table&, const std::string&)) {
  std::vector<T> items;
  const toml::array& array = root.array(name);
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string key = root.key(name) + "[" + std::to_string(i) + "]";
    if (!array[i].is_table()) throw SchemaError(array[i], key, "expected a table");
    items.push_back(read(*array[i].as_table(), key));
  }
  return items;
}

// An area's farthest point (its box's farthest corner; a path's with half its width) must lie
// where the heatmap draws it at full strength: the grid grows to that, up to its largest.
void checkReach(const toml::node& node, const std::string& key, const AreaEmissionSource& area, double areaReachKm) {
  const double reachKm = glm::length(area.reachKm());
  if (reachKm <= areaReachKm) return;
  char message[240];
  std::snprintf(message, sizeof message,
                "the area's farthest corner lies %.2f km from the port; areas may reach at most %g km: the largest "
                "dispersion grid's %g km less the heatmap's %g km fade",
                reachKm, areaReachKm, kMaxPortGridMeters / 2000.0, kPortGridFadeMeters / 1000.0);
  throw SchemaError(node, key, message);
}

// path_km = [[east, north], ...] and width_km: a road or bridge, held inside the grid as a box is.
void readPath(TableReader& source, AreaEmissionSource& area, double areaReachKm) {
  // A strip costs its lattice points times the grid's receptors, on every field: a moment's
  // footprint of Shanghai, its 32 km x 1 km bridge included, takes 0.28 s on two cores.
  constexpr std::size_t kMaxPathPoints = 200;
  constexpr double kMaxStripKm2 = 100;
  const toml::node& node = *source.find("path_km");
  const toml::array& vertices = source.array("path_km");
  if (vertices.size() < 2 || vertices.size() > kMaxPathPoints) {
    throw SchemaError(node, source.key("path_km"),
                      "expected 2 to " + std::to_string(kMaxPathPoints) + " [east, north] points");
  }
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    const auto at =
        numberPair(vertices[i], source.key("path_km") + "[" + std::to_string(i) + "]", -areaReachKm, areaReachKm);
    area.pathKm.push_back({at.first, at.second});
  }
  // Two cells of the dispersion grid at least: a narrower strip falls between its points.
  area.pathWidthKm = source.number("width_km", area.pathWidthKm, 0.5, 5);
  double lengthKm = 0;
  for (std::size_t i = 1; i < area.pathKm.size(); ++i) lengthKm += glm::length(area.pathKm[i] - area.pathKm[i - 1]);
  if (lengthKm == 0) throw SchemaError(node, source.key("path_km"), "the path has no length");
  if (lengthKm * area.pathWidthKm > kMaxStripKm2) {
    char message[160];
    std::snprintf(message, sizeof message, "the strip covers %.0f km2 (length x width_km); at most %g km2",
                  lengthKm * area.pathWidthKm, kMaxStripKm2);
    throw SchemaError(node, source.key("path_km"), message);
  }
  checkReach(node, source.key("path_km"), area, areaReachKm);
}

AreaEmissionSource areaSource(const toml::table& node, const std::string& key) {
  TableReader source(node, key);
  AreaEmissionSource area;
  area.name = source.string("name");
  const double areaReachKm = kMaxAreaReachMeters / 1000.0;
  const bool alongPath = source.find("path_km") != nullptr;
  if (alongPath && (source.find("size_km") || source.find("offset_km"))) {
    throw SchemaError(node, key, "give the area as path_km (with width_km) or as size_km and offset_km, not both");
  }
  if (!alongPath && source.find("width_km")) {
    throw SchemaError(*source.find("width_km"), source.key("width_km"),
                      "width_km is the width of a path_km; give both");
  }
  if (!alongPath && !source.find("size_km")) {
    throw SchemaError(node, key, "give size_km (a box, with offset_km) or path_km (a road or bridge, with width_km)");
  }
  if (alongPath) {
    readPath(source, area, areaReachKm);
  } else {
    const auto size = numberPair(source.require("size_km"), source.key("size_km"), 0.01, 2 * areaReachKm);
    area.sizeKm = {size.first, size.second};
  }
  if (source.find("offset_km")) {  // a rail corridor leaving the port, say
    const auto at = numberPair(source.require("offset_km"), source.key("offset_km"), -areaReachKm, areaReachKm);
    area.offsetKm = {at.first, at.second};
  }
  if (!alongPath) {
    const std::string placedBy = source.find("offset_km") ? "offset_km" : "size_km";
    checkReach(*source.find(placedBy), source.key(placedBy), area, areaReachKm);
  }
  // Either tonnes a year or grams per TEU handled; never a mix of the two.
  const bool perYear = source.find("nox_t_per_year") || source.find("pm25_t_per_year") ||
                       source.find("sox_t_per_year") || source.find("co2_t_per_year");
  area.perTeu = source.find("nox_g_per_teu") || source.find("pm25_g_per_teu") || source.find("sox_g_per_teu") ||
                source.find("co2_g_per_teu");
  if (perYear && area.perTeu) {
    throw SchemaError(node, key, "give emissions as *_t_per_year or as *_g_per_teu, not both");
  }
  const char* unit = area.perTeu ? "_g_per_teu" : "_t_per_year";
  const auto amount = [&](const char* pollutant, double max) {
    return source.number(pollutant + std::string(unit), 0, 0, max);
  };
  area.nox = amount("nox", 1e6);
  area.pm25 = amount("pm25", 1e6);
  area.sox = amount("sox", 1e6);
  area.co2 = amount("co2", area.perTeu ? 1e7 : 1e9);
  area.zeroEmissionShare = yearCurve(source, "zero_emission_share", 0, 1);
  source.string("source", "");  // citation, kept in the file for readers
  source.rejectUnknownKeys();
  return area;
}

// Port ids and variant names become file and folder names (hotspots_LAX.tif, OUT/baseline).
std::string fileNameId(TableReader& reader, const std::string& name) {
  std::string id = reader.string(name);
  if (!isFileNameId(id)) {
    throw SchemaError(reader.require(name), reader.key(name),
                      "'" + id + "' may hold only letters, digits, '_' and '-' (it names output files)");
  }
  return id;
}

Port port(const toml::table& node, const std::string& key) {
  TableReader reader(node, key);
  Port p;
  p.id = fileNameId(reader, "id");
  p.name = reader.string("name", p.id);
  p.position = lonLat(reader.require("position"), reader.key("position"));
  if (reader.find("berth_size_km")) {
    const auto size = numberPair(reader.require("berth_size_km"), reader.key("berth_size_km"), 0.05, 20);
    p.berthSizeKm = {size.first, size.second};
  }
  p.approach = lonLatList(reader, "approach");
  p.portRadiusNm = reader.number("port_radius_nm", p.portRadiusNm, 1, 200);
  p.manoeuvringNm = reader.number("manoeuvring_nm", p.manoeuvringNm, 0, 50);
  p.manoeuvringSpeedKn = reader.number("manoeuvring_speed_kn", p.manoeuvringSpeedKn, 1, 20);
  p.emissionControlArea = reader.boolean("emission_control_area", false);
  if (reader.find("speed_reduction")) {
    TableReader zone(reader.table("speed_reduction"), reader.key("speed_reduction"));
    p.speedReduction.radiusNm = zone.number("radius_nm", 0, 200);
    p.speedReduction.speedKn = zone.number("speed_kn", 1, 30);
    p.speedReduction.compliance = yearCurve(zone, "compliance", 0, 1);
    if (p.speedReduction.compliance.points.empty()) p.speedReduction.compliance.points[0] = 1.0;  // all comply
    zone.rejectUnknownKeys();
  }
  p.shorePowerUptake = yearCurve(reader, "shore_power_uptake", 0, 1);
  portClimate(reader, p);
  p.throughputTeu = yearCurve(reader, "throughput_teu", 0, 1e9);
  if (reader.find("area_sources")) p.areaSources = list(reader, "area_sources", areaSource);
  for (std::size_t i = 0; i < p.areaSources.size(); ++i) {
    if (p.areaSources[i].perTeu && p.throughputTeu.points.empty()) {
      throw SchemaError(node, reader.key("area_sources[" + std::to_string(i) + "]"),
                        "emissions per TEU need the port's throughput_teu = { YEAR = TEU }");
    }
  }
  reader.rejectUnknownKeys();
  return p;
}

template <class T>
bool hasId(const std::vector<T>& items, const std::string& id) {
  return std::any_of(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
}

template <class T>
void checkUniqueIds(const std::vector<T>& items, const char* name, const toml::table& root) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!seen.insert(items[i].id).second) {
      throw SchemaError(root, std::string(name) + "[" + std::to_string(i) + "].id",
                        "duplicate id '" + items[i].id + "'");
    }
  }
}

// "LAX" or ["LAX", "LGB"].
std::vector<std::string> portIds(TableReader& reader, const std::string& name) {
  const toml::node& node = reader.require(name);
  if (node.is_string()) return {*node.value<std::string>()};
  std::vector<std::string> ids;
  if (const toml::array* list = node.as_array()) {
    for (const toml::node& item : *list) {
      if (!item.is_string()) break;
      ids.push_back(*item.value<std::string>());
    }
    if (!list->empty() && ids.size() == list->size()) return ids;
  }
  throw SchemaError(node, reader.key(name), "expected a port id or a list of port ids");
}

Corridor corridor(const toml::table& node, const std::string& key) {
  TableReader reader(node, key);
  Corridor c;
  c.id = reader.string("id");
  c.from = portIds(reader, "from");
  c.to = portIds(reader, "to");
  for (const std::string& end : c.from) {
    if (c.endsAt(end)) {
      throw SchemaError(reader.require("to"), reader.key("to"), "port '" + end + "' is at both ends");
    }
  }
  c.waypoints = lonLatList(reader, "waypoints");
  reader.rejectUnknownKeys();
  return c;
}

VesselClass vesselClass(const toml::table& node, const std::string& key) {
  TableReader reader(node, key);
  VesselClass v;
  v.id = reader.string("id");
  v.name = reader.string("name", v.id);
  if (reader.find("teu")) {
    const auto teu = numberPair(reader.require("teu"), reader.key("teu"), 0, 100000);
    v.teuMin = int(teu.first);
    v.teuMax = int(teu.second);
  }
  v.mcrKw = reader.number("mcr_kw", 100, 200000);
  v.designSpeedKn = reader.number("design_speed_kn", 1, 40);
  v.serviceSpeedKn = reader.number("service_speed_kn", 1, 40);
  v.mainEngine = choice(reader, "main_engine", std::array<std::pair<const char*, EngineType>, 5>{
      {{"slow-speed-diesel", EngineType::SlowSpeedDiesel},
       {"medium-speed-diesel", EngineType::MediumSpeedDiesel},
       {"lng-otto-slow-speed", EngineType::LngOttoSlowSpeed},
       {"lng-otto-medium-speed", EngineType::LngOttoMediumSpeed},
       {"lng-diesel-slow-speed", EngineType::LngDieselSlowSpeed}}});
  v.mainEngineRpm = reader.number("main_engine_rpm", v.mainEngineRpm, 30, 3000);
  v.tier = choice(reader, "nox_tier", std::array<std::pair<const char*, NoxTier>, 3>{
      {{"I", NoxTier::I}, {"II", NoxTier::II}, {"III", NoxTier::III}}});
  v.sfocBaseGPerKWh = reader.number("sfoc_base", 120, 300);
  v.stackHeightM = reader.number("stack_height_m", v.stackHeightM, 5, 150);
  v.auxiliaryKw = phasePower(reader, "auxiliary_kw");
  v.boilerKw = phasePower(reader, "boiler_kw");
  reader.string("source", "");  // citation, kept in the file for readers
  reader.rejectUnknownKeys();
  return v;
}

FuelMix fuelMix(const toml::table& node, const std::string& key) {
  TableReader reader(node, key);
  FuelMix mix;
  mix.id = reader.string("id");
  const toml::table& years = reader.table("shares");
  if (years.empty()) throw SchemaError(years, reader.key("shares"), "expected at least one year");
  for (const auto& [year, value] : years) {
    const std::string yearPath = reader.key("shares") + "." + std::string(year.str());
    if (!value.is_table()) throw SchemaError(value, yearPath, "expected a table of fuel = share");
    TableReader shares(*value.as_table(), yearPath);
    std::array<double, kFuelCount> row{};
    double total = 0;
    for (int f = 0; f < kFuelCount; ++f) {
      std::string name = fuelName(Fuel(f));
      for (char& c : name) c = c == ' ' ? '_' : c;
      row[std::size_t(f)] = shares.number(name, 0, 0, 1);
      total += row[std::size_t(f)];
    }
    shares.rejectUnknownKeys();
    if (std::abs(total - 1.0) > 1e-6) {
      throw SchemaError(value, yearPath, "fuel shares sum to " + std::to_string(total * 100) +
                                             " %, expected 100 %");
    }
    mix.shares[yearKey(year, value, reader.key("shares"))] = row;
  }
  reader.rejectUnknownKeys();
  return mix;
}

// A service as written: its loop as `rotation` (port ids) or as one two-port `corridor`, its
// dwell as hours at every call or a table by port. Resolved once the corridors are known.
struct ServiceEntry {
  Service service;
  std::optional<std::string> corridor;
  std::optional<double> dwellEveryCall;
  std::map<std::string, double> dwellAt;
  const toml::table* node = nullptr;
  std::string key;
};

ServiceEntry service(const toml::table& node, const std::string& key) {
  TableReader reader(node, key);
  ServiceEntry entry;
  entry.node = &node;
  entry.key = key;
  Service& s = entry.service;
  s.id = reader.string("id");
  const bool hasRotation = reader.find("rotation"), hasCorridor = reader.find("corridor");
  if (hasRotation == hasCorridor) {
    throw SchemaError(node, key, "give either rotation = [the ports of the loop, in order] or corridor = ID");
  }
  if (hasRotation) {
    s.calls = portIds(reader, "rotation");
    if (s.calls.size() < 2) {
      throw SchemaError(reader.require("rotation"), reader.key("rotation"), "a loop calls at two ports at least");
    }
  } else {
    entry.corridor = reader.string("corridor");
  }
  s.vesselClass = reader.string("vessel_class");
  s.ships = reader.integer("ships", s.ships, 1, 1000);
  s.sailingIntervalDays = reader.number("sailing_interval_days", 0.5, 365);
  s.speedKn = reader.number("speed_kn", 1, 40);
  const toml::node& dwell = reader.require("dwell_hours");
  constexpr double kLongestDwellHours = 24 * 30;
  if (const toml::table* byPort = dwell.as_table()) {
    TableReader hours(*byPort, reader.key("dwell_hours"));
    for (const auto& [port, value] : *byPort) {
      const std::string id(port.str());
      entry.dwellAt[id] = hours.checkedNumber(value, id, 0, kLongestDwellHours);
    }
  } else {
    entry.dwellEveryCall = reader.checkedNumber(dwell, "dwell_hours", 0, kLongestDwellHours);
  }
  s.fuelMix = reader.string("fuel_mix");
  reader.rejectUnknownKeys();
  return entry;
}

// The loop's calls, the corridor of each leg and the dwell at each call.
Service resolveService(ServiceEntry entry, const Scenario& scenario) {
  Service s = std::move(entry.service);
  const auto fail = [&](const std::string& key, const std::string& message) -> void {
    throw SchemaError(*entry.node, entry.key + key, message);
  };
  if (entry.corridor) {
    const std::string& id = *entry.corridor;
    if (!hasId(scenario.corridors, id)) fail(".corridor", "unknown corridor '" + id + "'");
    const Corridor& corridor = scenario.corridor(id);
    if (corridor.from.size() != 1 || corridor.to.size() != 1) {
      fail(".corridor", "corridor '" + id + "' has several ports at an end; give rotation = [...]");
    }
    s.calls = {corridor.from[0], corridor.to[0]};
    s.legs = {corridor.id, corridor.id};
  } else {
    for (std::size_t i = 0; i < s.calls.size(); ++i) {
      if (!hasId(scenario.ports, s.calls[i])) {
        fail(".rotation[" + std::to_string(i) + "]", "unknown port '" + s.calls[i] + "'");
      }
    }
    for (std::size_t i = 0; i < s.calls.size(); ++i) {
      const std::string &from = s.calls[i], &to = s.calls[(i + 1) % s.calls.size()];
      const std::string where = ".rotation[" + std::to_string(i) + "]";
      if (from == to) fail(where, "calls at '" + from + "' twice in a row");
      std::vector<std::string> lanes;
      for (const Corridor& corridor : scenario.corridors) {
        if (corridor.joins(from, to)) lanes.push_back(corridor.id);
      }
      if (lanes.empty()) {
        fail(where, "no corridor joins '" + from + "' and '" + to + "'; add a [[corridors]] between them");
      }
      if (lanes.size() > 1) {
        fail(where, "corridors '" + lanes[0] + "' and '" + lanes[1] + "' both join '" + from + "' and '" + to +
                        "'; keep one lane between two ports");
      }
      s.legs.push_back(lanes[0]);
    }
  }
  for (const std::string& port : s.calls) {
    const auto given = entry.dwellAt.find(port);
    if (given == entry.dwellAt.end() && !entry.dwellEveryCall) {
      fail(".dwell_hours", "no hours at '" + port + "' (add " + port + " = HOURS)");
    }
    s.dwellHours.push_back(given != entry.dwellAt.end() ? given->second : *entry.dwellEveryCall);
  }
  for (const auto& [port, hours] : entry.dwellAt) {
    if (!s.callsAt(port)) fail(".dwell_hours." + port, "the service does not call at '" + port + "'");
  }
  return s;
}

// Every reference points at something that exists, and ids are unique.
void checkReferences(const Scenario& s, const toml::table& root) {
  auto fail = [&](const std::string& key, const std::string& message) {
    throw SchemaError(root, key, message);
  };
  checkUniqueIds(s.ports, "ports", root);
  checkUniqueIds(s.corridors, "corridors", root);
  checkUniqueIds(s.classes, "vessel_classes", root);
  checkUniqueIds(s.fuelMixes, "fuel_mixes", root);
  for (std::size_t i = 0; i < s.corridors.size(); ++i) {
    const Corridor& corridor = s.corridors[i];
    for (const auto* ends : {&corridor.from, &corridor.to}) {
      for (const std::string& end : *ends) {
        if (!hasId(s.ports, end)) fail("corridors[" + std::to_string(i) + "]", "unknown port '" + end + "'");
      }
    }
  }
}

// Services point at a vessel class and a fuel mix that exist, and their ids are unique.
void checkServices(const Scenario& s, const toml::table& root) {
  checkUniqueIds(s.services, "services", root);
  for (std::size_t i = 0; i < s.services.size(); ++i) {
    const Service& service = s.services[i];
    const std::string key = "services[" + std::to_string(i) + "]";
    if (!hasId(s.classes, service.vesselClass)) {
      throw SchemaError(root, key + ".vessel_class", "unknown vessel class '" + service.vesselClass + "'");
    }
    if (!hasId(s.fuelMixes, service.fuelMix)) {
      throw SchemaError(root, key + ".fuel_mix", "unknown fuel mix '" + service.fuelMix + "'");
    }
  }
}

// The key that identifies an element of an array of tables: `id`, else `name`.
std::optional<std::string> identity(const toml::table& table) {
  if (auto id = table["id"].value<std::string>()) return id;
  return table["name"].value<std::string>();
}

// A table keyed by years ({ 2023 = ..., 2030 = ... }) is one value over time, and a service's
// dwell by port goes with its rotation: a variant that gives either replaces it whole rather
// than blending its keys with the base's.
bool replacedWhole(std::string_view key, const toml::table& table) {
  if (key == "dwell_hours") return true;
  return !table.empty() && std::all_of(table.begin(), table.end(), [](const auto& entry) {
    const std::string_view year = entry.first.str();
    return std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; });
  });
}

// Merges `over` into `base`: tables key by key (year and dwell tables replaced whole), arrays of tables
// matched by `id` (or `name`), anything else replaced.
void mergeInto(toml::table& base, const toml::table& over) {
  for (const auto& [key, value] : over) {
    toml::node* existing = base.get(key);
    if (existing && existing->is_table() && value.is_table() && !replacedWhole(key.str(), *value.as_table())) {
      mergeInto(*existing->as_table(), *value.as_table());
    } else if (existing && existing->is_array() && value.is_array() && value.as_array()->is_array_of_tables()) {
      toml::array& items = *existing->as_array();
      for (const toml::node& change : *value.as_array()) {
        const toml::table& changeTable = *change.as_table();
        const auto id = identity(changeTable);
        toml::table* target = nullptr;
        for (toml::node& item : items) {
          if (item.is_table() && id && identity(*item.as_table()) == id) target = item.as_table();
        }
        if (target) {
          mergeInto(*target, changeTable);
        } else {
          items.push_back(changeTable);
        }
      }
    } else {
      base.insert_or_assign(key, value);
    }
  }
}

// The file's variants (an empty table when it has none), each name checked.
toml::table namedVariants(const toml::table& root) {
  const toml::node* variants = root.get("variants");
  if (!variants) return {};
  if (!variants->is_table()) throw SchemaError(*variants, "variants", "expected a table of named variants");
  for (const auto& [name, value] : *variants->as_table()) {
    if (!isFileNameId(std::string(name.str()))) {
      throw SchemaError(value, "variants." + std::string(name.str()),
                        "a variant name may hold only letters, digits, '_' and '-' (it names an output folder)");
    }
  }
  return *variants->as_table();
}

Scenario readScenario(toml::table root, const std::string& variant) {
  std::string chosen = variant;
  if (root.get("variants")) {
    const toml::table variantTable = namedVariants(root);
    root.erase("variants");
    if (!chosen.empty()) {
      const toml::node* over = variantTable.get(chosen);
      if (!over || !over->is_table()) {
        std::string names;
        for (const auto& [name, v] : variantTable) names += (names.empty() ? "" : ", ") + std::string(name.str());
        throw SchemaError(variantTable, "variants." + chosen, "no such variant (the file has: " + names + ")");
      }
      toml::table changes = *over->as_table();
      changes.erase("description");
      mergeInto(root, changes);
    }
  } else if (!chosen.empty()) {
    throw SchemaError(root, "variants." + chosen, "the file defines no variants");
  }

  TableReader reader(root, "");
  Scenario s;
  s.variant = chosen.empty() ? "base" : chosen;
  {
    TableReader head(reader.table("scenario"), "scenario");
    s.name = head.string("name");
    s.startYear = head.integer("start_year", s.startYear, 1990, 2200);
    s.endYear = head.integer("end_year", s.endYear, s.startYear, 2200);
    if (s.endYear < s.startYear) {
      throw SchemaError(head.node(), "scenario.end_year", "missing: the default 2040 is before start_year");
    }
    s.seed = std::uint64_t(head.integer("seed", 1, 0, 1 << 30));
    head.string("description", "");
    head.rejectUnknownKeys();
  }
  s.ports = list(reader, "ports", port);
  s.corridors = list(reader, "corridors", corridor);
  s.classes = list(reader, "vessel_classes", vesselClass);
  s.fuelMixes = list(reader, "fuel_mixes", fuelMix);
  const std::vector<ServiceEntry> services = list(reader, "services", service);
  reader.rejectUnknownKeys();
  checkReferences(s, root);
  for (const ServiceEntry& entry : services) s.services.push_back(resolveService(entry, s));
  checkServices(s, root);
  return s;
}


}  // namespace

bool isFileNameId(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

core::Result<void> checkSchedules(const Scenario& scenario) {
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& service = scenario.services[i];
    std::vector<Route> routes;
    std::vector<LoopLeg> legs;
    for (std::size_t leg = 0; leg < service.calls.size(); ++leg) {
      const Port& from = scenario.port(service.calls[leg]);
      const Port& to = scenario.port(service.calls[(leg + 1) % service.calls.size()]);
      routes.emplace_back(from, scenario.corridor(service.legs[leg]), to);
      legs.push_back({nullptr, &from, &to});
    }
    for (std::size_t leg = 0; leg < routes.size(); ++leg) legs[leg].route = &routes[leg];
    const ServiceTimetable timetable = serviceTimetable(service, legs);
    const std::string name = "services[" + std::to_string(i) + "] '" + service.id + "': ";
    char numbers[200];
    std::snprintf(numbers, sizeof numbers, "%d ships %g days apart make a loop of %.1f days", service.ships,
                  service.sailingIntervalDays, timetable.rotationHours / 24);
    // The shortest loop keeps every speed limit at speed_kn.
    if (timetable.spareHours < -1e-9 * timetable.rotationHours) {
      double dwell = 0;
      for (double hours : service.dwellHours) dwell += hours;
      char more[200];
      std::snprintf(more, sizeof more, ", but the loop takes %.1f days at %g kn with %g h at berth; add ships or "
                    "lengthen sailing_interval_days", (timetable.rotationHours - timetable.spareHours) / 24,
                    service.speedKn, dwell);
      return core::dataError(name + numbers + more);
    }
    double openSea = service.speedKn;
    for (std::size_t leg = 0; leg < legs.size(); ++leg) {
      std::vector<Section> fast = seaSections(routes[leg], *legs[leg].from, *legs[leg].to, service.speedKn, false, false);
      openSea = std::min(openSea, fitToHours(fast, timetable.legHours[leg]));
    }
    const double slowest = kSlowestShareOfServiceSpeed * service.speedKn;
    if (openSea < slowest) {
      char more[200];
      std::snprintf(more, sizeof more, ", which they would fill only under %g kn, half of speed_kn %g; use fewer "
                    "ships or a shorter sailing_interval_days", slowest, service.speedKn);
      return core::dataError(name + numbers + more);
    }
  }
  return {};
}

core::Result<Scenario> loadScenario(const std::filesystem::path& path, const std::string& variant) {
  auto root = parseTomlFile(path, "scenario file");
  if (!root) return std::unexpected(root.error());
  try {
    Scenario scenario = readScenario(std::move(*root), variant);
    if (auto schedules = checkSchedules(scenario); !schedules) {
      return core::dataError(path.string() + ": " + schedules.error().message);
    }
    // Meteorology and wind-rose files are named relative to the scenario; a meteorology file's
    // hours also make the rose.
    for (Port& port : scenario.ports) {
      if (!port.windRoseFile.empty()) {
        auto entries = readWindRoseFile(path.parent_path() / port.windRoseFile, port.windRose.sectorWidthDegrees);
        if (!entries) {
          const auto& [key, line] = port.windRoseFileAt;
          return core::dataError(path.string() + ":" + std::to_string(line) + ": " + key + ": '" + port.windRoseFile +
                                 "' (named relative to the scenario's folder; copy it along with the scenario): " +
                                 entries.error().message);
        }
        port.windRose.entries = std::move(*entries);
      }
      if (port.metFile.empty()) continue;
      auto hours = readMetFile(path.parent_path() / port.metFile, port.position, port.windRose.terrain);
      if (!hours) return std::unexpected(hours.error());
      port.metHours = std::move(*hours);
      port.windRose = roseFromHours(port.metHours, port.windRose.terrain);
    }
    return scenario;
  } catch (const SchemaError& error) {
    return core::dataError(path.string() + ":" + std::to_string(error.line) + ": " + error.key +
                           ": " + error.what());
  }
}

core::Result<std::vector<std::string>> scenarioVariants(const std::filesystem::path& path) {
  auto root = parseTomlFile(path, "scenario file");
  if (!root) return std::unexpected(root.error());
  std::vector<std::string> names;
  try {
    for (const auto& [name, value] : namedVariants(*root)) names.emplace_back(name.str());
  } catch (const SchemaError& error) {
    return core::dataError(path.string() + ":" + std::to_string(error.line) + ": " + error.key + ": " + error.what());
  }
  return names;
}

}  // namespace corridor::sim
