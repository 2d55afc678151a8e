#version 450
#extension GL_GOOGLE_include_directive : require
#include "globals.glsl"

// The ocean (or imagery) of the globe and the flat map, computed per pixel: a ray-ellipsoid
// intersection on the globe (exact, no tessellation), an inverse projection on the map. Space
// and the atmosphere rim are drawn where the ray misses.

layout(location = 0) in vec2 ndc;
layout(location = 0) out vec4 color;
layout(set = 0, binding = 1) uniform sampler2D dayImage;
layout(set = 0, binding = 2) uniform sampler2D nightImage;

const float PI = 3.14159265358979;

// Equirectangular texture coordinates with a seam-safe footprint: the derivative of u jumps
// by 1 across the antimeridian, so take whichever of u and u+0.5 is continuous here.
vec4 sampleEquirect(sampler2D image, vec2 lonLatDegrees) {
  vec2 uv = vec2(lonLatDegrees.x / 360.0 + 0.5, 0.5 - lonLatDegrees.y / 180.0);
  vec2 dx = dFdx(uv), dy = dFdy(uv);
  vec2 dxShifted = dFdx(fract(uv + vec2(0.5, 0.0))), dyShifted = dFdy(fract(uv + vec2(0.5, 0.0)));
  if (abs(dxShifted.x) + abs(dyShifted.x) < abs(dx.x) + abs(dy.x)) {
    dx = dxShifted;
    dy = dyShifted;
  }
  return textureGrad(image, uv, dx, dy);
}

vec3 surfaceColor(vec2 lonLat, vec3 normal) {
  if (globals.oceanColor.a < 0.5) return globals.oceanColor.rgb;
  vec3 day = sampleEquirect(dayImage, lonLat).rgb;
  if (globals.sunDirection.w < 0.5) return day;
  float daylight = smoothstep(-0.08, 0.12, dot(normal, globals.sunDirection.xyz));
  vec3 night = sampleEquirect(nightImage, lonLat).rgb * 1.4 + day * 0.06;
  return mix(night, day, daylight);
}

vec4 mapPixel() {
  vec4 world = globals.inverseViewProjection * vec4(ndc, 0.5, 1.0);
  vec2 map = globals.mapInfo.xy + world.xy / world.w;
  float lat = map.y / globals.mapInfo.z;
  if (abs(lat) > 90.0) return vec4(globals.spaceColor.rgb, 1.0);
  float lon = mod(map.x / globals.mapInfo.z + globals.mapInfo.w + 180.0, 360.0) - 180.0;
  float latRad = radians(lat), lonRad = radians(lon);
  vec3 normal = vec3(cos(latRad) * cos(lonRad), cos(latRad) * sin(lonRad), sin(latRad));
  return vec4(surfaceColor(vec2(lon, lat), normal), 1.0);
}

vec4 globePixel() {
  vec4 far = globals.inverseViewProjection * vec4(ndc, 1.0, 1.0);
  vec3 direction = far.xyz / far.w;
  direction.z *= globals.ellipsoid.x;  // onto the unit sphere
  direction = normalize(direction);
  vec3 eye = globals.eyeUnits.xyz;
  float b = dot(eye, direction);
  float c = globals.eyeUnits.w;  // |eye|^2 - 1 from the CPU in double: no cancellation here
  float discriminant = b * b - c;
  // Closest approach of the ray to the centre, for the atmosphere.
  float closest = sqrt(max(0.0, dot(eye, eye) - b * b));
  bool atmosphere = globals.landColor.a > 0.5;
  if (discriminant < 0.0 || b > 0.0) {
    vec3 sky = globals.spaceColor.rgb;
    if (atmosphere && b < 0.0) {
      float glow = exp(-(closest - 1.0) * 55.0);
      sky = mix(sky, ATMOSPHERE, clamp(glow, 0.0, 1.0) * 0.85);
    }
    return vec4(sky, 1.0);
  }
  float t = c / (-b + sqrt(discriminant));  // the nearer root, in the stable form
  vec3 hitUnit = eye + direction * t;
  vec3 normal = normalize(vec3(hitUnit.xy, hitUnit.z * globals.ellipsoid.x));
  float lat = degrees(atan(hitUnit.z * globals.ellipsoid.x, length(hitUnit.xy)));
  float lon = degrees(atan(hitUnit.y, hitUnit.x));
  return vec4(shadeGlobeSurface(surfaceColor(vec2(lon, lat), normal), hitUnit, -direction), 1.0);
}

void main() {
  color = isMapView() ? mapPixel() : globePixel();
  color.rgb = dither(color.rgb, gl_FragCoord.xy);
}
