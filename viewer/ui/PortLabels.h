#pragma once
#include <vector>

struct ImFont;

#include "app/VesselSource.h"
#include "scene/View.h"

namespace corridor::ui {

// A name at each place on screen (with a dot when `dots`), over the scene and under the panels;
// a label that would overlap one already drawn is left out (Los Angeles and Long Beach at ocean
// scale). `font` (null: ImGui's) at `size` pixels. Ports and the vector layers' labels.
void drawPortLabels(const std::vector<app::VesselSource::PortMark>& ports, const scene::View& view, ImFont* font,
                    float size, bool dots = true);

}  // namespace corridor::ui
