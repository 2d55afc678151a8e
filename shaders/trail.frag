#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"

// The width slot of the vertex shader's push block, where surface.glsl and trips.glsl both keep it.
layout(push_constant) uniform RibbonPush {
  layout(offset = 48) vec4 params;  // x: width in points
} ribbon;

layout(location = 0) noperspective in vec4 unitsAcross;  // as ribbon.glsl says
layout(location = 1) in vec4 color;
layout(location = 0) out vec4 outColor;

void main() {
  if (!isMapView() && !aboveHorizon(unitsAcross.xyz)) discard;
  float coverage = clamp(ribbonHalfWidth(ribbon.params.x) + 0.5 - abs(unitsAcross.w), 0.0, 1.0);
  if (coverage <= 0.0 || color.a <= 0.0) discard;
  outColor = vec4(color.rgb, color.a * coverage);
}
