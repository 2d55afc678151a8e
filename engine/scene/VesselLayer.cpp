#include "scene/VesselLayer.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "geo/Ellipsoid.h"
#include "geo/Longitude.h"

namespace corridor::scene {
glm::vec4 fuelColor(sim::Fuel fuel) {
  switch (fuel) {
    case sim::Fuel::VLSFO: return {0.96f, 0.55f, 0.26f, 1.0f};          // orange
    case sim::Fuel::MGO: return {0.93f, 0.80f, 0.35f, 1.0f};            // amber
    case sim::Fuel::LNG: return {0.55f, 0.72f, 0.98f, 1.0f};            // light blue
    case sim::Fuel::GreyMethanol: return {0.75f, 0.70f, 0.85f, 1.0f};   // lavender
    case sim::Fuel::GreenMethanol: return {0.40f, 0.88f, 0.55f, 1.0f};  // green
    case sim::Fuel::Ammonia: return {0.35f, 0.90f, 0.90f, 1.0f};        // cyan
  }
  return glm::vec4(1.0f);
}

glm::vec4 classColor(std::size_t classIndex) {
  static constexpr glm::vec4 kPalette[] = {
      {0.98f, 0.60f, 0.60f, 1.0f}, {0.60f, 0.80f, 1.00f, 1.0f}, {0.99f, 0.85f, 0.45f, 1.0f},
      {0.70f, 0.95f, 0.65f, 1.0f}, {0.85f, 0.70f, 1.00f, 1.0f}, {1.00f, 0.72f, 0.40f, 1.0f},
      {0.55f, 0.95f, 0.95f, 1.0f}, {0.95f, 0.95f, 0.95f, 1.0f},
  };
  return kPalette[classIndex % std::size(kPalette)];
}

glm::vec4 variantColor(const std::string& name, std::size_t variantIndex) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  auto says = [&](const char* word) { return lower.find(word) != std::string::npos; };
  if (says("green") || says("zero")) return {0.35f, 0.82f, 0.55f, 1.0f};
  if (lower.empty() || says("base") || says("bau") || says("business")) return {0.94f, 0.67f, 0.31f, 1.0f};
  static constexpr glm::vec4 kOthers[] = {{0.59f, 0.69f, 0.80f, 1.0f}, {0.78f, 0.47f, 0.86f, 1.0f},
                                          {0.55f, 0.90f, 0.95f, 1.0f}, {0.98f, 0.60f, 0.60f, 1.0f}};
  return kOthers[variantIndex % std::size(kOthers)];
}

glm::vec4 intensityColor(double co2TonnesPerHour) {
  const float t = float(std::clamp(co2TonnesPerHour / kIntensityScaleMax, 0.0, 1.0));
  const glm::vec3 low{0.30f, 0.85f, 0.80f}, middle{0.98f, 0.80f, 0.30f}, high{0.95f, 0.25f, 0.20f};
  return glm::vec4(t < 0.5f ? glm::mix(low, middle, t * 2) : glm::mix(middle, high, t * 2 - 1), 1.0f);
}

}  // namespace corridor::scene
