#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// The concentration at the pixel, bilinear in its cell (in log10), coloured on the pollutant's fixed
// logarithmic scale (surface.params.xy: log10 of its bottom and top, micrograms/m^3). The ramp
// and the fade below the bottom are scene::heatmapColor's; a GPU test holds them equal.
layout(location = 0) in vec3 relativeUnits;
layout(location = 1) in vec2 uv;
layout(location = 2) flat in vec4 corners;
layout(location = 3) in float fade;
layout(location = 0) out vec4 outColor;

const vec3 STOPS[5] = vec3[](vec3(1.00, 0.95, 0.60), vec3(1.00, 0.75, 0.25), vec3(0.95, 0.40, 0.15),
                             vec3(0.80, 0.10, 0.25), vec3(0.55, 0.05, 0.50));

void main() {
  if (!isMapView() && !aboveHorizon(relativeUnits)) discard;
  float bottom = surface.params.x, top = surface.params.y;
  // Bilinear in the logarithm: a plume falls off exponentially across its width, and where it
  // ends beside a cell of nothing, a linear blend stayed above the scale's bottom almost to that
  // cell, so a plume's slanting edge was drawn as a staircase of cells. Nothing counts as four
  // decades below the bottom, past where the colour has faded out.
  vec4 logs = log(max(corners, vec4(pow(10.0, bottom - 4.0)))) / log(10.0);
  float decades = mix(mix(logs.x, logs.y, uv.x), mix(logs.w, logs.z, uv.x), uv.y) - bottom;
  if (decades <= -1.0) discard;
  float t = clamp(decades / (top - bottom), 0.0, 1.0);
  float position = t * 4.0;
  int i = min(3, int(position));
  vec3 rgb = mix(STOPS[i], STOPS[i + 1], position - float(i));
  float fadeIn = clamp(1.0 + decades, 0.0, 1.0);
  outColor = vec4(rgb, (0.15 + 0.7 * t) * fadeIn * fade);
}
