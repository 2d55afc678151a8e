#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Ground-concentration heatmaps: small triangles on the ground with colours at their corners.
layout(location = 0) in vec3 positionHigh;
layout(location = 1) in vec3 positionLow;
layout(location = 2) in vec4 cornerColor;
layout(location = 0) out vec3 relativeUnits;
layout(location = 1) out vec4 color;

void main() {
  vec3 relative = relativeToEye(positionHigh, positionLow);
  relativeUnits = toUnits(relative);
  color = cornerColor;
  gl_Position = globals.viewProjection * vec4(relative, 1.0);
}
