// corridor record: frame-exact MP4 (and PNG frames) of a scenario or AIS data, headless.
#include <chrono>
#include <cstdio>
#include <optional>

#include "Commands.h"
#include "SharedFlags.h"
#include "TerminalProgress.h"
#include "app/Recording.h"
#include "app/SceneOptions.h"
#include "app/TourFile.h"
#include "core/Interruption.h"
#include "core/OutputFile.h"
#include "gpu/Context.h"
#include "record/PngSequence.h"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct RecordOptions {
  app::SceneOptions scene;
  app::VesselSourceOptions vessels;
  app::RecordingRequest request;
  std::string tour;
  std::string title;
  std::string titleStyle = "lower-third";
  bool noOverlays = false;
  bool force = false;
  app::PaneRequest panes;
};

std::string minutesSeconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%d:%02d", int(seconds) / 60, int(seconds) % 60);
  return text;
}

core::Result<timeline::Tour> tourFor(const std::string& path, const app::RecordingPlan& plan) {
  if (path.empty()) return timeline::Tour();
  return app::loadTour(path, [&](core::UtcMicros t) -> std::optional<double> {
    if (t < plan.from || t > plan.to) return std::nullopt;
    return double(t - plan.from) / double(plan.to - plan.from) * plan.videoSeconds();
  });
}

int runRecord(const RecordOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto plan = app::planRecording(options.request);
  if (!plan) return reportError(plan.error());
  std::vector<std::string> inputs = inputArguments(options.scene, options.vessels);
  if (!options.tour.empty()) inputs.push_back(options.tour);
  if (auto target = core::checkOutputTarget(options.request.out, core::OutputKind::Mp4, inputs, options.force); !target) {
    return reportError(target.error());
  }
  if (!options.request.pngDir.empty()) {
    if (auto frames = record::PngSequence::checkTarget(options.request.pngDir, inputs, options.force); !frames) {
      return reportError(frames.error());
    }
  }
  auto setup = app::resolveScene(options.scene);
  if (!setup) return reportError(setup.error());
  auto basemap = loadBasemapShowingProgress(options.scene, setup->style.kind == scene::BasemapKind::Imagery);
  if (!basemap) return reportError(basemap.error());
  auto sources = app::PaneSources::load(options.vessels, options.panes, app::VesselSource::Period{plan->from, plan->to});
  if (!sources) return reportError(sources.error());
  auto tour = tourFor(options.tour, *plan);
  if (!tour) return reportError(tour.error());
  const app::Size pane = sources->firstPaneSize(plan->size);
  const timeline::CameraPose camera = app::startingCamera(setup->camera, !options.scene.camera.empty(), sources->first(),
                                                          setup->mode, pane.width, pane.height);
  app::RecordingScene scene{sources->panes({*basemap, setup->style, setup->mode}), sources->layout(), camera,
                            std::move(*tour), {}};
  if (!options.noOverlays) {
    auto overlay = app::recordingOverlay(options.title, sources->vessels(), **basemap, (*basemap)->layerStack,
                                         options.titleStyle == "full" ? app::TitleStyle::Full : app::TitleStyle::LowerThird);
    if (!overlay) return reportError(overlay.error());
    scene.overlay.emplace(std::move(*overlay));
  }
  auto context = gpu::Context::create({options.scene.validation, options.scene.device, {}, {}});
  if (!context) return reportError(context.error());
  auto recording = app::Recording::start(**context, *plan, std::move(scene));
  if (!recording) return reportError(recording.error());

  // Ctrl-C and SIGTERM end the recording after the frame in hand and abandon it: the temporary
  // video is removed and a previous file under --out stays as it was (a shorter video under the
  // final name would pass for the whole one). Frames already written by --png-dir stay.
  core::InterruptionScope stopOnSignals;
  TerminalProgress progress;
  app::Recording& r = **recording;
  for (bool more = true; more && !core::interrupted();) {
    auto stepped = r.step();
    if (!stepped) return reportError(stepped.error());
    more = *stepped;
    progress.show(double(r.framesDone()) / double(plan->frames),
                  "frame " + std::to_string(r.framesDone()) + "/" + std::to_string(plan->frames) + ", " +
                      std::to_string(r.framesPerSecond()).substr(0, 4) + " fps, ETA " + minutesSeconds(r.etaSeconds()));
  }
  progress.finish();
  if (core::interrupted()) {
    std::fprintf(stderr, "corridor: interrupted after %ld of %ld frames; no video written, %s left as it was\n",
                 r.framesDone(), plan->frames, plan->out.c_str());
    recording->reset();  // its temporary removed while signals still only stop it
    return 128 + core::interruptingSignal();
  }
  if (auto finished = r.finish(); !finished) return reportError(finished.error());
  const long written = r.framesDone();
  std::printf("wrote %s: %ld frames, %dx%d at %d fps (%.2f s of video), %s to %s\n", plan->out.c_str(), written,
              plan->size.width, plan->size.height, plan->fps, double(written) / plan->fps,
              core::formatIso8601(plan->from).c_str(), core::formatIso8601(plan->frameTime(written - 1)).c_str());
  std::printf("%.1f s in all; %s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
              r.statistics().c_str());
  return (*context)->validation().errors > 0 ? 1 : 0;
}

}  // namespace

CommandAction addRecordCommand(CLI::App& app) {
  auto options = std::make_shared<RecordOptions>();
  auto* command = app.add_subcommand(
      "record", "Record a frame-exact MP4 (H.264) of scenario playback, headless (no display needed)");
  command->add_option("--from", options->request.from, "Scenario time of the first frame (ISO 8601 UTC)")->required();
  command->add_option("--to", options->request.to, "Scenario time the video ends at (ISO 8601 UTC)")->required();
  command->add_option("--fps", options->request.fps, "Frames per second")->check(CLI::Range(1, 120))->capture_default_str();
  command->add_option("--duration", options->request.duration, "Video length in seconds (or --speed)")
      ->check(CLI::PositiveNumber);
  command->add_option("--speed", options->request.speed, "Scenario seconds per video second (or --duration)")
      ->check(CLI::PositiveNumber);
  command->add_option("--size", options->request.size, "Video size WIDTHxHEIGHT, even, up to 3840x2160")
      ->capture_default_str();
  command->add_option("--msaa", options->request.msaa, "Multisample count 1, 2, 4 or 8")
      ->check(CLI::IsMember({1, 2, 4, 8}))
      ->capture_default_str();
  command->add_option("--crf", options->request.crf, "H.264 quality: 0 lossless .. 51 worst (18-23 look good)")
      ->check(CLI::Range(0, 51))
      ->capture_default_str();
  command->add_option("--out", options->request.out,
                      "The MP4 file to write (.mp4); replaces an existing MP4 only once the new one is whole")
      ->required();
  addForceFlag(*command, options->force, "MP4");
  command->add_option("--png-dir", options->request.pngDir,
                      "Also write every frame as a PNG into this directory (frame_000000.png, ...); frames already "
                      "there are replaced only when they are PNGs (--force replaces them anyway)");
  command->add_option("--title", options->title, "Title card over the first seconds");
  command->add_option("--title-style", options->titleStyle,
                      "lower-third (default: bottom left, the scene stays in view) or full (the frame darkened under it)")
      ->check(CLI::IsMember({"lower-third", "full"}));
  command->add_flag("--no-overlays", options->noOverlays, "No date, legend, source line, title or captions");
  command->add_option("--tour", options->tour, "Camera tour file (TOML keyframes; docs/TOURS.md); overrides --camera");
  auto vessels = std::make_shared<VesselFlags>(*command, "default",
                                               "Scenario to play: TOML file, 'default' (the default) or 'none'");
  auto panes = std::make_shared<PaneFlags>(*command, true);
  addSceneOptions(*command, options->scene);
  return [options, vessels, panes] {
    options->vessels = vessels->options();
    options->panes = panes->request();
    return runRecord(*options);
  };
}

}  // namespace corridor::cli
