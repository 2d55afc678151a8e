// GPU-resident trips (scene/Trips.h, render/TripPass.cpp), read from storage buffers by vertex
// index (vertex pulling: full warps, unlike instances of six vertices). A point is 5 words: its
// position in whole fixed-size units (metres per unit in surface.eyeRest.w), its time in ticks
// of 1/16 s from the set's origin, and its colour as RGBA8; leg k joins point legs[k] to the one
// after it. The eye arrives the same way (whole units plus the metres left over) and is
// subtracted in integers, so a ship near the eye keeps its centimetres at Earth-sized
// coordinates; the frame's time likewise (whole ticks plus a fraction).
layout(push_constant) uniform TripSurface {
  ivec4 eyeUnits;  // w: now, whole ticks
  vec4 eyeRest;    // xyz: eye minus eyeUnits, metres; w: metres per unit
  vec4 color;
  vec4 params;  // x: size in points, y: now, fraction of a tick, w: trail in seconds
} surface;

layout(std430, set = 0, binding = 4) readonly buffer TripPoints {
  int pointData[];
};
layout(std430, set = 0, binding = 6) readonly buffer TripLegs {
  int legStarts[];
};

const float TICKS_PER_SECOND = 16.0;  // scene::kTripTick is 1/16 s

struct TripPoint {
  vec3 relative;  // to the eye, metres
  float age;      // seconds before now (negative: still to come)
  vec4 color;     // of the leg that starts here
};

TripPoint pointAt(int index) {
  int i = index * 5;
  ivec3 fromEye = ivec3(pointData[i], pointData[i + 1], pointData[i + 2]) - surface.eyeUnits.xyz;
  TripPoint point;
  point.relative = vec3(fromEye) * surface.eyeRest.w - surface.eyeRest.xyz;
  point.age = (float(surface.eyeUnits.w - pointData[i + 3]) + surface.params.y) / TICKS_PER_SECOND;
  point.color = unpackUnorm4x8(uint(pointData[i + 4]));
  return point;
}

struct Leg {
  TripPoint a, b;
};

Leg legAt(int index) {
  int first = legStarts[index];
  return Leg(pointAt(first), pointAt(first + 1));
}
