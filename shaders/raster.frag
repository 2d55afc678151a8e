#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Raster tiles in their own colours (a legend must match them: no shading), at the layer's
// opacity (surface.color.a); surface.params.y is the tile's layer in the atlas. The grid is fine
// enough for the plain horizon test.
layout(set = 0, binding = 5) uniform sampler2DArray tiles;
layout(location = 0) in vec3 relativeUnits;
layout(location = 1) in vec2 tileUv;
layout(location = 0) out vec4 color;

void main() {
  if (!isMapView() && !aboveHorizon(relativeUnits)) discard;
  vec4 texel = texture(tiles, vec3(tileUv, surface.params.y));
  color = vec4(texel.rgb, texel.a * surface.color.a);
}
