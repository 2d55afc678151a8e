#include "SceneMouse.h"

#include <imgui.h>

#include <string>

#include "scene/Picking.h"

namespace corridor::ui {

PointerInput pointerFromImGui(const ImGuiLayer& imgui) {
  if (imgui.wantsMouse()) return {};
  const ImGuiIO& io = ImGui::GetIO();
  return {io.MouseDelta.x, io.MouseDelta.y, io.MouseWheel, io.MouseDown[0], io.MouseDown[1]};
}

std::optional<std::size_t> clickedPort(const std::vector<app::VesselSource::PortMark>& ports, const scene::View& view,
                                       const ImGuiLayer& imgui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (imgui.wantsMouse() || !ImGui::IsMouseReleased(ImGuiMouseButton_Left) || io.MouseDragMaxDistanceSqr[0] > 16) {
    return std::nullopt;
  }
  std::vector<geo::LonLat> points;
  for (const auto& port : ports) points.push_back(port.position);
  return scene::pickNearest(view, points, io.MousePos.x * io.DisplayFramebufferScale.x,
                            io.MousePos.y * io.DisplayFramebufferScale.y, 14.0);
}

void showVesselUnderMouse(const app::VesselSource& vessels, core::UtcMicros time, const scene::View& view,
                          const ImGuiLayer& imgui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (imgui.wantsMouse() || io.MouseDown[0] || io.MouseDown[1] || !ImGui::IsMousePosValid()) return;
  const double x = io.MousePos.x * io.DisplayFramebufferScale.x, y = io.MousePos.y * io.DisplayFramebufferScale.y;
  const std::vector<std::string> lines = vessels.pick(time, view, x, y);
  if (lines.empty()) return;
  ImGui::BeginTooltip();
  for (const std::string& line : lines) ImGui::TextUnformatted(line.c_str());
  ImGui::EndTooltip();
}

}  // namespace corridor::ui
