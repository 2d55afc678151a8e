#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Point symbols of constant pixel size: each instance is one point, expanded here into a
// screen-space square that the fragment shader cuts into a ringed disc.
layout(location = 0) in vec3 high;
layout(location = 1) in vec3 low;

layout(location = 0) out vec3 relativeUnits;
layout(location = 1) noperspective out vec2 offset;  // pixels from the point
layout(location = 2) flat out float radius;

const vec2 CORNERS[6] = vec2[](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));

void main() {
  vec3 relative = relativeToEye(high, low);
  vec4 clip = globals.viewProjection * vec4(relative, 1.0);
  if (clip.w <= 1e-6) {
    gl_Position = vec4(0.0, 0.0, -1.0, 1.0);  // behind the eye: outside the clip volume
    return;
  }
  radius = pointsToPixels(max(surface.params.x, 2.0));
  offset = CORNERS[gl_VertexIndex] * (radius + 1.0);  // one more pixel for the feathered edge
  vec2 halfViewport = globals.viewport.xy * 0.5;
  gl_Position = vec4(clip.xy + offset / halfViewport * clip.w, clip.z, clip.w);
  relativeUnits = toUnits(relative);
}
