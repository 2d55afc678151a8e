#include "TimelinePanel.h"

#include <imgui.h>

#include <cstdio>
#include <string>

namespace corridor::viewer {
namespace {

constexpr core::UtcMicros kDay = 86400LL * core::kMicrosPerSecond;

std::string speedLabel(double secondsPerSecond) {
  char text[48];
  if (secondsPerSecond < 120) {
    std::snprintf(text, sizeof text, "%.0f s per second", secondsPerSecond);
  } else if (secondsPerSecond < 2 * 3600) {
    std::snprintf(text, sizeof text, "%.0f min per second", secondsPerSecond / 60);
  } else if (secondsPerSecond < 2 * 86400) {
    std::snprintf(text, sizeof text, "%.1f h per second", secondsPerSecond / 3600);
  } else {
    std::snprintf(text, sizeof text, "%.1f days per second", secondsPerSecond / 86400);
  }
  return text;
}

}  // namespace

void handleTimelineKeys(timeline::PlaybackClock& clock) {
  const ImGuiIO& io = ImGui::GetIO();
  const core::UtcMicros step = io.KeyShift ? 30 * kDay : kDay;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) clock.toggle();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) clock.step(-step);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) clock.step(step);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) clock.seek(clock.start());
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) clock.seek(clock.end());
}

void drawTimelinePanel(timeline::PlaybackClock& clock, bool keyboardFree) {
  if (keyboardFree) handleTimelineKeys(clock);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - 12.0f), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x - 24.0f, 760.0f), 0.0f), ImGuiCond_Always);
  ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize);
  const std::string date = core::formatIso8601(clock.now()).substr(0, 16) + " UTC";
  if (ImGui::Button(clock.playing() ? "Pause" : "Play", ImVec2(60, 0))) clock.toggle();
  ImGui::SameLine();
  if (ImGui::Button("<")) clock.step(-kDay);
  ImGui::SameLine();
  if (ImGui::Button(">")) clock.step(kDay);
  ImGui::SameLine();
  bool loop = clock.looping();
  if (ImGui::Checkbox("Loop", &loop)) clock.setLoop(loop);
  ImGui::SameLine();
  ImGui::TextUnformatted(date.c_str());
  float progress = float(clock.progress());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##scrub", &progress, 0.0f, 1.0f, "")) clock.seekProgress(progress);
  float speed = float(clock.speedFraction());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##speed", &speed, 0.0f, 1.0f, speedLabel(clock.speed()).c_str())) {
    clock.setSpeedFraction(speed);
  }
  ImGui::End();
}

}  // namespace corridor::viewer
