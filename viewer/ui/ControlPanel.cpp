#include "ControlPanel.h"

#include <imgui.h>

#include "ImGuiLayer.h"
#include "PresentationOverlay.h"

namespace corridor::ui {
namespace {

struct Place {
  const char* name;
  double lon, lat, altitudeKm;
};

// Terminal areas of the corridor ports (shared/FACTS.md) and an overview of the Pacific.
constexpr Place kPlaces[] = {
    {"North Pacific", -170.0, 35.0, 12000.0}, {"Los Angeles", -118.2625, 33.7300, 60.0},
    {"Long Beach", -118.2150, 33.7550, 60.0}, {"Tokyo", 139.7956, 35.6169, 60.0},
    {"Yokohama", 139.6461, 35.4500, 60.0},    {"Shanghai (Yangshan)", 122.0650, 30.6265, 80.0},
    {"Singapore", 103.8400, 1.2640, 80.0},
};

void basemapSection(ViewerState& state) {
  int view = state.mode == scene::ViewMode::Globe ? 0 : 1;
  ImGui::RadioButton("Globe", &view, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Map", &view, 1);
  state.mode = view == 0 ? scene::ViewMode::Globe : scene::ViewMode::Map;

  int kind = state.style.kind == scene::BasemapKind::Vector ? 0 : 1;
  ImGui::RadioButton("Vector", &kind, 0);
  ImGui::SameLine();
  if (!state.hasImagery) ImGui::BeginDisabled();
  ImGui::RadioButton("Imagery", &kind, 1);
  if (!state.hasImagery) ImGui::EndDisabled();
  state.style.kind = kind == 0 ? scene::BasemapKind::Vector : scene::BasemapKind::Imagery;

  ImGui::Checkbox("Coastlines & borders", &state.style.outlines);
  ImGui::Checkbox("Graticule", &state.style.graticule);
  ImGui::Checkbox("Atmosphere", &state.style.atmosphere);
  if (!state.hasNightImagery || kind == 0) ImGui::BeginDisabled();
  ImGui::Checkbox("Night lights", &state.style.nightLights);
  if (!state.hasNightImagery || kind == 0) ImGui::EndDisabled();
}

void cameraSection(ViewerState& state) {
  const auto& c = state.camera;
  ImGui::Text("Lat %.4f  Lon %.4f", c.lat, c.lon);
  ImGui::Text("Altitude %.1f km", c.altitude / 1000.0);
  ImGui::Text("Heading %.0f deg  Tilt %.0f deg", c.heading, c.tilt);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("Drag: pan, wheel: zoom, right drag: turn and tilt");
  ImGui::PopStyleColor();
  for (const Place& place : kPlaces) {
    if (ImGui::Button(place.name)) {
      timeline::CameraPose target;
      target.lon = place.lon;
      target.lat = place.lat;
      target.altitude = place.altitudeKm * 1000.0;
      state.flyToRequest = target;
    }
  }
}

void swatch(const glm::vec4& color, const std::string& label) {
  ImGui::ColorButton(label.c_str(), ImVec4(color.r, color.g, color.b, 1.0f), ImGuiColorEditFlags_NoTooltip, ImVec2(uiPixels(12), uiPixels(12)));
  ImGui::SameLine();
  ImGui::TextUnformatted(label.c_str());
}

// What the ships' colours say, and the legend of it.
void shipsSection(ViewerState& state) {
  if (state.scenarioShips) {
    int coloring = int(state.coloring);
    ImGui::RadioButton("Fuel", &coloring, int(scene::VesselColoring::Fuel));
    ImGui::SameLine();
    ImGui::RadioButton("Class", &coloring, int(scene::VesselColoring::VesselClass));
    ImGui::SameLine();
    ImGui::RadioButton("CO2 per hour", &coloring, int(scene::VesselColoring::Co2Intensity));
    ImGui::RadioButton("Variant", &coloring, int(scene::VesselColoring::Variant));
    state.coloring = scene::VesselColoring(coloring);
  }
  ImGui::TextUnformatted(state.legendTitle.c_str());
  for (const auto& [color, label] : state.legend) swatch(color, label);
}

// The plumes' colour and the heatmap's scale, wrapped under a ramp as wide as the panel.
void airSection(const ViewerState& state) {
  for (const app::LegendEntry& entry : state.air) {
    const float height = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = entry.ramp.empty() ? height * 0.8f : ImGui::GetContentRegionAvail().x;
    drawSwatch(entry, ImVec2(at.x, at.y + height * 0.1f), ImVec2(width, height * 0.8f));
    ImGui::Dummy(ImVec2(width, height));
    if (entry.ramp.empty()) ImGui::SameLine();
    ImGui::TextWrapped("%s", entry.label.c_str());
  }
}

}  // namespace

void ControlPanel::draw(ViewerState& state) {
  ImGui::SetNextWindowPos(ImVec2(uiPixels(12), uiPixels(12)), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(uiPixels(270), 0), ImGuiCond_FirstUseEver);
  ImGui::Begin("Corridor");
  ImGui::Text("Frame %.2f ms (%.0f fps)", state.frameMilliseconds,
              state.frameMilliseconds > 0 ? 1000.0 / state.frameMilliseconds : 0.0);
  if (ImGui::CollapsingHeader("Basemap", ImGuiTreeNodeFlags_DefaultOpen)) basemapSection(state);
  if (ImGui::CollapsingHeader("Camera", ImGuiTreeNodeFlags_DefaultOpen)) cameraSection(state);
  if (!state.legend.empty() && ImGui::CollapsingHeader("Ships", ImGuiTreeNodeFlags_DefaultOpen)) shipsSection(state);
  if (!state.air.empty() && ImGui::CollapsingHeader(state.airTitle.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) airSection(state);
  ImGui::End();
}

}  // namespace corridor::ui
