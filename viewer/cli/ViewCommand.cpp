// corridor view: the interactive viewer.
#include "Commands.h"
#include "SharedFlags.h"
#include "TerminalProgress.h"
#include "ui/Viewer.h"

namespace corridor::cli {
namespace {

int runView(ui::ViewerOptions& options) {
  TerminalProgress progress;
  options.progress = [&](double fraction, const std::string& what) { progress.show(fraction, what); };
  auto viewer = ui::Viewer::open(options);
  progress.finish();
  if (!viewer) return reportError(viewer.error());
  if (auto ran = (*viewer)->run(); !ran) return reportError(ran.error());
  return (*viewer)->validationErrors() > 0 ? 1 : 0;
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
  auto panes = std::make_shared<PaneFlags>(*command, true, true);
  addSceneOptions(*command, options->scene);
  return [options, vessels, panes] {
    options->vessels = vessels->options();
    options->panes = panes->request();
    return runView(*options);
  };
}

}  // namespace corridor::cli
