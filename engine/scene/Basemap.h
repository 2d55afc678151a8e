#pragma once
#include <cstdint>
#include <glm/glm.hpp>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Image.h"
#include "geo/Types.h"
#include "scene/RasterLayer.h"
#include "scene/View.h"

namespace corridor::scene {

enum class BasemapKind { Vector, Imagery };

struct LineStyle {
  glm::vec4 color{1.0f};
  float widthPixels = 1.0f;
};

// Paths simplified to a tolerance, then unwrapped and subdivided so that their segments follow
// the surface on the globe and never jump across the flat map.
struct LineLevel {
  double toleranceDegrees = 0;
  std::vector<geo::Polyline> paths;
};

// Paths on the ground drawn in one style, at levels of detail from finest to coarsest: a view
// draws the coarsest level whose error stays under half a pixel.
struct SurfaceLines {
  std::vector<LineLevel> levels;
  LineStyle style;
};

std::size_t levelFor(const SurfaceLines& lines, const View& view);
std::size_t levelFor(const std::vector<geo::LandLevel>& land, const View& view);

// A user's vector layer over the basemap (not land): its polygons filled in a translucent
// colour, their rings and its lines drawn in the outline style.
struct VectorLayer {
  std::string name;
  std::vector<geo::LandLevel> fill;  // finest first
  SurfaceLines lines;
  glm::vec4 fillColor{1.0f};
  std::vector<geo::LonLat> points;  // drawn as discs of the line colour
  float pointRadiusPixels = 5.0f;
  std::vector<std::pair<geo::LonLat, std::string>> labels;  // text at a place, drawn over the picture
};

// Everything static about the basemap, built once: land fill, outlines, graticule and imagery.
// Renderers cache GPU copies by `revision`, so build a new Basemap rather than mutating one.
struct Basemap {
  std::uint64_t revision = 0;
  std::vector<geo::LandLevel> land;  // finest first
  SurfaceLines outlines;   // coastlines and borders
  SurfaceLines graticule;
  std::shared_ptr<const core::Image> dayImage;    // equirectangular, may be null
  std::shared_ptr<const core::Image> nightImage;  // equirectangular, may be null
  std::vector<VectorLayer> layers;                // the vector layers
  std::vector<LayerDraw> layerStack;  // every layer, raster or vector, bottom first: frames' default
};

// A vector layer as read and prepared (geo::LandGeometry: fill and outlines) with its style.
struct VectorLayerInput {
  std::string name;
  geo::LandGeometry geometry;
  glm::vec4 fillColor{1.0f};
  LineStyle line;
  std::vector<geo::LonLat> points;
  float pointRadiusPixels = 5.0f;
  std::vector<std::pair<geo::LonLat, std::string>> labels;
};

struct BasemapInput {
  std::vector<geo::LandLevel> land;
  std::vector<geo::Polyline> outlines;
  std::shared_ptr<const core::Image> dayImage;
  std::shared_ptr<const core::Image> nightImage;
  std::vector<VectorLayerInput> layers;
  std::vector<LayerDraw> layerStack;  // bottom first; vector entries index `layers`
};

std::shared_ptr<const Basemap> buildBasemap(BasemapInput input);

// A copy of the basemap (a new revision) with `layer` in place of layers[index], or added on
// top of the stack when index is layers.size(): how the viewer adds and relabels layers.
std::shared_ptr<const Basemap> withVectorLayer(const Basemap& basemap, std::size_t index, VectorLayerInput layer);

// Where a vector layer lies (unwrapped longitudes as stored); nothing for an empty layer.
std::optional<geo::LonLatBox> layerExtent(const VectorLayer& layer);

// Meridians and parallels every stepDegrees (parallels stop short of the poles).
std::vector<geo::Polyline> graticuleLines(double stepDegrees);

}  // namespace corridor::scene
