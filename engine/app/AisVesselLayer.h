#pragma once
// AIS tracks as draw data: GPU trips in ship-type colours, and positions to pick.
#include <glm/glm.hpp>
#include <memory>

#include "core/Time.h"
#include "io/AisTracks.h"
#include "scene/Trips.h"
#include "scene/VesselLayer.h"
#include "scene/View.h"

// Here, in the application, because scene must not depend on io (docs/DESIGN.md); the layer
// itself is the scenario's kind.

namespace corridor::app {

// Colours by AIS ship-type group (cargo, tanker, passenger, fishing, tug and service, other),
// from the palette of fuelColor so both read on the dark basemap.
glm::vec4 aisTypeColor(int aisType);

// How long a vessel stays at its last report after its track ends, fading: AIS reports of a
// vessel can be minutes apart (Class B, coverage gaps), and one report is a real sighting.
inline constexpr core::UtcMicros kDefaultAisHold = 30 * 60 * core::kMicrosPerSecond;

// The hold for tracks split at `gapHours`: 30 minutes, or the gap limit if shorter. A hold
// also ends where the vessel's next track begins, so a vessel never shows twice.
core::UtcMicros aisHoldFor(double gapHours);

// AIS tracks as GPU-resident trips (scene::Trips, like a scenario's ships), drawable from
// `from` to `to`: a leg between each two reports of a track (longitudes continuous, so no leg
// crosses the map) and, after its last report, a leg standing there for `hold` at 60 % opacity.
// The shader interpolates, culls and fades by time, so a frame costs no per-vessel CPU work.
// With a tolerance, a report is left out where the legs around it would move the vessel by no
// more than that (see aisTripTolerance): the same picture from far fewer legs.
std::shared_ptr<const scene::Trips> buildAisTrips(const io::AisTrackSet& set, core::UtcMicros from, core::UtcMicros to,
                                                  core::UtcMicros trailSpan, core::UtcMicros hold = kDefaultAisHold,
                                                  double toleranceDegrees = 0);

// How far (in degrees of longitude and latitude) trips drawn in `view` may stray from the reports:
// a quarter of the smallest pixel on screen (so that a line's pixels rarely change), rounded
// down to a power of two so that a camera moving in or out rebuilds its trips only at each
// halving; 0 under a millionth of a degree. A degree of longitude is no longer than a degree of
// latitude on the globe and as long on the flat map, so the bound holds for both.
// `zoomHeadroom`: trips that stay within a quarter pixel while the camera comes that many times
// closer (a power of two).
double aisTripTolerance(const scene::View& view, double zoomHeadroom = 1);

// Under a millionth of a degree (0.1 m, ten times the archive's resolution) nothing is left out
// that would be worth the search: aisTripTolerance gives 0 there, and at least half of it above.
inline constexpr double kLeastAisTripTolerance = 1e-6;

// The viewer's headroom: its camera can zoom in at any moment, and its trips are rebuilt in the
// background (app::VesselSource), not before the frame.
inline constexpr double kViewerZoomHeadroom = 8;

// Where each vessel shown at `time` is (within its track or its hold): (track index, position),
// for picking.
std::vector<std::pair<std::uint32_t, geo::LonLat>> aisPositionsAt(const io::AisTrackSet& set, core::UtcMicros time,
                                                                  core::UtcMicros hold = kDefaultAisHold);

}  // namespace corridor::app
