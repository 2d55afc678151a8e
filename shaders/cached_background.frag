#version 450
// The basemap as an earlier frame drew it, pixel for pixel (a still camera: video recording).
layout(set = 0, binding = 3) uniform sampler2D cachedBackground;
layout(location = 0) in vec2 ndc;
layout(location = 0) out vec4 color;

void main() {
  // Pixel centres sit half a pixel inside their texel: the floor is the texel exactly.
  const ivec2 texel = ivec2(floor((ndc * 0.5 + 0.5) * vec2(textureSize(cachedBackground, 0))));
  color = texelFetch(cachedBackground, texel, 0);
}
