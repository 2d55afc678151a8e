// corridor render: one frame headless to a PNG.
#include <chrono>
#include <cstdio>
#include <optional>

#include "Commands.h"
#include "SharedFlags.h"
#include "app/FrameContent.h"
#include "app/Recording.h"
#include "app/SceneOptions.h"
#include "app/TextParsers.h"
#include "app/VectorLayers.h"
#include "core/Stopwatch.h"
#include "gpu/Context.h"
#include "render/OffscreenRenderer.h"

namespace corridor::cli {
namespace {

struct RenderOptions {
  app::SceneOptions scene;
  app::VesselSourceOptions vessels;
  std::string out;
  std::string size = "1280x720";
  int msaa = 4;
  bool noOverlays = false;
};

int runRender(const RenderOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto size = app::parseSize(options.size);
  if (!size) return reportError(size.error());
  auto setup = app::resolveScene(options.scene);
  if (!setup) return reportError(setup.error());
  auto basemap = loadBasemapShowingProgress(options.scene, setup->style.kind == scene::BasemapKind::Imagery);
  if (!basemap) return reportError(basemap.error());
  auto context = gpu::Context::create({options.scene.validation, options.scene.device, {}, {}});
  if (!context) return reportError(context.error());

  core::Stopwatch stopwatch;
  auto vessels = app::VesselSource::load(options.vessels, app::VesselSource::Period{setup->time, setup->time});
  if (!vessels) return reportError(vessels.error());
  render::OffscreenRenderer renderer(**context, {uint32_t(size->width), uint32_t(size->height)},
                                     options.msaa);
  const app::FrameContent content{*basemap, setup->style, setup->mode, vessels->get()};
  const timeline::CameraPose camera = app::startingCamera(setup->camera, !options.scene.camera.empty(), vessels->get(),
                                                          setup->mode, size->width, size->height);
  const scene::Frame frame = app::composeFrame(content, {setup->time, camera, size->width, size->height});
  stopwatch.lap("create renderer");
  core::Image image = renderer.render(frame);
  stopwatch.lap("first frame");
  auto labels = app::pictureLabels(content, !options.noOverlays);
  if (!labels) return reportError(labels.error());
  labels->paint(image, frame.view);
  if (!options.noOverlays) {  // what a video burns in: the date, the source and the legends
    auto overlay = app::recordingOverlay("", vessels->get(), **basemap, (*basemap)->layerStack);
    if (!overlay) return reportError(overlay.error());
    overlay->paint(image, setup->time, 0.0, 0.0, "", app::portsOnScreen(content, frame.view));
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
  command->add_option("--out", options->out, "Output PNG file")->required();
  command->add_option("--size", options->size, "Image size WIDTHxHEIGHT (default 1280x720)");
  command->add_option("--msaa", options->msaa, "Multisample count 1, 2, 4 or 8 (default 4)")
      ->check(CLI::IsMember({1, 2, 4, 8}));
  command->add_flag("--no-overlays", options->noOverlays,
                    "No date, source line, legends or port names (layer labels stay)");
  auto vessels = std::make_shared<VesselFlags>(*command, "", "Draw a scenario's ships at --time: scenario TOML or 'default'");
  addSceneOptions(*command, options->scene);
  return [options, vessels] {
    options->vessels = vessels->options();
    return runRender(*options);
  };
}

}  // namespace corridor::cli
