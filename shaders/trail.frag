#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"

layout(location = 0) in vec3 relativeUnits;
layout(location = 1) noperspective in float across;
layout(location = 2) flat in float halfWidth;
layout(location = 3) in vec4 color;
layout(location = 0) out vec4 outColor;

void main() {
  if (!isMapView() && !aboveHorizon(relativeUnits)) discard;
  float coverage = clamp(halfWidth + 0.5 - abs(across), 0.0, 1.0);
  if (coverage <= 0.0 || color.a <= 0.0) discard;
  outColor = vec4(color.rgb, color.a * coverage);
}
