#include "scene/Basemap.h"

#include <atomic>

#include "geo/Subdivide.h"

namespace corridor::scene {
namespace {

std::uint64_t nextRevision() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

SurfaceLines surfaceLines(const std::vector<geo::Polyline>& paths, LineStyle style) {
  SurfaceLines lines{{}, style};
  lines.paths.reserve(paths.size());
  for (const auto& path : paths) {
    if (path.size() >= 2) lines.paths.push_back(geo::subdividePolyline(path, geo::kSurfaceStepDegrees));
  }
  return lines;
}

}  // namespace

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

std::shared_ptr<const Basemap> buildBasemap(BasemapInput input) {
  auto basemap = std::make_shared<Basemap>();
  basemap->revision = nextRevision();
  basemap->land = std::move(input.land);
  basemap->outlines = surfaceLines(input.outlines, {{0.80f, 0.87f, 0.93f, 0.55f}, 1.0f});
  basemap->graticule = surfaceLines(graticuleLines(15.0), {{0.75f, 0.85f, 1.0f, 0.22f}, 1.0f});
  basemap->dayImage = std::move(input.dayImage);
  basemap->nightImage = std::move(input.nightImage);
  return basemap;
}

}  // namespace corridor::scene
