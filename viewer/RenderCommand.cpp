#include <chrono>
#include <cstdio>
#include <optional>

#include "BasemapOptions.h"
#include "CliParsers.h"
#include "core/Stopwatch.h"
#include "Commands.h"
#include "geo/Sun.h"
#include "gpu/Context.h"
#include "render/OffscreenRenderer.h"
#include "VesselSource.h"

namespace corridor::viewer {
namespace {

struct RenderOptions {
  SceneOptions scene;
  VesselSourceOptions vessels;
  std::string out;
  std::string size = "1280x720";
  int msaa = 4;
};

int runRender(const RenderOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto size = parseSize(options.size);
  if (!size) return reportError(size.error());
  auto setup = resolveScene(options.scene);
  if (!setup) return reportError(setup.error());
  auto basemap = loadBasemap(options.scene, setup->style.kind == scene::BasemapKind::Imagery);
  if (!basemap) return reportError(basemap.error());
  auto context = gpu::Context::create({options.scene.validation, options.scene.device, {}, {}});
  if (!context) return reportError(context.error());

  core::Stopwatch stopwatch;
  auto vessels = VesselSource::load(options.vessels, VesselSource::Period{setup->time, setup->time});
  if (!vessels) return reportError(vessels.error());
  render::OffscreenRenderer renderer(**context, {uint32_t(size->width), uint32_t(size->height)},
                                     options.msaa);
  scene::Frame frame;
  frame.view = scene::makeView(setup->camera, setup->mode, size->width, size->height);
  frame.basemap = *basemap;
  frame.style = setup->style;
  frame.subsolarPoint = geo::subsolarPoint(setup->time);
  if (*vessels) {
    (*vessels)->fill(frame, setup->time);
    frame.ports = (*vessels)->portLayerAt(setup->time, setup->camera, 0.0, true);
  }
  stopwatch.lap("create renderer");
  const core::Image image = renderer.render(frame);
  stopwatch.lap("first frame");
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
  addVesselSourceOptions(*command, options->vessels,
                         "Draw a scenario's ships at --time: scenario TOML or 'default'");
  addSceneOptions(*command, options->scene);
  return [options] { return runRender(*options); };
}

}  // namespace corridor::viewer
