// Basemap rendering: time to first frame (by phase), frame time (median of N frames while the
// camera moves, render + readback), and peak memory. Baseline: the same frames with an empty
// basemap (background pass and readback only), in the same process.
//
//   corridor_bench_render LAND_FILE [WIDTHxHEIGHT] [FRAMES] [MSAA]     (default 1920x1080 20 4)
//
// LAND_FILE is prepared land geometry as `corridor` caches it (~/.cache/corridor/geodata/land/):
// the benchmark needs no GDAL, so it also runs on GPU machines without the geodata stack.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "BenchUsage.h"
#include "core/Stopwatch.h"
#include "gpu/Context.h"
#include "scene/LandFile.h"
#include "render/OffscreenRenderer.h"

namespace {

using namespace corridor;

std::shared_ptr<const scene::Basemap> loadLand(const char* path) {
  auto land = scene::readLandFile(path);
  if (!land) throw std::runtime_error(land.error().message);
  return scene::buildBasemap({std::move(land->land), std::move(land->outlines), {}, {}});
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// Median milliseconds per frame over `frames` frames, the camera turning a little each frame.
double frameTimes(render::OffscreenRenderer& renderer, const scene::Frame& base, int frames,
                  bool readBack) {
  std::vector<double> times;
  scene::Frame frame = base;
  timeline::CameraPose camera;
  for (int i = 0; i < frames; ++i) {
    camera.lon = -170.0 + i * 0.5;
    frame.view = scene::makeView(camera, scene::ViewMode::Globe, int(renderer.size().width),
                                 int(renderer.size().height));
    core::Stopwatch stopwatch;
    if (readBack) {
      renderer.render(frame);
    } else {
      renderer.renderOnly(frame);
    }
    times.push_back(stopwatch.seconds() * 1000.0);
  }
  return median(times);
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "LAND_FILE [WIDTHxHEIGHT] [FRAMES] [MSAA]   (default 1920x1080 20 4)\n"
      "Basemap rendering: first frame by phase, frame time and peak memory, against an empty basemap.\n"
      "LAND_FILE: prepared land as corridor caches it (~/.cache/corridor/geodata/land/).");
  int width = 1920, height = 1080, frames = 20;
  if (argc < 2) arguments.fail("LAND_FILE missing");
  if (argc > 2 && std::sscanf(argv[2], "%dx%d", &width, &height) != 2) arguments.fail("size: WIDTHxHEIGHT");
  if (argc > 3) frames = std::max(1, std::atoi(argv[3]));
  const int msaa = argc > 4 ? std::max(1, std::atoi(argv[4])) : 4;

  core::Stopwatch total, phase;
  const auto basemap = loadLand(argv[1]);
  const double loadSeconds = phase.seconds();
  phase = {};
  auto context = gpu::Context::create({});
  if (!context) {
    std::fprintf(stderr, "%s\n", context.error().message.c_str());
    return 1;
  }
  render::OffscreenRenderer renderer(**context, {uint32_t(width), uint32_t(height)}, msaa);
  const double setupSeconds = phase.seconds();
  phase = {};
  scene::Frame frame;
  frame.basemap = basemap;
  frame.view = scene::makeView({}, scene::ViewMode::Globe, width, height);
  renderer.render(frame);
  const double firstFrameSeconds = phase.seconds();
  const double timeToFirstFrame = total.seconds();

  scene::Frame empty = frame;
  empty.basemap = scene::buildBasemap({});
  const double full = frameTimes(renderer, frame, frames, true);
  const double baseline = frameTimes(renderer, empty, frames, true);
  const double fullDraw = frameTimes(renderer, frame, frames, false);
  const double baselineDraw = frameTimes(renderer, empty, frames, false);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("device                 %s\n", (*context)->deviceName().c_str());
  std::printf("size                   %dx%d, %dx MSAA, %d frames\n", width, height, msaa, frames);
  std::printf("time to first frame    %.0f ms (cached land %.0f, Vulkan setup %.0f, first frame %.0f)\n",
              timeToFirstFrame * 1000, loadSeconds * 1000, setupSeconds * 1000,
              firstFrameSeconds * 1000);
  std::printf("frame, full basemap    %.1f ms median (render + readback)\n", full);
  std::printf("frame, empty basemap   %.1f ms median (baseline: background + readback)\n", baseline);
  std::printf("ratio full / baseline  %.2f\n", full / baseline);
  std::printf("draw only (no readback) full %.2f ms, empty %.2f ms, ratio %.2f\n", fullDraw,
              baselineDraw, fullDraw / baselineDraw);
  std::printf("peak memory            %.0f MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
