#include "RecordPanel.h"

#include <imgui.h>

#include <cstdio>

#include "ImGuiLayer.h"
#include "core/OutputFile.h"

namespace corridor::ui {
namespace {

constexpr const char* kSizes[] = {"1280x720", "1920x1080", "3840x2160", "640x360"};
constexpr core::UtcMicros kDay = 86400LL * core::kMicrosPerSecond;

}  // namespace

void RecordPanel::draw(const RecordSources& sources) {
  if (from_[0] == '\0') {  // first time: a month from where the clock is
    std::snprintf(from_, sizeof from_, "%s", core::formatIso8601(sources.clock.now()).c_str());
    std::snprintf(to_, sizeof to_, "%s", core::formatIso8601(sources.clock.now() + 30 * kDay).c_str());
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x - uiPixels(12), uiPixels(48)), ImGuiCond_FirstUseEver, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(uiPixels(330), 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  const bool open = ImGui::Begin("Record");
  if (active_) {
    // The recording advances whether or not the panel is open.
    auto stepped = active_->step();
    if (!stepped) {
      status_ = stepped.error().message;
      active_.reset();  // the unfinished file is removed
    } else if (!*stepped) {
      stop(false);
    }
  }
  if (open) {
    const bool busy = active_ != nullptr;
    if (busy) ImGui::BeginDisabled();
    ImGui::InputText("from (UTC)", from_, sizeof from_);
    ImGui::InputText("to (UTC)", to_, sizeof to_);
    if (ImGui::SmallButton("From the clock")) {
      std::snprintf(from_, sizeof from_, "%s", core::formatIso8601(sources.clock.now()).c_str());
    }
    ImGui::InputFloat("seconds", &duration_, 1, 10, "%.1f");
    ImGui::InputInt("fps", &fps_);
    ImGui::Combo("size", &sizeIndex_, kSizes, 4);
    ImGui::InputText("title", title_, sizeof title_);
    ImGui::InputText("file", out_, sizeof out_);
    if (!sources.tour.empty()) ImGui::Checkbox("Follow the tour", &useTour_);
    if (ImGui::Button("Record")) start(sources);
    if (busy) ImGui::EndDisabled();
    if (active_) {
      const app::RecordingPlan& plan = active_->plan();
      char label[96];
      std::snprintf(label, sizeof label, "%ld / %ld frames, %.1f fps, %.0f s left", active_->framesDone(), plan.frames,
                    active_->framesPerSecond(), active_->etaSeconds());
      ImGui::ProgressBar(float(active_->framesDone()) / float(plan.frames), ImVec2(-1, 0), label);
      if (ImGui::Button("Cancel")) stop(true);
    }
    if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
  }
  ImGui::End();
}

void RecordPanel::start(const RecordSources& sources) {
  app::RecordingRequest request;
  request.from = from_;
  request.to = to_;
  request.fps = fps_;
  request.duration = duration_;
  request.size = kSizes[sizeIndex_];
  request.out = out_;
  auto plan = app::planRecording(request);
  if (!plan) {
    status_ = plan.error().message;
    return;
  }
  if (auto target = core::checkOutputTarget(plan->out, core::OutputKind::Mp4, {}, false); !target) {
    status_ = target.error().message;  // e.g. a file of another kind under that name
    return;
  }
  std::vector<app::Pane> panes = sources.panes();
  std::vector<const app::VesselSource*> vessels;
  for (const app::Pane& pane : panes) vessels.push_back(pane.content.vessels);
  app::RecordingScene scene{std::move(panes), app::SplitLayout::Swipe, sources.state.camera, {}, {}, sources.divider};
  if (useTour_ && !sources.tour.empty()) {
    scene.tour = app::tourInScenarioSeconds(sources.tour, plan->from, plan->videoSeconds() * 1e6 / double(plan->to - plan->from));
  }
  auto overlay = app::recordingOverlay(title_, vessels, *sources.basemap, sources.layers);
  if (!overlay) {
    status_ = overlay.error().message;
    return;
  }
  scene.overlay.emplace(std::move(*overlay));
  auto recording = app::Recording::start(sources.gpu, *plan, std::move(scene));
  if (!recording) {
    status_ = recording.error().message;
    return;
  }
  active_ = std::move(*recording);
  status_.clear();
}

void RecordPanel::stop(bool cancelled) {
  const long frames = active_->framesDone();
  const std::string out = active_->plan().out.string();
  if (cancelled) {  // as Ctrl-C in 'corridor record': the temporary goes, a previous video stays
    status_ = "cancelled after " + std::to_string(frames) + " frames; no video written, " + out + " left as it was";
  } else {
    auto finished = active_->finish();
    status_ = !finished ? finished.error().message
                        : "wrote " + out + " (" + std::to_string(frames) + " frames; " + active_->statistics() + ")";
  }
  active_.reset();
}

}  // namespace corridor::ui
