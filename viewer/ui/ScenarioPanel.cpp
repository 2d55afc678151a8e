#include "ScenarioPanel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ImGuiLayer.h"
#include "app/DefaultScenario.h"
#include "sim/ScenarioFile.h"

namespace corridor::ui {

ScenarioPanel::ScenarioPanel(const app::VesselSourceOptions& current) : current_(current) {
  std::snprintf(path_, sizeof path_, "%s", current.scenario.c_str());
  readVariants();
}

void ScenarioPanel::readVariants() {
  variants_ = {""};
  auto names = sim::scenarioVariants(app::scenarioPath(current_.scenario));
  if (names) variants_.insert(variants_.end(), names->begin(), names->end());
}

std::optional<app::VesselSourceOptions> ScenarioPanel::draw(ViewerState& state) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x - uiPixels(12), uiPixels(84)), ImGuiCond_FirstUseEver, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(uiPixels(330), 0), ImGuiCond_FirstUseEver);
  std::optional<app::VesselSourceOptions> wanted;
  if (ImGui::Begin("Scenario")) {
    ImGui::InputText("file", path_, sizeof path_);
    ImGui::SameLine();
    if (ImGui::Button("Open")) {
      app::VesselSourceOptions next = current_;
      next.scenario = path_;
      next.variant = app::defaultVariant(next.scenario);
      wanted = next;
    }
    const auto selected = std::find(variants_.begin(), variants_.end(), current_.variant);
    int index = selected == variants_.end() ? 0 : int(selected - variants_.begin());
    auto label = [](const std::string& name) { return name.empty() ? std::string("(base)") : name; };
    if (ImGui::BeginCombo("variant", label(variants_[std::size_t(index)]).c_str())) {
      for (std::size_t i = 0; i < variants_.size(); ++i) {
        if (ImGui::Selectable(label(variants_[i]).c_str(), int(i) == index) && int(i) != index) {
          app::VesselSourceOptions next = current_;
          next.variant = variants_[i];
          wanted = next;
        }
      }
      ImGui::EndCombo();
    }
    // Compare: another named variant right of a swipe divider, on the same clock and camera.
    const std::string none = "(none)";
    if (ImGui::BeginCombo("compare with", state.compareWith.empty() ? none.c_str() : state.compareWith.c_str())) {
      if (ImGui::Selectable(none.c_str(), state.compareWith.empty())) state.compareWith.clear();
      for (std::size_t i = 1; i < variants_.size(); ++i) {  // named variants only
        if (variants_[i] == current_.variant) continue;
        if (ImGui::Selectable(variants_[i].c_str(), variants_[i] == state.compareWith)) state.compareWith = variants_[i];
      }
      ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Split the view: drag the divider to reveal one variant or the other");
    ImGui::Checkbox("Ships", &state.showShips);
    ImGui::SameLine();
    ImGui::Checkbox("Headline", &state.showHeadline);
    ImGui::SameLine();
    ImGui::Checkbox("Plumes", &state.showPlumes);
    const sim::Pollutant pollutants[] = {sim::Pollutant::NOx, sim::Pollutant::SOx, sim::Pollutant::PM, sim::Pollutant::CO2};
    if (ImGui::BeginCombo("pollutant", scene::pollutantName(state.pollutant).c_str())) {
      for (const sim::Pollutant pollutant : pollutants) {
        if (ImGui::Selectable(scene::pollutantName(pollutant).c_str(), pollutant == state.pollutant)) state.pollutant = pollutant;
      }
      ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the port plumes and, zoomed in on a port, its heatmap show");
    if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
  }
  ImGui::End();
  if (wanted) {
    current_ = *wanted;
    status_.clear();
    readVariants();
  }
  return wanted;
}

}  // namespace corridor::ui
