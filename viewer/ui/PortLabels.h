#pragma once
#include <vector>

struct ImFont;

#include "app/VesselSource.h"
#include "scene/View.h"

namespace corridor::ui {

// A dot and a name at each port on screen, over the scene and under the panels; a label that
// would overlap one already drawn is left out (Los Angeles and Long Beach at ocean scale).
// `font` (null: ImGui's) at `size` pixels.
void drawPortLabels(const std::vector<app::VesselSource::PortMark>& ports, const scene::View& view, ImFont* font,
                    float size);

}  // namespace corridor::ui
