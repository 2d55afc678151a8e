#include "AisFlags.h"

#include "core/Time.h"

namespace corridor::cli {
namespace {

std::string checkTime(const std::string& text) {
  auto time = core::parseIso8601(text);
  return time ? "" : "'" + text + "' is not an ISO 8601 UTC time (2023-01-01 or 2023-01-01T06:00:00Z)";
}

std::string checkBox(const std::string& text) {
  auto box = io::parseAisBox(text);
  return box ? "" : box.error().message;
}

}  // namespace

AisReaderFlags::AisReaderFlags(CLI::App& command, bool scene, bool window) {
  const std::string prefix = scene ? "--ais-" : "--";
  command.add_option(prefix + "reader", reader_,
                     "AIS reader. auto: CSV through the fast parser, others through OGR; fast; ogr (any file "
                     "through GDAL, also CSV separated by ';' or tabs)")
      ->check(CLI::IsMember({"auto", "fast", "ogr"}))
      ->capture_default_str();
  command.add_option(prefix + "layer", read_.layer, "AIS through OGR: the layer (default: the first)");
  command.add_option("--id-field", read_.fields.id,
                     "AIS: the vessel-id column (default: mmsi, user_id, vessel_id, track_id, id, ...). Ids of a "
                     "column not named like an MMSI are kept as text");
  command.add_option("--time-field", read_.fields.time, "AIS: the time column (default: BaseDateTime, timestamp, ...)");
  command.add_option("--lon-field", read_.fields.lon, "AIS: the longitude column (default: lon, longitude, x, ...)");
  command.add_option("--lat-field", read_.fields.lat, "AIS: the latitude column (default: lat, latitude, y, ...)");
  command.add_option("--time-format", timeFormat_,
                     "AIS times that the text leaves open. auto: ISO 8601, YYYYMMDD_HHMMSS and slash dates read "
                     "day first unless the file shows month first, epoch seconds (10 digits) or ms (13); dmy; mdy; "
                     "epoch-s; epoch-ms")
      ->check(CLI::IsMember({"auto", "dmy", "mdy", "epoch-s", "epoch-ms"}))
      ->capture_default_str();
  command.add_option("--gap-hours", tracks_.gapHours, "AIS: a silence longer than this starts a new track")
      ->check(CLI::Range(0.01, 24.0 * 365))
      ->capture_default_str();
  command.add_option("--max-speed", tracks_.maxSpeedKnots,
                     "AIS: knots; a position implying a faster move (beyond the time resolution and 50 m of "
                     "position noise) is an implausible jump")
      ->check(CLI::Range(1.0, 1000.0))
      ->capture_default_str();
  const std::string bboxHelp = "AIS: only reports inside WEST,SOUTH,EAST,NORTH (degrees; WEST > EAST crosses the "
                               "antimeridian); an archive reads only those";
  if (scene) {
    command.add_option("--ais-bbox", bbox_, bboxHelp)->check(checkBox);
  } else if (window) {
    const std::string windowHelp = ", ISO 8601 UTC; the gap limit (--gap-hours) more on each side is read so that "
                                   "tracks are whole at the edges. An archive reads only the window";
    command.add_option("--from", from_, "only reports from this time" + windowHelp)->check(checkTime);
    command.add_option("--to", to_, "only reports before this time" + windowHelp)->check(checkTime);
    command.add_option("--bbox", bbox_, bboxHelp)->check(checkBox);
  }
  if (!scene) {
    command.add_option("--threads", read_.threads, "parser threads (0: every core)")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
  }
}

core::Result<void> AisReaderFlags::checkWindow() const {
  const io::AisWindow window = readOptions().window;
  if (window.from >= window.to) return core::usageError("--from " + from_ + " is not before --to " + to_);
  return {};
}

io::AisReadOptions AisReaderFlags::readOptions() const {
  io::AisReadOptions options = read_;
  options.reader = reader_ == "fast" ? io::AisReaderKind::Fast
                   : reader_ == "ogr" ? io::AisReaderKind::Ogr
                                      : io::AisReaderKind::Auto;
  options.timeFormat = *io::parseAisTimeFormat(timeFormat_);
  if (!from_.empty()) options.window.from = *core::parseIso8601(from_);
  if (!to_.empty()) options.window.to = *core::parseIso8601(to_);
  if (!bbox_.empty()) options.window.box = *io::parseAisBox(bbox_);
  return options;
}

}  // namespace corridor::cli
