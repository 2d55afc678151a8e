// A vessel glyph (needs globals.glsl and a push block `surface`, from surface.glsl or
// trips.glsl): an arrowhead of constant pixel size (surface.params.x from the centre to the
// tip) at `rel`, pointing toward `relAhead` on screen. Three vertices per glyph: `corner` 0..2.
layout(location = 0) out vec3 relativeUnits;
layout(location = 1) out vec4 color;

const vec2 ARROWHEAD[3] = vec2[](vec2(1.0, 0.0), vec2(-0.7, 0.6), vec2(-0.7, -0.6));

void emitArrowhead(vec3 rel, vec3 relAhead, vec4 glyphColor, int cornerIndex) {
  vec4 clip = globals.viewProjection * vec4(rel, 1.0);
  vec4 clipAhead = globals.viewProjection * vec4(relAhead, 1.0);
  if (clip.w <= 1e-6 || clipAhead.w <= 1e-6) {
    gl_Position = vec4(0.0, 0.0, -1.0, 1.0);
    return;
  }
  vec2 halfViewport = globals.viewport.xy * 0.5;
  vec2 screen = clip.xy / clip.w * halfViewport;
  vec2 direction = clipAhead.xy / clipAhead.w * halfViewport - screen;
  direction = length(direction) > 1e-4 ? normalize(direction) : vec2(0.0, -1.0);
  vec2 side = vec2(-direction.y, direction.x);
  vec2 corner = ARROWHEAD[cornerIndex];
  vec2 offset = (direction * corner.x + side * corner.y) * pointsToPixels(surface.params.x);
  gl_Position = vec4((screen + offset) / halfViewport * clip.w, clip.z, clip.w);
  relativeUnits = toUnits(rel);
  color = glyphColor;
}
