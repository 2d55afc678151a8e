#include "core/ColorRamp.h"

#include <algorithm>
#include <cmath>

namespace corridor::core {
namespace {

// Stops sampled from the published colour maps (matplotlib's viridis, cividis and magma; the
// ColorBrewer greys and blues), enough that linear blending between them is indistinguishable.
const std::vector<ColorRamp>& ramps() {
  static const std::vector<ColorRamp> all{
      {"viridis",
       {{68, 1, 84, 255}, {72, 40, 120, 255}, {62, 73, 137, 255}, {49, 104, 142, 255}, {38, 130, 142, 255},
        {31, 158, 137, 255}, {53, 183, 121, 255}, {110, 206, 88, 255}, {181, 222, 43, 255}, {253, 231, 37, 255}}},
      {"cividis",
       {{0, 32, 76, 255}, {33, 61, 107, 255}, {85, 91, 108, 255}, {123, 122, 119, 255}, {165, 156, 116, 255},
        {211, 192, 100, 255}, {255, 233, 69, 255}}},
      {"magma",
       {{0, 0, 4, 255}, {28, 16, 68, 255}, {79, 18, 123, 255}, {129, 37, 129, 255}, {181, 54, 122, 255},
        {229, 80, 100, 255}, {251, 135, 97, 255}, {254, 194, 135, 255}, {252, 253, 191, 255}}},
      {"greys", {{0, 0, 0, 255}, {255, 255, 255, 255}}},
      {"blues",
       {{247, 251, 255, 255}, {198, 219, 239, 255}, {107, 174, 214, 255}, {33, 113, 181, 255}, {8, 48, 107, 255}}},
  };
  return all;
}

}  // namespace

Rgba ColorRamp::at(double t) const {
  const double position = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * double(stops.size() - 1);
  const std::size_t low = std::min(std::size_t(position), stops.size() - 2);
  const double f = position - double(low);
  Rgba color{};
  for (int c = 0; c < 3; ++c) {
    color[c] = std::uint8_t(std::lround(stops[low][c] * (1.0 - f) + stops[low + 1][c] * f));
  }
  color[3] = 255;
  return color;
}

std::optional<ColorRamp> findColorRamp(const std::string& name) {
  for (const ColorRamp& ramp : ramps()) {
    if (ramp.name == name) return ramp;
  }
  return std::nullopt;
}

std::vector<std::string> colorRampList() {
  std::vector<std::string> names;
  for (const ColorRamp& ramp : ramps()) names.push_back(ramp.name);
  return names;
}

std::string colorRampNames() {
  std::string names;
  for (const std::string& name : colorRampList()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

}  // namespace corridor::core
