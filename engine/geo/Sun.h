#pragma once
#include "core/Time.h"
#include "geo/Types.h"

namespace corridor::geo {

// Where the sun is overhead at a UTC time (NOAA's low-precision solar position: declination
// and equation of time from the fractional year; good to a fraction of a degree), for the
// day/night terminator of the imagery basemap.
LonLat subsolarPoint(core::UtcMicros time);

}  // namespace corridor::geo
