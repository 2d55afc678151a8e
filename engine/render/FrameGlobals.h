#pragma once
#include <glm/glm.hpp>

#include "scene/Frame.h"

namespace corridor::render {

// Mirrors `Globals` in shaders/globals.glsl (std140: only mat4 and vec4 members).
struct FrameGlobals {
  glm::mat4 viewProjection;
  glm::mat4 inverseViewProjection;
  glm::vec4 eyeUnits;
  glm::vec4 mapInfo;
  glm::vec4 viewport;
  glm::vec4 sunDirection;
  glm::vec4 oceanColor;
  glm::vec4 landColor;
  glm::vec4 spaceColor;
  glm::vec4 ellipsoid;
  glm::vec4 camera;
};

FrameGlobals makeFrameGlobals(const scene::Frame& frame);

// Push constants of the ground passes (shaders/surface.glsl).
struct SurfacePush {
  glm::vec4 eyeHigh;
  glm::vec4 eyeLow;
  glm::vec4 color;
  glm::vec4 params;
};

// A double split into a float and the float of what the first one lost.
struct SplitVec3 {
  glm::vec3 high, low;
};
SplitVec3 splitDouble(const glm::dvec3& value);

}  // namespace corridor::render
