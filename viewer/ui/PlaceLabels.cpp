#include "PlaceLabels.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>

namespace corridor::ui {

namespace {

// The panels already begun this frame (the date, the counters and the legends in presentation
// mode; the controls otherwise): a label goes where none of them covers it.
std::vector<record::ScreenBox> panelsOnScreen() {
  std::vector<record::ScreenBox> boxes;
  for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    if (!window->Active || window->IsFallbackWindow || (window->Flags & ImGuiWindowFlags_ChildWindow)) continue;
    boxes.push_back({window->Pos.x, window->Pos.y, window->Pos.x + window->Size.x, window->Pos.y + window->Size.y});
  }
  return boxes;
}

}  // namespace

PlaceLabels::PlaceLabels(const scene::View& view, ImFont* font)
    : view_(view), font_(font ? font : ImGui::GetFont()), placed_(panelsOnScreen()) {}

void PlaceLabels::draw(const std::vector<app::VesselSource::PortMark>& places, float size, bool dots) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
  for (const app::VesselSource::PortMark& port : places) {
    const scene::ScreenPoint at = scene::projectToScreen(view_, port.position);
    if (!at.visible) continue;
    const ImVec2 dot(float(at.x) / scale.x, float(at.y) / scale.y);
    if (dots) {
      draw->AddCircleFilled(dot, 4.0f, IM_COL32(255, 255, 255, 230));
      draw->AddCircle(dot, 4.0f, IM_COL32(10, 20, 35, 255));
    }
    const ImVec2 extent = font_->CalcTextSizeA(size, FLT_MAX, 0.0f, port.name.c_str());
    const auto box = record::placeBeside(dot.x, dot.y, extent.x, extent.y, 8, 2, ImGui::GetIO().DisplaySize.x, placed_);
    if (!box) continue;
    placed_.push_back(*box);
    draw->AddText(font_, size, ImVec2(box->left + 1, box->top + 1), IM_COL32(0, 0, 0, 200), port.name.c_str());
    draw->AddText(font_, size, ImVec2(box->left, box->top), IM_COL32(235, 240, 245, 255), port.name.c_str());
  }
}

}  // namespace corridor::ui
