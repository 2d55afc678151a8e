#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

layout(location = 0) noperspective in vec4 unitsAcross;  // as line.vert says
layout(location = 0) out vec4 color;

void main() {
  if (!isMapView() && !aboveHorizon(unitsAcross.xyz)) discard;
  float halfWidth = pointsToPixels(max(surface.params.x, 1.0)) * 0.5;  // as line.vert
  float coverage = clamp(halfWidth + 0.5 - abs(unitsAcross.w), 0.0, 1.0);
  // Lines thinner than a pixel fade instead of shrinking.
  coverage *= min(surface.params.x, 1.0);
  if (coverage <= 0.0) discard;
  color = vec4(surface.color.rgb, surface.color.a * coverage);
}
