#pragma once
#include "ImGuiLayer.h"
#include "app/VideoOverlay.h"
#include "core/Time.h"

namespace corridor::ui {

// Presentation mode's only text: the year and UTC date (top left), what is shown (bottom left),
// the ships' colour legend (bottom right) and the vector layers' (top right), drawn large on
// translucent panels.
void drawPresentationOverlay(const app::OverlayContent& content, core::UtcMicros now, const ImGuiLayer& imgui);

}  // namespace corridor::ui
