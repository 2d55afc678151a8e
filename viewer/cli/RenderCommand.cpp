// corridor render: one frame headless to a PNG.
#include <chrono>
#include <cstdio>
#include <optional>

#include "Commands.h"
#include "SharedFlags.h"
#include "app/FrameContent.h"
#include "app/PictureRenderer.h"
#include "app/Recording.h"
#include "app/SceneOptions.h"
#include "app/TextParsers.h"
#include "app/VectorLayers.h"
#include "core/OutputFile.h"
#include "core/Stopwatch.h"
#include "gpu/Context.h"

namespace corridor::cli {
namespace {

struct RenderOptions {
  app::SceneOptions scene;
  app::VesselSourceOptions vessels;
  std::string out;
  std::string size = "1280x720";
  int msaa = 4;
  bool noOverlays = false;
  bool force = false;
  app::PaneRequest panes;
};

int runRender(const RenderOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto size = app::parseSize(options.size);
  if (!size) return reportError(size.error());
  if (auto target = core::checkOutputTarget(options.out, core::OutputKind::Png,
                                            inputArguments(options.scene, options.vessels), options.force);
      !target) {
    return reportError(target.error());
  }
  auto setup = app::resolveScene(options.scene);
  if (!setup) return reportError(setup.error());
  auto basemap = loadBasemapShowingProgress(options.scene, setup->style.kind == scene::BasemapKind::Imagery);
  if (!basemap) return reportError(basemap.error());
  auto context = gpu::Context::create({options.scene.validation, options.scene.device, {}, {}});
  if (!context) return reportError(context.error());

  core::Stopwatch stopwatch;
  auto sources = app::PaneSources::load(options.vessels, options.panes, app::VesselSource::Period{setup->time, setup->time});
  if (!sources) return reportError(sources.error());
  stopwatch.lap("read vessels");
  const app::FrameContent content{*basemap, setup->style, setup->mode, sources->first()};
  const app::Size pane = sources->firstPaneSize(*size);
  const timeline::CameraPose camera = app::startingCamera(setup->camera, !options.scene.camera.empty(), sources->first(),
                                                          setup->mode, pane.width, pane.height);
  auto pictures = app::PictureRenderer::create(**context, *size, options.msaa, sources->panes(content),
                                               sources->layout(), !options.noOverlays);
  if (!pictures) return reportError(pictures.error());
  stopwatch.lap("create renderer");
  app::PictureRenderer::Picture picture = (*pictures)->render({setup->time, camera, size->width, size->height});
  stopwatch.lap("first frame");
  core::Image& image = picture.image;
  if (!options.noOverlays) {  // what a video burns in: the date, the source, the legends and the numbers
    auto overlay = app::recordingOverlay("", sources->vessels(), **basemap, (*basemap)->layerStack);
    if (!overlay) return reportError(overlay.error());
    overlay->paint(image, setup->time, 0.0, 0.0, "", picture.keepClear, picture.panes);
  }
  if (auto written = core::writePng(image, options.out); !written) {
    return reportError(written.error());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("wrote %s (%dx%d, %s, %.2f s)\n", options.out.c_str(), image.width, image.height,
              (*context)->deviceName().c_str(), seconds);
  const auto& validation = (*context)->validation();
  return validation.errors > 0 ? 1 : 0;
}

}  // namespace

CommandAction addRenderCommand(CLI::App& app) {
  auto options = std::make_shared<RenderOptions>();
  auto* command = app.add_subcommand(
      "render", "Render one frame headless (no window or display needed) to a PNG");
  command->add_option("--out", options->out, "Output PNG file (.png); replaces an existing PNG only once the new one is whole")
      ->required();
  addForceFlag(*command, options->force, "PNG");
  command->add_option("--size", options->size, "Image size WIDTHxHEIGHT (default 1280x720)");
  command->add_option("--msaa", options->msaa, "Multisample count 1, 2, 4 or 8 (default 4)")
      ->check(CLI::IsMember({1, 2, 4, 8}));
  command->add_flag("--no-overlays", options->noOverlays,
                    "No date, source line, legends or port names (layer labels stay)");
  auto vessels = std::make_shared<VesselFlags>(*command, "", "Draw a scenario's ships at --time: scenario TOML or 'default'");
  auto panes = std::make_shared<PaneFlags>(*command, false);
  addSceneOptions(*command, options->scene);
  return [options, vessels, panes] {
    options->vessels = vessels->options();
    options->panes = panes->request();
    return runRender(*options);
  };
}

}  // namespace corridor::cli
