#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Ground-concentration heatmaps: each grid cell as two triangles carrying the cell's four corner
// values, so the fragment shader can interpolate them bilinearly.
layout(location = 0) in vec3 positionHigh;
layout(location = 1) in vec3 positionLow;
layout(location = 2) in vec2 cellUv;
layout(location = 3) in vec4 cornerValues;  // south-west, south-east, north-east, north-west
layout(location = 4) in float borderFade;
layout(location = 0) out vec3 relativeUnits;
layout(location = 1) out vec2 uv;
layout(location = 2) flat out vec4 corners;
layout(location = 3) out float fade;

void main() {
  vec3 relative = relativeToEye(positionHigh, positionLow);
  relativeUnits = toUnits(relative);
  uv = cellUv;
  corners = cornerValues;
  fade = borderFade;
  gl_Position = globals.viewProjection * vec4(relative, 1.0);
}
