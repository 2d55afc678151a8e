#include "PresentationOverlay.h"

#include <imgui.h>

namespace corridor::ui {
namespace {

constexpr ImGuiWindowFlags kCaption = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

void beginCaption(const char* name, ImVec2 position, ImVec2 pivot) {
  ImGui::SetNextWindowPos(position, ImGuiCond_Always, pivot);
  ImGui::SetNextWindowBgAlpha(0.55f);
  ImGui::Begin(name, nullptr, kCaption);
}

void pushFont(ImFont* font) { ImGui::PushFont(font ? font : ImGui::GetIO().Fonts->Fonts[0]); }

// A titled list of colour swatches on a translucent panel; nothing when there are no entries.
// Its height on screen (0 when there are no entries).
float drawLegend(const char* id, const std::string& title, const std::vector<app::LegendEntry>& entries, ImVec2 position,
                 ImVec2 pivot, const ImGuiLayer& imgui) {
  if (entries.empty()) return 0;
  beginCaption(id, position, pivot);
  pushFont(imgui.textFont());
  ImGui::TextUnformatted(title.c_str());
  const float swatch = ImGui::GetTextLineHeight() * 0.8f;
  for (const app::LegendEntry& entry : entries) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = entry.ramp.empty() ? swatch : swatch * 5;
    drawSwatch(entry, ImVec2(at.x, at.y + swatch * 0.15f), ImVec2(width, swatch));
    ImGui::Dummy(ImVec2(width + swatch * 0.5f, swatch));
    ImGui::SameLine();
    ImGui::TextUnformatted(entry.label.c_str());
  }
  ImGui::PopFont();
  const float height = ImGui::GetWindowHeight();
  ImGui::End();
  return height;
}

}  // namespace

void drawSwatch(const app::LegendEntry& entry, ImVec2 at, ImVec2 size) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  auto color = [](const core::Rgba& c) { return IM_COL32(c[0], c[1], c[2], 255); };
  if (entry.ramp.size() < 2) {  // a transparent swatch: a line of text alone
    if (entry.color[3] > 0) draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), color(entry.color));
    return;
  }
  const float step = size.x / float(entry.ramp.size() - 1);
  for (std::size_t i = 0; i + 1 < entry.ramp.size(); ++i) {
    const float x = at.x + step * float(i);
    draw->AddRectFilledMultiColor(ImVec2(x, at.y), ImVec2(x + step, at.y + size.y), color(entry.ramp[i]),
                                  color(entry.ramp[i + 1]), color(entry.ramp[i + 1]), color(entry.ramp[i]));
  }
  for (const float mark : entry.marks) {  // the references, ticked across the bar
    const float x = at.x + mark * size.x;
    draw->AddRectFilled(ImVec2(x - 1.5f, at.y - 3), ImVec2(x + 1.5f, at.y + size.y + 3), IM_COL32(6, 12, 24, 255));
    draw->AddRectFilled(ImVec2(x - 0.5f, at.y - 3), ImVec2(x + 0.5f, at.y + size.y + 3), IM_COL32(255, 255, 255, 255));
  }
}

float drawPresentationOverlay(const app::OverlayContent& content, core::UtcMicros now, const ImGuiLayer& imgui) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float margin = 24 * imgui.scale();
  const std::string iso = core::formatIso8601(now);

  beginCaption("##date", ImVec2(margin, margin), ImVec2(0, 0));
  pushFont(imgui.largeFont());
  ImGui::TextUnformatted(iso.substr(0, 4).c_str());
  ImGui::PopFont();
  pushFont(imgui.textFont());
  ImGui::TextUnformatted((iso.substr(0, 10) + "  " + iso.substr(11, 5) + " UTC").c_str());
  ImGui::PopFont();
  const float dateBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  ImGui::End();

  if (!content.source.empty()) {
    beginCaption("##source", ImVec2(margin, display.y - margin), ImVec2(0, 1));
    pushFont(imgui.textFont());
    ImGui::TextUnformatted(content.source.c_str());
    ImGui::PopFont();
    ImGui::End();
  }
  const float ships = drawLegend("##legend", content.legendTitle, content.legend,
                                 ImVec2(display.x - margin, display.y - margin), ImVec2(1, 1), imgui);
  drawLegend("##air", content.airTitle, content.air,
             ImVec2(display.x - margin, display.y - margin - (ships > 0 ? ships + margin / 2 : 0)), ImVec2(1, 1), imgui);
  drawLegend("##layers", "Layers", content.layers, ImVec2(display.x - margin, margin), ImVec2(1, 0), imgui);
  return dateBottom;
}

void drawCaption(const std::string& caption, const ImGuiLayer& imgui) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  beginCaption("##caption", ImVec2(display.x / 2, display.y - 150 * imgui.scale()), ImVec2(0.5f, 1.0f));
  pushFont(imgui.textFont());
  ImGui::TextUnformatted(caption.c_str());
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace corridor::ui
