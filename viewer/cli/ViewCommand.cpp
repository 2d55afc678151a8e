// corridor view: the interactive viewer.
#include <chrono>
#include <cstdio>

#include "Commands.h"
#include "SharedFlags.h"
#include "TerminalProgress.h"
#include "core/OutputFile.h"
#include "gpu/Check.h"
#include "ui/Viewer.h"

namespace corridor::cli {
namespace {

// A lost GPU device (a driver reset, an external GPU unplugged) does not end an unattended show:
// a new viewer opens where the old one was, unless the device is lost again and again.
int runView(ui::ViewerOptions& options) {
  constexpr int kLossesInARow = 3;
  int losses = 0;
  while (true) {
    TerminalProgress progress;
    options.progress = [&](double fraction, const std::string& what) { progress.show(fraction, what); };
    auto viewer = ui::Viewer::open(options);
    progress.finish();
    if (!viewer) return reportError(viewer.error());
    const auto opened = std::chrono::steady_clock::now();
    try {
      if (auto ran = (*viewer)->run(); !ran) return reportError(ran.error());
      return (*viewer)->validationErrors() > 0 ? 1 : 0;
    } catch (const gpu::VulkanError& error) {
      if (error.result() != VK_ERROR_DEVICE_LOST) throw;
      // A viewer that ran a minute before losing its device starts the count again.
      losses = std::chrono::steady_clock::now() - opened > std::chrono::minutes(1) ? 1 : losses + 1;
      if (losses >= kLossesInARow) throw;
      options.resume = (*viewer)->resumeState();
      const std::string at = options.resume->clock ? " at " + core::formatIso8601(options.resume->clock->now()) : "";
      std::fprintf(stderr, "corridor: the GPU device was lost (%s); opening the viewer again%s, frame %ld\n",
                   error.what(), at.c_str(), options.resume->frames);
    }
  }
}

}  // namespace

CommandAction addViewCommand(CLI::App& app) {
  auto options = std::make_shared<ui::ViewerOptions>();
  auto* command = app.add_subcommand("view", "Open the interactive viewer (needs a display)");
  command->add_option("--size", options->size, "Window size WIDTHxHEIGHT (default 1280x720)");
  command->add_option("--frames", options->frames,
                      "Close after this many frames (for scripts and tests)");
  command->add_option("--screenshot", options->screenshot,
                      "Save the last frame (with the panels) to this PNG; use with --frames");
  auto vessels = std::make_shared<VesselFlags>(*command, "default",
                                               "Scenario to play: TOML file, 'default' (the default) or 'none'");
  command->add_option("--ui-scale", options->uiScale,
                      "Size of panels, text and captions (default: the desktop's scale, or the screen's height "
                      "over 1080, whichever is larger; 2 on a 4K screen)")
      ->check(CLI::Range(0.5, 4.0));
  command->add_flag("--present", options->present,
                    "Presentation mode: full screen, panels hidden, only the date, title and legend "
                    "(F11 switches, Escape leaves)");
  command->add_option("--from", options->from, "Play from this time (ISO 8601 UTC; default: the start of the period)");
  command->add_option("--to", options->to, "Play up to this time (default: the end of the period)");
  command->add_option("--speed", options->speed,
                      "Scenario seconds per second (default 86400, a day per second; AIS: the whole in a minute)")
      ->check(CLI::Range(timeline::PlaybackClock::kMinSpeed, timeline::PlaybackClock::kMaxSpeed));
  command->add_flag("--loop", options->loop,
                    "Run unattended: play --from..--to at --speed over and over, the mouse cursor hidden in "
                    "presentation mode (with --present, for events)");
  command->add_option("--tour", options->tours,
                      "Camera tour file (docs/TOURS.md; repeatable): the tours fly the camera and show their "
                      "captions in turn, the next each time the played range starts again (a playlist with --loop); "
                      "their `at` is seconds of playback, their `time` a moment in --from..--to");
  auto force = std::make_shared<bool>(false);
  addForceFlag(*command, *force, "PNG");
  auto panes = std::make_shared<PaneFlags>(*command, true, true);
  addSceneOptions(*command, options->scene);
  return [options, vessels, panes, force] {
    options->vessels = vessels->options();
    options->panes = panes->request();
    if (!options->screenshot.empty()) {  // checked before the window opens, as every output
      std::vector<std::string> inputs = inputArguments(options->scene, options->vessels);
      inputs.insert(inputs.end(), options->tours.begin(), options->tours.end());
      if (auto target = core::checkOutputTarget(options->screenshot, core::OutputKind::Png, inputs, *force); !target) {
        return reportError(target.error());
      }
    }
    return runView(*options);
  };
}

}  // namespace corridor::cli
