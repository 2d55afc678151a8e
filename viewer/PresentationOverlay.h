#pragma once
#include "ImGuiLayer.h"
#include "VideoOverlay.h"
#include "core/Time.h"

namespace corridor::viewer {

// Presentation mode's only text: the year and UTC date (top left), what is shown (bottom left)
// and the colour legend (bottom right), drawn large on translucent panels.
void drawPresentationOverlay(const OverlayContent& content, core::UtcMicros now, const ImGuiLayer& imgui);

}  // namespace corridor::viewer
