#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"
#include "surface.glsl"

// Filled areas on the ground (land), drawn in painter's order over the background. Big
// triangles are chords well below the surface, so a horizon test on the fragment's own point
// would be wrong; instead the pixel's ray is intersected with the globe and the fragment kept
// when it lies in the near half of the ray's path through it.
layout(location = 0) in vec3 relativeUnits;
layout(location = 0) out vec4 color;

void main() {
  if (isMapView()) {
    color = surface.color;
    return;
  }
  float distance = length(relativeUnits);
  vec3 direction = relativeUnits / distance;
  float b = dot(globals.eyeUnits.xyz, direction);
  float discriminant = b * b - globals.eyeUnits.w;
  if (discriminant > 0.0) {
    float root = sqrt(discriminant);
    float nearHit = globals.eyeUnits.w / (-b + root), farHit = -b + root;
    if (distance > 0.5 * (nearHit + farHit)) discard;
  }
  vec3 point = globals.eyeUnits.xyz + relativeUnits;
  color = vec4(dither(shadeGlobeSurface(surface.color.rgb, normalize(point),
                                        normalize(-relativeUnits)),
                      gl_FragCoord.xy),
               surface.color.a);
}
