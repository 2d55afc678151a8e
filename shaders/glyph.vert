#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"
#include "arrowhead.glsl"

// Glyphs placed on the CPU for one moment (AIS): at each ship, pointing where it heads.
layout(location = 0) in vec3 positionHigh;
layout(location = 1) in vec3 positionLow;
layout(location = 2) in vec3 aheadHigh;
layout(location = 3) in vec3 aheadLow;
layout(location = 4) in vec4 glyphColor;

void main() {
  emitArrowhead(relativeToEye(positionHigh, positionLow), relativeToEye(aheadHigh, aheadLow), glyphColor, gl_VertexIndex);
}
