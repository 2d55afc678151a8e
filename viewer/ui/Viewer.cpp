#include "Viewer.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "HeadlinePanel.h"
#include "OrbitControls.h"
#include "PlaceLabels.h"
#include "PresentationOverlay.h"
#include "SceneMouse.h"
#include "Screenshot.h"
#include "app/DefaultScenario.h"
#include "app/FrameContent.h"
#include "app/TextParsers.h"
#include "app/TourFile.h"
#include "gpu/Check.h"
#include "sim/Inventory.h"
#include "sim/ScenarioFile.h"

namespace corridor::ui {

namespace {

// The part of the source's period that plays: --from/--to, checked against the period.
core::Result<std::pair<core::UtcMicros, core::UtcMicros>> playedRange(const ViewerOptions& options,
                                                                      const app::VesselSource* vessels) {
  if (!vessels) return std::pair<core::UtcMicros, core::UtcMicros>{0, 0};
  std::pair range{vessels->start(), vessels->end()};
  for (auto [text, flag, at] : {std::tuple{&options.from, "--from", &range.first}, {&options.to, "--to", &range.second}}) {
    if (text->empty()) continue;
    auto time = core::parseIso8601(*text);
    if (!time) return core::usageError(std::string(flag) + ": " + time.error().message);
    if (*time < vessels->start() || *time > vessels->end()) {
      return core::usageError(std::string(flag) + " " + *text + " is outside the period played, " +
                              core::formatIso8601(vessels->start()).substr(0, 10) + " to " +
                              core::formatIso8601(vessels->end() - 1).substr(0, 10));
    }
    *at = *time;
  }
  if (range.second <= range.first) return core::usageError("--to must be later than --from");
  if (options.speed < 0) return core::usageError("--speed must be positive");
  return range;
}

// Scenario seconds per second: --speed, or a day per second (AIS: the whole of it in a minute).
double playSpeed(const ViewerOptions& options, const app::VesselSource& vessels) {
  if (options.speed > 0) return options.speed;
  if (!options.vessels.ais.empty()) return double(vessels.end() - vessels.start()) / core::kMicrosPerSecond / 60.0;
  return 86400.0;
}

// The --tour files, their scenario times placed on the played range at its speed.
core::Result<std::vector<timeline::Tour>> loadTours(const ViewerOptions& options, const app::VesselSource* vessels) {
  std::vector<timeline::Tour> tours;
  if (options.tours.empty()) return tours;
  if (!vessels) return core::usageError("--tour flies the camera over played time: give a scenario or AIS files");
  const auto range = *playedRange(options, vessels);
  const double speed = playSpeed(options, *vessels);
  for (const std::string& path : options.tours) {
    auto tour = app::loadTour(path, [&](core::UtcMicros t) -> std::optional<double> {
      if (t < range.first || t > range.second) return std::nullopt;
      return double(t - range.first) / core::kMicrosPerSecond / speed;
    });
    if (!tour) return std::unexpected(tour.error());
    tours.push_back(std::move(*tour));
  }
  return tours;
}

}  // namespace

core::Result<std::unique_ptr<Viewer>> Viewer::open(const ViewerOptions& options) {
  auto size = app::parseSize(options.size);
  if (!size) return std::unexpected(size.error());
  if (options.frames < 0) return core::usageError("--frames must be >= 0");
  auto setup = app::resolveScene(options.scene);
  if (!setup) return std::unexpected(setup.error());
  auto basemap = options.resume ? options.resume->basemap : app::loadBasemap(options.scene, true, options.progress);
  if (!basemap) return std::unexpected(basemap.error());
  // The ships over the whole period of their source; playback starts at its beginning.
  app::VesselSourceOptions sourceOptions = options.resume ? options.resume->playing : options.vessels;
  sourceOptions.plumes = true;  // --no-plumes only unticks the Plumes box
  if (!options.panes.compare.empty() && !options.resume) {  // the first plays, the second right of the divider
    auto pair = app::comparedPair(options.panes.compare, options.vessels);
    if (!pair) return std::unexpected(pair.error());
    sourceOptions.variant = pair->front();
  }
  auto vessels = app::VesselSource::load(sourceOptions, std::nullopt);
  if (!vessels) return std::unexpected(vessels.error());
  if (auto range = playedRange(options, vessels->get()); !range) return std::unexpected(range.error());
  auto tours = loadTours(options, vessels->get());
  if (!tours) return std::unexpected(tours.error());
  auto window = Window::open("Corridor", size->width, size->height);
  if (!window) return std::unexpected(window.error());
  auto context = gpu::Context::create({options.scene.validation, options.scene.device, Window::requiredInstanceExtensions(),
                                       [&](VkInstance instance) { return (*window)->createSurface(instance); }});
  if (!context) return std::unexpected(context.error());
  ViewerOptions playing = options;
  playing.vessels = sourceOptions;
  playing.vessels.plumes = options.vessels.plumes;
  return std::unique_ptr<Viewer>(new Viewer(playing, *setup, std::move(*basemap), std::move(*vessels), std::move(*tours),
                                            std::move(*window), std::move(*context)));
}

namespace {

VkExtent2D framebufferExtent(const Window& window) {
  int width = 0, height = 0;
  window.framebufferSize(width, height);
  return {uint32_t(width), uint32_t(height)};
}

}  // namespace

Viewer::Viewer(const ViewerOptions& options, const app::SceneSetup& setup, std::shared_ptr<const scene::Basemap> basemap,
               std::unique_ptr<app::VesselSource> vessels, std::vector<timeline::Tour> tours,
               std::unique_ptr<Window> window, std::unique_ptr<gpu::Context> context)
    : options_(options),
      basemap_(std::move(basemap)),
      vessels_(std::move(vessels)),
      playing_(options.vessels),
      sceneTime_(setup.time),
      window_(std::move(window)),
      context_(std::move(context)),
      swapchain_(*context_, framebufferExtent(*window_)),
      renderer_(*context_, swapchain_.renderPass(), swapchain_.samples(), kFramesInFlight),
      frames_(*context_, kFramesInFlight),
      imgui_(window_->handle(), *context_, swapchain_, uiScale(window_->handle(), float(options.uiScale))),
      presenting_(options.present),
      layersPanel_(*basemap_, options.scene.layers) {
  renderer_.setGroundLevels(render::GroundLevels::AllAtOnce);  // no pause when flying into a port
  playing_.plumes = true;
  state_.style = setup.style;
  tourLayers_ = {true, setup.style.outlines, setup.style.graticule};
  state_.mode = setup.mode;
  const VkExtent2D extent = swapchain_.extent();
  state_.camera = app::startingCamera(setup.camera, !options.scene.camera.empty(), vessels_.get(), setup.mode,
                                      int(extent.width), int(extent.height));
  state_.hasImagery = basemap_->dayImage != nullptr;
  state_.hasNightImagery = basemap_->nightImage != nullptr;
  if (vessels_) {
    const auto range = *playedRange(options, vessels_.get());  // checked by open()
    clock_.emplace(range.first, range.second);
    clock_->setSpeed(playSpeed(options, *vessels_));
    if (options.loop) clock_->setLoop(true);
    if (!tours.empty()) playlist_.emplace(std::move(tours), range.first);
    clock_->play();
    state_.scenarioShips = options.vessels.ais.empty();
    state_.coloring = vessels_->coloring();
    state_.pollutant = vessels_->pollutant();
    state_.showPlumes = options.vessels.plumes;
    ports_ = vessels_->ports();
    if (state_.scenarioShips) scenarioPanel_.emplace(playing_);
  }
  state_.showHeadline = options.panes.headline;
  if (!options.panes.compare.empty()) state_.compareWith = options.panes.compare.substr(options.panes.compare.find(',') + 1);
  if (state_.compareWith.empty()) {
    loadHeadline();
  } else {
    followCompare();
  }
  if (options.resume) resume(*options.resume);
  if (const char* loss = std::getenv("CORRIDOR_SIMULATE_DEVICE_LOSS"); loss && !options.resume) simulatedLoss_ = std::atol(loss);
  followLayers();
  if (presenting_) window_->setFullscreen(true);
  describeShips();
  last_ = opened_ = std::chrono::steady_clock::now();
}

// What the Record panel records: the ships on screen, or both compared variants, each with its
// label and, when shown, its counter panel.
std::vector<app::Pane> Viewer::recordedPanes() const {
  const app::Headline* headline = state_.showHeadline ? headline_.get() : nullptr;
  if (!compare_) return {app::Pane{sceneContent(vessels_.get()), "", {}, headline}};
  auto named = sim::scenarioVariants(vessels_->scenarioFile());
  const std::vector<std::string> variants = named ? *named : std::vector<std::string>{};
  return {app::Pane{sceneContent(vessels_.get()), playing_.variant, app::variantAccent(variants, playing_.variant), headline},
          app::Pane{sceneContent(&compare_->vessels()), state_.compareWith, app::variantAccent(variants, state_.compareWith),
                    state_.showHeadline ? compare_->headline() : nullptr}};
}

ViewerResume Viewer::resumeState() const { return {basemap_, playing_, state_, clock_, presenting_, frameCount_}; }

// Back where the viewer before this one was: the panels' choices, the clock, the camera, the
// compared variant and the frame count.
void Viewer::resume(const ViewerResume& from) {
  state_ = from.state;
  state_.flyToRequest.reset();
  if (clock_ && from.clock) clock_ = from.clock;
  presenting_ = from.presenting;
  frameCount_ = from.frames;
  followCompare();
}

// Nothing may be in flight when the panels, frames and swapchain go; after a lost device the
// wait fails too, and a destructor must not throw.
Viewer::~Viewer() { vkDeviceWaitIdle(context_->device()); }

core::Result<void> Viewer::run() {
  while (!window_->shouldClose()) {
    auto more = frame();
    if (!more) return std::unexpected(more.error());
    if (!*more) break;
  }
  context_->waitIdle();
  return {};
}

core::Result<bool> Viewer::frame() {
  if (frameCount_ == simulatedLoss_) throw gpu::VulkanError("CORRIDOR_SIMULATE_DEVICE_LOSS", VK_ERROR_DEVICE_LOST);
  const std::optional<uint32_t> image = acquireImage();
  if (!image) return true;
  readInput();
  drawControls();
  advanceClock();
  moveCamera();
  drawPanels();
  const scene::Frame frame = updateScene();
  const bool last = options_.frames > 0 && frameCount_ + 1 >= options_.frames;
  // F12: a screenshot of the window as it is (panels included), named by the time taken.
  std::string screenshot = window_->takeKeyPress(GLFW_KEY_F12) && !imgui_.wantsKeyboard() ? newScreenshotName() : "";
  if (last && !options_.screenshot.empty()) screenshot = options_.screenshot;
  std::optional<scene::Frame> compared;
  if (compare_) {
    app::VesselSource& other = compare_->vessels();
    if (other.coloring() != state_.coloring) other.setColoring(state_.coloring);
    if (state_.showPlumes) other.setPollutant(state_.pollutant);
    compared = app::composeFrame(sceneContent(&other), sceneMoment());
  }
  draw(*image, frame, compared ? &*compared : nullptr, !screenshot.empty());
  if (!screenshot.empty()) {
    if (auto captured = capture(screenshot); !captured) return std::unexpected(captured.error());
  }
  ++frameCount_;
  window_->forgetKeyPresses();
  return !last;
}

// Window events and size; the swapchain's next image once this frame's slot is free (none while
// minimised or after the swapchain went out of date).
std::optional<uint32_t> Viewer::acquireImage() {
  glfwPollEvents();
  window_->framebufferSize(width_, height_);
  if (width_ == 0 || height_ == 0) {
    glfwWaitEvents();  // minimised: sleep until something happens
    return std::nullopt;
  }
  const VkExtent2D wanted{uint32_t(width_), uint32_t(height_)};
  const VkExtent2D extent = swapchain_.extent();
  if (extent.width != wanted.width || extent.height != wanted.height) swapchain_.recreate(wanted);
  const gpu::FrameSync& sync = frames_.wait(slot());
  const auto image = swapchain_.acquire(sync.imageReady);
  if (!image) swapchain_.recreate(wanted);
  if (compare_ && compare_->resize(swapchain_.extent())) renderer_.setCachedBackground(&compare_->picture());
  return image;
}

// Frame time, presentation mode's keys (F11 switches, Escape leaves) and the ImGui frame.
void Viewer::readInput() {
  const auto now = std::chrono::steady_clock::now();
  frameSeconds_ = std::chrono::duration<double>(now - last_).count();
  last_ = now;
  const double ms = frameSeconds_ * 1000.0;
  state_.frameMilliseconds = state_.frameMilliseconds == 0 ? ms : state_.frameMilliseconds * 0.9 + ms * 0.1;
  const bool f11 = window_->takeKeyPress(GLFW_KEY_F11);
  if (f11 || (presenting_ && window_->takeKeyPress(GLFW_KEY_ESCAPE))) {
    presenting_ = !presenting_;
    window_->setFullscreen(presenting_);
  }
  imgui_.beginFrame();
  dividerHeld_ = compare_ && compare_->drawDivider(playing_.variant, state_.compareWith, imgui_);
}

// The panels that steer the clock and the camera, or presentation mode's captions.
void Viewer::drawControls() {
  if (!presenting_) controlPanel_.draw(state_);
  if (!clock_) return;
  const KeyPressed pressed = [&](int key) { return window_->takeKeyPress(key); };
  if (presenting_) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_None);  // the GLFW backend hides it
    timelinePanel_.handleKeys(*clock_, pressed, true);
    const float dateBottom = drawPresentationOverlay(presentation_, clock_->now(), imgui_);
    if (state_.showHeadline) drawHeadlines(dateBottom + 12 * imgui_.scale());
  } else {
    if (state_.showHeadline) drawHeadlines(0);
    timelinePanel_.draw(*clock_, pressed, !imgui_.wantsKeyboard());
  }
}

void Viewer::advanceClock() {
  if (clock_) clock_->advance(frameSeconds_);
}

// A fly-to a panel asked for, or the mouse's drags and wheel (which cancel a flight).
void Viewer::moveCamera() {
  if (playlist_) {  // the tours fly the camera and switch the layers
    const timeline::TourPlaylist::Moment moment = playlist_->at(clock_->now(), clock_->speed());
    state_.camera = moment.tour->cameraAt(moment.seconds);
    caption_ = moment.tour->captionAt(moment.seconds);
    const timeline::Tour::Layers layers = moment.tour->layersAt(moment.seconds, tourLayers_);
    state_.showShips = layers.vessels;
    state_.style.outlines = layers.outlines;
    state_.style.graticule = layers.graticule;
    return;
  }
  const scene::View before = view();
  if (state_.flyToRequest) {
    flight_.start(state_.camera, *state_.flyToRequest);
    state_.flyToRequest.reset();
  }
  const PointerInput pointer = dividerHeld_ ? PointerInput{} : pointerFromImGui(imgui_);
  if (pointer.leftDown || pointer.rightDown || pointer.wheel != 0) flight_.cancel();
  if (auto pose = flight_.advance()) {
    state_.camera = *pose;
  } else {
    state_.camera = applyOrbitInput(state_.camera, before, pointer);
  }
}

// Port labels, the scenario, tour, record and hotspot panels, and a hovered ship's tooltip.
void Viewer::drawPanels() {
  const scene::View current = view();
  PlaceLabels labels(current, imgui_.textFont());
  const float scale = imgui_.scale();
  if (vessels_) labels.draw(ports_, (presenting_ ? 22.0f : 16.0f) * scale, true);
  labels.draw(layerLabels_, (presenting_ ? 20.0f : 15.0f) * scale, false);
  if (!caption_.empty()) drawCaption(caption_, imgui_);
  if (presenting_) return;
  const LayersPanel::Changes layers = layersPanel_.draw(basemap_, double(width_) / double(std::max(height_, 1)));
  if (layers.basemap) basemap_ = layers.basemap;
  if (layers.flyTo) state_.flyToRequest = layers.flyTo;
  if (layersPanel_.changed()) followLayers();
  drawScenarioPanel();
  if (clock_) {
    if (auto pose = tourPanel_.draw(state_.camera, *clock_)) state_.camera = *pose;
    recordPanel_.draw({*context_, basemap_, layersPanel_.stack(), state_, [this] { return recordedPanes(); },
                       compare_ ? compare_->divider() : 0.5, *clock_, tourPanel_.keyframes()});
    showVesselUnderMouse(*vessels_, clock_->now(), view(), imgui_);
  }
  if (scenarioPanel_) {
    const std::filesystem::path file = app::scenarioPath(playing_.scenario);
    if (auto port = clickedPort(ports_, view(), imgui_)) hotspotPanel_.open(*port, file, playing_.variant);
    if (auto pose = hotspotPanel_.draw(sim::yearOf(clock_->now()), state_.pollutant)) state_.flyToRequest = pose;
  }
}

void Viewer::drawScenarioPanel() {
  if (!scenarioPanel_) return;
  auto wanted = scenarioPanel_->draw(state_);
  if (wanted) switchSource(*wanted);
  followCompare();
}

// The panes' counter panels at the top left of each under the date (presentation mode, `top`;
// at the bottom left above the source line instead when fewer ports, with room for their
// names, lie there), or at the bottom left above the timeline, right of the control panel.
void Viewer::drawHeadlines(float top) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float scale = imgui_.scale(), margin = 24 * scale;
  ImVec2 pivot(0, presenting_ ? 0 : 1);
  float y = presenting_ ? top : display.y - 100 * scale;
  if (presenting_) {
    const ImGuiWindow* last = ImGui::FindWindowByName("##headline");  // its size as last drawn
    const ImVec2 size = last ? last->Size : ImVec2(420 * scale, 200 * scale);
    const float bottom = display.y - 3 * margin;
    auto portsUnder = [&](float panelTop) {
      const ImVec2 framebuffer = ImGui::GetIO().DisplayFramebufferScale;
      return std::count_if(ports_.begin(), ports_.end(), [&](const app::VesselSource::PortMark& port) {
        const scene::ScreenPoint at = scene::projectToScreen(view(), port.position);
        const float x = float(at.x) / framebuffer.x, portY = float(at.y) / framebuffer.y;
        return at.visible && x > margin - 240 * scale && x < margin + size.x && portY > panelTop - 8 * scale &&
               portY < panelTop + size.y + 30 * scale;  // its name runs right of it and above it
      });
    };
    if (portsUnder(bottom - size.y) < portsUnder(top)) {
      pivot.y = 1;
      y = bottom;
    }
  }
  const float left = presenting_ ? margin : uiPixels(280);
  ImFont* font = presenting_ ? imgui_.textFont() : nullptr;
  const core::UtcMicros now = clock_->now();
  if (headline_) {
    drawHeadline("##headline", compare_ ? playing_.variant : "", headline_->rows(now), ImVec2(left, y), pivot, font);
  }
  if (compare_ && compare_->headline()) {
    drawHeadline("##headline-compared", state_.compareWith, compare_->headline()->rows(now),
                 ImVec2(std::max(compare_->divider() * display.x + margin, left), y), pivot, font);
  }
}

void Viewer::followCompare() {
  if (state_.compareWith == playing_.variant) state_.compareWith.clear();
  const std::string showing = compare_ ? compare_->vessels().variant() : "";
  if (state_.compareWith == showing) return;
  renderer_.setCachedBackground(nullptr);
  compare_.reset();
  if (!state_.compareWith.empty() && vessels_) {
    app::VesselSourceOptions other = playing_;
    other.variant = state_.compareWith;
    auto loaded = app::VesselSource::load(other, std::nullopt);
    auto headline = app::Headline::load(vessels_->scenarioFile(), other.variant, playing_.variant);
    if (!loaded || !*loaded || !headline) {
      std::fprintf(stderr, "corridor: cannot compare with %s: %s\n", other.variant.c_str(),
                   !loaded ? loaded.error().message.c_str() : !headline ? headline.error().message.c_str() : "no ships");
      state_.compareWith.clear();
    } else {
      compare_ = std::make_unique<CompareView>(*context_, swapchain_.extent(), kFramesInFlight, std::move(*loaded),
                                               std::make_unique<app::Headline>(std::move(*headline)));
      renderer_.setCachedBackground(&compare_->picture());
    }
  }
  loadHeadline();  // against the compared variant now, or the baseline again
}

// The playing variant's numbers, against the compared variant or else the scenario's baseline.
void Viewer::loadHeadline() {
  headline_.reset();
  if (!vessels_ || vessels_->scenarioFile().empty()) return;
  auto named = sim::scenarioVariants(vessels_->scenarioFile());
  const std::string reference =
      compare_ ? state_.compareWith : named ? app::referenceVariant(*named, playing_.variant) : std::string();
  auto headline = app::Headline::load(vessels_->scenarioFile(), playing_.variant, reference);
  if (!headline) {
    std::fprintf(stderr, "corridor: no headline numbers: %s\n", headline.error().message.c_str());
    return;
  }
  headline_ = std::make_unique<app::Headline>(std::move(*headline));
}

// The ships the scenario panel asked for, over their own horizon, from the same moment and at
// the same pace.
void Viewer::switchSource(const app::VesselSourceOptions& wanted) {
  auto loaded = recordPanel_.recording()
                    ? core::Result<std::unique_ptr<app::VesselSource>>(core::usageError("a recording is running"))
                    : app::VesselSource::load(wanted, std::nullopt);
  if (!loaded || !*loaded) {
    scenarioPanel_->reportError(loaded ? "the scenario draws no ships" : loaded.error().message);
    return;
  }
  vessels_ = std::move(*loaded);
  playing_ = wanted;
  hotspotPanel_.follow(app::scenarioPath(playing_.scenario), playing_.variant);
  const timeline::PlaybackClock previous = *clock_;
  clock_.emplace(vessels_->start(), vessels_->end());
  clock_->seek(std::clamp(previous.now(), clock_->start(), clock_->end()));
  clock_->setSpeed(previous.speed());
  if (previous.playing()) clock_->play();
  vessels_->setColoring(state_.coloring);
  describeShips();
  ports_ = vessels_->ports();
  // Another scenario's variants are not this one's: stop comparing, and count again.
  state_.compareWith.clear();
  renderer_.setCachedBackground(nullptr);
  compare_.reset();
  loadHeadline();
}

// The legend (presentation mode and the panel) follows the source and its colouring.
void Viewer::describeShips() {
  presentation_ = {};
  presentation_.layers = app::layerLegend(*basemap_, layersPanel_.stack());
  state_.legend.clear();
  if (!vessels_) return;
  vessels_->describe(presentation_);
  if (!state_.showPlumes) presentation_.air.clear();
  state_.airTitle = presentation_.airTitle;
  state_.air = presentation_.air;
  described_ = {state_.pollutant, state_.showPlumes};
  state_.legendTitle = presentation_.legendTitle;
  for (const app::LegendEntry& entry : presentation_.legend) {
    state_.legend.push_back({glm::vec4(entry.color[0], entry.color[1], entry.color[2], 255) / 255.0f, entry.label});
  }
}

// The Layers panel's stack changed: the legend and the labels follow it.
void Viewer::followLayers() {
  presentation_.layers = app::layerLegend(*basemap_, layersPanel_.stack());
  layerLabels_.clear();
  for (auto draw = layersPanel_.stack().rbegin(); draw != layersPanel_.stack().rend(); ++draw) {
    if (draw->raster) continue;
    for (const auto& [at, text] : basemap_->layers.at(draw->vector).labels) layerLabels_.push_back({text, at});
  }
}

// What the panels chose, as the frame to draw.
scene::Frame Viewer::updateScene() {
  if (vessels_ && state_.coloring != vessels_->coloring()) {
    vessels_->setColoring(state_.coloring);
    describeShips();
  }
  if (vessels_ && state_.showPlumes) vessels_->setPollutant(state_.pollutant);
  if (vessels_ && described_ != std::pair{state_.pollutant, state_.showPlumes}) describeShips();
  return app::composeFrame(sceneContent(vessels_.get()), sceneMoment());
}

app::FrameContent Viewer::sceneContent(const app::VesselSource* vessels) const {
  return {basemap_, state_.style, state_.mode, vessels, state_.showShips, state_.showPlumes, layersPanel_.stack()};
}

app::FrameMoment Viewer::sceneMoment() const {
  const double animationSeconds = std::chrono::duration<double>(last_ - opened_).count();
  return {clock_ ? clock_->now() : sceneTime_, state_.camera, width_, height_, animationSeconds, false, false,
          app::FrameClock::Playback};
}

// Records the scene and the panels, submits and presents; `readback` copies the picture for a
// screenshot.
void Viewer::draw(uint32_t image, const scene::Frame& frame, const scene::Frame* compared, bool readback) {
  const uint32_t slot = this->slot();  // waited for by acquireImage
  VkCommandBuffer cmd = frames_.begin(slot);
  if (compared) compare_->record(cmd, *compared, slot);
  renderer_.draw(cmd, frame, swapchain_, slot, [&](VkCommandBuffer c) {
    if (compared) renderer_.drawCachedBackground(c, slot, compare_->region());
    imgui_.record(c);
  });
  if (readback) {
    screenshotExtent_ = swapchain_.extent();  // what the copy writes; present() may recreate the swapchain
    screenshotBuffer_ = gpu::Buffer(*context_, VkDeviceSize(screenshotExtent_.width) * screenshotExtent_.height * 4,
                                    VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                    VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    swapchain_.recordReadback(cmd, screenshotBuffer_.handle());
  }
  frames_.submit(slot);
  if (!swapchain_.present(image, frames_.at(slot).renderFinished)) {
    swapchain_.recreate({uint32_t(width_), uint32_t(height_)});
  }
}

core::Result<void> Viewer::capture(const std::string& path) {
  frames_.wait(slot());
  const core::Image shot = screenshotPixels(screenshotBuffer_, screenshotExtent_, swapchain_.isBgra());
  if (auto written = core::writePng(shot, path); !written) return written;
  std::printf("wrote %s (%dx%d)\n", path.c_str(), shot.width, shot.height);
  return {};
}

scene::View Viewer::view() const { return scene::makeView(state_.camera, state_.mode, width_, height_); }

}  // namespace corridor::ui
