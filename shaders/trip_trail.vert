#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "trips.glsl"
#include "ribbon.glsl"

// Six vertices per leg: the part of the leg within the trail, [now - trail, now], faded by
// age; nothing otherwise.
void main() {
  Leg leg = legAt(gl_VertexIndex / 6);
  float ageA = leg.a.age, ageB = leg.b.age;
  float trail = surface.params.w;
  vec3 relA = leg.a.relative, relB = leg.b.relative;
  if (ageA < 0.0 || ageB > trail || trail <= 0.0 || relA == relB) {
    cullVertex();  // not yet sailed, long past, or a ship standing still
    return;
  }
  float duration = max(ageA - ageB, 1e-6);
  float head = clamp(ageA / duration, 0.0, 1.0), tail = clamp((ageA - trail) / duration, 0.0, 1.0);
  emitRibbon(mix(relA, relB, tail), mix(relA, relB, head), min(ageA, trail) / trail, max(ageB, 0.0) / trail,
             leg.a.color, gl_VertexIndex % 6);
}
