// Playback frame time against the number of vessels and the trail length: synthetic ships on
// trans-Pacific great circles (the deck.gl TripsLayer workload of shared/BENCHMARKS.md), drawn
// over an empty basemap as GPU-resident trips; baseline: the same frame with no vessels. For
// comparison, the same ships as a layer rebuilt on the CPU every frame (the AIS path).
//
//   corridor_bench_vessels [FRAMES] [WIDTHxHEIGHT] [MAX_SHIPS] [MSAA]   (default 10 1280x720 100000 4)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include "BenchUsage.h"
#include "core/Stopwatch.h"
#include "geo/Geodesic.h"
#include "gpu/Context.h"
#include "render/OffscreenRenderer.h"
#include "scene/Trips.h"

namespace {

using namespace corridor;

constexpr core::UtcMicros kHour = 3600LL * core::kMicrosPerSecond;
constexpr int kLegsPerCrossing = 60;  // 10 days from LA to Tokyo: a leg every 4 hours
constexpr core::UtcMicros kCrossing = 240 * kHour;
const core::UtcMicros kNow = 1'900'000'000LL * core::kMicrosPerSecond;  // 2030

// N ships between LA and Tokyo, bent by up to +-8 degrees of latitude, each somewhere along
// its crossing at kNow.
std::shared_ptr<const scene::Trips> synthetic(int ships, core::UtcMicros trailSpan) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const geo::LonLat la{-118.27, 33.74}, tokyo{139.77, 35.62};
  scene::TripsBuilder trips(kNow - kCrossing, kNow + kCrossing, trailSpan);
  trips.reserve(std::size_t(ships) * (kLegsPerCrossing + 1));
  for (int s = 0; s < ships; ++s) {
    const double bend = (unit(random) - 0.5) * 16.0;
    const core::UtcMicros depart = kNow - core::UtcMicros(unit(random) * double(kCrossing));
    const glm::vec4 color = scene::fuelColor(sim::Fuel(s % sim::kFuelCount));
    auto at = [&](double f) {
      geo::LonLat p = geo::geodesicInterpolate(la, tokyo, f);
      p.lat += bend * std::sin(3.14159265 * f);
      return p;
    };
    geo::LonLat previous = at(0.0);
    for (int i = 1; i <= kLegsPerCrossing; ++i) {
      geo::LonLat next = at(double(i) / kLegsPerCrossing);
      if (next.lon - previous.lon > 180) next.lon -= 360;
      if (next.lon - previous.lon < -180) next.lon += 360;
      trips.add({previous, next, depart + kCrossing * (i - 1) / kLegsPerCrossing,
                                depart + kCrossing * i / kLegsPerCrossing, color});
      previous = next;
    }
  }
  return std::move(trips).finish();
}

// The same ships at `time` as a layer built on the CPU: the part of each leg inside the trail.
std::shared_ptr<const scene::VesselLayer> cpuLayer(const scene::Trips& trips, core::UtcMicros time) {
  auto layer = std::make_shared<scene::VesselLayer>();
  const scene::Trips::Range range = trips.trailRange(time);
  auto point = [](const scene::TripSegment& s, core::UtcMicros t) {
    const double f = std::clamp(double(t - s.startTime) / double(s.endTime - s.startTime), 0.0, 1.0);
    return geo::LonLat{s.a.lon + (s.b.lon - s.a.lon) * f, s.a.lat + (s.b.lat - s.a.lat) * f};
  };
  for (std::size_t i = range.first; i < range.first + range.count; ++i) {
    const scene::TripSegment s = trips.segment(i);
    if (s.endTime < time - trips.trailSpan || s.startTime > time) continue;
    const core::UtcMicros from = std::max(s.startTime, time - trips.trailSpan), to = std::min(s.endTime, time);
    const auto age = [&](core::UtcMicros t) { return float(double(time - t) / double(trips.trailSpan)); };
    layer->trails.push_back({point(s, from), point(s, to), age(from), age(to), s.color});
    if (s.endTime > time) layer->glyphs.push_back({point(s, time), s.b, s.color});
  }
  return layer;
}

enum class Path { GpuTrips, CpuLayer };

// Median frame time over `frames` frames, the camera and the clock moving every frame.
double medianFrameMs(render::OffscreenRenderer& renderer, scene::Frame frame, Path path, int frames, int width,
                     int height) {
  std::vector<double> times;
  timeline::CameraPose camera;
  camera.lat = 40;
  camera.altitude = 9'000'000;
  const auto trips = frame.trips;
  for (int i = 0; i < frames + 1; ++i) {
    camera.lon = -169 + 0.2 * i;
    frame.view = scene::makeView(camera, scene::ViewMode::Globe, width, height);
    frame.time = kNow + i * 60 * core::kMicrosPerSecond;
    core::Stopwatch stopwatch;
    if (path == Path::CpuLayer && trips) {
      frame.trips = nullptr;
      frame.vessels = cpuLayer(*trips, frame.time);
    }
    renderer.renderOnly(frame);
    if (i > 0) times.push_back(stopwatch.seconds() * 1e3);  // the first frame uploads the trips
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[FRAMES] [WIDTHxHEIGHT] [MAX_SHIPS] [MSAA]   (default 10 1280x720 100000 4)\n"
      "Playback frame time against the number of ships and the trail length, against no ships.");
  const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
  int width = 1280, height = 720;
  if (argc > 2 && std::sscanf(argv[2], "%dx%d", &width, &height) != 2) arguments.fail("size: WIDTHxHEIGHT");
  const int maxShips = argc > 3 ? std::atoi(argv[3]) : 100000;
  const int msaa = argc > 4 ? std::atoi(argv[4]) : 4;
  auto context = gpu::Context::create({});
  if (!context) {
    std::fprintf(stderr, "%s\n", context.error().message.c_str());
    return 1;
  }
  render::OffscreenRenderer renderer(**context, {uint32_t(width), uint32_t(height)}, msaa);
  scene::Frame frame;
  frame.basemap = scene::buildBasemap({});
  const double baseline = medianFrameMs(renderer, frame, Path::GpuTrips, frames, width, height);
  std::printf("device %s, %dx%d, %dx MSAA, globe, median of %d frames\n", (*context)->deviceName().c_str(), width,
              height, msaa, frames);
  std::printf("baseline (no vessels)                  %9.2f ms\n", baseline);
  std::printf("ships    trail   GPU trips (x baseline)   CPU layer per frame (x GPU trips)\n");
  for (int ships = 1000; ships <= maxShips; ships *= 10) {
    for (const int trailHours : {12, 72}) {
      frame.trips = synthetic(ships, trailHours * kHour);
      const double gpu = medianFrameMs(renderer, frame, Path::GpuTrips, frames, width, height);
      const double cpu = medianFrameMs(renderer, frame, Path::CpuLayer, frames, width, height);
      std::printf("%6d  %3d h   %9.2f ms (%6.2fx)   %9.2f ms (%6.2fx)\n", ships, trailHours, gpu, gpu / baseline, cpu,
                  cpu / gpu);
    }
  }
  return 0;
}
