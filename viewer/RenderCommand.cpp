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
#include "scene/VesselLayer.h"
#include "sim/Fleet.h"
#include "sim/ScenarioFile.h"

namespace corridor::viewer {
namespace {

struct RenderOptions {
  SceneOptions scene;
  std::string scenario;
  std::string variant;
  double trailHours = 72;
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
  std::optional<sim::Scenario> scenario;
  std::optional<sim::Fleet> fleet;
  if (!options.scenario.empty()) {
    auto loaded = sim::loadScenario(scenarioPath(options.scenario), options.variant);
    if (!loaded) return reportError(loaded.error());
    scenario = std::move(*loaded);
    const auto trail = core::UtcMicros(options.trailHours * 3600.0) * core::kMicrosPerSecond;
    fleet.emplace(*scenario, setup->time - trail, setup->time + core::kMicrosPerSecond);
  }
  render::OffscreenRenderer renderer(**context, {uint32_t(size->width), uint32_t(size->height)},
                                     options.msaa);
  scene::Frame frame;
  frame.view = scene::makeView(setup->camera, setup->mode, size->width, size->height);
  frame.basemap = *basemap;
  frame.style = setup->style;
  frame.subsolarPoint = geo::subsolarPoint(setup->time);
  if (fleet) {
    scene::VesselLayerOptions layer;
    layer.trailSpan = core::UtcMicros(options.trailHours * 3600.0) * core::kMicrosPerSecond;
    frame.vessels = scene::buildVesselLayer(*fleet, setup->time, layer);
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
  command->add_option("--scenario", options->scenario,
                      "Draw a scenario's ships at --time: scenario TOML or 'default'");
  command->add_option("--variant", options->variant, "Scenario variant (default: the base)");
  command->add_option("--trail-hours", options->trailHours, "Length of the vessel trails (default 72)")
      ->check(CLI::Range(0.0, 24.0 * 90));
  addSceneOptions(*command, options->scene);
  return [options] { return runRender(*options); };
}

}  // namespace corridor::viewer
