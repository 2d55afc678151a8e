#pragma once
#include <imgui.h>

#include "ImGuiLayer.h"
#include "app/VideoOverlay.h"
#include "core/Time.h"

namespace corridor::ui {

// Presentation mode's only text: the year and UTC date (top left), what is shown (bottom left),
// the ships' colour legend (bottom right) and the vector layers' (top right), drawn large on
// translucent panels.
// A legend entry's swatch (or its ramp as a bar, low values at the left) in the current window.
void drawSwatch(const app::LegendEntry& entry, ImVec2 at, ImVec2 size);

// Returns the bottom of the date's panel (what goes under it).
float drawPresentationOverlay(const app::OverlayContent& content, core::UtcMicros now, const ImGuiLayer& imgui);

// A tour's caption, centred low on the screen, as videos burn it in.
void drawCaption(const std::string& caption, const ImGuiLayer& imgui);

}  // namespace corridor::ui
