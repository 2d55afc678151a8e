// corridor record: frame-exact MP4 (and PNG frames) of a scenario or AIS data, headless.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cmath>
#include <cstdio>
#include <optional>

#include "BasemapOptions.h"
#include "CliParsers.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "TourFile.h"
#include "VideoOverlay.h"
#include "VesselSource.h"
#include "geo/Sun.h"
#include "gpu/Context.h"
#include "record/AsyncSink.h"
#include "record/Mp4Writer.h"
#include "record/PngSequence.h"
#include "render/OffscreenRenderer.h"

namespace corridor::viewer {
namespace {

namespace fs = std::filesystem;

struct RecordOptions {
  SceneOptions scene;
  VesselSourceOptions vessels{.scenario = "default"};
  std::string from, to;
  int fps = 30;
  double duration = 0;  // video seconds; or
  double speed = 0;     // scenario seconds per video second
  std::string size = "1280x720";
  int msaa = 4;
  int crf = 20;
  std::string out;
  std::string pngDir;
  std::string tour;
  std::string title;
  bool noOverlays = false;
};

// Ctrl-C and SIGTERM end the recording after the frame in hand; the video so far stays valid.
std::atomic<int> stopSignal{0};
extern "C" void requestStop(int signal) { stopSignal = signal; }

class StopOnSignals {
 public:
  StopOnSignals() {
    stopSignal = 0;
    previousInt_ = std::signal(SIGINT, requestStop);
    previousTerm_ = std::signal(SIGTERM, requestStop);
  }
  ~StopOnSignals() {
    std::signal(SIGINT, previousInt_);
    std::signal(SIGTERM, previousTerm_);
  }

 private:
  void (*previousInt_)(int);
  void (*previousTerm_)(int);
};

struct Plan {
  core::UtcMicros from = 0, to = 0;
  long frames = 0;
  Size size;
};

core::Result<Plan> plan(const RecordOptions& options) {
  Plan plan;
  auto from = core::parseIso8601(options.from);
  if (!from) return core::usageError("--from: " + from.error().message);
  auto to = core::parseIso8601(options.to);
  if (!to) return core::usageError("--to: " + to.error().message);
  if (*to <= *from) return core::usageError("--to must be later than --from");
  plan.from = *from;
  plan.to = *to;
  if ((options.duration > 0) == (options.speed > 0)) {
    return core::usageError("give exactly one of --duration (video seconds) and --speed (scenario seconds per second)");
  }
  const double seconds = options.duration > 0 ? options.duration : double(*to - *from) / 1e6 / options.speed;
  plan.frames = std::lround(seconds * options.fps);
  if (plan.frames < 1) return core::usageError("the video would have no frame; raise --duration or lower --speed");
  if (plan.frames > 1'000'000) return core::usageError("more than a million frames; lower --duration or raise --speed");
  auto size = parseSize(options.size);
  if (!size) return std::unexpected(size.error());
  if (size->width > 3840 || size->height > 2160) return core::usageError("--size: at most 3840x2160");
  if (size->width % 2 || size->height % 2) return core::usageError("--size: width and height must be even (H.264)");
  plan.size = *size;
  if (fs::path(options.out).extension() != ".mp4") return core::usageError("--out: an .mp4 file");
  return plan;
}

// Frame k shows the scene at exactly from + k (to - from) / frames (128-bit: 18 years in
// microseconds times a million frames does not fit 64 bits).
core::UtcMicros frameTime(const Plan& plan, long k) {
  return plan.from + core::UtcMicros(__int128(plan.to - plan.from) * k / plan.frames);
}

std::string eta(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%d:%02d", int(seconds) / 60, int(seconds) % 60);
  return text;
}

int runRecord(const RecordOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto planned = plan(options);
  if (!planned) return reportError(planned.error());
  const Plan& p = *planned;
  auto setup = resolveScene(options.scene);
  if (!setup) return reportError(setup.error());
  auto basemap = loadBasemap(options.scene, setup->style.kind == scene::BasemapKind::Imagery);
  if (!basemap) return reportError(basemap.error());
  auto vessels = VesselSource::load(options.vessels, VesselSource::Period{p.from, p.to});
  if (!vessels) return reportError(vessels.error());
  auto context = gpu::Context::create({options.scene.validation, options.scene.device, {}, {}});
  if (!context) return reportError(context.error());

  auto video = record::Mp4Writer::open(options.out, {p.size.width, p.size.height, options.fps, options.crf});
  if (!video) return reportError(video.error());
  std::optional<record::PngSequence> pngs;
  if (!options.pngDir.empty()) {
    auto created = record::PngSequence::create(options.pngDir);
    if (!created) return reportError(created.error());
    pngs.emplace(std::move(*created));
  }
  std::vector<record::FrameSink*> sinks{video->get()};
  if (pngs) sinks.push_back(&*pngs);
  record::AsyncSink encoder(sinks);

  timeline::Tour tour;
  if (!options.tour.empty()) {
    const double videoSeconds = double(p.frames) / options.fps;
    auto loaded = loadTour(options.tour, [&](core::UtcMicros t) -> std::optional<double> {
      if (t < p.from || t > p.to) return std::nullopt;
      return double(t - p.from) / double(p.to - p.from) * videoSeconds;
    });
    if (!loaded) return reportError(loaded.error());
    tour = std::move(*loaded);
  }
  std::optional<VideoOverlay> overlay;
  if (!options.noOverlays) {
    OverlayContent content;
    content.title = options.title;
    if (*vessels) (*vessels)->describe(content);
    content.subtitle = content.source;
    auto created = VideoOverlay::create(std::move(content));
    if (!created) return reportError(created.error());
    overlay.emplace(std::move(*created));
  }
  const timeline::Tour::Layers initialLayers{true, setup->style.outlines, setup->style.graticule};

  render::OffscreenRenderer renderer(**context, {uint32_t(p.size.width), uint32_t(p.size.height)}, options.msaa);
  scene::Frame frame;
  frame.view = scene::makeView(setup->camera, setup->mode, p.size.width, p.size.height);
  frame.basemap = *basemap;
  frame.style = setup->style;

  StopOnSignals stopOnSignals;
  TerminalProgress progress;
  const auto recordingStarted = std::chrono::steady_clock::now();
  double renderSeconds = 0;
  long written = 0;
  for (long k = 0; k < p.frames && !stopSignal; ++k) {
    const core::UtcMicros t = frameTime(p, k);
    const auto renderStart = std::chrono::steady_clock::now();
    const double videoSeconds = double(k) / options.fps;
    const timeline::Tour::Layers layers = tour.layersAt(videoSeconds, initialLayers);
    if (!tour.empty()) {
      frame.view = scene::makeView(tour.cameraAt(videoSeconds), setup->mode, p.size.width, p.size.height);
    }
    frame.style.outlines = layers.outlines;
    frame.style.graticule = layers.graticule;
    frame.subsolarPoint = geo::subsolarPoint(t);
    frame.vessels = *vessels && layers.vessels ? (*vessels)->layerAt(t) : nullptr;
    core::Image image = renderer.render(frame);
    if (overlay) overlay->paint(image, t, videoSeconds, double(p.frames) / options.fps, tour.captionAt(videoSeconds));
    renderSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - renderStart).count();
    if (auto queued = encoder.write(std::move(image)); !queued) return reportError(queued.error());
    ++written;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - recordingStarted).count();
    const double rate = double(written) / elapsed;
    progress.show(double(written) / double(p.frames),
                  "frame " + std::to_string(written) + "/" + std::to_string(p.frames) + ", " +
                      std::to_string(rate).substr(0, 4) + " fps, ETA " + eta(double(p.frames - written) / rate));
  }
  progress.finish();
  if (auto finished = encoder.finish(); !finished) return reportError(finished.error());
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double recording = std::chrono::duration<double>(std::chrono::steady_clock::now() - recordingStarted).count();
  std::printf("wrote %s: %ld frames, %dx%d at %d fps (%.2f s of video), %s to %s\n", options.out.c_str(), written,
              p.size.width, p.size.height, options.fps, double(written) / options.fps,
              core::formatIso8601(p.from).c_str(), core::formatIso8601(frameTime(p, written - 1)).c_str());
  std::printf("%.1f s (%.2f frames/s; per frame: render+readback %.0f ms, encode %.0f ms on its own thread; "
              "rendering waited %.1f s for the encoder) on %s\n",
              total, double(written) / recording, 1000 * renderSeconds / double(written),
              1000 * encoder.sinkSeconds() / double(written), encoder.waitSeconds(), (*context)->deviceName().c_str());
  if (stopSignal) {
    std::fprintf(stderr, "corridor: interrupted after %ld of %ld frames; %s plays the frames so far\n", written,
                 p.frames, options.out.c_str());
    return 128 + stopSignal;
  }
  return (*context)->validation().errors > 0 ? 1 : 0;
}

}  // namespace

CommandAction addRecordCommand(CLI::App& app) {
  auto options = std::make_shared<RecordOptions>();
  auto* command = app.add_subcommand(
      "record", "Record a frame-exact MP4 (H.264) of scenario playback, headless (no display needed)");
  command->add_option("--from", options->from, "Scenario time of the first frame (ISO 8601 UTC)")->required();
  command->add_option("--to", options->to, "Scenario time the video ends at (ISO 8601 UTC)")->required();
  command->add_option("--fps", options->fps, "Frames per second")->check(CLI::Range(1, 120))->capture_default_str();
  command->add_option("--duration", options->duration, "Video length in seconds (or --speed)")
      ->check(CLI::PositiveNumber);
  command->add_option("--speed", options->speed, "Scenario seconds per video second (or --duration)")
      ->check(CLI::PositiveNumber);
  command->add_option("--size", options->size, "Video size WIDTHxHEIGHT, even, up to 3840x2160")
      ->capture_default_str();
  command->add_option("--msaa", options->msaa, "Multisample count 1, 2, 4 or 8")
      ->check(CLI::IsMember({1, 2, 4, 8}))
      ->capture_default_str();
  command->add_option("--crf", options->crf, "H.264 quality: 0 lossless .. 51 worst (18-23 look good)")
      ->check(CLI::Range(0, 51))
      ->capture_default_str();
  command->add_option("--out", options->out, "The MP4 file to write")->required();
  command->add_option("--png-dir", options->pngDir, "Also write every frame as a PNG into this directory");
  command->add_option("--title", options->title, "Title card over the first seconds");
  command->add_flag("--no-overlays", options->noOverlays, "No date, legend, source line, title or captions");
  command->add_option("--tour", options->tour, "Camera tour file (TOML keyframes; docs/TOURS.md); overrides --camera");
  addVesselSourceOptions(*command, options->vessels, "Scenario to play: TOML file, 'default' (the default) or 'none'");
  addSceneOptions(*command, options->scene);
  return [options] { return runRecord(*options); };
}

}  // namespace corridor::viewer
