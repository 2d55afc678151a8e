#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

layout(location = 0) in vec3 positionHigh;
layout(location = 1) in vec3 positionLow;
layout(location = 0) out vec3 relativeUnits;

void main() {
  vec3 relative = relativeToEye(positionHigh, positionLow);
  relativeUnits = toUnits(relative);
  gl_Position = globals.viewProjection * vec4(relative, 1.0);
}
