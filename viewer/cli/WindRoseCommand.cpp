// corridor wind-rose: a station's hourly record as the joint frequency (STAR) table a scenario's
// wind_rose reads from entries_file, optionally by season.
#include <cstdio>
#include <span>

#include "Commands.h"
#include "app/TextParsers.h"
#include "core/OutputFile.h"
#include "sim/PortWeather.h"

namespace corridor::cli {
namespace {

struct WindRoseOptions {
  std::vector<std::string> hours;
  std::string at;
  std::string seasons;
  std::string out;
};

// "12,1,2/3,4,5/...": every month 1-12 exactly once (hours left out would leave the frequencies
// short of 1).
core::Result<std::vector<std::vector<int>>> parseSeasons(const std::string& text) {
  std::vector<std::vector<int>> seasons(1);
  std::vector<bool> seen(13, false);
  std::string item;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',' && text[i] != '/') {
      item += text[i];
      continue;
    }
    double month = 0;
    if (!app::parseNumber(item, month) || month < 1 || month > 12 || month != int(month) || seen[std::size_t(month)]) {
      return core::usageError("--seasons '" + text + "': '" + item +
                              "' is not a month 1-12 named once; write seasons as 12,1,2/3,4,5/6,7,8/9,10,11");
    }
    seen[std::size_t(month)] = true;
    seasons.back().push_back(int(month));
    item.clear();
    if (i < text.size() && text[i] == '/') seasons.emplace_back();
  }
  for (int month = 1; month <= 12; ++month) {
    if (!seen[std::size_t(month)]) {
      return core::usageError("--seasons '" + text + "': month " + std::to_string(month) +
                              " is in no season; every month must be in one");
    }
  }
  return seasons;
}

int run(const WindRoseOptions& options) {
  const std::size_t comma = options.at.find(',');
  double lon = 0, lat = 0;
  if (comma == std::string::npos || !app::parseNumber(options.at.substr(0, comma), lon) ||
      !app::parseNumber(options.at.substr(comma + 1), lat) || lon < -180 || lon > 360 || lat < -90 || lat > 90) {
    return reportError(core::usageError("--at '" + options.at + "': expected LON,LAT in degrees").error());
  }
  // The terrain is the scenario's (wind_rose.terrain): it shapes the plumes, not the frequencies.
  const sim::Terrain terrain = sim::Terrain::Urban;
  std::vector<sim::MetHour> hours;
  for (const std::string& file : options.hours) {
    auto read = sim::readMetFile(file, {lon, lat}, terrain);
    if (!read) return reportError(read.error());
    hours.insert(hours.end(), read->begin(), read->end());
  }
  sim::WindRose rose;
  if (options.seasons.empty()) {
    rose = sim::roseFromHours(hours, terrain);
  } else {
    auto seasons = parseSeasons(options.seasons);
    if (!seasons) return reportError(seasons.error());
    rose = sim::seasonalRoseFromHours(hours, terrain, *seasons);
  }
  double byClass[6] = {}, sum = 0;
  for (const sim::WindRoseEntry& entry : rose.entries) {
    byClass[int(entry.stability)] += entry.frequency;
    sum += entry.frequency;
  }
  char summary[200];
  std::snprintf(summary, sizeof summary, "# %zu hours; Pasquill classes A-F %.3f %.3f %.3f %.3f %.3f %.3f; %.1f %% in the seasons\n",
                hours.size(), byClass[0], byClass[1], byClass[2], byClass[3], byClass[4], byClass[5], 100 * sum);
  const std::string text = summary + sim::windRoseCsv(rose.entries);
  if (options.out.empty()) {
    std::fputs(text.c_str(), stdout);
    return 0;
  }
  if (auto written = core::writeFileReplacing(options.out, std::as_bytes(std::span(text))); !written) {
    return reportError(written.error());
  }
  std::fprintf(stderr, "wrote %s: %zu entries from %zu hours\n", options.out.c_str(), rose.entries.size(), hours.size());
  return 0;
}

}  // namespace

CommandAction addWindRoseCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "wind-rose", "Make a port's wind rose (the STAR joint frequency of 16 direction sectors x 6 speed classes x "
                   "Pasquill class) from a station's hourly record, for a scenario's wind_rose.entries_file");
  auto options = std::make_shared<WindRoseOptions>();
  command->add_option("hours", options->hours,
                      "Hourly meteorology CSV files (time,wind_from,wind_speed and stability or cloud_cover, as a "
                      "scenario's met_file); give one file per run of consecutive hours when the record has gaps")
      ->required();
  command->add_option("--at", options->at, "LON,LAT of the station: the sun's height there sets day and night classes")
      ->required();
  command->add_option("--seasons", options->seasons,
                      "months of each season, every month in one, e.g. 12,1,2,3/4,5/6,7,8,9/10,11 (a monsoon's): a rose "
                      "per season, its entries marked with their months for the draw of a moment's weather");
  command->add_option("--out", options->out, "the CSV to write (default: standard output)");
  return [options] { return run(*options); };
}

}  // namespace corridor::cli
