#include "render/FrameGlobals.h"

#include <cmath>

#include "geo/Ellipsoid.h"

namespace corridor::render {

namespace {

// Kept out of line on purpose: GCC 12's SLP vectoriser at -O2/-O3 folds the vectorised
// double->float->double round trip of `value - dvec3(vec3(value))` into nothing, zeroing the
// low parts of x and y (RelativeToEye test). One scalar call per component is immune.
[[gnu::noinline]] float lowPart(double value, float high) {
  return static_cast<float>(value - static_cast<double>(high));
}

}  // namespace

SplitVec3 splitDouble(const glm::dvec3& value) {
  const glm::vec3 high(value);
  return {high, glm::vec3(lowPart(value.x, high.x), lowPart(value.y, high.y),
                          lowPart(value.z, high.z))};
}

FrameGlobals makeFrameGlobals(const scene::Frame& frame) {
  const scene::View& view = frame.view;
  const scene::BasemapStyle& style = frame.style;
  FrameGlobals g{};
  g.viewProjection = view.viewProjection;
  g.inverseViewProjection = view.inverseViewProjection;
  const glm::dvec3 eyeUnits{view.eye.x / geo::kEquatorialRadius, view.eye.y / geo::kEquatorialRadius,
                            view.eye.z / geo::kPolarRadius};
  // |eye|^2 - 1 in double: in float it would cancel to nothing at low altitude.
  g.eyeUnits = glm::vec4(glm::vec3(eyeUnits), float(glm::dot(eyeUnits, eyeUnits) - 1.0));
  g.mapInfo = glm::vec4(float(view.eye.x), float(view.eye.y),
                        float(geo::MapProjection::kMetersPerDegree),
                        float(view.projection.centralMeridian));
  g.viewport = glm::vec4(float(view.width), float(view.height), 1.0f / float(view.width),
                         1.0f / float(view.height));
  const bool imagery = style.kind == scene::BasemapKind::Imagery;
  const bool night = imagery && style.nightLights && frame.basemap && frame.basemap->nightImage;
  g.sunDirection = glm::vec4(glm::vec3(geo::surfaceNormal(frame.subsolarPoint)), night ? 1.0f : 0.0f);
  g.oceanColor = glm::vec4(style.ocean, imagery ? 1.0f : 0.0f);
  g.landColor = glm::vec4(style.land, style.atmosphere ? 1.0f : 0.0f);
  g.spaceColor = glm::vec4(style.space, view.mode == scene::ViewMode::Map ? 1.0f : 0.0f);
  g.ellipsoid = glm::vec4(float(geo::kEquatorialRadius / geo::kPolarRadius),
                          float(1.0 / geo::kEquatorialRadius), 0.0f, 0.0f);
  // Pixels per metre times clip w: the focal length in pixels in perspective, 1 / (metres per
  // pixel) in the map's orthographic projection (w = 1).
  const double halfFieldOfView = scene::kVerticalFieldOfViewDegrees * 0.5 * M_PI / 180.0;
  const double focal = view.mode == scene::ViewMode::Globe ? 0.5 * view.height / std::tan(halfFieldOfView)
                                                            : 1.0 / view.metersPerPixelAtTarget;
  g.camera = glm::vec4(float(focal), float(view.pixelsPerPoint), 0.0f, 0.0f);
  return g;
}

}  // namespace corridor::render
