#version 450

layout(location = 0) in vec2 local;
layout(location = 1) in vec4 color;
layout(location = 0) out vec4 outColor;

void main() {
  float r2 = dot(local, local);
  if (r2 >= 1.0) discard;
  // A Gaussian across the puff, like the plume's own crosswind profile.
  outColor = vec4(color.rgb, color.a * exp(-3.0 * r2) * (1.0 - r2));
}
