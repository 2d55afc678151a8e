#pragma once
#include <glm/glm.hpp>
#include <memory>
#include <string>
#include <vector>

#include "geo/Types.h"
#include "sim/Dispersion.h"
#include "sim/EmissionModel.h"
#include "sim/PortDispersion.h"
#include "timeline/CameraPose.h"

namespace corridor::scene {

// One puff of a port's plume: a soft blob drifting downwind from the stacks, rising with the
// plume, growing as the Gaussian plume spreads and fading as it dilutes. At globe scale a plume
// is far below a pixel, so puffs also have a minimum size and spacing on screen, laid out
// toward `downwind`.
struct PlumePuff {
  geo::LonLat source;    // the berth, where the plume leaves the funnels
  geo::LonLat downwind;  // a point well downwind of the source: the plume's direction on screen
  geo::LonLatAlt position;
  double radiusMeters = 0;
  float minRadiusPixels = 0, minOffsetPixels = 0;  // in a 720-pixel-high picture
  glm::vec4 color{1.0f};
};

// The colour scale of the ground concentration (micrograms/m^3): fixed per pollutant so maps
// compare across ports, years and variants, logarithmic from `bottom` to `top`, with the air-
// quality references that the legend marks on it. Below `bottom` the colour fades out over a
// decade rather than vanish.
struct HeatmapReference {
  double value = 0;   // micrograms/m^3
  std::string label;  // "WHO" (2021 annual guideline), "US" (annual NAAQS) ...
};
struct HeatmapScale {
  double bottom = 1, top = 100;
  std::vector<HeatmapReference> references;
};
HeatmapScale heatmapScale(sim::Pollutant pollutant);
// Yellow to orange, red and purple with rising opacity; shaders/heatmap.frag draws the same.
glm::vec4 heatmapColor(double value, const HeatmapScale& scale);

// The ground concentration around a port at the grid's cell corners ((columns + 1) x (rows + 1),
// row-major from the south) in micrograms/m^3, and how much each corner fades toward the grid's
// border (1 inside, 0 on it). The renderer colours it per pixel from the value blended bilinearly
// in log10, so the field is smooth.
struct GroundHeatmap {
  geo::LonLat southWest;
  double cellLonDegrees = 0, cellLatDegrees = 0;
  int columns = 0, rows = 0;
  std::vector<float> cornerValues, cornerFades;
  HeatmapScale scale;
};

struct PortLayer {
  std::vector<GroundHeatmap> heatmaps;  // drawn on the ground, under the ships
  std::vector<PlumePuff> puffs;         // drawn over them
};

// What a port's plume is made of at one moment.
struct PlumeSource {
  geo::LonLat berth;
  sim::Weather weather;
  double stackHeightMeters = 40;
  double kgPerHour = 0;           // of the pollutant shown, from the ships in the port area
  double referenceKgPerHour = 1;  // the rate drawn as a full plume (larger rates are capped)
};

inline constexpr int kPuffsPerPlume = 18;

// The puffs of one plume. `animationSeconds` moves them downwind (a loop of a few seconds);
// the same value gives the same picture.
std::vector<PlumePuff> plumePuffs(const PlumeSource& source, sim::Pollutant pollutant,
                                  double animationSeconds);

// The colour of a pollutant's plumes.
glm::vec4 plumeColor(sim::Pollutant pollutant);

GroundHeatmap groundHeatmap(const sim::PortFootprint& footprint, const sim::ConcentrationGrid& field,
                            const HeatmapScale& scale);

// The short name of a pollutant and its unit in the legends ("NOx", "PM2.5" ...).
std::string pollutantName(sim::Pollutant pollutant);


// The rate each pollutant's plumes are drawn full at: the busiest port's mean rate from its
// ships over 30 days of the scenario's first year (sampled every 6 hours), so plumes shrink as
// the fleet gets cleaner.
sim::Emissions plumeReference(const sim::Scenario& scenario);

struct PortLayerOptions {
  sim::Pollutant pollutant = sim::Pollutant::NOx;
  double animationSeconds = 0;
  // By port index: the footprint for a heatmap of that port, or null for none.
  std::vector<const sim::PortFootprint*> heatmaps;
};

// Ports whose heatmap is worth drawing from this camera: zoomed in to port scale, near it.
bool heatmapInView(const timeline::CameraPose& camera, const geo::LonLat& port);

std::shared_ptr<const PortLayer> buildPortLayer(const sim::Fleet& fleet, core::UtcMicros time,
                                                const sim::Emissions& reference,
                                                const PortLayerOptions& options);

}  // namespace corridor::scene
