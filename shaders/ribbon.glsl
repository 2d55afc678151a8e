// A vessel trail's segment as a screen-space ribbon (needs globals.glsl and a push block
// `surface`, from surface.glsl or trips.glsl): at least 2 pixels wide so a trail never vanishes
// at globe scale, fading with the age of its ends (0 now .. 1 at the trail's end). Six vertices
// per segment: `corner` 0..5.
// unitsAcross: xyz, the point in aboveHorizon()'s units; w, pixels from the centre line (packed:
// lavapipe bins every varying of every triangle). trail.frag reads the width from the push block.
layout(location = 0) noperspective out vec4 unitsAcross;
layout(location = 1) out vec4 color;

const vec2 RIBBON_CORNERS[6] = vec2[](vec2(0, -1), vec2(1, -1), vec2(1, 1), vec2(0, -1), vec2(1, 1),
                                      vec2(0, 1));

void cullVertex() { gl_Position = vec4(0.0, 0.0, -1.0, 1.0); }

void emitRibbon(vec3 relA, vec3 relB, float ageA, float ageB, vec4 segmentColor, int cornerIndex) {
  vec2 corner = RIBBON_CORNERS[cornerIndex];
  vec4 clipA = globals.viewProjection * vec4(relA, 1.0);
  vec4 clipB = globals.viewProjection * vec4(relB, 1.0);
  if (clipA.w <= 1e-6 || clipB.w <= 1e-6) {
    cullVertex();
    return;
  }
  vec2 halfViewport = globals.viewport.xy * 0.5;
  vec2 screenA = clipA.xy / clipA.w * halfViewport, screenB = clipB.xy / clipB.w * halfViewport;
  vec2 delta = screenB - screenA;
  float len = length(delta);
  vec2 along = len > 1e-4 ? delta / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-along.y, along.x);
  float halfWidth = ribbonHalfWidth(surface.params.x);
  float extent = halfWidth + 1.0;
  bool atB = corner.x > 0.5;
  vec2 screen = (atB ? screenB : screenA) + normal * corner.y * extent;
  vec4 clip = atB ? clipB : clipA;
  gl_Position = vec4(screen / halfViewport * clip.w, clip.z, clip.w);
  unitsAcross = vec4(toUnits(atB ? relB : relA), corner.y * extent);
  float age = atB ? ageB : ageA;
  color = vec4(segmentColor.rgb, segmentColor.a * surface.color.a * pow(1.0 - age, 1.5));
}
