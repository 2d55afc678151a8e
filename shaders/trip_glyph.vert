#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "trips.glsl"
#include "arrowhead.glsl"

// Three vertices per leg: a glyph where the ship is now, on the leg it sails
// (start <= now < end), pointing along it.
void main() {
  Leg leg = legAt(gl_VertexIndex / 3);
  float ageA = leg.a.age, ageB = leg.b.age;
  if (ageA < 0.0 || ageB >= 0.0) {
    gl_Position = vec4(0.0, 0.0, -1.0, 1.0);
    return;
  }
  vec3 relA = leg.a.relative, relB = leg.b.relative;
  float along = clamp(ageA / max(ageA - ageB, 1e-6), 0.0, 1.0);
  vec3 position = mix(relA, relB, along);
  // A point 1 km on along the leg gives the direction (a whole leg on may lie behind the
  // camera at port zoom); a ship standing still points up the screen.
  vec3 course = relB - relA;
  vec3 ahead = length(course) > 0.0 ? position + course * (1000.0 / length(course)) : position;
  emitArrowhead(position, ahead, leg.a.color, gl_VertexIndex % 3);
}
