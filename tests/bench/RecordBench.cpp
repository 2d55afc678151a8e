// Recording throughput: the default scenario's ships on the basemap at 1280x720 and 1920x1080,
// the time per frame of rendering alone, rendering with readback, and H.264 encoding alone,
// then the whole pipeline with encoding on its own thread (record::AsyncSink), and with the
// still camera's basemap kept (as `corridor record` does), against the same work done one
// step after the other, in the same process.
//
//   corridor_bench_record LAND_FILE [FRAMES] [MSAA]     (default 60 4)
//
// LAND_FILE: prepared land geometry as `corridor` caches it (~/.cache/corridor/geodata/land/).
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "BenchUsage.h"
#include "core/Stopwatch.h"
#include "gpu/Context.h"
#include "record/AsyncSink.h"
#include "record/Mp4Writer.h"
#include "render/OffscreenRenderer.h"
#include "scene/LandFile.h"
#include "scene/VesselLayer.h"
#include "sim/Fleet.h"
#include "sim/ScenarioFile.h"

namespace {

using namespace corridor;

struct Timings {
  double renderMs = 0, renderReadbackMs = 0, encodeMs = 0, sequentialFps = 0, overlappedFps = 0, keptBasemapFps = 0;
};

Timings measure(const gpu::Context& context, const scene::Frame& base, const sim::Fleet& fleet,
                core::UtcMicros start, int width, int height, int frames, int msaa) {
  render::OffscreenRenderer renderer(context, {uint32_t(width), uint32_t(height)}, msaa);
  scene::Frame frame = base;
  frame.view = scene::makeView({}, scene::ViewMode::Globe, width, height);
  frame.trips = scene::buildTrips(fleet, start, start + core::UtcMicros(frames + 3) * 3600 * core::kMicrosPerSecond,
                                  3 * 86400LL * core::kMicrosPerSecond, scene::VesselColoring::Fuel);
  auto at = [&](int k) {
    frame.time = start + core::UtcMicros(k) * 3600 * core::kMicrosPerSecond;
    return frame;
  };
  const std::filesystem::path video = std::filesystem::temp_directory_path() / "corridor_bench_record.mp4";
  Timings t;
  for (int k = 0; k < 3; ++k) renderer.render(at(k));  // warm-up: pipelines, first uploads
  core::Stopwatch clock;
  for (int k = 0; k < frames; ++k) renderer.renderOnly(at(k));
  t.renderMs = clock.seconds() * 1000 / frames;
  std::vector<core::Image> images;
  clock = {};
  for (int k = 0; k < frames; ++k) images.push_back(renderer.render(at(k)));
  t.renderReadbackMs = clock.seconds() * 1000 / frames;
  {
    auto writer = record::Mp4Writer::open(video, {width, height, 30, 20});
    clock = {};
    for (const core::Image& image : images) (void)(*writer)->write(image);
    (void)(*writer)->finish();
    t.encodeMs = clock.seconds() * 1000 / frames;
  }
  {  // one step after the other
    auto writer = record::Mp4Writer::open(video, {width, height, 30, 20});
    clock = {};
    for (int k = 0; k < frames; ++k) (void)(*writer)->write(renderer.render(at(k)));
    (void)(*writer)->finish();
    t.sequentialFps = frames / clock.seconds();
  }
  {  // encoding on its own thread while the next frame renders
    auto writer = record::Mp4Writer::open(video, {width, height, 30, 20});
    record::AsyncSink sink({writer->get()});
    clock = {};
    for (int k = 0; k < frames; ++k) (void)sink.write(renderer.render(at(k)));
    (void)sink.finish();
    t.overlappedFps = frames / clock.seconds();
  }
  {  // and the still camera's basemap kept, as 'corridor record' does
    auto writer = record::Mp4Writer::open(video, {width, height, 30, 20});
    record::AsyncSink sink({writer->get()});
    renderer.cacheStillBasemap(true);
    clock = {};
    for (int k = 0; k < frames; ++k) (void)sink.write(renderer.render(at(k)));
    (void)sink.finish();
    t.keptBasemapFps = frames / clock.seconds();
  }
  std::filesystem::remove(video);
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "LAND_FILE [FRAMES] [MSAA]   (default 60 4)\n"
      "Recording throughput by step and as a pipeline. LAND_FILE: prepared land as corridor caches it\n"
      "(~/.cache/corridor/geodata/land/).");
  if (argc < 2) arguments.fail("LAND_FILE missing");
  const int frames = argc > 2 ? std::max(2, std::atoi(argv[2])) : 60;
  const int msaa = argc > 3 ? std::max(1, std::atoi(argv[3])) : 4;
  auto land = scene::readLandFile(argv[1]);
  if (!land) {
    std::fprintf(stderr, "%s\n", land.error().message.c_str());
    return 1;
  }
  scene::Frame base;
  base.basemap = scene::buildBasemap({std::move(land->land), std::move(land->outlines), {}, {}});
  auto scenario = sim::loadScenario(std::string(CORRIDOR_SOURCE_DIR) + "/assets/scenarios/transpacific.toml",
                                    "green-corridor");
  if (!scenario) {
    std::fprintf(stderr, "%s\n", scenario.error().message.c_str());
    return 1;
  }
  const core::UtcMicros start = *core::parseIso8601("2030-06-01");
  const sim::Fleet fleet(*scenario, start - 4 * 86400LL * core::kMicrosPerSecond,
                         start + core::UtcMicros(frames + 1) * 3600 * core::kMicrosPerSecond);
  auto context = gpu::Context::create({});
  if (!context) {
    std::fprintf(stderr, "%s\n", context.error().message.c_str());
    return 1;
  }
  std::printf("%d frames per size, MSAA %d, on %s\n", frames, msaa, (*context)->deviceName().c_str());
  std::printf("%-10s %10s %10s %10s %10s %12s %12s %8s %14s %8s\n", "size", "render ms", "readback", "encode ms",
              "sum ms", "sequential", "overlapped", "ratio", "kept basemap", "ratio");
  for (auto [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
    const Timings t = measure(**context, base, fleet, start, width, height, frames, msaa);
    std::printf("%4dx%-5d %10.1f %10.1f %10.1f %10.1f %9.2f fps %9.2f fps %7.2fx %10.2f fps %7.2fx\n", width, height,
                t.renderMs, t.renderReadbackMs - t.renderMs, t.encodeMs, t.renderReadbackMs + t.encodeMs,
                t.sequentialFps, t.overlappedFps, t.overlappedFps / t.sequentialFps, t.keptBasemapFps,
                t.keptBasemapFps / t.sequentialFps);
  }
  return 0;
}
