#pragma once
// Picture sizes and camera poses parsed from text (WxH, LON,LAT,ALT_KM).
#include <string>

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

}  // namespace corridor::app
