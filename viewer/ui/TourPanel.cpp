#include "TourPanel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ImGuiLayer.h"
#include "core/OutputFile.h"

namespace corridor::ui {

std::optional<timeline::CameraPose> TourPanel::draw(const timeline::CameraPose& camera,
                                                    timeline::PlaybackClock& clock) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x - uiPixels(12), uiPixels(12)), ImGuiCond_FirstUseEver, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(uiPixels(330), 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Tour")) drawContents(camera, clock);
  ImGui::End();
  if (!previewing_ || keyframes_.empty()) return std::nullopt;
  // Scenario seconds serve as video seconds: the camera moves as time plays.
  return app::tourInScenarioSeconds(keyframes_, 0).cameraAt(double(clock.now()) / 1e6);
}

void TourPanel::drawContents(const timeline::CameraPose& camera, timeline::PlaybackClock& clock) {
  if (ImGui::Button("Add keyframe (this camera, this time)")) {
    app::TimedKeyframe timed{clock.now(), {}};
    timed.keyframe.camera = camera;
    keyframes_.push_back(timed);
    std::stable_sort(keyframes_.begin(), keyframes_.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  }
  static const char* kEasings[] = {"linear", "ease-in-out", "ease-in", "ease-out"};
  std::optional<std::size_t> removed;
  for (std::size_t i = 0; i < keyframes_.size(); ++i) {
    ImGui::PushID(int(i));
    app::TimedKeyframe& timed = keyframes_[i];
    ImGui::Separator();
    ImGui::Text("%s  %.2f, %.2f  %.0f km", core::formatIso8601(timed.time).substr(0, 16).c_str(),
                timed.keyframe.camera.lon, timed.keyframe.camera.lat, timed.keyframe.camera.altitude / 1000);
    char caption[160];
    std::snprintf(caption, sizeof caption, "%s", timed.keyframe.caption.c_str());
    if (ImGui::InputText("caption", caption, sizeof caption)) timed.keyframe.caption = caption;
    int easing = int(timed.keyframe.easing);
    if (ImGui::Combo("easing", &easing, kEasings, 4)) timed.keyframe.easing = timeline::Easing(easing);
    if (ImGui::SmallButton("Go to")) clock.seek(timed.time);
    ImGui::SameLine();
    if (ImGui::SmallButton("Delete")) removed = i;
    ImGui::PopID();
  }
  if (removed) keyframes_.erase(keyframes_.begin() + std::ptrdiff_t(*removed));
  ImGui::Separator();
  ImGui::Checkbox("Preview: the camera follows the tour", &previewing_);
  ImGui::InputText("file", path_, sizeof path_);
  if (ImGui::Button("Save") && !keyframes_.empty()) {
    // Never over a scenario or another file that is not a tour this panel saved.
    auto saved = core::checkOutputTarget(path_, core::OutputKind::Tour, {}, false);
    if (saved) saved = app::saveTour(path_, keyframes_);
    status_ = saved ? std::string("saved ") + path_ : saved.error().message;
  }
  if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
}

}  // namespace corridor::ui
