// GPU-resident trips (scene/Trips.h), read from a storage buffer by vertex index (vertex
// pulling: full warps, unlike instances of six vertices). Each leg is 20 floats: both ends as
// double-float pairs, the time at both ends as seconds from the set's origin split the same
// way (start high, start low, end high, end low), and a colour. The frame's time arrives split
// in surface.params.yz, so differences keep microseconds over decades; surface.params.w is
// the trail's length in seconds.
layout(std430, set = 0, binding = 4) readonly buffer TripLegs {
  float legData[];
};

struct Leg {
  vec3 aHigh, aLow, bHigh, bLow;
  vec4 times;
  vec4 color;
};

Leg legAt(int index) {
  int i = index * 20;
  Leg leg;
  leg.aHigh = vec3(legData[i], legData[i + 1], legData[i + 2]);
  leg.aLow = vec3(legData[i + 3], legData[i + 4], legData[i + 5]);
  leg.bHigh = vec3(legData[i + 6], legData[i + 7], legData[i + 8]);
  leg.bLow = vec3(legData[i + 9], legData[i + 10], legData[i + 11]);
  leg.times = vec4(legData[i + 12], legData[i + 13], legData[i + 14], legData[i + 15]);
  leg.color = vec4(legData[i + 16], legData[i + 17], legData[i + 18], legData[i + 19]);
  return leg;
}

// now - t, in seconds (positive in the past).
float secondsBefore(float high, float low) {
  return (surface.params.y - high) + (surface.params.z - low);
}
