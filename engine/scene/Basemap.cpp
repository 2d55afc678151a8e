#include "scene/Basemap.h"

#include <algorithm>
#include <atomic>
#include <span>

#include "geo/MapProjection.h"
#include "geo/Subdivide.h"

namespace corridor::scene {
namespace {

std::uint64_t nextRevision() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

LineLevel lineLevel(const std::vector<geo::Polyline>& paths, double toleranceDegrees) {
  LineLevel level{toleranceDegrees, {}};
  level.paths.reserve(paths.size());
  for (const auto& path : paths) {
    if (path.size() < 2) continue;
    const geo::Polyline simple = toleranceDegrees > 0 ? geo::simplify(path, toleranceDegrees) : path;
    level.paths.push_back(geo::subdividePolyline(simple, geo::kSurfaceStepDegrees));
  }
  return level;
}

SurfaceLines surfaceLines(const std::vector<geo::Polyline>& paths, LineStyle style,
                          std::span<const double> tolerances) {
  SurfaceLines lines{{}, style};
  for (const double tolerance : tolerances) lines.levels.push_back(lineLevel(paths, tolerance));
  return lines;
}

}  // namespace

namespace {

// The coarsest of levels ordered finest first whose tolerance stays under half a pixel.
template <class Levels>
std::size_t coarsestUnderHalfPixel(const Levels& levels, const View& view) {
  const double halfPixelDegrees =
      0.5 * view.metersPerPixelAtTarget / geo::MapProjection::kMetersPerDegree;
  std::size_t chosen = 0;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (levels[i].toleranceDegrees <= halfPixelDegrees) chosen = i;
  }
  return chosen;
}

}  // namespace

std::size_t levelFor(const SurfaceLines& lines, const View& view) {
  return coarsestUnderHalfPixel(lines.levels, view);
}

std::size_t levelFor(const std::vector<geo::LandLevel>& land, const View& view) {
  return coarsestUnderHalfPixel(land, view);
}

std::vector<geo::Polyline> graticuleLines(double stepDegrees) {
  std::vector<geo::Polyline> lines;
  for (double lon = -180.0; lon < 180.0; lon += stepDegrees) {
    lines.push_back({{lon, -90.0 + stepDegrees}, {lon, 90.0 - stepDegrees}});
  }
  for (double lat = -90.0 + stepDegrees; lat < 90.0; lat += stepDegrees) {
    lines.push_back({{-180.0, lat}, {0.0, lat}, {180.0, lat}});
  }
  return lines;
}

namespace {

// A layer of lines has no fill, one of points neither fill nor lines: no empty levels.
VectorLayer buildVectorLayer(VectorLayerInput layer) {
  VectorLayer built;
  built.name = std::move(layer.name);
  built.fillColor = layer.fillColor;
  built.points = std::move(layer.points);
  built.pointRadiusPixels = layer.pointRadiusPixels;
  built.labels = std::move(layer.labels);
  const bool filled = !layer.geometry.land.empty() && !layer.geometry.land.front().mesh.indices.empty();
  if (filled) built.fill = std::move(layer.geometry.land);
  built.lines.style = layer.line;
  if (!layer.geometry.outlines.empty()) built.lines = surfaceLines(layer.geometry.outlines, layer.line, geo::kDetailLevels);
  return built;
}

}  // namespace

std::shared_ptr<const Basemap> withVectorLayer(const Basemap& basemap, std::size_t index, VectorLayerInput layer) {
  auto copy = std::make_shared<Basemap>(basemap);
  copy->revision = nextRevision();
  if (index < copy->layers.size()) {
    copy->layers[index] = buildVectorLayer(std::move(layer));
  } else {
    copy->layers.push_back(buildVectorLayer(std::move(layer)));
    copy->layerStack.push_back({nullptr, copy->layers.size() - 1, 1.0f});
  }
  return copy;
}

std::optional<geo::LonLatBox> layerExtent(const VectorLayer& layer) {
  std::optional<geo::LonLatBox> box;
  auto add = [&](const geo::LonLat& p) {
    if (!box) box = geo::LonLatBox{p.lon, p.lon, p.lat, p.lat};
    box = geo::LonLatBox{std::min(box->west, p.lon), std::max(box->east, p.lon), std::min(box->south, p.lat),
                         std::max(box->north, p.lat)};
  };
  for (const auto& p : layer.points) add(p);
  if (!layer.fill.empty()) {
    for (const auto& p : layer.fill.front().mesh.vertices) add(p);
  }
  if (!layer.lines.levels.empty()) {
    for (const auto& path : layer.lines.levels.back().paths) {
      for (const auto& p : path) add(p);
    }
  }
  return box;
}

std::shared_ptr<const Basemap> buildBasemap(BasemapInput input) {
  auto basemap = std::make_shared<Basemap>();
  basemap->revision = nextRevision();
  basemap->land = std::move(input.land);
  basemap->outlines = surfaceLines(input.outlines, {{0.80f, 0.87f, 0.93f, 0.55f}, 1.0f},
                                   geo::kDetailLevels);
  constexpr double kFullDetail[] = {0.0};
  basemap->graticule =
      surfaceLines(graticuleLines(15.0), {{0.75f, 0.85f, 1.0f, 0.22f}, 1.0f}, kFullDetail);
  basemap->dayImage = std::move(input.dayImage);
  basemap->nightImage = std::move(input.nightImage);
  basemap->layerStack = std::move(input.layerStack);
  for (VectorLayerInput& layer : input.layers) basemap->layers.push_back(buildVectorLayer(std::move(layer)));
  return basemap;
}

}  // namespace corridor::scene
