#include "LayersPanel.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "ImGuiLayer.h"
#include "PresentationOverlay.h"

namespace corridor::ui {
namespace {

const std::vector<std::string>& rampNames() {
  static const std::vector<std::string> names = core::colorRampList();
  return names;
}

bool ready(const std::future<core::Result<app::LoadedLayer>>& future) {
  return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

std::optional<geo::LonLatBox> extentOf(const scene::LayerDraw& draw, const scene::Basemap& basemap) {
  if (draw.raster) return draw.raster->extent;
  return scene::layerExtent(basemap.layers.at(draw.vector));
}

}  // namespace

LayersPanel::LayersPanel(const scene::Basemap& basemap, std::vector<std::string> texts) {
  for (std::size_t i = 0; i < basemap.layerStack.size() && i < texts.size(); ++i) {
    const scene::LayerDraw& draw = basemap.layerStack[i];
    app::LoadedLayer layer;
    layer.raster = draw.raster;
    layer.opacity = draw.opacity;
    if (draw.raster) {
      auto request = app::parseRasterLayer(texts[i]);
      if (request) layer.rasterRequest = *request;
    } else {
      auto request = app::parseLayer(texts[i], i);
      if (request) layer.vectorRequest = *request;
    }
    entries_.push_back(entryFor(layer, draw.vector));
  }
  rebuildStack();
}

LayersPanel::Entry LayersPanel::entryFor(const app::LoadedLayer& layer, std::size_t vectorIndex) const {
  Entry entry;
  entry.opacity = layer.opacity;
  entry.raster = layer.raster;
  entry.vector = vectorIndex;
  entry.rasterRequest = layer.rasterRequest;
  entry.vectorRequest = layer.vectorRequest;
  if (layer.raster) {
    entry.name = layer.raster->name;
    if (layer.raster->legend) {
      entry.range[0] = float(layer.raster->legend->minimum);
      entry.range[1] = float(layer.raster->legend->maximum);
    }
    if (layer.rasterRequest) {
      const auto found = std::find(rampNames().begin(), rampNames().end(), layer.rasterRequest->style.ramp);
      entry.ramp = int(std::max<std::ptrdiff_t>(0, found - rampNames().begin()));
    }
  } else if (layer.vectorRequest) {
    entry.name = layer.vectorRequest->source.path.filename().string();
    if (!layer.vectorRequest->source.layer.empty()) entry.name += ":" + layer.vectorRequest->source.layer;
    std::strncpy(entry.label, layer.vectorRequest->labelField.c_str(), sizeof entry.label - 1);
  }
  return entry;
}

void LayersPanel::rebuildStack() {
  stack_.clear();
  for (const Entry& entry : entries_) {
    if (entry.visible) stack_.push_back({entry.raster, entry.vector, entry.opacity});
  }
  changed_ = true;
}

void LayersPanel::start(Read read, std::optional<std::size_t> replaces) {
  auto percent = std::make_shared<std::atomic<int>>(-1);
  auto report = [percent](double fraction, const std::string&) { *percent = int(fraction * 100); };
  pending_ = Pending{std::async(std::launch::async, [read = std::move(read), report] { return read(report); }),
                     replaces, percent};
}

// A read that finished: its entry added or replaced, and for a vector layer a new basemap.
std::shared_ptr<const scene::Basemap> LayersPanel::finishPending(const std::shared_ptr<const scene::Basemap>& basemap) {
  if (!pending_ || !ready(pending_->result)) return nullptr;
  auto result = pending_->result.get();
  const std::optional<std::size_t> replaces = pending_->replaces;
  pending_.reset();
  if (!result) {
    status_ = result.error().message;
    return nullptr;
  }
  status_.clear();
  std::shared_ptr<const scene::Basemap> rebuilt;
  std::size_t vectorIndex = 0;
  if (result->vector) {
    vectorIndex = replaces ? entries_[*replaces].vector : basemap->layers.size();
    rebuilt = scene::withVectorLayer(*basemap, vectorIndex, std::move(*result->vector));
  }
  Entry entry = entryFor(*result, vectorIndex);
  if (replaces) {
    entry.visible = entries_[*replaces].visible;
    entry.opacity = entries_[*replaces].opacity;
    entries_[*replaces] = entry;
  } else {
    entries_.push_back(entry);
  }
  rebuildStack();
  return rebuilt;
}

LayersPanel::Changes LayersPanel::draw(const std::shared_ptr<const scene::Basemap>& basemap, double aspect) {
  Changes changes;
  changes.basemap = finishPending(basemap);
  const scene::Basemap& current = changes.basemap ? *changes.basemap : *basemap;
  // On the right under the scenario panel, clear of the control panel on the left.
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - uiPixels(12), uiPixels(230)), ImGuiCond_FirstUseEver,
                          ImVec2(1, 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(uiPixels(330), 0), ImVec2(uiPixels(330), ImGui::GetIO().DisplaySize.y * 0.6f));
  ImGui::Begin("Layers", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  const bool busy = pending_.has_value();
  if (busy) ImGui::BeginDisabled();
  ImGui::SetNextItemWidth(-60);
  const bool entered = ImGui::InputTextWithHint("##path", "PATH[:LAYER][:STYLE]", path_, sizeof path_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Add") || entered) && path_[0] != '\0') {
    const std::string text = path_;
    const std::size_t palette = entries_.size();
    start([text, palette](const app::LayerProgress& progress) { return app::loadLayer(text, palette, progress); },
          std::nullopt);
  }
  if (busy) ImGui::EndDisabled();
  if (pending_ && *pending_->percent >= 0) {
    ImGui::ProgressBar(float(*pending_->percent) / 100.0f, ImVec2(-1, 0), "Building overviews (once)");
  } else if (pending_) {
    ImGui::TextUnformatted("Reading...");
  } else if (!status_.empty()) {
    ImGui::TextWrapped("%s", status_.c_str());
  }
  // Top of the stack first, as in a GIS.
  for (std::size_t i = entries_.size(); i-- > 0;) {
    ImGui::PushID(int(i));
    if (auto pose = drawEntry(i, current, aspect)) changes.flyTo = pose;
    ImGui::PopID();
  }
  if (entries_.empty()) ImGui::TextDisabled("No layers: add a vector or raster file above.");
  ImGui::End();
  return changes;
}

std::optional<timeline::CameraPose> LayersPanel::drawEntry(std::size_t index, const scene::Basemap& basemap,
                                                           double aspect) {
  Entry& entry = entries_[index];
  std::optional<timeline::CameraPose> flyTo;
  ImGui::Separator();
  if (ImGui::Checkbox("##visible", &entry.visible)) rebuildStack();
  ImGui::SameLine();
  const scene::LayerDraw draw{entry.raster, entry.vector, entry.opacity};
  const std::vector<app::LegendEntry> legend = app::layerLegend(basemap, {draw});
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float swatch = ImGui::GetTextLineHeight();
  const bool ramp = !legend.empty() && !legend.front().ramp.empty();
  if (!legend.empty()) drawSwatch(legend.front(), ImVec2(at.x, at.y + 2), ImVec2(ramp ? swatch * 3 : swatch, swatch - 2));
  ImGui::Dummy(ImVec2(ramp ? swatch * 3 : swatch, swatch));
  ImGui::SameLine();
  ImGui::TextUnformatted(entry.name.c_str());
  if (ramp) ImGui::TextDisabled("%s", legend.front().label.substr(entry.name.size() + 2).c_str());  // band, range, unit
  if (ImGui::SmallButton("Up") && index + 1 < entries_.size()) {
    std::swap(entries_[index], entries_[index + 1]);
    rebuildStack();
    return flyTo;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Down") && index > 0) {
    std::swap(entries_[index], entries_[index - 1]);
    rebuildStack();
    return flyTo;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Zoom to")) {
    if (auto box = extentOf(draw, basemap)) flyTo = app::cameraOver(*box, aspect);
  }
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##opacity", &entry.opacity, 0.0f, 1.0f, "opacity %.2f")) rebuildStack();
  const bool busy = pending_.has_value();
  if (busy) ImGui::BeginDisabled();
  if (entry.raster && entry.raster->legend && entry.rasterRequest) {
    ImGui::SetNextItemWidth(uiPixels(100));
    bool restyle = ImGui::Combo("##ramp", &entry.ramp, [](void*, int i, const char** out) {
      *out = rampNames()[std::size_t(i)].c_str();
      return true;
    }, nullptr, int(rampNames().size()));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputFloat2("##range", entry.range, "%.4g");
    restyle |= ImGui::IsItemDeactivatedAfterEdit();
    if (restyle && entry.range[0] < entry.range[1]) {
      app::RasterLayerRequest request = *entry.rasterRequest;
      request.style.ramp = rampNames()[std::size_t(entry.ramp)];
      request.style.range = std::pair{double(entry.range[0]), double(entry.range[1])};
      request.opacity = entry.opacity;
      start([request](const app::LayerProgress& progress) { return app::reloadRaster(request, progress); }, index);
    }
  } else if (entry.vectorRequest) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##label", "label field", entry.label, sizeof entry.label);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      app::LayerRequest request = *entry.vectorRequest;
      request.labelField = entry.label;
      start([request](const app::LayerProgress&) { return app::reloadVector(request); }, index);
    }
  }
  if (busy) ImGui::EndDisabled();
  return flyTo;
}

}  // namespace corridor::ui
