#pragma once
// Picture sizes, camera poses and layer styles parsed from text (WxH, LON,LAT,ALT_KM, KEY=VALUE).
#include <string>
#include <utility>
#include <vector>

#include "core/Result.h"
#include "timeline/CameraPose.h"

namespace corridor::app {

struct Size {
  int width = 0;
  int height = 0;
};

// "WxH", each 16..16384.
core::Result<Size> parseSize(const std::string& text);

// "LON,LAT,ALT_KM[,HEADING,TILT]": lon -180..360, lat -90..90, altitude 0.5..60000 km; heading
// clockwise from north, tilt 0 (straight down) to 80 degrees.
core::Result<timeline::CameraPose> parseCamera(const std::string& text);

// --layer's text split into the dataset part and the style after the last ':' that is
// followed by a KEY=VALUE ("zones.gpkg:berths:color=#ff0000" -> "zones.gpkg:berths", "color=#ff0000").
std::pair<std::string, std::string> splitLayerStyle(const std::string& text);

// A style "KEY=VALUE,KEY=VALUE" as pairs in order. A value may itself hold commas
// ("range=-50,0"): an item without '=' continues the previous one.
std::vector<std::pair<std::string, std::string>> styleItems(const std::string& style);

// A finite number that is all of `text`.
bool parseNumber(const std::string& text, double& value);

}  // namespace corridor::app
