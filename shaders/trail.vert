#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"
#include "ribbon.glsl"

// Trails built on the CPU for one moment (AIS, corridor lanes): each segment carries its colour
// and the age of its two ends.
layout(location = 0) in vec3 aHigh;
layout(location = 1) in vec3 aLow;
layout(location = 2) in vec3 bHigh;
layout(location = 3) in vec3 bLow;
layout(location = 4) in vec2 ages;
layout(location = 5) in vec4 segmentColor;

void main() {
  emitRibbon(relativeToEye(aHigh, aLow), relativeToEye(bHigh, bLow), ages.x, ages.y, segmentColor, gl_VertexIndex);
}
