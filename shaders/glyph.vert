#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Vessel glyphs: a small arrowhead of constant pixel size at each ship, pointing where the
// ship heads (toward `ahead` on screen).
layout(location = 0) in vec3 positionHigh;
layout(location = 1) in vec3 positionLow;
layout(location = 2) in vec3 aheadHigh;
layout(location = 3) in vec3 aheadLow;
layout(location = 4) in vec4 glyphColor;

layout(location = 0) out vec3 relativeUnits;
layout(location = 1) out vec4 color;

const vec2 SHAPE[3] = vec2[](vec2(1.0, 0.0), vec2(-0.7, 0.6), vec2(-0.7, -0.6));

void main() {
  vec3 rel = relativeToEye(positionHigh, positionLow);
  vec4 clip = globals.viewProjection * vec4(rel, 1.0);
  vec4 clipAhead = globals.viewProjection * vec4(relativeToEye(aheadHigh, aheadLow), 1.0);
  if (clip.w <= 1e-6 || clipAhead.w <= 1e-6) {
    gl_Position = vec4(0.0, 0.0, -1.0, 1.0);
    return;
  }
  vec2 halfViewport = globals.viewport.xy * 0.5;
  vec2 screen = clip.xy / clip.w * halfViewport;
  vec2 direction = clipAhead.xy / clipAhead.w * halfViewport - screen;
  direction = length(direction) > 1e-4 ? normalize(direction) : vec2(0.0, -1.0);
  vec2 side = vec2(-direction.y, direction.x);
  float size = surface.params.x;  // pixels from the centre to the tip
  vec2 corner = SHAPE[gl_VertexIndex];
  vec2 offset = (direction * corner.x + side * corner.y) * size;
  gl_Position = vec4((screen + offset) / halfViewport * clip.w, clip.z, clip.w);
  relativeUnits = toUnits(rel);
  color = glyphColor;
}
