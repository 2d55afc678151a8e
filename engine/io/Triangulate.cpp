#include "io/Triangulate.h"

#include <geos_c.h>

#include <cstdarg>
#include <algorithm>
#include <cstdio>
#include <span>
#include <thread>
#include <map>
#include <memory>
#include <string>

#include "core/Log.h"
#include "core/Parallel.h"

namespace corridor::io {
namespace {

void geosMessage(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  core::logDebug(std::string("GEOS: ") + buffer);
}

// One GEOS context for a triangulation run, with RAII geometries bound to it.
class Geos {
 public:
  Geos() : context_(GEOS_init_r()) {
    GEOSContext_setNoticeHandler_r(context_, geosMessage);
    GEOSContext_setErrorHandler_r(context_, geosMessage);
  }
  ~Geos() { GEOS_finish_r(context_); }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;

  struct Deleter {
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(context, g); }
  };
  using Geometry = std::unique_ptr<GEOSGeometry, Deleter>;

  Geometry own(GEOSGeometry* g) const { return Geometry(g, Deleter{context_}); }
  GEOSContextHandle_t get() const { return context_; }

  // Ownership of the returned ring passes to the caller (or to a polygon built from it).
  GEOSGeometry* ring(const geo::Polyline& points) const {
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_create_r(context_, static_cast<unsigned>(points.size()), 2);
    for (unsigned i = 0; i < points.size(); ++i) {
      GEOSCoordSeq_setXY_r(context_, sequence, i, points[i].lon, points[i].lat);
    }
    return GEOSGeom_createLinearRing_r(context_, sequence);
  }

  Geometry polygon(const geo::Polygon& polygon) const {
    GEOSGeometry* shell = ring(polygon.outer);
    if (!shell) return own(nullptr);
    std::vector<GEOSGeometry*> holes;
    for (const auto& hole : polygon.holes) {
      if (GEOSGeometry* h = ring(hole)) holes.push_back(h);
    }
    return own(GEOSGeom_createPolygon_r(context_, shell, holes.data(),
                                        static_cast<unsigned>(holes.size())));
  }

 private:
  GEOSContextHandle_t context_;
};

// Corners shared between triangles become one vertex, so later subdivision can weld edges.
void appendTriangles(const Geos& geos, const GEOSGeometry& triangles, geo::TriangleMesh& mesh) {
  std::map<std::pair<double, double>, std::uint32_t> indexOf;
  const int count = GEOSGetNumGeometries_r(geos.get(), &triangles);
  for (int i = 0; i < count; ++i) {
    const GEOSGeometry* triangle = GEOSGetGeometryN_r(geos.get(), &triangles, i);
    const GEOSGeometry* shell = GEOSGetExteriorRing_r(geos.get(), triangle);
    const GEOSCoordSequence* sequence = shell ? GEOSGeom_getCoordSeq_r(geos.get(), shell) : nullptr;
    unsigned size = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(geos.get(), sequence, &size) || size < 3) continue;
    for (unsigned corner = 0; corner < 3; ++corner) {
      geo::LonLat p;
      GEOSCoordSeq_getXY_r(geos.get(), sequence, corner, &p.lon, &p.lat);
      auto [it, inserted] = indexOf.try_emplace({p.lon, p.lat},
                                                static_cast<std::uint32_t>(mesh.vertices.size()));
      if (inserted) mesh.vertices.push_back(p);
      mesh.indices.push_back(it->second);
    }
  }
}


Triangulation triangulateRange(std::span<const geo::Polygon> polygons) {
  Geos geos;
  Triangulation result;
  for (const auto& input : polygons) {
    auto polygon = geos.get() ? geos.polygon(input) : geos.own(nullptr);
    if (polygon && GEOSisValid_r(geos.get(), polygon.get()) != 1) {
      polygon = geos.own(GEOSMakeValid_r(geos.get(), polygon.get()));
    }
    auto triangles =
        polygon ? geos.own(GEOSConstrainedDelaunayTriangulation_r(geos.get(), polygon.get()))
                : geos.own(nullptr);
    if (!triangles) {
      ++result.failedPolygons;
      continue;
    }
    appendTriangles(geos, *triangles, result.mesh);
  }
  return result;
}

void appendMesh(Triangulation& into, Triangulation&& part) {
  const auto offset = static_cast<std::uint32_t>(into.mesh.vertices.size());
  into.mesh.vertices.insert(into.mesh.vertices.end(), part.mesh.vertices.begin(),
                            part.mesh.vertices.end());
  for (std::uint32_t index : part.mesh.indices) into.mesh.indices.push_back(index + offset);
  into.failedPolygons += part.failedPolygons;
}

}  // namespace

core::Result<Triangulation> triangulatePolygons(const std::vector<geo::Polygon>& polygons) {
  // Polygons are independent: split them into contiguous chunks of similar vertex counts, one
  // GEOS context per thread, and join the meshes in chunk order (deterministic output).
  const std::size_t threads =
      std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::size_t totalPoints = 0;
  for (const auto& polygon : polygons) totalPoints += polygon.outer.size();
  std::vector<std::span<const geo::Polygon>> chunks;
  std::size_t begin = 0, points = 0;
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    points += polygons[i].outer.size();
    if (points * threads >= totalPoints * (chunks.size() + 1) || i + 1 == polygons.size()) {
      chunks.emplace_back(polygons.data() + begin, i + 1 - begin);
      begin = i + 1;
    }
  }
  std::vector<Triangulation> parts(chunks.size());
  core::runOnThreads(chunks.size(), [&](std::size_t i) { parts[i] = triangulateRange(chunks[i]); });
  Triangulation result;
  for (auto& part : parts) appendMesh(result, std::move(part));
  if (result.failedPolygons > 0) {
    core::logWarn("could not triangulate " + std::to_string(result.failedPolygons) + " of " +
                  std::to_string(polygons.size()) + " polygons; they are drawn as outlines only");
  }
  return result;
}

}  // namespace corridor::io
