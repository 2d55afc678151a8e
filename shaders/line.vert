#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Anti-aliased lines of constant pixel width: each instance is one segment, expanded here into
// a screen-space quad that the fragment shader feathers across. Quads end exactly at the
// segment ends, so consecutive segments of a path tile it without double-blended joints.
layout(location = 0) in vec3 aHigh;
layout(location = 1) in vec3 aLow;
layout(location = 2) in vec3 bHigh;
layout(location = 3) in vec3 bLow;

// xyz: the point in aboveHorizon()'s units; w: pixels from the centre line. One varying, not
// three: lavapipe bins every varying of every triangle, and the coastlines of a globe are 10^5 of them.
layout(location = 0) noperspective out vec4 unitsAcross;

const vec2 CORNERS[6] = vec2[](vec2(0, -1), vec2(1, -1), vec2(1, 1), vec2(0, -1), vec2(1, 1),
                               vec2(0, 1));

void main() {
  vec2 corner = CORNERS[gl_VertexIndex];
  vec3 relA = relativeToEye(aHigh, aLow), relB = relativeToEye(bHigh, bLow);
  vec4 clipA = globals.viewProjection * vec4(relA, 1.0);
  vec4 clipB = globals.viewProjection * vec4(relB, 1.0);
  if (clipA.w <= 1e-6 || clipB.w <= 1e-6) {
    gl_Position = vec4(0.0, 0.0, -1.0, 1.0);  // behind the eye: outside the clip volume
    return;
  }
  vec2 halfViewport = globals.viewport.xy * 0.5;
  vec2 screenA = clipA.xy / clipA.w * halfViewport, screenB = clipB.xy / clipB.w * halfViewport;
  vec2 delta = screenB - screenA;
  float len = length(delta);
  vec2 along = len > 1e-4 ? delta / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-along.y, along.x);
  float halfWidth = pointsToPixels(max(surface.params.x, 1.0)) * 0.5;
  float extent = halfWidth + 1.0;  // one more pixel for the feathered edge
  bool atB = corner.x > 0.5;
  vec2 screen = (atB ? screenB : screenA) + normal * corner.y * extent;
  vec4 clip = atB ? clipB : clipA;
  gl_Position = vec4(screen / halfViewport * clip.w, clip.z, clip.w);
  unitsAcross = vec4(toUnits(atB ? relB : relA), corner.y * extent);
}
