// Geometry on the ground, rendered relative to the eye: positions arrive as double-float pairs
// (high + low float parts of the double position) and the eye as the same pair, so the
// difference keeps centimetre precision at Earth-sized coordinates.
layout(push_constant) uniform Surface {
  vec4 eyeHigh;
  vec4 eyeLow;
  vec4 color;
  vec4 params;  // x: line width in pixels
} surface;

vec3 relativeToEye(vec3 high, vec3 low) {
  return (high - surface.eyeHigh.xyz) + (low - surface.eyeLow.xyz);
}
