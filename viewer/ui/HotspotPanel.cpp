#include "HotspotPanel.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "ImGuiLayer.h"
#include "scene/PortLayer.h"
#include "scene/VesselLayer.h"

namespace corridor::ui {
namespace {

constexpr float kChartWidth = 380;  // unscaled pixels (uiPixels)
ImU32 variantColor(const app::PortInventories& inventories, std::size_t index) {
  const glm::vec4 color = scene::variantColor(inventories.variants.at(index).variant, index);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(color.r, color.g, color.b, color.a));
}

std::string variantLabel(const std::string& variant) { return variant.empty() ? "(base)" : variant; }

const char* compassPoint(double bearing) {
  static const char* const kPoints[] = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
                                        "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};
  return kPoints[int(bearing / 22.5 + 0.5) % 16];
}

// Tonnes per year of each variant as lines over the years, the clock's year marked.
void drawSeriesChart(const app::PortSummary& summary, const app::PortInventories& inventories, int year, const std::string& unit) {
  const ImVec2 size(uiPixels(kChartWidth), uiPixels(140));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  double top = 0;
  for (const auto& series : summary.series) {
    for (const double value : series) top = std::isnan(value) ? top : std::max(top, value);
  }
  if (top <= 0) top = 1;
  const float left = origin.x + 4, right = origin.x + size.x - 4, bottom = origin.y + size.y - 16, high = origin.y + 16;
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(20, 26, 36, 255));
  draw->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), IM_COL32(120, 130, 145, 255));
  const std::size_t years = summary.years.size();
  auto x = [&](std::size_t i) { return years > 1 ? left + (right - left) * float(i) / float(years - 1) : left; };
  auto y = [&](double value) { return bottom - float(value / top) * (bottom - high); };
  const auto current = std::find(summary.years.begin(), summary.years.end(), year);
  if (current != summary.years.end()) {
    const float at = x(std::size_t(current - summary.years.begin()));
    draw->AddLine(ImVec2(at, high - 4), ImVec2(at, bottom), IM_COL32(255, 255, 255, 90));
  }
  for (std::size_t v = 0; v < summary.series.size(); ++v) {
    for (std::size_t i = 1; i < years; ++i) {
      if (std::isnan(summary.series[v][i - 1]) || std::isnan(summary.series[v][i])) continue;  // a year it lacks
      draw->AddLine(ImVec2(x(i - 1), y(summary.series[v][i - 1])), ImVec2(x(i), y(summary.series[v][i])), variantColor(inventories, v), 2.0f);
    }
  }
  char label[64];
  std::snprintf(label, sizeof label, "%.4g %s", top, unit.c_str());
  draw->AddText(ImVec2(left + 2, origin.y + 1), IM_COL32(200, 205, 215, 255), label);
  std::snprintf(label, sizeof label, "%d", summary.years.front());
  draw->AddText(ImVec2(left, bottom + 1), IM_COL32(200, 205, 215, 255), label);
  std::snprintf(label, sizeof label, "%d", summary.years.back());
  draw->AddText(ImVec2(right - ImGui::CalcTextSize(label).x, bottom + 1), IM_COL32(200, 205, 215, 255), label);
  ImGui::Dummy(size);
  for (std::size_t v = 0; v < inventories.variants.size(); ++v) {
    if (v > 0) ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(variantColor(inventories, v)), "- %s", variantLabel(inventories.variants[v].variant).c_str());
  }
}

}  // namespace

void HotspotPanel::open(std::size_t port, const std::filesystem::path& scenarioFile, const std::string& variant) {
  port_ = port;
  if (inventories_.valid() && scenarioFile == scenarioFile_ && variant == variant_) return;
  scenarioFile_ = scenarioFile;
  variant_ = variant;
  if (inventories_.valid()) retired_.push_back(std::move(inventories_));
  inventories_ = std::async(std::launch::async, [scenarioFile, variant] {
                   return app::computePortInventories(scenarioFile, variant);
                 }).share();
}

void HotspotPanel::follow(const std::filesystem::path& scenarioFile, const std::string& variant) {
  if (!port_) return;
  if (scenarioFile != scenarioFile_) {
    port_.reset();
    return;
  }
  open(*port_, scenarioFile, variant);
}

std::optional<timeline::CameraPose> HotspotPanel::draw(int year, sim::Pollutant pollutant) {
  std::erase_if(retired_, [](const auto& future) {
    return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  });
  if (!port_) return std::nullopt;
  std::optional<timeline::CameraPose> flyTo;
  bool open = true;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x - uiPixels(12), uiPixels(215)), ImGuiCond_FirstUseEver, ImVec2(1, 0));
  if (ImGui::Begin("Port hotspot", &open, ImGuiWindowFlags_AlwaysAutoResize)) {
    if (inventories_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      ImGui::TextUnformatted("Simulating every variant of the scenario over its years...");
    } else if (!inventories_.get()) {
      ImGui::PushTextWrapPos(uiPixels(kChartWidth));
      ImGui::TextWrapped("Could not simulate the scenario: %s", inventories_.get().error().message.c_str());
      ImGui::PopTextWrapPos();
    } else {
      const app::PortInventories& inventories = *inventories_.get();
      drawSummary(inventories, year, pollutant);
      if (ImGui::Button("Fly to the port")) {
        const sim::Port& port = inventories.variants.front().scenario.ports.at(*port_);
        timeline::CameraPose pose;
        pose.lon = port.position.lon;
        pose.lat = port.position.lat;
        pose.altitude = 90'000;
        flyTo = pose;
      }
    }
  }
  ImGui::End();
  if (!open) port_.reset();
  return flyTo;
}

void HotspotPanel::drawSummary(const app::PortInventories& inventories, int year, sim::Pollutant pollutant) {
  if (*port_ >= inventories.footprints.size()) {
    ImGui::TextUnformatted("This port is not in the scenario any more.");
    return;
  }
  const app::PortSummary summary = app::summarizePort(inventories, *port_, year, pollutant);
  const std::string name = scene::pollutantName(pollutant);
  ImGui::Text("%s", summary.portName.c_str());
  ImGui::TextDisabled("%d, %s: ships in the port area and landside sources", std::clamp(year, summary.years.front(), summary.years.back()),
                      variantLabel(variant_).c_str());
  if (ImGui::BeginTable("pollutants", 2, ImGuiTableFlags_RowBg, ImVec2(uiPixels(kChartWidth), 0))) {
    const std::pair<const char*, double> rows[] = {
        {"CO2", summary.total.co2},   {"CO2e (GWP100)", summary.total.co2e}, {"NOx", summary.total.nox},
        {"SOx (as SO2)", summary.total.sox}, {"PM2.5", summary.total.pm25}, {"Black carbon", summary.total.blackCarbon},
        {"CH4", summary.total.ch4}};
    for (const auto& [label, tonnes] : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(label);
      ImGui::TableNextColumn();
      ImGui::Text("%12.1f t", tonnes);
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  ImGui::Text("%s per year, every variant", name.c_str());
  drawSeriesChart(summary, inventories, year, "t");
  ImGui::Separator();
  ImGui::Text("Top sources of %s", name.c_str());
  double total = 0;
  for (const auto& source : summary.sources) total += source.tonnes;
  for (const auto& source : summary.sources) {
    const float share = total > 0 ? float(source.tonnes / total) : 0.0f;
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%.1f t (%.0f %%)", source.tonnes, share * 100);
    ImGui::ProgressBar(share, ImVec2(uiPixels(150), 0), overlay);
    ImGui::SameLine();
    ImGui::TextUnformatted(source.name.c_str());
  }
  ImGui::Separator();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + uiPixels(kChartWidth));
  if (summary.peak > 0) {
    ImGui::TextWrapped("Peak ground concentration (annual mean): %.3g \u00b5g/m\u00b3 of %s at %.4f, %.4f, %.1f km %s of the berth",
                       summary.peak, name.c_str(), summary.peakAt.lat, summary.peakAt.lon, summary.peakDistanceKm,
                       compassPoint(summary.peakBearingDegrees));
    // Against the references the heatmap's legend ticks (from these sources alone).
    for (const scene::HeatmapReference& reference : scene::heatmapScale(pollutant).references) {
      ImGui::TextDisabled("%.1f %% of the %s reference (%g \u00b5g/m\u00b3)", 100.0 * summary.peak / reference.value,
                          reference.label.c_str(), reference.value);
    }
  } else {
    ImGui::TextWrapped("No ground concentration of %s this year.", name.c_str());
  }
  ImGui::PopTextWrapPos();
}

}  // namespace corridor::ui
