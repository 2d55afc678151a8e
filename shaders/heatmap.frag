#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

layout(location = 0) in vec3 relativeUnits;
layout(location = 1) in vec4 color;
layout(location = 0) out vec4 outColor;

void main() {
  if (!isMapView() && !aboveHorizon(relativeUnits)) discard;
  if (color.a <= 0.0) discard;
  outColor = color;
}
