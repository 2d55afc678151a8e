#include "HeadlinePanel.h"

#include <algorithm>

namespace corridor::ui {

void drawHeadline(const char* id, const std::string& label, const std::vector<app::HeadlineRow>& rows, ImVec2 position,
                  ImVec2 pivot, ImFont* font) {
  if (rows.empty() && label.empty()) return;
  ImGui::SetNextWindowPos(position, ImGuiCond_Always, pivot);
  ImGui::SetNextWindowBgAlpha(0.6f);
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::PushFont(font ? font : ImGui::GetIO().Fonts->Fonts[0]);
  if (!label.empty()) ImGui::TextUnformatted(label.c_str());
  float valueWidth = 0;
  for (const app::HeadlineRow& row : rows) valueWidth = std::max(valueWidth, ImGui::CalcTextSize(row.value.c_str()).x);
  const float left = ImGui::GetCursorPosX();
  for (const app::HeadlineRow& row : rows) {
    ImGui::SetCursorPosX(left + valueWidth - ImGui::CalcTextSize(row.value.c_str()).x);
    ImGui::TextUnformatted(row.value.c_str());
    ImGui::SameLine(left + valueWidth + ImGui::GetFontSize() * 0.6f);
    ImGui::TextDisabled("%s", row.label.c_str());
  }
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace corridor::ui
