#include "sim/PortWeather.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>

#include "core/InputFile.h"
#include "geo/Sun.h"

namespace corridor::sim {
namespace {

using enum StabilityClass;

constexpr core::UtcMicros kHour = 3600LL * core::kMicrosPerSecond;
// Calm hours are taken at 0.5 m/s, where the steady plume still holds (its u in the
// denominator); the station's anemometer stands at the standard 10 m.
constexpr double kCalmMetersPerSecond = 0.5, kAnemometerMeters = 10;
constexpr int kSectors = 16;
constexpr std::array<double, 5> kSpeedClassTops{1.54, 3.09, 5.14, 8.23, 10.8};
constexpr std::array<double, 6> kSpeedClassSpeeds{1.5, 2.5, 4.3, 6.8, 9.5, 12.5};

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// Turner's table: rows by wind speed (< 2, 2-3, 3-5, 5-6, > 6 m/s); columns strong, moderate,
// slight insolation, night with > 3/8 cloud, night with <= 3/8.
constexpr std::array<std::array<StabilityClass, 5>, 5> kTurner{{
    {A, B, B, E, F},  // A, A-B, B by day
    {B, B, C, E, F},  // A-B, B, C
    {B, C, C, D, E},  // B, B-C, C
    {C, D, D, D, D},  // C, C-D, D
    {C, D, D, D, D},
}};

int speedRow(double windSpeed) {
  if (windSpeed < 2) return 0;
  if (windSpeed < 3) return 1;
  if (windSpeed < 5) return 2;
  if (windSpeed < 6) return 3;
  return 4;
}

std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, ',')) {
    while (!field.empty() && (field.back() == '\r' || field.back() == ' ')) field.pop_back();
    while (!field.empty() && field.front() == ' ') field.erase(field.begin());
    fields.push_back(field);
  }
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

// 'text' (built with append: GCC 12 warns falsely on "'" + text + "'").
std::string quoted(const std::string& text) { return std::string("'").append(text).append("'"); }

std::optional<double> number(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// A small CSV file read row by row: blank lines and lines starting with '#' are skipped, the
// header's columns are found by name, and errors read "FILE:LINE: field: message".
class CsvRows {
 public:
  static core::Result<CsvRows> open(const std::filesystem::path& path, const std::string& what) {
    if (auto regular = core::requireRegularFile(path, what); !regular) return std::unexpected(regular.error());
    CsvRows rows(path);
    if (!rows.in_) return core::dataError(path.string() + ": cannot open the " + what);
    return rows;
  }
  // The first line that is not blank or a comment; false when there is none.
  bool readHeader() {
    if (!next()) return false;
    header_ = std::move(fields_);
    headerText_ = text_;
    return true;
  }
  std::optional<std::size_t> column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] == name) return i;
    }
    return std::nullopt;
  }
  const std::string& headerText() const { return headerText_; }
  // The next row's fields; false at the end.
  bool next() {
    while (std::getline(in_, text_)) {
      ++line_;
      if (line_ == 1 && text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);  // a byte-order mark, as spreadsheets write
      if (!text_.empty() && text_.back() == '\r') text_.pop_back();
      if (text_.empty() || text_.starts_with("#")) continue;
      fields_ = splitCsv(text_);
      return true;
    }
    return false;
  }
  std::string field(std::size_t column) const { return column < fields_.size() ? fields_[column] : std::string(); }
  std::size_t line() const { return line_; }
  std::unexpected<core::Error> fail(std::size_t line, const std::string& field, const std::string& message) const {
    return core::dataError(path_.string() + ":" + std::to_string(line) + ": " + field + ": " + message);
  }
  std::unexpected<core::Error> fail(const std::string& field, const std::string& message) const {
    return fail(line_, field, message);
  }

 private:
  explicit CsvRows(const std::filesystem::path& path) : path_(path), in_(path, std::ios::binary) {}
  std::filesystem::path path_;
  std::ifstream in_;
  std::string text_, headerText_;
  std::vector<std::string> header_, fields_;
  std::size_t line_ = 0;
};

std::optional<StabilityClass> pasquillLetter(const std::string& letter) {
  if (letter.size() != 1 || letter[0] < 'A' || letter[0] > 'F') return std::nullopt;
  return StabilityClass(letter[0] - 'A');
}

}  // namespace

double sunElevationDegrees(const geo::LonLat& where, core::UtcMicros time) {
  const geo::LonLat sun = geo::subsolarPoint(time);
  const double hourAngle = radians(where.lon - sun.lon);
  const double sine = std::sin(radians(where.lat)) * std::sin(radians(sun.lat)) +
                      std::cos(radians(where.lat)) * std::cos(radians(sun.lat)) * std::cos(hourAngle);
  return std::asin(std::clamp(sine, -1.0, 1.0)) * 180.0 / std::numbers::pi;
}

StabilityClass pasquillClass(double windSpeed, double sunElevation, double cloudOktas) {
  if (cloudOktas >= 8) return D;
  const auto& row = kTurner[std::size_t(speedRow(windSpeed))];
  if (sunElevation <= 0) return row[cloudOktas > 3 ? 3 : 4];
  int insolation = sunElevation > 60 ? 0 : sunElevation > 35 ? 1 : 2;
  if (cloudOktas > 4) insolation = std::min(insolation + 1, 2);
  return row[std::size_t(insolation)];
}

WindRose roseFromHours(const std::vector<MetHour>& hours, Terrain terrain) {
  std::map<std::tuple<int, int, int>, double> counts;  // sector, speed class, stability
  for (const MetHour& hour : hours) {
    const int sector = int(std::lround(hour.weather.windFromDegrees / 22.5)) % kSectors;
    const int speed = int(std::upper_bound(kSpeedClassTops.begin(), kSpeedClassTops.end(), hour.weather.windSpeed) -
                          kSpeedClassTops.begin());
    counts[{sector, speed, int(hour.weather.stability)}] += 1;
  }
  WindRose rose;
  rose.terrain = terrain;
  for (const auto& [key, count] : counts) {
    const auto [sector, speed, stability] = key;
    rose.entries.push_back({sector * 22.5, kSpeedClassSpeeds[std::size_t(speed)], StabilityClass(stability),
                            count / double(hours.size())});
  }
  return rose;
}

WindRose seasonalRoseFromHours(const std::vector<MetHour>& hours, Terrain terrain,
                               const std::vector<std::vector<int>>& seasons) {
  WindRose rose;
  rose.terrain = terrain;
  for (const std::vector<int>& season : seasons) {
    std::vector<MetHour> inSeason;
    for (const MetHour& hour : hours) {
      if (std::find(season.begin(), season.end(), core::toCivilTime(hour.start).month) != season.end()) {
        inSeason.push_back(hour);
      }
    }
    if (inSeason.empty()) continue;
    std::uint16_t months = 0;
    for (const int month : season) months = std::uint16_t(months | (1u << (month - 1)));
    for (WindRoseEntry entry : roseFromHours(inSeason, terrain).entries) {
      entry.frequency *= double(inSeason.size()) / double(hours.size());
      entry.months = months;
      rose.entries.push_back(entry);
    }
  }
  return rose;
}

std::string windRoseCsv(const std::vector<WindRoseEntry>& entries) {
  std::string text = "from,speed,stability,frequency,months\n";
  for (const WindRoseEntry& entry : entries) {
    char row[96];
    const auto point = compassPointName(entry.windFromDegrees);
    const std::string from = point ? std::string(*point) : std::to_string(entry.windFromDegrees);
    std::snprintf(row, sizeof row, ",%.1f,%c,%.6f,", entry.windSpeed, "ABCDEF"[int(entry.stability)], entry.frequency);
    text += from + row;
    if (entry.months != WindRoseEntry::kEveryMonth) {
      for (int month = 1; month <= 12; ++month) {
        if (entry.months & (1u << (month - 1))) text += std::to_string(month) + (month < 12 ? " " : "");
      }
      while (text.back() == ' ') text.pop_back();
    }
    text += "\n";
  }
  return text;
}

core::Result<std::vector<MetHour>> readMetFile(const std::filesystem::path& path, const geo::LonLat& where,
                                               Terrain terrain) {
  auto rows = CsvRows::open(path, "meteorology file");
  if (!rows) return std::unexpected(rows.error());
  if (!rows->readHeader()) return rows->fail(1, "header", "the file is empty");
  const auto time = rows->column("time"), from = rows->column("wind_from"), speed = rows->column("wind_speed");
  const auto stability = rows->column("stability"), cloud = rows->column("cloud_cover");
  if (!time || !from || !speed || (!stability && !cloud)) {
    return rows->fail("header", "expected the columns time, wind_from, wind_speed and stability or cloud_cover, found '" +
                                    rows->headerText() + "'");
  }
  std::vector<MetHour> hours;
  while (rows->next()) {
    MetHour hour;
    auto start = core::parseIso8601(rows->field(*time));
    if (!start) return rows->fail("time", quoted(rows->field(*time)) + " is not an ISO 8601 time");
    hour.start = *start;
    if (!hours.empty() && hour.start != hours.back().start + kHour) {
      return rows->fail("time", rows->field(*time) + " does not follow " + core::formatIso8601(hours.back().start) +
                                    " by one hour (gaps and repeats are not allowed; fill missing hours first)");
    }
    const auto direction = number(rows->field(*from));
    if (!direction || *direction < 0 || *direction > 360) {
      return rows->fail("wind_from", quoted(rows->field(*from)) + " is not a direction in degrees from 0 to 360");
    }
    const auto windSpeed = number(rows->field(*speed));
    if (!windSpeed || *windSpeed < 0 || *windSpeed > 40) {
      return rows->fail("wind_speed", quoted(rows->field(*speed)) + " is not a speed from 0 to 40 m/s");
    }
    hour.weather = {std::max(*windSpeed, kCalmMetersPerSecond), std::fmod(*direction, 360.0), D, terrain,
                    kAnemometerMeters};
    if (stability) {
      const auto given = pasquillLetter(rows->field(*stability));
      if (!given) return rows->fail("stability", quoted(rows->field(*stability)) + " is not a Pasquill class A to F");
      hour.weather.stability = *given;
    } else {
      const auto oktas = number(rows->field(*cloud));
      if (!oktas || *oktas < 0 || *oktas > 8) {
        return rows->fail("cloud_cover", quoted(rows->field(*cloud)) + " is not a cloud cover from 0 to 8 oktas");
      }
      const double sun = sunElevationDegrees(where, hour.start + kHour / 2);
      hour.weather.stability = pasquillClass(*windSpeed, sun, *oktas);
    }
    hours.push_back(hour);
  }
  if (hours.empty()) return rows->fail("time", "no hours after the header");
  return hours;
}

core::Result<std::vector<WindRoseEntry>> readWindRoseFile(const std::filesystem::path& path, double sectorWidthDegrees) {
  auto rows = CsvRows::open(path, "wind rose file");
  if (!rows) return std::unexpected(rows.error());
  const bool headed = rows->readHeader();
  const auto from = rows->column("from"), speed = rows->column("speed"), stability = rows->column("stability");
  const auto frequency = rows->column("frequency"), months = rows->column("months");
  if (!headed || !from || !speed || !stability || !frequency) {
    return rows->fail(std::max<std::size_t>(rows->line(), 1), "header",
                      "expected the columns from, speed, stability, frequency and optionally months");
  }
  std::vector<WindRoseEntry> entries;
  while (rows->next()) {
    WindRoseEntry entry;
    const std::string direction = rows->field(*from);
    const auto degrees = compassPointDegrees(direction) ? compassPointDegrees(direction) : number(direction);
    if (!degrees || *degrees < 0 || *degrees > 360) {
      return rows->fail("from", quoted(direction) + " is not a compass point (N, NNE, ... NNW) or degrees");
    }
    if (!onSectorCentre(sectorWidthDegrees, *degrees)) {
      return rows->fail("from", quoted(direction) + " is not a sector centre of the rose's " +
                                    std::to_string(sectorWidthDegrees) + " degree sectors");
    }
    entry.windFromDegrees = std::fmod(*degrees, 360.0);
    const auto windSpeed = number(rows->field(*speed));
    if (!windSpeed || *windSpeed < 0.5 || *windSpeed > 40) {
      return rows->fail("speed", quoted(rows->field(*speed)) + " is not a speed from 0.5 to 40 m/s");
    }
    entry.windSpeed = *windSpeed;
    const auto given = pasquillLetter(rows->field(*stability));
    if (!given) return rows->fail("stability", quoted(rows->field(*stability)) + " is not a Pasquill class A to F");
    entry.stability = *given;
    const auto share = number(rows->field(*frequency));
    if (!share || *share < 0 || *share > 1) {
      return rows->fail("frequency", quoted(rows->field(*frequency)) + " is not a frequency from 0 to 1");
    }
    entry.frequency = *share;
    if (months && !rows->field(*months).empty()) {
      entry.months = 0;
      std::istringstream list(rows->field(*months));
      for (std::string month; list >> month;) {
        const auto value = number(month);
        if (!value || *value < 1 || *value > 12 || *value != std::floor(*value)) {
          return rows->fail("months", sim::quoted(month) + " is not a month from 1 to 12");
        }
        entry.months = std::uint16_t(entry.months | (1u << (int(*value) - 1)));
      }
    }
    entries.push_back(entry);
  }
  if (entries.empty()) return rows->fail("from", "no entries after the header");
  if (double sum = 0; !frequenciesSumToOne(entries, sum)) {
    return rows->fail("frequency", "the frequencies sum to " + std::to_string(sum) + ", not 1 (within 0.1 %)");
  }
  return entries;
}

}  // namespace corridor::sim
