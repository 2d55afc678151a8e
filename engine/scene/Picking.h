#pragma once
#include <optional>
#include <span>

#include "geo/Types.h"
#include "scene/View.h"

namespace corridor::scene {

// The point nearest to the pixel (x, y) among those on screen within `radiusPixels` (points
// beyond the globe's horizon or behind the camera cannot be picked).
std::optional<std::size_t> pickNearest(const View& view, std::span<const geo::LonLat> points, double x, double y,
                                       double radiusPixels);

}  // namespace corridor::scene
