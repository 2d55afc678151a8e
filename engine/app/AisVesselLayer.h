#pragma once
// AIS tracks as draw data at one moment: glyphs, trails, ship-type colours, positions to pick.
#include <glm/glm.hpp>
#include <memory>

#include "core/Time.h"
#include "io/AisTracks.h"
#include "scene/VesselLayer.h"

// Here, in the application, because scene must not depend on io (docs/DESIGN.md); the layer
// itself is the scenario's kind.

namespace corridor::app {

// Colours by AIS ship-type group (cargo, tanker, passenger, fishing, tug and service, other),
// from the palette of fuelColor so both read on the dark basemap.
glm::vec4 aisTypeColor(int aisType);

// How long a vessel stays at its last report after its track ends, fading: AIS reports of a
// vessel can be minutes apart (Class B, coverage gaps), and one report is a real sighting.
inline constexpr core::UtcMicros kDefaultAisHold = 30 * 60 * core::kMicrosPerSecond;

// The hold for tracks split at `gapHours`: 30 minutes, or the gap limit if shorter (a vessel
// never shows twice).
core::UtcMicros aisHoldFor(double gapHours);

// AIS tracks at one moment: a glyph where each vessel is at `time` (between two reports,
// interpolated; at its last report for `hold` after the track ends, fading to 30 %) and a
// trail over the last trailSpan, sampled over the part of the window the track covers.
// Per-frame work: a scan of the track table and a binary search per trail sample of the tracks
// in the window.
std::shared_ptr<const scene::VesselLayer> buildAisVesselLayer(const io::AisTrackSet& set, core::UtcMicros time,
                                                              const scene::VesselLayerOptions& options = {},
                                                              core::UtcMicros hold = kDefaultAisHold);

// Where each vessel shown at `time` is (within its track or its hold): (track index, position),
// for picking.
std::vector<std::pair<std::uint32_t, geo::LonLat>> aisPositionsAt(const io::AisTrackSet& set, core::UtcMicros time,
                                                                  core::UtcMicros hold = kDefaultAisHold);

}  // namespace corridor::app
