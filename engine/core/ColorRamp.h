#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/Image.h"

namespace corridor::core {

// A colour ramp for single-band data: colours at evenly spaced stops, blended linearly.
struct ColorRamp {
  std::string name;
  std::vector<Rgba> stops;  // from the low end to the high end

  // t in 0..1 (clamped); opaque.
  Rgba at(double t) const;
};

// viridis (the perceptual default), cividis, magma, greys or blues; nothing for another name.
std::optional<ColorRamp> findColorRamp(const std::string& name);
// The names findColorRamp knows: as a list, and comma separated (for messages and --help).
std::vector<std::string> colorRampList();
std::string colorRampNames();

}  // namespace corridor::core
