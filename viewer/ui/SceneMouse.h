#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "ImGuiLayer.h"
#include "OrbitControls.h"
#include "app/VesselSource.h"
#include "core/Time.h"
#include "scene/View.h"

namespace corridor::ui {

// What the mouse does over the scene where no panel takes it: moves the camera, clicks a port,
// hovers a ship.

// This frame's drags and wheel for the camera (nothing while a panel has the mouse).
PointerInput pointerFromImGui(const ImGuiLayer& imgui);

// The port under a left click (a press and release without a drag), if any.
std::optional<std::size_t> clickedPort(const std::vector<app::VesselSource::PortMark>& ports, const scene::View& view,
                                       const ImGuiLayer& imgui);

// Hovering a ship shows what it is and emits (not while a drag moves the camera).
void showVesselUnderMouse(const app::VesselSource& vessels, core::UtcMicros time, const scene::View& view,
                          const ImGuiLayer& imgui);

}  // namespace corridor::ui
