#pragma once
#include <glm/glm.hpp>
#include <memory>
#include <vector>

#include "core/Time.h"
#include "geo/Types.h"
#include "sim/Fleet.h"

namespace corridor::scene {

// Vessels built on the CPU for one moment (corridor lanes; ships, from scenarios and AIS, are
// scene::Trips): a glyph at each ship's position pointing along its course, and a trail of
// where it was over the last `trailSpan`, fading with age.
struct VesselGlyph {
  geo::LonLat position;
  geo::LonLat ahead;  // a point a little along the course, to orient the glyph on screen
  glm::vec4 color{1.0f};
};

struct TrailSegment {
  geo::LonLat a, b;       // b is the newer end; longitudes continuous along each trail
  float ageA = 0, ageB = 0;  // 0 now .. 1 at the end of the trail
  glm::vec4 color{1.0f};
};

struct VesselLayer {
  std::vector<VesselGlyph> glyphs;
  std::vector<TrailSegment> trails;
};


// Colours by fuel, from a palette readable on the dark basemap (legend: fuelColor).
glm::vec4 fuelColor(sim::Fuel fuel);

// What a ship's colour says.
enum class VesselColoring { Fuel, VesselClass, Co2Intensity, Variant };

// The vessel classes' colours, by their index in the scenario (a palette distinct from the
// fuels', cycling after eight).
glm::vec4 classColor(std::size_t classIndex);

// The colour of a scenario variant on screen and in charts, by what its name says: a green or
// zero-emission corridor green, a baseline (or the base, "") amber; other variants blue-grey,
// purple and so on by their place in the list.
glm::vec4 variantColor(const std::string& name, std::size_t variantIndex);

// CO2 per hour on a ramp from teal (0) through amber to red (kIntensityScaleMax and above).
inline constexpr double kIntensityScaleMax = 12.0;  // tonnes of CO2 per hour
glm::vec4 intensityColor(double co2TonnesPerHour);

struct VesselLayerOptions {
  core::UtcMicros trailSpan = 3 * 86400LL * core::kMicrosPerSecond;
  VesselColoring coloring = VesselColoring::Fuel;
};

}  // namespace corridor::scene
