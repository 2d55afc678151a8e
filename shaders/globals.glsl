// Per-frame values shared by every basemap shader (std140; mirrors render/FrameGlobals.h).
layout(set = 0, binding = 0) uniform Globals {
  mat4 viewProjection;         // eye-relative world -> clip
  mat4 inverseViewProjection;  // clip -> eye-relative world
  vec4 eyeUnits;    // globe: eye ECEF / equatorial radius, ellipsoid-scaled; w: |eye|^2 - 1 (exact)
  vec4 mapInfo;     // map: eye x, eye y (metres), metres per degree, central meridian
  vec4 viewport;    // width, height, 1/width, 1/height (pixels)
  vec4 sunDirection;  // ECEF unit vector; w: 1 to draw night lights
  vec4 oceanColor;  // rgb; a: basemap kind (0 vector, 1 imagery)
  vec4 landColor;   // rgb; a: 1 to draw the atmosphere
  vec4 spaceColor;  // rgb; a: view mode (0 globe, 1 map)
  vec4 ellipsoid;   // a/b (stretch of z onto the unit sphere), 1/a, unused, unused
  vec4 camera;      // x: pixels per metre times clip w (a metre at clip w spans x / w pixels); y: pixels per point
} globals;

// Sizes of lines and symbols are in points: pixels of a picture up to 1080 high, more above, so
// a 4K frame looks like the 1080p one, only sharper.
float pointsToPixels(float points) { return points * globals.camera.y; }

// Half a vessel trail's width in pixels: at least 2 pixels wide, so a trail never vanishes at
// globe scale.
float ribbonHalfWidth(float widthPoints) { return pointsToPixels(max(widthPoints, 2.0)) * 0.5; }

// Eye-relative metres -> the stretched unit-sphere space of aboveHorizon().
vec3 toUnits(vec3 relative) {
  vec3 units = relative * globals.ellipsoid.y;
  units.z *= globals.ellipsoid.x;
  return units;
}

bool isMapView() { return globals.spaceColor.a > 0.5; }

// On the globe a point on the surface is visible when it faces the eye: n . (eye - p) > 0,
// computed on the unit sphere that the ellipsoid becomes after stretching z by a/b.
bool aboveHorizon(vec3 relativeUnits) {
  vec3 eye = globals.eyeUnits.xyz;
  vec3 point = eye + relativeUnits;
  return dot(point, -relativeUnits) > -1e-7;
}

const vec3 ATMOSPHERE = vec3(0.35, 0.62, 1.0);

// Soft light from the view direction so the globe reads as a sphere (darker toward the limb),
// and blue haze at grazing angles when the atmosphere is on. Points are on the unit sphere.
vec3 shadeGlobeSurface(vec3 base, vec3 pointUnits, vec3 towardEye) {
  float facing = clamp(dot(pointUnits, towardEye), 0.0, 1.0);
  vec3 shaded = base * (0.72 + 0.28 * facing);
  if (globals.landColor.a > 0.5) shaded = mix(shaded, ATMOSPHERE, pow(1.0 - facing, 3.0) * 0.55);
  return shaded;
}

// Half a step of 8-bit noise: breaks the bands that slow gradients (limb shading, haze) leave
// in 8-bit output.
vec3 dither(vec3 color, vec2 pixel) {
  float noise = fract(sin(dot(pixel, vec2(12.9898, 78.233))) * 43758.5453);
  return color + (noise - 0.5) / 255.0;
}
