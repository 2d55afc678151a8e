#include "scene/View.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

#include "geo/Ellipsoid.h"
#include "geo/Longitude.h"

namespace corridor::scene {
namespace {

// Vulkan clip space: y points down, depth 0..1.
glm::dmat4 perspectiveVulkan(double fovY, double aspect, double nearPlane, double farPlane) {
  const double f = 1.0 / std::tan(fovY / 2.0);
  glm::dmat4 m(0.0);
  m[0][0] = f / aspect;
  m[1][1] = -f;
  m[2][2] = farPlane / (nearPlane - farPlane);
  m[2][3] = -1.0;
  m[3][2] = nearPlane * farPlane / (nearPlane - farPlane);
  return m;
}

glm::dmat4 orthographicVulkan(double halfWidth, double halfHeight, double nearPlane,
                              double farPlane) {
  glm::dmat4 m(1.0);
  m[0][0] = 1.0 / halfWidth;
  m[1][1] = -1.0 / halfHeight;
  m[2][2] = 1.0 / (nearPlane - farPlane);
  m[3][2] = nearPlane / (nearPlane - farPlane);
  return m;
}

// Rotation-only view matrix for an eye at the origin.
glm::dmat4 lookDirection(const glm::dvec3& forward, const glm::dvec3& up) {
  return glm::lookAt(glm::dvec3(0.0), forward, up);
}

View globeView(const timeline::CameraPose& pose, View view) {
  const double fovY = geo::radians(kVerticalFieldOfViewDegrees);
  const geo::LonLat target{pose.lon, pose.lat};
  const glm::dmat3 enu = geo::eastNorthUp(target);
  const double heading = geo::radians(pose.heading), tilt = geo::radians(pose.tilt);
  // Offset from target to eye in ENU: up, leaning back against the heading by the tilt.
  const glm::dvec3 horizontal{std::sin(heading), std::cos(heading), 0.0};
  const glm::dvec3 offsetEnu = glm::dvec3(0, 0, std::cos(tilt)) - horizontal * std::sin(tilt);
  const glm::dvec3 targetEcef = geo::toEcef(target);
  view.eye = targetEcef + enu * (offsetEnu * pose.altitude);
  const glm::dvec3 forward = glm::normalize(targetEcef - view.eye);
  const glm::dvec3 screenUp = glm::normalize(enu * (horizontal * std::cos(tilt) +
                                                    glm::dvec3(0, 0, std::sin(tilt))));
  const double eyeRadius = glm::length(view.eye);
  const double horizon = std::sqrt(std::max(0.0, eyeRadius * eyeRadius -
                                                     geo::kPolarRadius * geo::kPolarRadius));
  const double farPlane = horizon + geo::kEquatorialRadius * 0.2;
  const double nearPlane = std::max(1.0, pose.altitude * 0.01);
  const glm::dmat4 vp = perspectiveVulkan(fovY, double(view.width) / view.height, nearPlane,
                                          farPlane) *
                        lookDirection(forward, screenUp);
  view.viewProjection = glm::mat4(vp);
  view.inverseViewProjection = glm::mat4(glm::inverse(vp));
  view.metersPerPixelAtTarget = 2.0 * pose.altitude * std::tan(fovY / 2.0) / view.height;
  // Across a row fovY/2 below the centre, a pixel spans cos(fovY/2) of the centre's angle, along
  // a ray cos(tilt) / cos(tilt - fovY/2) as long (on flat ground; its curve only adds distance):
  // smallest at the bottom edge, the same as at the target when looking straight down.
  const double halfFov = fovY / 2.0;
  view.metersPerPixelNearest =
      view.metersPerPixelAtTarget * std::cos(tilt) * std::cos(halfFov) / std::cos(tilt - halfFov);
  return view;
}

View mapView(const timeline::CameraPose& pose, View view) {
  const double fovY = geo::radians(kVerticalFieldOfViewDegrees);
  const glm::dvec2 centre = view.projection.project({pose.lon, pose.lat});
  view.eye = glm::dvec3(centre, pose.altitude);
  const double halfHeight = pose.altitude * std::tan(fovY / 2.0);
  const double halfWidth = halfHeight * view.width / view.height;
  const glm::dmat4 vp = orthographicVulkan(halfWidth, halfHeight, 0.0, 2.0 * pose.altitude) *
                        glm::lookAt(glm::dvec3(0.0), glm::dvec3(0, 0, -1), glm::dvec3(0, 1, 0));
  view.viewProjection = glm::mat4(vp);
  view.inverseViewProjection = glm::mat4(glm::inverse(vp));
  view.metersPerPixelAtTarget = view.metersPerPixelNearest = 2.0 * halfHeight / view.height;
  return view;
}

}  // namespace

View makeView(const timeline::CameraPose& pose, ViewMode mode, int width, int height) {
  View view;
  view.mode = mode;
  view.width = std::max(1, width);
  view.height = std::max(1, height);
  view.pixelsPerPoint = std::max(1.0, view.height / 1080.0);
  return mode == ViewMode::Globe ? globeView(pose, view) : mapView(pose, view);
}

ScreenPoint projectToScreen(const View& view, const geo::LonLat& point) {
  glm::dvec3 relative;
  if (view.mode == ViewMode::Globe) {
    const glm::dvec3 p = geo::toEcef(point);
    relative = p - view.eye;
    if (glm::dot(geo::surfaceNormal(point), -relative) <= 0.0) return {};  // beyond the horizon
  } else {
    glm::dvec2 xy = view.projection.project(point);
    // The copy of the world nearest to the eye.
    xy.x = view.eye.x + geo::normalizeLongitude((xy.x - view.eye.x) / geo::MapProjection::kMetersPerDegree) *
                            geo::MapProjection::kMetersPerDegree;
    relative = glm::dvec3(xy, 0.0) - view.eye;
  }
  const glm::dvec4 clip = glm::dmat4(view.viewProjection) * glm::dvec4(relative, 1.0);
  if (clip.w <= 0.0) return {};
  const double ndcX = clip.x / clip.w, ndcY = clip.y / clip.w;
  return {std::abs(ndcX) <= 1.0 && std::abs(ndcY) <= 1.0, (ndcX + 1.0) * 0.5 * view.width,
          (ndcY + 1.0) * 0.5 * view.height};
}

std::vector<double> worldCopyShifts(const View& view, glm::dvec2 xRange) {
  if (view.mode == ViewMode::Globe) return {0.0};
  if (xRange.x > xRange.y) return {};  // nothing to draw
  const double width = geo::MapProjection::kWorldWidth;
  const double halfWidth = view.metersPerPixelAtTarget * view.width * 0.5;
  const double left = view.eye.x - halfWidth, right = view.eye.x + halfWidth;
  std::vector<double> shifts;
  const auto first = static_cast<long>(std::ceil((left - xRange.y) / width));
  const auto last = static_cast<long>(std::floor((right - xRange.x) / width));
  for (long k = first; k <= last; ++k) shifts.push_back(double(k) * width);
  return shifts;
}

}  // namespace corridor::scene
