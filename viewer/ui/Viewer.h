#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "CompareView.h"
#include "ControlPanel.h"
#include "Flight.h"
#include "HotspotPanel.h"
#include "ImGuiLayer.h"
#include "LayersPanel.h"
#include "RecordPanel.h"
#include "ScenarioPanel.h"
#include "TimelinePanel.h"
#include "TourPanel.h"
#include "ViewerState.h"
#include "Window.h"
#include "app/Headline.h"
#include "app/Panes.h"
#include "app/SceneOptions.h"
#include "app/VesselSource.h"
#include "app/VideoOverlay.h"
#include "core/Result.h"
#include "gpu/Buffer.h"
#include "gpu/Context.h"
#include "gpu/FrameResources.h"
#include "gpu/Swapchain.h"
#include "render/Renderer.h"
#include "timeline/PlaybackClock.h"
#include "timeline/TourPlaylist.h"

namespace corridor::ui {

// Where a viewer was, for another one to go on from there after the GPU device was lost.
struct ViewerResume {
  std::shared_ptr<const scene::Basemap> basemap;  // not read again
  app::VesselSourceOptions playing;
  ViewerState state;
  std::optional<timeline::PlaybackClock> clock;
  bool presenting = false;
  long frames = 0;  // drawn so far
};

// What 'corridor view' asks of the viewer.
struct ViewerOptions {
  app::SceneOptions scene;
  app::VesselSourceOptions vessels;
  std::string size = "1280x720";
  long frames = 0;  // 0: until the window is closed
  bool present = false;
  std::string screenshot;  // the last frame's picture, with --frames
  app::LayerProgress progress;  // of reading the layers before the window opens
  double uiScale = 0;           // panels and captions; 0: from the desktop and the screen
  app::PaneRequest panes;       // --compare (swiped) and --headline
  // What plays: [from, to] (ISO 8601; empty: the source's period) at `speed` scenario seconds
  // per second (0: a day per second), over and over with `loop` (unattended: no cursor).
  std::string from, to;
  double speed = 0;
  bool loop = false;
  std::vector<std::string> tours;  // tour files played in turn, the next each time the range restarts
  std::optional<ViewerResume> resume;  // go on from another viewer
};

// The interactive viewer: a window playing a scenario (or AIS tracks) on the globe, with the
// ImGui panels around it. Each frame is a short sequence of named steps; see frame().
class Viewer {
 public:
  // Loads the geodata and the ships, then opens the window and the device.
  static core::Result<std::unique_ptr<Viewer>> open(const ViewerOptions& options);
  ~Viewer();
  Viewer(const Viewer&) = delete;
  Viewer& operator=(const Viewer&) = delete;

  // Plays until the window closes or the frames asked for are drawn; an error when a screenshot
  // cannot be written.
  core::Result<void> run();
  int validationErrors() const { return context_->validation().errors; }
  // Where it is now: after run() threw a lost device, ViewerOptions::resume for the next one.
  ViewerResume resumeState() const;

 private:
  Viewer(const ViewerOptions& options, const app::SceneSetup& setup, std::shared_ptr<const scene::Basemap> basemap,
         std::unique_ptr<app::VesselSource> vessels, std::vector<timeline::Tour> tours, std::unique_ptr<Window> window,
         std::unique_ptr<gpu::Context> context);

  // One frame; false after the last one (--frames).
  core::Result<bool> frame();
  // The steps of a frame, in order.
  std::optional<uint32_t> acquireImage();
  void readInput();
  void drawControls();
  void advanceClock();
  void moveCamera();
  void drawPanels();
  scene::Frame updateScene();
  app::FrameContent sceneContent(const app::VesselSource* vessels) const;
  app::FrameMoment sceneMoment() const;
  std::vector<app::Pane> recordedPanes() const;
  // `compared`: the second variant's frame, shown right of the divider.
  void draw(uint32_t image, const scene::Frame& frame, const scene::Frame* compared, bool readback);
  core::Result<void> capture(const std::string& path);

  void drawScenarioPanel();
  void drawHeadlines(float top);
  // The compared variant follows ViewerState::compareWith; when it changes, the headline
  // numbers are loaded again, against it.
  void followCompare();
  void loadHeadline();
  void resume(const ViewerResume& from);
  void switchSource(const app::VesselSourceOptions& wanted);
  void describeShips();
  void followLayers();
  scene::View view() const;
  uint32_t slot() const { return uint32_t(frameCount_ % kFramesInFlight); }

  static constexpr uint32_t kFramesInFlight = 2;

  ViewerOptions options_;
  std::shared_ptr<const scene::Basemap> basemap_;
  std::unique_ptr<app::VesselSource> vessels_;  // null: the basemap alone
  app::VesselSourceOptions playing_;            // what the scenario panel last switched to
  std::optional<timeline::PlaybackClock> clock_;  // with vessels
  core::UtcMicros sceneTime_;                   // the sun's moment without a clock
  std::unique_ptr<Window> window_;
  std::unique_ptr<gpu::Context> context_;
  gpu::Swapchain swapchain_;
  render::Renderer renderer_;
  gpu::FrameResources frames_;
  ImGuiLayer imgui_;

  ViewerState state_;
  Flight flight_;
  bool presenting_ = false;
  app::OverlayContent presentation_;  // what presentation mode shows of the ships
  std::pair<sim::Pollutant, bool> described_{};  // the pollutant and plumes the legends show
  std::vector<app::VesselSource::PortMark> ports_;
  std::vector<app::VesselSource::PortMark> layerLabels_;  // of the basemap's vector layers
  ControlPanel controlPanel_;
  TimelinePanel timelinePanel_;
  TourPanel tourPanel_;
  RecordPanel recordPanel_;
  HotspotPanel hotspotPanel_;
  LayersPanel layersPanel_;
  std::optional<ScenarioPanel> scenarioPanel_;  // scenarios (not AIS) can be switched
  std::unique_ptr<app::Headline> headline_;     // the playing variant's numbers; null for AIS
  std::unique_ptr<CompareView> compare_;        // the second variant, when comparing
  bool dividerHeld_ = false;                    // the compare divider is being dragged
  std::optional<timeline::TourPlaylist> playlist_;  // tours flying the camera; none: the user does
  timeline::Tour::Layers tourLayers_;               // the layers before any tour switched them
  std::string caption_;                             // the playing tour's

  int width_ = 0, height_ = 0;  // of the framebuffer
  std::chrono::steady_clock::time_point last_, opened_;  // opened_: the plumes' animation clock
  double frameSeconds_ = 0;                              // since the frame before
  long frameCount_ = 0;
  long simulatedLoss_ = -1;  // CORRIDOR_SIMULATE_DEVICE_LOSS: the frame whose device is "lost"
  gpu::Buffer screenshotBuffer_;
  VkExtent2D screenshotExtent_{};
};

}  // namespace corridor::ui
