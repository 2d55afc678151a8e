#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Plume puffs: soft discs facing the camera. A puff sits at its place in the plume, but never
// closer to the funnels than a minimum number of pixels (laid out toward `downwind`) and never
// smaller than a minimum radius, so a plume reads at globe scale too. Those minimums are for a
// 720-pixel-high picture and scale with its height, so a plume looks the same at any size.
layout(location = 0) in vec3 sourceHigh;
layout(location = 1) in vec3 sourceLow;
layout(location = 2) in vec3 downwindHigh;
layout(location = 3) in vec3 downwindLow;
layout(location = 4) in vec3 puffHigh;
layout(location = 5) in vec3 puffLow;
layout(location = 6) in vec4 sizes;  // radius (m), minimum radius (px), minimum offset (px)
layout(location = 7) in vec4 puffColor;

layout(location = 0) out vec2 local;
layout(location = 1) out vec4 color;

const vec2 CORNERS[6] = vec2[](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1),
                               vec2(-1, 1));

void main() {
  vec3 relSource = relativeToEye(sourceHigh, sourceLow);
  vec4 clipSource = globals.viewProjection * vec4(relSource, 1.0);
  vec4 clipPuff = globals.viewProjection * vec4(relativeToEye(puffHigh, puffLow), 1.0);
  vec4 clipDownwind = globals.viewProjection * vec4(relativeToEye(downwindHigh, downwindLow), 1.0);
  bool hidden = !isMapView() && !aboveHorizon(toUnits(relSource));
  if (hidden || clipSource.w <= 1e-6 || clipPuff.w <= 1e-6 || puffColor.a <= 0.0) {
    gl_Position = vec4(0.0, 0.0, -1.0, 1.0);
    return;
  }
  vec2 halfViewport = globals.viewport.xy * 0.5;
  float pictureScale = globals.viewport.y / 720.0;
  float minRadius = sizes.y * pictureScale, minOffset = sizes.z * pictureScale;
  vec2 source = clipSource.xy / clipSource.w * halfViewport;
  vec2 offset = clipPuff.xy / clipPuff.w * halfViewport - source;
  if (length(offset) < minOffset) {
    vec2 toward = clipDownwind.w > 1e-6 ? clipDownwind.xy / clipDownwind.w * halfViewport - source
                                        : vec2(1.0, 0.0);
    offset = (length(toward) > 1e-4 ? normalize(toward) : vec2(1.0, 0.0)) * minOffset;
  }
  float radius = max(sizes.x * globals.camera.x / clipPuff.w, minRadius);
  local = CORNERS[gl_VertexIndex];
  vec2 screen = source + offset + local * radius;
  gl_Position = vec4(screen / halfViewport * clipPuff.w, clipPuff.z, clipPuff.w);
  color = puffColor;
}
