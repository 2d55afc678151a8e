#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Raster tiles: a grid over each tile's lon/lat box, sampling its layer of the tile atlas.
layout(location = 0) in vec3 positionHigh;
layout(location = 1) in vec3 positionLow;
layout(location = 2) in vec2 uv;
layout(location = 0) out vec3 relativeUnits;
layout(location = 1) out vec2 tileUv;

void main() {
  vec3 relative = relativeToEye(positionHigh, positionLow);
  relativeUnits = toUnits(relative);
  tileUv = uv;
  gl_Position = globals.viewProjection * vec4(relative, 1.0);
}
