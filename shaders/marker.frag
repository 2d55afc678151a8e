#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// A disc in the layer's colour with a dark ring, so a symbol reads on land, water and imagery.
layout(location = 0) in vec3 relativeUnits;
layout(location = 1) noperspective in vec2 offset;
layout(location = 2) flat in float radius;
layout(location = 0) out vec4 color;

void main() {
  if (!isMapView() && !aboveHorizon(relativeUnits)) discard;
  float distance = length(offset);
  float coverage = clamp(radius + 0.5 - distance, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  float ring = clamp(distance - (radius - 1.5), 0.0, 1.0);
  color = vec4(mix(surface.color.rgb, vec3(0.02, 0.04, 0.08), ring), coverage);
}
