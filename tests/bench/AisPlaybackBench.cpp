// Playback of a whole AIS day as GPU trips: load, building the viewer's window of trips (an hour
// before to six after noon), upload and frame time over an empty basemap, against the same
// frames with no vessels (the baseline, same run); with every report, with those the viewer keeps
// (app::aisTripTolerance with app::kViewerZoomHeadroom) and with those a picture or video of the
// same view keeps (app::aisTripTolerance). The day is the file corridor_bench_ais
// generates (about 9 M reports of 6,000 ships in the North Pacific).
//
//   corridor_bench_ais_playback [FILE] [FRAMES] [WIDTHxHEIGHT] [MSAA]
//       (default /tmp/corridor-bench/AIS_2022_06_01.csv 10 1280x720 4)
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "BenchUsage.h"
#include "app/AisInput.h"
#include "app/AisVesselLayer.h"
#include "core/Stopwatch.h"
#include "geo/MapProjection.h"
#include "gpu/Context.h"
#include "render/OffscreenRenderer.h"

namespace {

using namespace corridor;

constexpr core::UtcMicros kMinute = 60 * core::kMicrosPerSecond;

long peakMemoryMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// Median frame time (render + readback) over `frames` frames from `start`, ten minutes apart,
// the camera turning a little each frame; the first frame (which uploads the trips) apart.
struct FrameTimes {
  double firstMs = 0, medianMs = 0;
};

scene::View viewOfFrame(int i, int width, int height) {
  timeline::CameraPose camera;
  camera.lat = 38;
  camera.altitude = 9'000'000;
  camera.lon = -175 + 0.2 * i;
  return scene::makeView(camera, scene::ViewMode::Globe, width, height);
}

FrameTimes measure(render::OffscreenRenderer& renderer, scene::Frame frame, core::UtcMicros start, int frames,
                   int width, int height) {
  std::vector<double> times;
  FrameTimes result;
  for (int i = 0; i < frames + 1; ++i) {
    frame.view = viewOfFrame(i, width, height);
    frame.time = start + i * 10 * kMinute;
    core::Stopwatch stopwatch;
    renderer.renderOnly(frame);
    const double ms = stopwatch.seconds() * 1e3;
    if (i == 0) {
      result.firstMs = ms;
    } else {
      times.push_back(ms);
    }
  }
  std::sort(times.begin(), times.end());
  result.medianMs = times[times.size() / 2];
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[FILE] [FRAMES] [WIDTHxHEIGHT] [MSAA]   (default the corridor_bench_ais day, 10 1280x720 4)\n"
      "A whole AIS day as GPU trips: load, window build, upload and frame time against no vessels.");
  const std::string file = argc > 1 ? argv[1] : "/tmp/corridor-bench/AIS_2022_06_01.csv";
  const int frames = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
  int width = 1280, height = 720;
  if (argc > 3 && std::sscanf(argv[3], "%dx%d", &width, &height) != 2) arguments.fail("size: WIDTHxHEIGHT");
  const int msaa = argc > 4 ? std::atoi(argv[4]) : 4;
  auto loaded = app::loadAisTracks({file}, {}, {});
  if (loaded) {
    if (auto kept = app::requireKeptRows(*loaded, {file}); !kept) loaded = std::unexpected(kept.error());
  }
  if (!loaded) {
    std::fprintf(stderr, "%s (corridor_bench_ais generates the day)\n", loaded.error().message.c_str());
    return 1;
  }
  const io::AisTrackSet& set = loaded->tracks;
  const auto [first, last] = std::minmax_element(set.time.begin(), set.time.end());
  std::printf("%s: %zu points, %zu vessels, %zu tracks, loaded in %.2f s\n", file.c_str(), set.pointCount(),
              set.vessels.size(), set.tracks.size(), loaded->seconds);

  auto context = gpu::Context::create({});
  if (!context) {
    std::fprintf(stderr, "%s\n", context.error().message.c_str());
    return 1;
  }
  render::OffscreenRenderer renderer(**context, {uint32_t(width), uint32_t(height)}, msaa);
  scene::Frame frame;
  frame.basemap = scene::buildBasemap({});
  const core::UtcMicros noon = *first + (*last - *first) / 2;
  const FrameTimes baseline = measure(renderer, frame, noon, frames, width, height);
  std::printf("device %s, %dx%d, %dx MSAA, globe, median of %d frames\n", (*context)->deviceName().c_str(), width,
              height, msaa, frames);
  std::printf("baseline (no vessels)            %9.2f ms\n", baseline.medianMs);
  // Every report, those the viewer keeps, and those a picture or video of this view keeps.
  const scene::View view = viewOfFrame(0, width, height);
  const double viewerTolerance = app::aisTripTolerance(view, app::kViewerZoomHeadroom);
  const double pictureTolerance = app::aisTripTolerance(view);
  std::printf("trail  reports kept     legs in window   build s   GPU MB   first frame (upload)"
              "   frame (x baseline)\n");
  for (const int trailHours : {1, 72}) {
    for (const double tolerance : {0.0, viewerTolerance, pictureTolerance}) {
      core::Stopwatch build;
      frame.trips = app::buildAisTrips(set, noon - 60 * kMinute, noon + 360 * kMinute, trailHours * 60 * kMinute,
                                       app::kDefaultAisHold, tolerance);
      const double buildSeconds = build.seconds();
      const std::size_t legs = frame.trips->legs.size();
      const double gpuMegabytes = 1e-6 * double(20 * frame.trips->points.size() + 4 * legs);
      const FrameTimes times = measure(renderer, frame, noon, frames, width, height);
      const double metres = tolerance * geo::MapProjection::kMetersPerDegree;
      const std::string kept = tolerance > 0 ? "within " + std::to_string(int(metres)) + " m" : "all";
      std::printf("%3d h  %-14s %12zu   %7.2f   %6.0f   %12.0f ms         %9.2f ms (%6.2fx)\n", trailHours,
                  kept.c_str(), legs, buildSeconds, gpuMegabytes, times.firstMs, times.medianMs,
                  times.medianMs / baseline.medianMs);
    }
  }
  std::printf("peak memory %ld MB\n", peakMemoryMb());
  return 0;
}
