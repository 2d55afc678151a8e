#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <cstring>
#include <optional>

#include "BasemapOptions.h"
#include "CliParsers.h"
#include "Commands.h"
#include "ControlPanel.h"
#include "TimelinePanel.h"
#include "ImGuiLayer.h"
#include "OrbitControls.h"
#include "ViewerState.h"
#include "Window.h"
#include "geo/Sun.h"
#include "gpu/Buffer.h"
#include "gpu/Context.h"
#include "gpu/FrameResources.h"
#include "gpu/Swapchain.h"
#include "render/Renderer.h"
#include "scene/Picking.h"
#include "scene/VesselLayer.h"
#include "HotspotPanel.h"
#include "PortLabels.h"
#include "PresentationOverlay.h"
#include "RecordPanel.h"
#include "ScenarioPanel.h"
#include "TourPanel.h"
#include "VesselSource.h"
#include "timeline/PlaybackClock.h"

namespace corridor::viewer {
namespace {

constexpr uint32_t kFramesInFlight = 2;

struct ViewOptions {
  SceneOptions scene;
  VesselSourceOptions vessels{.scenario = "default"};
  std::string size = "1280x720";
  long frames = 0;  // 0: until the window is closed
  bool present = false;
  std::string screenshot;
};

// corridor-YYYY-MM-DDTHH-MM-SS.png in the working directory, with -2, -3 ... when several are
// taken within a second.
std::string newScreenshotName() {
  const auto now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch());
  std::string stem = "corridor-" + core::formatIso8601(now.count()).substr(0, 19);
  std::replace(stem.begin(), stem.end(), ':', '-');
  std::string name = stem + ".png";
  for (int n = 2; std::filesystem::exists(name); ++n) name = stem + "-" + std::to_string(n) + ".png";
  return name;
}

// Hovering a ship shows what it is and emits (not while a drag moves the camera).
void showVesselUnderMouse(const VesselSource& vessels, core::UtcMicros time, const scene::View& view,
                          const ImGuiLayer& imgui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (imgui.wantsMouse() || io.MouseDown[0] || io.MouseDown[1] || !ImGui::IsMousePosValid()) return;
  const double x = io.MousePos.x * io.DisplayFramebufferScale.x, y = io.MousePos.y * io.DisplayFramebufferScale.y;
  const std::vector<std::string> lines = vessels.pick(time, view, x, y);
  if (lines.empty()) return;
  ImGui::BeginTooltip();
  for (const std::string& line : lines) ImGui::TextUnformatted(line.c_str());
  ImGui::EndTooltip();
}

// The port under a left click (a press and release without a drag), if any.
std::optional<std::size_t> clickedPort(const std::vector<VesselSource::PortMark>& ports, const scene::View& view,
                                       const ImGuiLayer& imgui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (imgui.wantsMouse() || !ImGui::IsMouseReleased(ImGuiMouseButton_Left) || io.MouseDragMaxDistanceSqr[0] > 16) {
    return std::nullopt;
  }
  std::vector<geo::LonLat> points;
  for (const auto& port : ports) points.push_back(port.position);
  return scene::pickNearest(view, points, io.MousePos.x * io.DisplayFramebufferScale.x,
                            io.MousePos.y * io.DisplayFramebufferScale.y, 14.0);
}

PointerInput pointerFromImGui(const ImGuiLayer& imgui) {
  if (imgui.wantsMouse()) return {};
  const ImGuiIO& io = ImGui::GetIO();
  return {io.MouseDelta.x, io.MouseDelta.y, io.MouseWheel, io.MouseDown[0], io.MouseDown[1]};
}

core::Image screenshotPixels(const gpu::Buffer& buffer, VkExtent2D extent, bool bgra) {
  core::Image image(int(extent.width), int(extent.height));
  std::memcpy(image.pixels.data(), buffer.mapped(), image.pixels.size());
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    if (bgra) std::swap(image.pixels[i], image.pixels[i + 2]);
    image.pixels[i + 3] = 255;
  }
  return image;
}

// Smooth fly-to driven by wall-clock time.
class Flight {
 public:
  void start(const timeline::CameraPose& from, const timeline::CameraPose& to) {
    flight_.emplace(from, to, timeline::FlyTo::naturalDuration(from, to));
    started_ = std::chrono::steady_clock::now();
  }
  void cancel() { flight_.reset(); }
  std::optional<timeline::CameraPose> advance() {
    if (!flight_) return std::nullopt;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const timeline::CameraPose pose = flight_->at(elapsed);
    if (flight_->finished(elapsed)) flight_.reset();
    return pose;
  }

 private:
  std::optional<timeline::FlyTo> flight_;
  std::chrono::steady_clock::time_point started_;
};

int runView(const ViewOptions& options) {
  auto size = parseSize(options.size);
  if (!size) return reportError(size.error());
  if (options.frames < 0) return reportError({core::ErrorKind::Usage, "--frames must be >= 0"});
  auto setup = resolveScene(options.scene);
  if (!setup) return reportError(setup.error());
  auto basemap = loadBasemap(options.scene, true);
  if (!basemap) return reportError(basemap.error());
  // The ships over the whole period of their source; playback starts at its beginning.
  VesselSourceOptions sourceOptions = options.vessels;
  sourceOptions.noPlumes = false;  // --no-plumes only unticks the Plumes box
  auto vessels = VesselSource::load(sourceOptions, std::nullopt);
  if (!vessels) return reportError(vessels.error());
  std::optional<timeline::PlaybackClock> clock;
  if (*vessels) {
    clock.emplace((*vessels)->start(), (*vessels)->end());
    // AIS data spans days, not decades: a minute for the whole of it.
    if (!options.vessels.ais.empty()) {
      clock->setSpeed(double((*vessels)->end() - (*vessels)->start()) / core::kMicrosPerSecond / 60.0);
    }
    clock->play();
  }
  auto window = Window::open("Corridor", size->width, size->height);
  if (!window) return reportError(window.error());

  gpu::ContextOptions contextOptions{options.scene.validation, options.scene.device,
                                     Window::requiredInstanceExtensions(),
                                     [&](VkInstance instance) {
                                       return (*window)->createSurface(instance);
                                     }};
  auto context = gpu::Context::create(contextOptions);
  if (!context) return reportError(context.error());
  const gpu::Context& gpu = **context;

  int width = 0, height = 0;
  (*window)->framebufferSize(width, height);
  gpu::Swapchain swapchain(gpu, {uint32_t(width), uint32_t(height)});
  render::Renderer renderer(gpu, swapchain.renderPass(), swapchain.samples(), kFramesInFlight);
  gpu::FrameResources frames(gpu, kFramesInFlight);
  ImGuiLayer imgui((*window)->handle(), gpu, swapchain);

  ViewerState state;
  state.style = setup->style;
  state.mode = setup->mode;
  state.camera = setup->camera;
  state.hasImagery = (*basemap)->dayImage != nullptr;
  state.hasNightImagery = (*basemap)->nightImage != nullptr;
  Flight flight;
  TourPanel tourPanel;
  bool presenting = options.present;
  if (presenting) (*window)->setFullscreen(true);
  OverlayContent presentation;
  // The legend (presentation mode and the panel) follows the source and its colouring.
  auto describeShips = [&] {
    presentation = {};
    state.legend.clear();
    if (!*vessels) return;
    (*vessels)->describe(presentation);
    state.legendTitle = presentation.legendTitle;
    for (const LegendEntry& entry : presentation.legend) {
      state.legend.push_back({glm::vec4(entry.color[0], entry.color[1], entry.color[2], 255) / 255.0f, entry.label});
    }
  };
  state.scenarioShips = *vessels && options.vessels.ais.empty();
  if (*vessels) {
    state.coloring = (*vessels)->coloring();
    state.pollutant = (*vessels)->pollutant();
    state.showPlumes = !options.vessels.noPlumes;
  }
  describeShips();
  std::vector<VesselSource::PortMark> ports = *vessels ? (*vessels)->ports() : std::vector<VesselSource::PortMark>{};
  // Scenarios (not AIS) can be switched in the viewer.
  std::optional<ScenarioPanel> scenarioPanel;
  if (*vessels && options.vessels.ais.empty()) scenarioPanel.emplace(sourceOptions);
  RecordPanel recordPanel;
  HotspotPanel hotspotPanel;
  VesselSourceOptions playing = sourceOptions;  // what the scenario panel last switched to
  const geo::LonLat sun = geo::subsolarPoint(setup->time);
  gpu::Buffer screenshotBuffer;
  auto last = std::chrono::steady_clock::now();
  const auto opened = last;  // the plumes' animation clock
  long frameCount = 0;

  while (!(*window)->shouldClose()) {
    glfwPollEvents();
    (*window)->framebufferSize(width, height);
    if (width == 0 || height == 0) {
      glfwWaitEvents();  // minimised: sleep until something happens
      continue;
    }
    const VkExtent2D extent = swapchain.extent();
    if (extent.width != uint32_t(width) || extent.height != uint32_t(height)) {
      swapchain.recreate({uint32_t(width), uint32_t(height)});
    }
    const uint32_t slot = uint32_t(frameCount % kFramesInFlight);
    gpu::FrameSync& sync = frames.wait(slot);
    const auto image = swapchain.acquire(sync.imageReady);
    if (!image) {
      swapchain.recreate({uint32_t(width), uint32_t(height)});
      continue;
    }

    const auto now = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - last).count();
    last = now;
    state.frameMilliseconds = state.frameMilliseconds == 0 ? ms : state.frameMilliseconds * 0.9 + ms * 0.1;

    // F11 switches presentation mode (full screen, panels hidden); Escape leaves it.
    const bool f11 = (*window)->takeKeyPress(GLFW_KEY_F11);
    if (f11 || (presenting && (*window)->takeKeyPress(GLFW_KEY_ESCAPE))) {
      presenting = !presenting;
      (*window)->setFullscreen(presenting);
    }
    imgui.beginFrame();
    if (!presenting) drawControlPanel(state);
    if (clock) {
      const KeyPressed pressed = [&](int key) { return (*window)->takeKeyPress(key); };
      if (presenting) {
        handleTimelineKeys(*clock, pressed, true);
        drawPresentationOverlay(presentation, clock->now(), imgui);
      } else {
        drawTimelinePanel(*clock, pressed, !imgui.wantsKeyboard());
      }
      clock->advance(ms / 1000.0);
    }
    scene::View view = scene::makeView(state.camera, state.mode, width, height);
    if (state.flyToRequest) {
      flight.start(state.camera, *state.flyToRequest);
      state.flyToRequest.reset();
    }
    const PointerInput pointer = pointerFromImGui(imgui);
    if (pointer.leftDown || pointer.rightDown || pointer.wheel != 0) flight.cancel();
    if (auto pose = flight.advance()) {
      state.camera = *pose;
    } else {
      state.camera = applyOrbitInput(state.camera, view, pointer);
    }
    if (*vessels) {
      drawPortLabels(ports, scene::makeView(state.camera, state.mode, width, height), imgui.textFont(),
                     presenting ? 22.0f : 16.0f);
    }
    if (scenarioPanel && !presenting) {
      if (auto wanted = scenarioPanel->draw(state)) {
        auto loaded = recordPanel.recording()
                          ? core::Result<std::unique_ptr<VesselSource>>(core::usageError("a recording is running"))
                          : VesselSource::load(*wanted, std::nullopt);
        if (!loaded || !*loaded) {
          scenarioPanel->reportError(loaded ? "the scenario draws no ships" : loaded.error().message);
        } else {
          // The new ships over their own horizon, from the same moment and at the same pace.
          *vessels = std::move(*loaded);
          playing = *wanted;
          hotspotPanel.follow(scenarioPath(playing.scenario), playing.variant);
          const timeline::PlaybackClock previous = *clock;
          clock.emplace((*vessels)->start(), (*vessels)->end());
          clock->seek(std::clamp(previous.now(), clock->start(), clock->end()));
          clock->setSpeed(previous.speed());
          if (previous.playing()) clock->play();
          (*vessels)->setColoring(state.coloring);
          describeShips();
          ports = (*vessels)->ports();
        }
      }
    }
    if (clock && !presenting) {
      if (auto pose = tourPanel.draw(state.camera, *clock)) state.camera = *pose;
      recordPanel.draw({gpu, *basemap, state, vessels->get(), *clock, tourPanel.keyframes()});
      showVesselUnderMouse(**vessels, clock->now(), scene::makeView(state.camera, state.mode, width, height), imgui);
    }
    if (scenarioPanel && !presenting) {
      const scene::View current = scene::makeView(state.camera, state.mode, width, height);
      if (auto port = clickedPort(ports, current, imgui)) hotspotPanel.open(*port, scenarioPath(playing.scenario), playing.variant);
      if (auto pose = hotspotPanel.draw(sim::yearOf(clock->now()), state.pollutant)) state.flyToRequest = pose;
    }
    // F12: a screenshot of the window as it is (panels included), named by the time taken.
    std::string screenshotPath;
    if ((*window)->takeKeyPress(GLFW_KEY_F12) && !imgui.wantsKeyboard()) {
      screenshotPath = newScreenshotName();
    }

    scene::Frame frame;
    frame.view = scene::makeView(state.camera, state.mode, width, height);
    frame.basemap = *basemap;
    frame.style = state.style;
    frame.subsolarPoint = clock ? geo::subsolarPoint(clock->now()) : sun;
    if (*vessels && state.coloring != (*vessels)->coloring()) {
      (*vessels)->setColoring(state.coloring);
      describeShips();
    }
    if (*vessels && state.showShips) (*vessels)->fill(frame, clock->now());
    if (*vessels && state.showPlumes) {
      (*vessels)->setPollutant(state.pollutant);
      const double animationSeconds = std::chrono::duration<double>(now - opened).count();
      frame.ports = (*vessels)->portLayerAt(clock->now(), state.camera, animationSeconds, false);
    }
    VkCommandBuffer cmd = frames.begin(slot);
    renderer.draw(cmd, frame, swapchain, slot, [&](VkCommandBuffer c) { imgui.record(c); });
    const bool finalFrame = options.frames > 0 && frameCount + 1 >= options.frames;
    if (finalFrame && !options.screenshot.empty()) screenshotPath = options.screenshot;
    const bool capture = !screenshotPath.empty();
    if (capture) {
      screenshotBuffer = gpu::Buffer(gpu, VkDeviceSize(width) * height * 4,
                                     VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                     VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                         VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
      swapchain.recordReadback(cmd, screenshotBuffer.handle());
    }
    frames.submit(slot);
    if (!swapchain.present(*image, sync.renderFinished)) {
      swapchain.recreate({uint32_t(width), uint32_t(height)});
    }
    ++frameCount;
    (*window)->forgetKeyPresses();
    if (capture) {
      frames.wait(slot);
      const core::Image shot = screenshotPixels(screenshotBuffer, swapchain.extent(), swapchain.isBgra());
      if (auto written = core::writePng(shot, screenshotPath); !written) {
        return reportError(written.error());
      }
      std::printf("wrote %s (%dx%d)\n", screenshotPath.c_str(), shot.width, shot.height);
    }
    if (finalFrame) break;
  }
  gpu.waitIdle();
  return gpu.validation().errors > 0 ? 1 : 0;
}

}  // namespace

CommandAction addViewCommand(CLI::App& app) {
  auto options = std::make_shared<ViewOptions>();
  auto* command = app.add_subcommand("view", "Open the interactive viewer (needs a display)");
  command->add_option("--size", options->size, "Window size WIDTHxHEIGHT (default 1280x720)");
  command->add_option("--frames", options->frames,
                      "Close after this many frames (for scripts and tests)");
  command->add_option("--screenshot", options->screenshot,
                      "Save the last frame (with the panels) to this PNG; use with --frames");
  addVesselSourceOptions(*command, options->vessels,
                         "Scenario to play: TOML file, 'default' (the default) or 'none'");
  command->add_flag("--present", options->present,
                    "Presentation mode: full screen, panels hidden, only the date, title and legend "
                    "(F11 switches, Escape leaves)");
  addSceneOptions(*command, options->scene);
  return [options] { return runView(*options); };
}

}  // namespace corridor::viewer
