#include "TimelinePanel.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <string>

#include "ImGuiLayer.h"

namespace corridor::ui {
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

void TimelinePanel::handleKeys(timeline::PlaybackClock& clock, const KeyPressed& pressed, bool keyboardFree) {
  // Every key is taken, so that typing into a text field does not act later.
  const bool space = pressed(GLFW_KEY_SPACE), left = pressed(GLFW_KEY_LEFT), right = pressed(GLFW_KEY_RIGHT);
  const bool home = pressed(GLFW_KEY_HOME), end = pressed(GLFW_KEY_END);
  if (!keyboardFree) return;
  const core::UtcMicros step = ImGui::GetIO().KeyShift ? 30 * kDay : kDay;
  if (space) clock.toggle();
  if (left) clock.step(-step);
  if (right) clock.step(step);
  if (home) clock.seek(clock.start());
  if (end) clock.seek(clock.end());
}

void TimelinePanel::draw(timeline::PlaybackClock& clock, const KeyPressed& pressed, bool keyboardFree) {
  handleKeys(clock, pressed, keyboardFree);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - uiPixels(12)), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x - uiPixels(24), uiPixels(760)), 0.0f), ImGuiCond_Always);
  ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize);
  const std::string date = core::formatIso8601(clock.now()).substr(0, 16) + " UTC";
  if (ImGui::Button(clock.playing() ? "Pause" : "Play", ImVec2(uiPixels(60), 0))) clock.toggle();
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

}  // namespace corridor::ui
