#include "app/TextParsers.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "geo/Longitude.h"

namespace corridor::app {
bool parseNumber(const std::string& text, double& out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

}  // namespace

core::Result<Size> parseSize(const std::string& text) {
  const auto parts = split(text, 'x');
  double width = 0, height = 0;
  if (parts.size() != 2 || !parseNumber(parts[0], width) || !parseNumber(parts[1], height) ||
      width != std::floor(width) || height != std::floor(height)) {
    return core::usageError("--size '" + text + "': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080");
  }
  if (width < 16 || height < 16 || width > 16384 || height > 16384) {
    return core::usageError("--size '" + text + "': each side must be between 16 and 16384 pixels");
  }
  return Size{static_cast<int>(width), static_cast<int>(height)};
}

core::Result<timeline::CameraPose> parseCamera(const std::string& text) {
  const auto parts = split(text, ',');
  double lon = 0, lat = 0, altitudeKm = 0, heading = 0, tilt = 0;
  const bool turned = parts.size() == 5;
  if ((parts.size() != 3 && !turned) || !parseNumber(parts[0], lon) || !parseNumber(parts[1], lat) ||
      !parseNumber(parts[2], altitudeKm) || (turned && (!parseNumber(parts[3], heading) || !parseNumber(parts[4], tilt)))) {
    return core::usageError("--camera '" + text +
                            "': expected LON,LAT,ALT_KM[,HEADING,TILT] in degrees and kilometres, e.g. -170,35,12000");
  }
  if (tilt < 0 || tilt > 80) return core::usageError("--camera '" + text + "': tilt must be within 0..80 degrees");
  if (lon < -180 || lon > 360) {
    return core::usageError("--camera '" + text + "': longitude must be within -180..360");
  }
  if (lat < -90 || lat > 90) {
    return core::usageError("--camera '" + text + "': latitude must be within -90..90");
  }
  if (altitudeKm * 1000 < timeline::CameraPose::kMinAltitude ||
      altitudeKm * 1000 > timeline::CameraPose::kMaxAltitude) {
    return core::usageError("--camera '" + text + "': altitude must be within 0.5..60000 km");
  }
  timeline::CameraPose pose;
  pose.lon = geo::normalizeLongitude(lon);
  pose.lat = lat;
  pose.altitude = altitudeKm * 1000.0;
  pose.heading = std::fmod(std::fmod(heading, 360.0) + 360.0, 360.0);
  pose.tilt = tilt;
  return pose;
}

std::pair<std::string, std::string> splitLayerStyle(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || text.find('=', colon) == std::string::npos) return {text, ""};
  return {text.substr(0, colon), text.substr(colon + 1)};
}

std::vector<std::pair<std::string, std::string>> styleItems(const std::string& style) {
  std::vector<std::pair<std::string, std::string>> items;
  if (style.empty()) return items;
  for (const std::string& item : split(style, ',')) {
    const std::size_t equals = item.find('=');
    if (equals == std::string::npos && !items.empty()) {
      items.back().second += "," + item;
    } else if (equals == std::string::npos) {
      items.push_back({item, ""});
    } else {
      items.push_back({item.substr(0, equals), item.substr(equals + 1)});
    }
  }
  return items;
}

}  // namespace corridor::app
