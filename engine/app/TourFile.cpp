#include "app/TourFile.h"

#include <span>
#include <sstream>

#include "core/OutputFile.h"
#include "sim/TomlReader.h"

namespace corridor::app {
namespace {

timeline::Easing easingNamed(const toml::node& node, const std::string& key, const std::string& name) {
  if (name == "linear") return timeline::Easing::Linear;
  if (name == "ease-in") return timeline::Easing::EaseIn;
  if (name == "ease-out") return timeline::Easing::EaseOut;
  if (name == "ease-in-out") return timeline::Easing::EaseInOut;
  throw sim::SchemaError(node, key, "'" + name + "' is not linear, ease-in, ease-out or ease-in-out");
}

std::optional<bool> layer(sim::TableReader& reader, const std::string& name) {
  if (!reader.node().get(name)) return std::nullopt;
  return reader.boolean(name, true);
}

timeline::TourKeyframe readKeyframe(sim::TableReader& reader,
                                    const std::function<std::optional<double>(core::UtcMicros)>& videoSecondsOf) {
  timeline::TourKeyframe keyframe;
  const bool byVideo = reader.node().get("at") != nullptr, byTime = reader.node().get("time") != nullptr;
  if (byVideo == byTime) throw sim::SchemaError(reader.node(), reader.key("at"), "give exactly one of 'at' (video seconds) and 'time'");
  if (byVideo) {
    keyframe.videoSeconds = reader.number("at", 0, 1e7);
  } else {
    const toml::node& node = reader.require("time");
    const auto time = core::parseIso8601(reader.string("time"));
    if (!time) throw sim::SchemaError(node, reader.key("time"), time.error().message);
    const auto seconds = videoSecondsOf(*time);
    if (!seconds) throw sim::SchemaError(node, reader.key("time"), "outside the recorded period (--from .. --to)");
    keyframe.videoSeconds = *seconds;
  }
  sim::TableReader camera(reader.table("camera"), reader.key("camera"));
  keyframe.camera.lon = camera.number("lon", -180, 360);
  keyframe.camera.lat = camera.number("lat", -90, 90);
  keyframe.camera.altitude = 1000 * camera.number("altitude_km", timeline::CameraPose::kMinAltitude / 1000,
                                                  timeline::CameraPose::kMaxAltitude / 1000);
  keyframe.camera.heading = camera.number("heading", 0, -360, 360);
  keyframe.camera.tilt = camera.number("tilt", 0, 0, 80);
  camera.rejectUnknownKeys();
  keyframe.camera = timeline::clamped(keyframe.camera);
  if (reader.node().get("easing")) {
    keyframe.easing = easingNamed(*reader.node().get("easing"), reader.key("easing"), reader.string("easing"));
  }
  keyframe.caption = reader.string("caption", "");
  keyframe.layers = {layer(reader, "vessels"), layer(reader, "outlines"), layer(reader, "graticule")};
  reader.rejectUnknownKeys();
  return keyframe;
}

const char* easingName(timeline::Easing easing) {
  switch (easing) {
    case timeline::Easing::Linear: return "linear";
    case timeline::Easing::EaseIn: return "ease-in";
    case timeline::Easing::EaseOut: return "ease-out";
    case timeline::Easing::EaseInOut: return "ease-in-out";
  }
  return "ease-in-out";
}

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      out += escape;
    } else {
      out += char(c);
    }
  }
  return out + "\"";
}

}  // namespace

core::Result<void> saveTour(const std::filesystem::path& path, const std::vector<TimedKeyframe>& keyframes) {
  std::ostringstream out;
  out << "# Corridor camera tour (docs/TOURS.md): keyframes at scenario times.\n";
  char number[160];
  for (const TimedKeyframe& timed : keyframes) {
    const timeline::TourKeyframe& k = timed.keyframe;
    std::snprintf(number, sizeof number, "%.6f, lat = %.6f, altitude_km = %.3f, heading = %.2f, tilt = %.2f",
                  k.camera.lon, k.camera.lat, k.camera.altitude / 1000, k.camera.heading, k.camera.tilt);
    out << "\n[[keyframe]]\ntime = \"" << core::formatIso8601(timed.time) << "\"\n"
        << "camera = { lon = " << number << " }\n"
        << "easing = \"" << easingName(k.easing) << "\"\n";
    if (!k.caption.empty()) out << "caption = " << quoted(k.caption) << "\n";
  }
  const std::string text = out.str();
  return core::writeFileReplacing(path, std::as_bytes(std::span(text.data(), text.size())));
}

core::Result<timeline::Tour> loadTour(const std::filesystem::path& path,
                                      const std::function<std::optional<double>(core::UtcMicros)>& videoSecondsOf) {
  auto root = sim::parseTomlFile(path, "tour file");
  if (!root) return std::unexpected(root.error());
  try {
    sim::TableReader top(*root, "");
    const toml::array& list = top.array("keyframe");
    top.rejectUnknownKeys();
    std::vector<timeline::TourKeyframe> keyframes;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string key = "keyframe[" + std::to_string(i) + "]";
      if (!list[i].is_table()) throw sim::SchemaError(list[i], key, "expected a table ([[keyframe]])");
      sim::TableReader reader(*list[i].as_table(), key);
      keyframes.push_back(readKeyframe(reader, videoSecondsOf));
    }
    if (keyframes.empty()) throw sim::SchemaError(*root, "keyframe", "a tour needs at least one keyframe");
    return timeline::Tour(std::move(keyframes));
  } catch (const sim::SchemaError& error) {
    return core::dataError(path.string() + ":" + std::to_string(error.line) + ": " + error.key + ": " + error.what());
  }
}

timeline::Tour tourInScenarioSeconds(const std::vector<TimedKeyframe>& keyframes, core::UtcMicros origin,
                                     double videoSecondsPerScenarioSecond) {
  std::vector<timeline::TourKeyframe> placed;
  for (const TimedKeyframe& timed : keyframes) {
    placed.push_back(timed.keyframe);
    placed.back().videoSeconds = double(timed.time - origin) / 1e6 * videoSecondsPerScenarioSecond;
  }
  return timeline::Tour(std::move(placed));
}

}  // namespace corridor::app
